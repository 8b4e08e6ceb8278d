/**
 * Keeps only some of a catalog's languages: the texts, feature names, configuration labels and synonyms of every
 * other language are dropped and the search index rebuilt. What a shop with an English-only (or German-only)
 * catalog has — the evals use it to measure a buyer who writes in a language the catalog has no texts in
 * (`npm run evals -- --catalog-languages en`, `--catalog-languages de`).
 */
import type { Db } from "../db.ts";
import { readCatalogLanguages } from "../queries/language.ts";
import { rebuildSearchIndex } from "../queries/search.ts";

const TABLES = ["product_texts", "category_texts", "feature_names", "config_texts", "synonyms"] as const;

/**
 * Drops every language not in `keep`. The default language stays when it is in `keep` or when the catalog has no
 * texts in any kept language; otherwise the first kept language the catalog has becomes the default and only
 * language: its texts replace the base texts (product and category names, configuration labels; a description
 * without a text in it is dropped, as a shop that never translated writes none), and the old default's go — a
 * German-only shop made from a catalog with English base texts and German translations.
 */
export function keepLanguages(db: Db, keep: readonly string[]): void {
  const sqlite = db.$client;
  const { defaultLanguage, languages } = readCatalogLanguages(sqlite);
  const promoted = keep.includes(defaultLanguage) ? undefined : keep.find((l) => languages.includes(l));
  const kept = JSON.stringify(promoted ? [...new Set(keep)] : [...new Set([defaultLanguage, ...keep])]);
  sqlite.transaction(() => {
    if (promoted) makeDefault(sqlite, promoted);
    for (const table of TABLES)
      sqlite.prepare(`DELETE FROM ${table} WHERE lang NOT IN (SELECT value FROM json_each(?))`).run(kept);
    sqlite.prepare("DELETE FROM catalog_languages WHERE code NOT IN (SELECT value FROM json_each(?))").run(kept);
  })();
  rebuildSearchIndex(db);
}

/** `lang`'s texts become the base texts; a text it lacks keeps the base text (a description is dropped). */
function makeDefault(sqlite: Db["$client"], lang: string): void {
  sqlite
    .prepare(
      `UPDATE products SET
         name = coalesce((SELECT t.name FROM product_texts t WHERE t.sku = products.sku AND t.lang = @lang), name),
         description = coalesce((SELECT t.description FROM product_texts t WHERE t.sku = products.sku AND t.lang = @lang), '')`,
    )
    .run({ lang });
  sqlite
    .prepare(
      `UPDATE categories SET
         name = coalesce((SELECT t.name FROM category_texts t WHERE t.code = categories.code AND t.lang = @lang), name)`,
    )
    .run({ lang });
  sqlite
    .prepare(
      `UPDATE config_groups SET label = coalesce((SELECT t.label FROM config_texts t WHERE t.model_id = config_groups.model_id
         AND t.group_code = config_groups.code AND t.value = '' AND t.lang = @lang), label)`,
    )
    .run({ lang });
  sqlite
    .prepare(
      `UPDATE config_options SET label = coalesce((SELECT t.label FROM config_texts t WHERE t.model_id = config_options.model_id
         AND t.group_code = config_options.group_code AND t.value = config_options.value AND t.lang = @lang), label)`,
    )
    .run({ lang });
  sqlite.prepare("UPDATE catalog_languages SET is_default = (code = ?)").run(lang);
}
