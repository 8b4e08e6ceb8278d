/**
 * The catalog's version on one connection, as the caches of what it read (the reader's rows and rules, the search's
 * lexicon) key on it: any commit of another connection moves `data_version`, any row this connection writes moves
 * `total_changes()` — except the rows of the thread registry (`threads`: who owns a conversation, where it stands
 * for the rep queue), which no catalog cache reads. A turn that binds a new thread or records its queue status used
 * to drop every cache, so the next turn read the customer, the rules, the catalog rows and the synonym list afresh.
 *
 * The registry counts the rows its statements changed (a statement's `changes`, which leaves out rows written by
 * triggers: the threads table has none, and a trigger's rows would still move the version).
 */
import type Database from "better-sqlite3";

const registryRows = new WeakMap<Database.Database, number>();

/** `changes` rows of the threads table were written on `sqlite` (by the thread registry). */
export function noteRegistryRows(sqlite: Database.Database, changes: number): void {
  if (changes > 0) registryRows.set(sqlite, (registryRows.get(sqlite) ?? 0) + changes);
}

/** `total_changes()` of `sqlite` without the thread registry's rows: what the catalog caches compare. */
export function catalogChanges(sqlite: Database.Database, totalChanges: number): number {
  return totalChanges - (registryRows.get(sqlite) ?? 0);
}

/**
 * The catalog's version on `sqlite` now, as one string: this connection's catalog writes (`total_changes()` without
 * the thread registry's rows) and other connections' commits (`data_version`).
 */
export function catalogVersionNow(sqlite: Database.Database): () => string {
  const changes = sqlite.prepare("SELECT total_changes()").pluck();
  const data = sqlite.prepare("PRAGMA data_version").pluck();
  return () => `${catalogChanges(sqlite, changes.get() as number)}:${data.get() as number}`;
}

/**
 * The catalog's version as `catalogVersionNow` reads it, or undefined inside a transaction: a ROLLBACK undoes writes
 * without moving either counter, so nothing read there may be kept.
 * @example
 *   const version = catalogVersionOf(db.$client);
 *   if (version() !== keptFor) cache.clear();
 */
export function catalogVersionOf(sqlite: Database.Database): () => string | undefined {
  const now = catalogVersionNow(sqlite);
  return () => (sqlite.inTransaction ? undefined : now());
}
