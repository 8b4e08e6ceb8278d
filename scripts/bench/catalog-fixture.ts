/**
 * Builds the shared benchmark catalog the way a shop admin would: generate the import folder, then
 * import it into a fresh database file, timing both steps separately.
 */
import { rmSync } from "node:fs";
import { buildCatalog } from "../../catalog/generate/build.ts";
import type { CatalogFixture } from "./types.ts";

export interface BuildCatalogFixtureOptions {
  skus: number;
  seed: number;
  dbPath: string;
  /** Where the generated JSON folder goes (removed once imported). */
  workDir: string;
  log: (message: string) => void;
}

export async function buildCatalogFixture(options: BuildCatalogFixtureOptions): Promise<CatalogFixture> {
  const { skus, seed, dbPath, workDir, log } = options;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
  log(`bench: generating + importing a ${skus.toLocaleString("en")}-SKU catalog into ${dbPath}…`);
  // Today, so ETAs and contract validity look current to checks that use the real clock. Only dates
  // move from day to day: every random draw, and so the catalog's shape, stays the same.
  const asOf = new Date().toISOString().slice(0, 10);
  const cpu = process.cpuUsage();
  const result = buildCatalog({ skus, seed, asOf, outDir: workDir, dbPath });
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  rmSync(workDir, { recursive: true, force: true });
  const imported = result.import!;
  log(
    `bench: catalog ready: generate ${(result.generateMs / 1000).toFixed(1)} s, import ${(imported.importMs / 1000).toFixed(1)} s, ${(imported.dbBytes / 2 ** 20).toFixed(1)} MB`,
  );
  return {
    dbPath,
    skus,
    seed,
    asOf,
    generateMs: result.generateMs,
    importMs: imported.importMs,
    dbBytes: imported.dbBytes,
    cpuMs,
    reused: false,
  };
}
