/**
 * Reads an import source from disk: one `.json` file holding several sections as keys, or a folder of
 * `<section>.json` files (each a JSON array of rows) and/or `<section>.csv` for products, stock and prices.
 * Nothing is validated here beyond "is this readable"; every row keeps its file and position so that
 * later problems point at the source.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { CSV_SECTIONS, SECTION_NAMES, type SectionName } from "./format.ts";
import { parseCsvSection } from "./csv.ts";
import type { ImportProblem, RowOrigin } from "./errors.ts";

/** Rows as read (unvalidated) per section, with where each came from. */
export interface ImportSource {
  sections: Partial<Record<SectionName, unknown[]>>;
  origins: Partial<Record<SectionName, RowOrigin[]>>;
  /** Problems found while reading (unreadable files, bad CSV cells, unknown sections). */
  problems: ImportProblem[];
  files: string[];
}

const isSection = (name: string): name is SectionName => (SECTION_NAMES as string[]).includes(name);
const isCsvSection = (name: string): name is (typeof CSV_SECTIONS)[number] =>
  (CSV_SECTIONS as readonly string[]).includes(name);

/** @example const source = readImportSource("catalog/seed/demo"); */
export function readImportSource(path: string): ImportSource {
  const source: ImportSource = { sections: {}, origins: {}, problems: [], files: [] };
  let stat;
  try {
    stat = statSync(path);
  } catch {
    source.problems.push({ file: path, path: "", field: "", reason: "no such file or folder" });
    return source;
  }
  if (stat.isDirectory()) readFolder(path, source);
  else readSingleFile(path, source);
  return source;
}

/** Wraps an in-memory document (already parsed JSON) the same way a single file is read. */
export function sourceFromDocument(document: unknown, file = "document"): ImportSource {
  const source: ImportSource = { sections: {}, origins: {}, problems: [], files: [] };
  addDocument(document, file, source);
  return source;
}

function readSingleFile(path: string, source: ImportSource): void {
  const file = basename(path);
  source.files.push(path);
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") {
    // A lone CSV file is allowed when its name says which section it holds (products.csv).
    const section = basename(file, ext);
    if (isCsvSection(section)) addCsv(section, file, readText(path, file, source), source);
    else
      source.problems.push({
        file,
        path: "",
        field: "",
        reason: `a CSV file must be named ${CSV_SECTIONS.map((s) => `${s}.csv`).join(", ")}`,
      });
    return;
  }
  const json = parseJson(readText(path, file, source), file, source);
  if (json === undefined) return;
  const section = basename(file, ext);
  // products.json holding an array is a one-section file, as in a folder.
  if (Array.isArray(json) && isSection(section)) addRows(section, json, file, "", source);
  else addDocument(json, file, source);
}

function readFolder(dir: string, source: ImportSource): void {
  const names = readdirSync(dir).sort();
  for (const name of names) {
    const ext = extname(name).toLowerCase();
    if (ext !== ".json" && ext !== ".csv") continue;
    const section = basename(name, extname(name));
    const full = join(dir, name);
    if (!statSync(full).isFile()) continue;
    if (!isSection(section)) {
      source.problems.push({
        file: name,
        path: "",
        field: "",
        reason: `not a section of the import format (sections: ${SECTION_NAMES.join(", ")})`,
      });
      continue;
    }
    source.files.push(full);
    if (ext === ".csv") {
      if (isCsvSection(section)) addCsv(section, name, readText(full, name, source), source);
      else
        source.problems.push({
          file: name,
          path: "",
          field: "",
          reason: `only ${CSV_SECTIONS.join(", ")} may come as CSV`,
        });
      continue;
    }
    const json = parseJson(readText(full, name, source), name, source);
    if (json === undefined) continue;
    if (Array.isArray(json)) addRows(section, json, name, "", source);
    else source.problems.push({ file: name, path: "", field: "", reason: "expected a JSON array of rows" });
  }
}

function addDocument(document: unknown, file: string, source: ImportSource): void {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    source.problems.push({
      file,
      path: "",
      field: "",
      reason: `expected an object with section keys (${SECTION_NAMES.join(", ")})`,
    });
    return;
  }
  for (const [key, rows] of Object.entries(document)) {
    if (key === "$schema" || key === "$comment" || rows === undefined) continue;
    if (!isSection(key)) {
      source.problems.push({ file, path: key, field: "", reason: "not a section of the import format" });
    } else if (!Array.isArray(rows)) {
      source.problems.push({ file, path: key, field: "", reason: "expected an array of rows" });
    } else {
      addRows(key, rows, file, key, source);
    }
  }
}

function addRows(section: SectionName, rows: unknown[], file: string, prefix: string, source: ImportSource): void {
  const target = (source.sections[section] ??= []);
  const origins = (source.origins[section] ??= []);
  for (let i = 0; i < rows.length; i++) {
    target.push(rows[i]);
    origins.push({ file, path: `${prefix}[${i}]` });
  }
}

function addCsv(
  section: (typeof CSV_SECTIONS)[number],
  file: string,
  text: string | undefined,
  source: ImportSource,
): void {
  if (text === undefined) return;
  const csv = parseCsvSection(section, file, text);
  source.problems.push(...csv.problems);
  const target = (source.sections[section] ??= []);
  const origins = (source.origins[section] ??= []);
  for (let i = 0; i < csv.rows.length; i++) {
    target.push(csv.rows[i]);
    origins.push(csv.origins[i]!);
  }
}

function readText(path: string, file: string, source: ImportSource): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    source.problems.push({ file, path: "", field: "", reason: `cannot read: ${(err as Error).message}` });
    return undefined;
  }
}

function parseJson(text: string | undefined, file: string, source: ImportSource): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    source.problems.push({ file, path: "", field: "", reason: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
}
