/**
 * The product search index (migration 0002, catalog/queries/search.ts) is kept in sync by triggers on
 * `products`, which cost ~80 µs per written product: two thirds of a 100k-SKU import. A bulk import
 * therefore drops those triggers inside its transaction, rebuilds the index wholesale once the rows
 * are written and restores the triggers — SQLite DDL is transactional, so a failure leaves them intact.
 */
import type Database from "better-sqlite3";
import { rebuildSearchIndex } from "../queries/search.ts";

const SEARCH_TRIGGER_PREFIX = "product_search";

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
  const triggers = client
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'products' AND name LIKE ?")
    .all(`${SEARCH_TRIGGER_PREFIX}%`) as { name: string; sql: string }[];
  for (const t of triggers) client.exec(`DROP TRIGGER "${t.name.replaceAll('"', '""')}"`);
  write();
  rebuild();
  for (const t of triggers) client.exec(t.sql);
}

/** Category names are copied into the index; renaming a category needs a rebuild to be searchable by its new name. */
export function categoryNamesChanged(client: Database.Database, categories: { code: string; name: string }[]): boolean {
  const current = client.prepare("SELECT name FROM categories WHERE code = ?");
  return categories.some((c) => {
    const row = current.get(c.code) as { name: string } | undefined;
    return row !== undefined && row.name !== c.name;
  });
}

export { rebuildSearchIndex };
