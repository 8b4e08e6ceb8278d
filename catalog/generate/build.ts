/**
 * Generate a catalog folder and (optionally) import it into a database file, timing each step the
 * way a shop admin would experience it. Shared by `npm run catalog:generate` and `npm run bench`.
 */
import { existsSync, statSync } from "node:fs";
import { openDatabase } from "../db.ts";
import { importCatalog, type ImportProgress } from "../import/importer.ts";
import { generateCatalog, writeCatalogFolder, type GenerateOptions } from "./index.ts";

export interface BuildCatalogOptions extends GenerateOptions {
  outDir: string;
  /** Import the written folder into this database file. */
  dbPath?: string;
  onImportProgress?: (p: ImportProgress) => void;
}

export interface BuildCatalogResult {
  outDir: string;
  rows: Record<string, number>;
  jsonBytes: number;
  generateMs: number;
  import?: { dbPath: string; importMs: number; dbBytes: number; rows: number };
}

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

export function buildCatalog(options: BuildCatalogOptions): BuildCatalogResult {
  const { outDir, dbPath, onImportProgress, ...generate } = options;
  const started = performance.now();
  // Scoped so the in-memory document can be collected before the importer reads the folder back.
  const written = (() => {
    const doc = generateCatalog(generate);
    const result = writeCatalogFolder(doc, outDir);
    return { bytes: result.bytes, rows: Object.fromEntries(result.files.map((f) => [f.section, f.rows])) };
  })();
  const generateMs = performance.now() - started;
  const out: BuildCatalogResult = { outDir, rows: written.rows, jsonBytes: written.bytes, generateMs };
  if (!dbPath) return out;

  const importStarted = performance.now();
  const db = openDatabase(dbPath);
  try {
    const summary = importCatalog(db, outDir, onImportProgress ? { onProgress: onImportProgress } : {});
    // The size a user sees on disk once the WAL is folded back in.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const importMs = performance.now() - importStarted;
    out.import = { dbPath, importMs, dbBytes: fileSize(dbPath) + fileSize(`${dbPath}-wal`), rows: summary.rows };
  } finally {
    db.$client.close();
  }
  return out;
}
