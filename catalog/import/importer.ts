/**
 * `importCatalog`: all-or-nothing import of a catalog source (file, folder or in-memory document).
 * Every row is validated and every reference checked first; any problem rejects the whole import
 * with all problems listed. Otherwise everything is written as upserts in one transaction.
 */
import type { Db } from "../db.ts";
import { SECTION_NAMES, type ImportDocument, type SectionName } from "./format.ts";
import { ImportError, type ImportProblem } from "./errors.ts";
import { readImportSource, sourceFromDocument } from "./read.ts";
import { validateRows } from "./validate.ts";
import { checkReferences } from "./references.ts";
import { mediaWarnings } from "./rule-keys.ts";
import { IMPORT_TABLES, writeImport } from "./write.ts";
import {
  categoryNamesChanged,
  rebuildSearchIndex,
  refreshSearchTerms,
  searchVocabularyChanged,
  shouldRebuildSearch,
  withSearchTriggersSuspended,
} from "./search-index.ts";
import { checkLanguages } from "./language-checks.ts";

export interface ImportProgress {
  /**
   * `read` while reading files (section = the source path), `validate` while checking rows, `write` while
   * writing them (last sections: `search index` when a bulk import rebuilds it, then `commit`).
   */
  phase: "read" | "validate" | "write";
  section: string;
  done: number;
  total: number;
}

export interface ImportCatalogOptions {
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportSummary {
  /** Rows imported per section (sections absent from the source are omitted). */
  counts: Partial<Record<SectionName, number>>;
  /** Rows that did not exist before, per section (the rest updated existing rows). */
  added: Partial<Record<SectionName, number>>;
  rows: number;
  files: string[];
  /**
   * Things that import but deserve a look, in the same shape as problems: material/medium rows nothing references
   * (a material no product or option has, a medium no machine runs). The CLI prints them.
   */
  warnings: ImportProblem[];
  validateMs: number;
  writeMs: number;
  durationMs: number;
}

/**
 * @example
 *   const summary = importCatalog(db, "catalog/seed/demo");
 *   try { importCatalog(db, doc) } catch (e) { if (e instanceof ImportError) console.log(e.problems) }
 * @throws ImportError with every problem when anything is wrong; the database is then unchanged.
 */
export function importCatalog(
  db: Db,
  source: string | ImportDocument,
  options: ImportCatalogOptions = {},
): ImportSummary {
  const started = performance.now();
  const client = db.$client;
  const { onProgress } = options;
  const label = typeof source === "string" ? source : "document";
  onProgress?.({ phase: "read", section: label, done: 0, total: 1 });
  const input = typeof source === "string" ? readImportSource(source) : sourceFromDocument(source);
  onProgress?.({ phase: "read", section: label, done: 1, total: 1 });
  const problems: ImportProblem[] = [...input.problems];
  // Validation runs outside the write lock (it is the slow part); data_version tells whether another connection
  // committed meanwhile, in which case the references are checked again under the lock.
  const dataVersion = client.pragma("data_version", { simple: true });
  const valid = validateRows(
    input,
    problems,
    onProgress && ((section, done, total) => onProgress({ phase: "validate", section, done, total })),
  );
  checkReferences(client, input, valid, problems);
  checkLanguages(client, input, valid, problems);
  if (problems.length > 0) throw new ImportError(sortProblems(problems));
  const warnings = sortProblems(mediaWarnings(client, valid));
  const validated = performance.now();

  const counts: ImportSummary["counts"] = {};
  const added: ImportSummary["added"] = {};
  const step = (section: string, done: number) => onProgress?.({ phase: "write", section, done, total: 1 });
  const write = () =>
    writeImport(
      client,
      valid.parsed,
      onProgress && ((section, done, total) => onProgress({ phase: "write", section, done, total })),
    );
  const rebuild = () => {
    step("search index", 0);
    rebuildSearchIndex(client);
    step("search index", 1);
  };
  client
    .transaction(() => {
      if (client.pragma("data_version", { simple: true }) !== dataVersion) {
        const again: ImportProblem[] = [];
        checkReferences(client, input, valid, again);
        checkLanguages(client, input, valid, again);
        if (again.length > 0) throw new ImportError(sortProblems(again));
      }
      input.sections = {}; // the raw rows are no longer needed: let a 100k-SKU import's first copy be collected
      const before: Partial<Record<SectionName, number>> = {};
      for (const section of SECTION_NAMES) {
        const rows = valid.parsed[section];
        if (!rows) continue;
        counts[section] = rows.length;
        before[section] = countRows(db, section);
      }
      const importedProducts = valid.parsed.products?.length ?? 0;
      if (shouldRebuildSearch(importedProducts, (before.products ?? 0) + importedProducts)) {
        withSearchTriggersSuspended(client, write, rebuild);
      } else {
        const renamedCategories = categoryNamesChanged(client, valid.parsed.categories ?? []);
        write();
        if (renamedCategories || searchVocabularyChanged(valid.parsed)) rebuild();
        else
          refreshSearchTerms(
            client,
            (valid.parsed.products ?? []).map((p) => p.sku),
          );
      }
      for (const section of Object.keys(before) as SectionName[])
        added[section] = countRows(db, section) - (before[section] ?? 0);
      step("commit", 0);
    })
    .immediate();
  step("commit", 1);

  const finished = performance.now();
  return {
    counts,
    added,
    rows: Object.values(counts).reduce((a, n) => a + n, 0),
    files: input.files,
    warnings,
    validateMs: validated - started,
    writeMs: finished - validated,
    durationMs: finished - started,
  };
}

/** Problems in reading order: by file, then by position (`products[2]` before `products[10]`, line 3 before 14). */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const collator = new Intl.Collator("en", { numeric: true });
  // Section files in the format's section order (categories before products); a single file keeps that order in its paths.
  const sectionRank = (name: string | undefined) => (SECTION_NAMES as string[]).indexOf(name ?? "");
  const fileRank = (file: string) => sectionRank(/^(\w+)\.(json|csv)$/i.exec(file)?.[1]);
  const pathRank = (path: string) => sectionRank(/^(\w+)\[/.exec(path)?.[1]);
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        fileRank(a.p.file) - fileRank(b.p.file) ||
        collator.compare(a.p.file, b.p.file) ||
        pathRank(a.p.path) - pathRank(b.p.path) ||
        collator.compare(a.p.path, b.p.path) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

function countRows(db: Db, section: SectionName): number {
  const table = IMPORT_TABLES[section];
  if (!table) return 0;
  return (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
