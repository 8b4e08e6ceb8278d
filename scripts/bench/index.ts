/**
 * The registry of bench suites, in the order they run.
 *
 * To add figures: create `scripts/bench/<area>.ts` exporting a `BenchSuite` (see ./types.ts):
 *
 *   export const searchSuite: BenchSuite = {
 *     name: "search",
 *     description: "top-10 catalog search over 100k SKUs",
 *     async run(ctx) {
 *       const { dbPath } = await ctx.catalog100k();   // shared, built once per run — do not write to it
 *       const samples = ...measure...;
 *       return [{ id: "search.top10_100k_p95_ms", value: p95, unit: "ms", target: "<= 5" }];
 *     },
 *   };
 *
 * then add it to SUITES below. Figure ids are `<area>.<what>[_<unit>]`, stable forever (CI and
 * baselines compare by id). Log progress with `ctx.log` (stderr); anything on stdout breaks `--json`
 * (the harness reroutes console.log to stderr while suites run, but don't write to process.stdout).
 * Use `ctx.tempDir(name)` for scratch files. `npm run bench -- --only <name>` runs one suite;
 * `--catalog-db FILE` keeps the 100k catalog between runs while you iterate.
 */
import { agentSuite } from "./agent.ts";
import { catalogSuite } from "./catalog.ts";
import { engineSuite } from "./engine.ts";
import { erpSuite } from "./erp.ts";
import { evalsSuite } from "./evals.ts";
import { offlineSuite, searchSuite } from "./offline.ts";
import { serverSuite } from "./server.ts";
import type { BenchSuite } from "./types.ts";
import { widgetSuite } from "./widget.ts";

export const SUITES: BenchSuite[] = [
  catalogSuite,
  engineSuite,
  agentSuite,
  searchSuite,
  offlineSuite,
  serverSuite,
  erpSuite,
  widgetSuite,
  evalsSuite,
];

export type { BenchSuite, BenchContext, Figure, Baseline, CatalogFixture } from "./types.ts";
