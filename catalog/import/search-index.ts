/**
 * The product search index (catalog/queries/search.ts) is kept in sync by triggers on `products` and on
 * `product_search_terms`, which cost ~80 µs per written product: two thirds of a 100k-SKU import. A bulk import
 * therefore drops those triggers inside its transaction, rebuilds the index wholesale once the rows are written and
 * restores the triggers — SQLite DDL is transactional, so a failure leaves them intact. A small import recomputes
 * the derived terms (stems, compound parts) of the products it wrote; the triggers carry them into the index.
 */
import type Database from "better-sqlite3";
import { rebuildSearchIndex } from "../queries/search.ts";
import { withTriggersSuspended, writeSearchTerms } from "../queries/search-terms.ts";
import type { ParsedImport } from "./format.ts";

const SEARCH_TABLES = ["products", "product_search_terms"] as const;

/** Per-row trigger upkeep beats a full rebuild only when the import touches a small part of the catalog. */
export function shouldRebuildSearch(importedProducts: number, productsAfter: number): boolean {
  return importedProducts >= 1000 && importedProducts * 4 >= productsAfter;
}

/** Runs `write` with the search triggers dropped, then rebuilds the index and restores the triggers. Call inside a transaction. */
export function withSearchTriggersSuspended(
  client: Database.Database,
  write: () => void,
  rebuild: () => void = () => rebuildSearchIndex(client),
): void {
  withTriggersSuspended(client, SEARCH_TABLES, () => {
    write();
    rebuild();
  });
}

/** Category names are copied into the index; renaming a category needs a rebuild to be searchable by its new name. */
export function categoryNamesChanged(client: Database.Database, categories: { code: string; name: string }[]): boolean {
  const current = client.prepare("SELECT name FROM categories WHERE code = ?");
  return categories.some((c) => {
    const row = current.get(c.code) as { name: string } | undefined;
    return row !== undefined && row.name !== c.name;
  });
}

/**
 * Whether an import changes what every product's terms are computed from: the default language (the stemmer of
 * the base texts), category texts, or the synonyms (part of the vocabulary compounds are split against).
 */
export function searchVocabularyChanged(doc: ParsedImport): boolean {
  return (
    (doc.languages ?? []).some((l) => l.default) ||
    (doc.categories ?? []).some((c) => c.texts !== undefined) ||
    (doc.synonyms?.length ?? 0) > 0
  );
}

/** Recomputes the derived search terms of the imported products (triggers carry them into the index). */
export function refreshSearchTerms(client: Database.Database, skus: readonly string[]): void {
  if (skus.length > 0) writeSearchTerms(client, skus);
}

export { rebuildSearchIndex };
