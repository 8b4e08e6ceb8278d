/**
 * Opening the OrderShield database: one SQLite file (or `:memory:`) with WAL, foreign keys and a busy
 * timeout, migrated to the current schema. Nothing connects at import time.
 */
import Database from "better-sqlite3";
import { createTableRelationsHelpers, extractTablesRelationalConfig, type RelationalSchemaConfig } from "drizzle-orm";
import { BetterSQLite3Database, BetterSQLiteSession } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };

export interface OpenDatabaseOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  readonly?: boolean;
}

/** drizzle's relational view of our schema: the same for every connection, so worked out once per process. */
let relational: RelationalSchemaConfig<ReturnType<typeof extractTablesRelationalConfig>["tables"]> | undefined;

/**
 * What `drizzle(sqlite, { schema })` builds, with the schema's relational config computed once per process instead
 * of on every call (it walks every table and relation: about 0.6 ms, paid by each eval trial's catalog copy).
 */
function drizzleOver(sqlite: Database.Database): Db {
  if (!relational) {
    const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  }
  const dialect = new SQLiteSyncDialect();
  const session = new BetterSQLiteSession(sqlite, dialect, relational, {});
  const db = new BetterSQLite3Database("sync", dialect, session as never, relational as never) as unknown as Db;
  db.$client = sqlite;
  return db;
}

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * @example
 *   const db = openDatabase(".data/ordershield.db");
 *   const sqlite = db.$client; // raw better-sqlite3 handle for prepared statements
 */
export function openDatabase(path = ":memory:", options: OpenDatabaseOptions = {}): Db {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path, { readonly: options.readonly ?? false });
  if (path !== ":memory:" && !options.readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commits.
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzleOver(sqlite);
  if (options.migrate ?? !options.readonly) migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}

/**
 * A private in-memory copy of a database image (`db.$client.serialize()`): what an eval trial or a what-if runs on,
 * already migrated, never touching the file it came from.
 * @example
 *   const image = openDatabase("shop.db").$client.serialize();
 *   const copy = openDatabaseImage(image); // independent of shop.db
 */
export function openDatabaseImage(image: Buffer): Db {
  const sqlite = new Database(image);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzleOver(sqlite);
}
