/**
 * The shared, lazily built state of one bench run: a temp folder and the 100k-SKU catalog.
 * Building the catalog takes most of a minute, so it happens at most once per run and only when a
 * selected suite asks for it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildCatalogFixture } from "./catalog-fixture.ts";
import type { BenchContext, CatalogFixture } from "./types.ts";

export const CATALOG_SKUS = 100_000;
export const CATALOG_SEED = 42;

export interface BenchContextOptions {
  /** Reuse (or create and keep) this catalog DB instead of a temp one — for iterating on a suite. */
  catalogDb?: string;
  log?: (message: string) => void;
  quick?: boolean;
}

export interface OwnedBenchContext extends BenchContext {
  /** Removes the temp folder (not a `catalogDb` the caller named). */
  dispose(keep?: boolean): void;
  readonly root: string;
}

export function createBenchContext(options: BenchContextOptions = {}): OwnedBenchContext {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const root = mkdtempSync(join(tmpdir(), "ordershield-bench-"));
  let catalog: Promise<CatalogFixture> | undefined;

  const tempDir = (name: string) => {
    const dir = join(root, name.replace(/[^a-zA-Z0-9._-]/g, "_"));
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  const loadCatalog = async (): Promise<CatalogFixture> => {
    if (options.catalogDb && existsSync(options.catalogDb)) {
      const dbPath = resolve(options.catalogDb);
      log(`bench: reusing catalog ${dbPath} (generate/import figures skipped)`);
      return {
        dbPath,
        skus: CATALOG_SKUS,
        seed: CATALOG_SEED,
        asOf: new Date().toISOString().slice(0, 10),
        generateMs: NaN,
        importMs: NaN,
        cpuMs: NaN,
        dbBytes: statSync(dbPath).size,
        reused: true,
      };
    }
    const dbPath = options.catalogDb ? resolve(options.catalogDb) : join(tempDir("catalog"), "catalog-100k.db");
    return buildCatalogFixture({
      skus: CATALOG_SKUS,
      seed: CATALOG_SEED,
      dbPath,
      workDir: tempDir("catalog-json"),
      log,
    });
  };

  return {
    root,
    log,
    quick: options.quick ?? false,
    tempDir,
    catalog100k: () => (catalog ??= loadCatalog()),
    dispose(keep = false) {
      if (keep) log(`bench: kept ${root}`);
      else rmSync(root, { recursive: true, force: true });
    },
  };
}
