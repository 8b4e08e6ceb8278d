/**
 * The contract between `npm run bench` and the suites that measure things. A suite returns figures;
 * the harness adds `meets` from `target`, prints a table or one JSON object, and cleans up.
 */

/** What a figure is compared against, e.g. a bare LangGraph agent doing the same tools. */
export interface Baseline {
  name: string;
  value: number;
  unit?: string;
  [key: string]: unknown;
}

export interface Figure {
  /** Stable dotted id, `<area>.<what>` — later runs and CI gates compare by it. Never rename one. */
  id: string;
  value: number;
  unit: string;
  /** `"<= 2"`, `"< 5"`, `">= 300"`, `"== 0"`; omit when the figure is informational. */
  target?: string;
  /** Computed by the harness from `target` when omitted. */
  meets?: boolean;
  baseline?: Baseline;
  /** One short line shown in the table (sample size, catalog size…), not in the id. */
  note?: string;
  /** The machine's 1-minute load average when the figure's suite finished (set by the harness). */
  load?: number;
  /** Every run's value when the suite ran more than once (`value` is their median; set by the harness). */
  runs?: number[];
}

/** The 100,000-SKU catalog every suite shares (generated and imported once per bench run). */
export interface CatalogFixture {
  dbPath: string;
  skus: number;
  seed: number;
  /** The day the catalog is current on (today, UTC): inbound ETAs lie after it, some contracts expired before it. */
  asOf: string;
  generateMs: number;
  importMs: number;
  dbBytes: number;
  /** CPU time of generate + import (user + system); on a shared machine wall time can be far higher. */
  cpuMs: number;
  /** True when `--catalog-db` pointed at an existing file: timings are then unknown (NaN). */
  reused: boolean;
}

export interface BenchContext {
  /** Generates + imports the 100k catalog on first call, then returns the same fixture. Open it read-only or copy it if you write. */
  catalog100k(): Promise<CatalogFixture>;
  /** A fresh directory inside the run's temp folder (removed at exit unless `--keep`). */
  tempDir(name: string): string;
  /** Progress for humans; goes to stderr so `--json` stays one object on stdout. */
  log(message: string): void;
  /** `--quick`: smaller samples and shorter load runs (a smoke run, not figures to quote). */
  readonly quick: boolean;
}

export interface BenchSuite {
  /** Short name used by `--only`, e.g. "catalog", "engine", "search". */
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}
