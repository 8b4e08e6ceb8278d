/**
 * Validation engine speed on the 100k-SKU catalog: one line p50 (µs), a 50-line order p99 (ms), and the "floor" —
 * the same draft's rows read with raw prepared statements and nothing else — as a ratio, so the engine's own cost
 * is visible apart from SQLite's.
 *
 * The tail (`engine.order50.p99_over_p50`, goal <= 3) — what was looked at (2026-11-30, load average ~20): not the
 * first calls (warmed up; three passes over the same 400 drafts give the same ratio), not particular drafts (a
 * draft's CPU time in one pass correlates ~0.3 with the next), partly GC (scavenges every ~10 calls, overlapping
 * about half of the slowest calls; a 3x larger young generation, --max-semi-space-size=64, cut their number 3x but
 * not the ratio). The rest is preemption and cold caches on the shared cores: the raw-read floor's own p99/p50 is
 * as high (shown beside it). No small engine change removes that; measure on a quiet machine before tuning.
 */
import type Database from "better-sqlite3";
import { openDatabase } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { validateDraft } from "../../tools/engine.ts";
import type { Draft, DraftLine } from "../../tools/types.ts";
import type { BenchSuite, Figure } from "./types.ts";

/**
 * A deterministic stream of realistic drafts: active SKUs at valid quantities; about half the lines are parts for
 * one of the customer's machines, drawn from what fitment lists for its model (so most fit, some miss the serial
 * range or a rule — the engine then also computes alternatives).
 */
export function draftSampler(sqlite: Database.Database, seed = 1) {
  let s = seed >>> 0;
  const rnd = (n: number) => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s % n);
  const products = sqlite
    .prepare(
      "SELECT sku, moq, order_step AS step, config_model_id AS cfg FROM products WHERE lifecycle = 'active' ORDER BY sku",
    )
    .all() as { sku: string; moq: number; step: number; cfg: string | null }[];
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const customers = sqlite.prepare("SELECT id FROM customers WHERE blocked = 0 ORDER BY id").all() as { id: string }[];
  const machinesOf = sqlite.prepare("SELECT id, model FROM machines WHERE customer_id = ? ORDER BY id");
  const partsFor = sqlite.prepare("SELECT part_sku AS sku FROM fitment WHERE machine_model = ? ORDER BY part_sku");
  const partsCache = new Map<string, string[]>();
  const firstOptions = sqlite.prepare(
    "SELECT g.code, (SELECT value FROM config_options o WHERE o.model_id = g.model_id AND o.group_code = g.code ORDER BY rowid LIMIT 1) AS value FROM config_groups g WHERE g.model_id = ? AND g.min_choices > 0",
  );
  return (lines: number): { draft: Draft; customerId: string } => {
    const customerId = customers[rnd(customers.length)]!.id;
    const machines = machinesOf.all(customerId) as { id: string; model: string }[];
    const out: DraftLine[] = [];
    for (let i = 0; i < lines; i++) {
      let p = products[rnd(products.length)]!;
      let machineId: string | undefined;
      if (machines.length > 0 && rnd(2) === 0) {
        const m = machines[rnd(machines.length)]!;
        let parts = partsCache.get(m.model);
        if (!parts)
          partsCache.set(
            m.model,
            (parts = (partsFor.all(m.model) as { sku: string }[]).map((r) => r.sku).filter((x) => bySku.has(x))),
          );
        if (parts.length > 0) {
          p = bySku.get(parts[rnd(parts.length)]!)!;
          machineId = m.id;
        }
      }
      const l: DraftLine = { lineId: String(i + 1), sku: p.sku, quantity: p.moq + p.step * rnd(3) };
      if (machineId) l.machineId = machineId;
      if (p.cfg)
        l.options = Object.fromEntries(
          (firstOptions.all(p.cfg) as { code: string; value: string }[]).map((o) => [o.code, [o.value]]),
        );
      out.push(l);
    }
    return { draft: { lines: out }, customerId };
  };
}

/** Reads exactly the rows the checks need for `draft`, with raw prepared statements and no logic: the floor. */
export function floorReader(sqlite: Database.Database) {
  const IN = "(SELECT value FROM json_each(?))";
  const st = [
    `SELECT * FROM products WHERE sku IN ${IN}`,
    `SELECT * FROM product_features WHERE sku IN ${IN}`,
    `SELECT * FROM product_relations WHERE sku IN ${IN}`,
    `SELECT * FROM fitment WHERE part_sku IN ${IN}`,
    `SELECT * FROM stock WHERE sku IN ${IN}`,
    `SELECT * FROM stock_inbound WHERE sku IN ${IN}`,
    `SELECT * FROM allocation_rules WHERE sku IN ${IN}`,
  ].map((q) => sqlite.prepare(q));
  const held = sqlite.prepare(
    `SELECT sku, warehouse, SUM(quantity) FROM reservations WHERE sku IN ${IN} AND (expires_at IS NULL OR expires_at > ?) GROUP BY 1, 2`,
  );
  const contract = sqlite.prepare(`SELECT * FROM contract_prices WHERE customer_id = ? AND sku IN ${IN}`);
  const priceList = sqlite.prepare(
    `SELECT * FROM price_list_items WHERE price_list_id = (SELECT price_list_id FROM customers WHERE id = ?) AND sku IN ${IN}`,
  );
  const customer = [
    "SELECT * FROM customers WHERE id = ?",
    "SELECT * FROM ship_tos WHERE customer_id = ?",
    "SELECT * FROM machines m JOIN machine_models mm ON mm.code = m.model WHERE m.customer_id = ?",
  ].map((q) => sqlite.prepare(q));
  return (draft: Draft, customerId: string, now: string) => {
    sqlite.exec("BEGIN");
    const skus = JSON.stringify([...new Set(draft.lines.map((l) => l.sku))]);
    for (const s of st) s.all(skus);
    held.all(skus, now);
    contract.all(customerId, skus);
    priceList.all(customerId, skus);
    for (const s of customer) s.all(customerId);
    sqlite.exec("COMMIT");
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/**
 * Wall-clock µs per call, sorted; `cpuMeanUs` / `cpuP99Us` are this process's CPU time per call, which other
 * processes on the shared machine cannot inflate by preempting us (they still compete for caches).
 */
export function measure(fn: () => void, iterations: number): number[] & { cpuMeanUs?: number; cpuP99Us?: number } {
  const out: number[] & { cpuMeanUs?: number; cpuP99Us?: number } = [];
  const cpuTimes: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e3);
    const d = process.cpuUsage(c);
    cpuTimes.push(d.user + d.system);
  }
  const used = process.cpuUsage(cpu);
  out.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  out.cpuMeanUs = (used.user + used.system) / iterations;
  out.cpuP99Us = quantile(cpuTimes, 0.99);
  return out;
}

export function runEngineBench(dbPath: string, log: (m: string) => void = () => {}) {
  const db = openDatabase(dbPath, { readonly: true });
  const sqlite = db.$client;
  const data = createCatalogReader(db);
  const now = new Date();
  const sample = draftSampler(sqlite, 42);
  const floor = floorReader(sqlite);
  const ones = Array.from({ length: 4000 }, () => sample(1));
  const fifties = Array.from({ length: 400 }, () => sample(50));
  // Warm-up: prepare statements, JIT, page cache.
  for (const d of ones.slice(0, 500)) validateDraft(d.draft, { customerId: d.customerId, now, data });
  for (const d of fifties.slice(0, 50)) validateDraft(d.draft, { customerId: d.customerId, now, data });
  let i = 0;
  const line = measure(() => {
    const d = ones[i++ % ones.length]!;
    validateDraft(d.draft, { customerId: d.customerId, now, data });
  }, ones.length);
  i = 0;
  const order = measure(() => {
    const d = fifties[i++ % fifties.length]!;
    validateDraft(d.draft, { customerId: d.customerId, now, data });
  }, fifties.length * 2);
  i = 0;
  const iso = now.toISOString();
  for (const d of fifties.slice(0, 50)) floor(d.draft, d.customerId, iso);
  const floorTimes = measure(() => {
    const d = fifties[i++ % fifties.length]!;
    floor(d.draft, d.customerId, iso);
  }, fifties.length * 2);
  i = 0;
  const lineFloor = measure(() => {
    const d = ones[i++ % ones.length]!;
    floor(d.draft, d.customerId, iso);
  }, ones.length);
  const config = configLarge(sqlite, data, now);
  sqlite.close();
  const result = {
    configLargeP50ms: config.p50ms,
    configLargeValues: config.values,
    configLargeSku: config.sku,
    lineCpuMeanUs: line.cpuMeanUs ?? NaN,
    orderCpuMeanMs: (order.cpuMeanUs ?? NaN) / 1000,
    orderCpuP99Ms: (order.cpuP99Us ?? NaN) / 1000,
    floorCpuMeanMs: (floorTimes.cpuMeanUs ?? NaN) / 1000,
    lineFloorP50us: quantile(lineFloor, 0.5),
    lineP50us: quantile(line, 0.5),
    lineP99us: quantile(line, 0.99),
    orderP50ms: quantile(order, 0.5) / 1000,
    orderP99ms: quantile(order, 0.99) / 1000,
    floorP50ms: quantile(floorTimes, 0.5) / 1000,
    floorP99ms: quantile(floorTimes, 0.99) / 1000,
  };
  log(`engine: ${JSON.stringify(result)}`);
  return result;
}

/**
 * One line of a configurable product with 1,000 values in one option group (a draft from outside the tools, which
 * refuse more than MAX_VALUES_PER_OPTION_GROUP): the configuration check is linear in that, so this stays in
 * milliseconds (it took ~4.5 s when the check was cubic).
 */
function configLarge(sqlite: Database.Database, data: ReturnType<typeof createCatalogReader>, now: Date) {
  const values = 1000;
  const row = sqlite
    .prepare(
      "SELECT p.sku, g.code FROM products p JOIN config_groups g ON g.model_id = p.config_model_id WHERE p.lifecycle = 'active' ORDER BY p.sku LIMIT 1",
    )
    .get() as { sku: string; code: string } | undefined;
  if (!row) return { p50ms: NaN, values, sku: "" };
  const draft: Draft = {
    lines: [
      {
        lineId: "1",
        sku: row.sku,
        quantity: 1,
        options: { [row.code]: Array.from({ length: values }, (_, i) => `V-${i}`) },
      },
    ],
  };
  const customerId = (sqlite.prepare("SELECT id FROM customers ORDER BY id LIMIT 1").get() as { id: string }).id;
  for (let i = 0; i < 3; i++) validateDraft(draft, { customerId, now, data });
  const times = measure(() => validateDraft(draft, { customerId, now, data }), 20);
  return { p50ms: quantile(times, 0.5) / 1000, values, sku: row.sku };
}

export const engineSuite: BenchSuite = {
  name: "engine",
  description: "validation engine: one line and 50-line orders on the 100k catalog, against the raw-read floor",
  async run(ctx) {
    const { dbPath } = await ctx.catalog100k();
    const r = runEngineBench(dbPath, ctx.log);
    const figures: Figure[] = [
      {
        id: "engine.line.p50_us",
        value: round(r.lineP50us),
        unit: "µs",
        target: "<= 50",
        note: `p99 ${round(r.lineP99us)} µs, CPU mean ${round(r.lineCpuMeanUs)} µs, 4000 one-line drafts; raw reads p50 ${round(r.lineFloorP50us)} µs`,
      },
      {
        id: "engine.order50.p99_ms",
        value: round(r.orderP99ms, 3),
        unit: "ms",
        target: "<= 2",
        note: `p50 ${round(r.orderP50ms, 3)} ms; CPU time per call mean ${round(r.orderCpuMeanMs, 3)} ms, p99 ${round(r.orderCpuP99Ms, 3)} ms; 800 runs of 50-line drafts`,
      },
      {
        id: "engine.order50.floor_ratio",
        value: round(r.orderP50ms / r.floorP50ms, 2),
        unit: "x",
        target: "<= 1",
        baseline: { name: "raw reads p50", value: round(r.floorP50ms, 3), unit: "ms" },
        note: `engine p50 ${round(r.orderP50ms, 3)} ms / raw reads p50 ${round(r.floorP50ms, 3)} ms (p99 ${round(r.floorP99ms, 3)}, CPU mean ${round(r.floorCpuMeanMs, 3)})`,
      },
      {
        id: "engine.order50.p99_over_p50",
        value: round(r.orderP99ms / r.orderP50ms, 2),
        unit: "x",
        target: "<= 3",
        baseline: { name: "raw reads p99/p50", value: round(r.floorP99ms / r.floorP50ms, 2), unit: "x" },
        note: `p99 ${round(r.orderP99ms, 3)} ms / p50 ${round(r.orderP50ms, 3)} ms; CPU-time p99/mean ${round(r.orderCpuP99Ms / r.orderCpuMeanMs, 2)}`,
      },
      {
        id: "engine.line.floor_ratio",
        value: round(r.lineP50us / r.lineFloorP50us, 2),
        unit: "x",
        baseline: { name: "raw reads p50", value: round(r.lineFloorP50us), unit: "µs" },
        note: "one-line draft: engine p50 / the raw reads it needs p50 (the engine's fixed cost per call shows here)",
      },
      {
        id: "engine.config_large_ms",
        value: round(r.configLargeP50ms, 2),
        unit: "ms",
        target: "<= 250",
        note: `p50 of 20 one-line drafts of ${r.configLargeSku} with ${r.configLargeValues} values in one option group (the cubic check took ~4.5 s)`,
      },
    ];
    return figures;
  },
};

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
