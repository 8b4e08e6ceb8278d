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

/** Fixed so the benchmark catalog is the same on every run and every day. */
const BENCH_AS_OF = "2026-06-01";

export async function buildCatalogFixture(options: BuildCatalogFixtureOptions): Promise<CatalogFixture> {
  const { skus, seed, dbPath, workDir, log } = options;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
  log(`bench: generating + importing a ${skus.toLocaleString("en")}-SKU catalog into ${dbPath}…`);
  const cpu = process.cpuUsage();
  const result = buildCatalog({ skus, seed, asOf: BENCH_AS_OF, outDir: workDir, dbPath });
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  rmSync(workDir, { recursive: true, force: true });
  const imported = result.import!;
  log(`bench: catalog ready: generate ${(result.generateMs / 1000).toFixed(1)} s, import ${(imported.importMs / 1000).toFixed(1)} s, ${(imported.dbBytes / 2 ** 20).toFixed(1)} MB`);
  return { dbPath, skus, seed, generateMs: result.generateMs, importMs: imported.importMs, dbBytes: imported.dbBytes, cpuMs, reused: false };
}
