/** The catalog importer's public surface. Format: docs/import-format.md. */
export { importCatalog, type ImportCatalogOptions, type ImportProgress, type ImportSummary } from "./importer.ts";
export { ImportError, formatProblem, type ImportProblem } from "./errors.ts";
export { readImportSource, type ImportSource } from "./read.ts";
