/**
 * Which in-memory database copies still hold the catalog of the image they were opened from. An eval trial opens
 * its own copy of one catalog image (catalog/db.ts `openDatabaseImage`); until the trial writes catalog rows, every
 * copy of that image has the same catalog, so what the catalog reader derives from one such copy holds for all of
 * them (catalog/queries/reader.ts shares its caches between them instead of filling them again on every copy).
 *
 * "Writes" are counted by SQLite itself: the connection's `total_changes()` (every row inserted, updated or deleted
 * by this connection, trigger programs included, committed, rolled back or still open; an in-memory database has no
 * other connection). The only writes subtracted are those the thread registry reports for the `threads` table
 * (catalog/queries/threads.ts): no trigger hangs on it, and no cached catalog read looks at it.
 */
import type Database from "better-sqlite3";

interface Copy {
  image: Buffer;
  /** Rows this connection wrote in tables no catalog cache reads (the thread registry's). */
  unrelated: number;
}

const copies = new WeakMap<Database.Database, Copy>();

/** Note that `sqlite` was just opened as an in-memory copy of `image` (nothing written yet). */
export function rememberImage(sqlite: Database.Database, image: Buffer): void {
  copies.set(sqlite, { image, unrelated: 0 });
}

/**
 * `changes` rows were written by this connection in the thread registry's `threads` table (a statement's own
 * `changes`, which is what `total_changes()` grows by for a table without triggers).
 */
export function noteThreadRegistryWrites(sqlite: Database.Database, changes: number): void {
  const copy = copies.get(sqlite);
  if (copy && changes > 0) copy.unrelated += changes;
}

/**
 * The image `sqlite` is a copy of, while the copy still holds exactly the image's catalog: opened from it and no row
 * written since but the thread registry's — `totalChanges` is the connection's `total_changes()`. Otherwise
 * undefined.
 */
export function pristineImageOf(sqlite: Database.Database, totalChanges: number): Buffer | undefined {
  const copy = copies.get(sqlite);
  return copy && totalChanges === copy.unrelated ? copy.image : undefined;
}
