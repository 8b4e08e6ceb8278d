/** Catalog scale: how long a 100k-SKU catalog takes to generate + import, and how big the DB gets. */
import type { BenchSuite } from "./types.ts";

export const catalogSuite: BenchSuite = {
  name: "catalog",
  description: "generate + import a 100,000-SKU synthetic catalog; database size",
  async run(ctx) {
    const c = await ctx.catalog100k();
    if (c.reused) {
      ctx.log("catalog: --catalog-db reused an existing file, so there is no generate/import time to report");
      return [
        {
          id: "catalog.db_100k_mb",
          value: Math.round((c.dbBytes / 2 ** 20) * 10) / 10,
          unit: "MB",
          note: "reused file",
        },
      ];
    }
    return [
      {
        id: "catalog.generate_import_100k_s",
        value: Math.round((c.generateMs + c.importMs) / 10) / 100,
        unit: "s",
        target: "<= 120",
        note: `generate ${(c.generateMs / 1000).toFixed(1)} s + import ${(c.importMs / 1000).toFixed(1)} s; cpu ${(c.cpuMs / 1000).toFixed(1)} s`,
      },
      {
        id: "catalog.db_100k_mb",
        value: Math.round((c.dbBytes / 2 ** 20) * 10) / 10,
        unit: "MB",
        note: `${c.skus} SKUs, seed ${c.seed}`,
      },
    ];
  },
};
