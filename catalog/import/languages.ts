/**
 * Keeps only some of a catalog's languages: the texts, feature names, configuration labels and synonyms of every
 * other language are dropped and the search index rebuilt. What a shop with an English-only (or German-only)
 * catalog has — the evals use it to measure a buyer who writes in a language the catalog has no texts in
 * (`npm run evals -- --catalog-languages en`).
 */
import type { Db } from "../db.ts";
import { readCatalogLanguages } from "../queries/language.ts";
import { rebuildSearchIndex } from "../queries/search.ts";

const TABLES = ["product_texts", "category_texts", "feature_names", "config_texts", "synonyms"] as const;

/** Drops every language not in `keep` (the default language always stays: the base texts are in it). */
export function keepLanguages(db: Db, keep: readonly string[]): void {
  const sqlite = db.$client;
  const { defaultLanguage } = readCatalogLanguages(sqlite);
  const kept = JSON.stringify([...new Set([defaultLanguage, ...keep])]);
  sqlite.transaction(() => {
    for (const table of TABLES)
      sqlite.prepare(`DELETE FROM ${table} WHERE lang NOT IN (SELECT value FROM json_each(?))`).run(kept);
    sqlite.prepare("DELETE FROM catalog_languages WHERE code NOT IN (SELECT value FROM json_each(?))").run(kept);
  })();
  rebuildSearchIndex(db);
}
