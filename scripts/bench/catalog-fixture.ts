/**
 * Builds the shared benchmark catalog the way a shop admin would: generate the import folder, then
 * import it into a fresh database file, timing both steps separately.
 */
import type { CatalogFixture } from "./types.ts";

export interface BuildCatalogOptions {
  skus: number;
  seed: number;
  dbPath: string;
  /** Where the generated JSON folder goes. */
  workDir: string;
  log: (message: string) => void;
}

export async function buildCatalogFixture(options: BuildCatalogOptions): Promise<CatalogFixture> {
  throw new Error(`catalog generator not built yet (wanted ${options.skus} SKUs)`);
}
