/**
 * Import problems are data: every bad row, cell and reference becomes one `ImportProblem`, and an
 * import with any problem is rejected as a whole with all of them listed in one `ImportError`.
 */

export interface ImportProblem {
  /** File the row came from (`products.csv`, `catalog.json`), or `document` for an in-memory document. */
  file: string;
  /** Where in the file: a JSON path such as `products[12]` / `[12]`, or the CSV line number (`14`). */
  path: string;
  /** Field inside the row (`features.voltage`, `groups[0].default`); empty when the whole row or file is at fault. */
  field: string;
  reason: string;
}

export class ImportError extends Error {
  override readonly name = "ImportError";
  constructor(readonly problems: ImportProblem[]) {
    super(
      `import rejected: ${problems.length} problem${problems.length === 1 ? "" : "s"}` +
        (problems[0] ? ` (first: ${formatProblem(problems[0])})` : ""),
    );
  }
}

/** `products.csv:14 listPriceCents — expected a number, got "abc"` */
export function formatProblem(p: ImportProblem): string {
  if (!p.path && !p.field) return `${p.file} — ${p.reason}`; // the whole file is at fault
  const where = p.path ? `${p.file}:${p.path}` : p.file;
  return `${where} ${p.field || "(row)"} — ${p.reason}`;
}

/** Where a row came from, kept so that problems found later (references, duplicates) point at the source. */
export interface RowOrigin {
  file: string;
  path: string;
}

/** `groups[0].options[1].value` from a zod-style path. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
