/**
 * The demo world: a fictional industrial distributor (pumps, motors, seals, spare parts, valves, fittings, filters,
 * instruments, consumables) with customers, installed base and order history. The data is import-format JSON in
 * `demo/` (one file per section), loaded through the importer like any customer catalog; `demo/README.md` lists the
 * named cases (ids, expected verdicts) that tests and evals build on. Reference date for those cases: 2026-12-01.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../db.ts";
import { importCatalog, type ImportSummary } from "../import/importer.ts";

export const DEMO_SEED_DIR = join(dirname(fileURLToPath(import.meta.url)), "demo");

/** The date every named demo case is stated for (contracts, ETAs, expiry). */
export const DEMO_NOW = new Date("2026-12-01T09:00:00Z");

/**
 * Loads the demo world into `db` (upsert: running it twice changes nothing).
 * @example
 *   const db = openDatabase(":memory:");
 *   seedDemo(db);
 */
export function seedDemo(db: Db): ImportSummary {
  return importCatalog(db, DEMO_SEED_DIR);
}

export { DEMO } from "./cases.ts";
