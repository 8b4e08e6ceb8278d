/**
 * The eval runner: every scenario × trial on its own catalog copy, graded, written as JSON lines as it finishes (so
 * an interrupted run resumes where it stopped), summarised, and compared with a baseline run.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gradeTrial, type Grade } from "./grade.ts";
import {
  type ModelFactory,
  type PlayFn,
  playTrial,
  type TranscriptEntry,
  type TrialRecord,
  type TrialUsage,
} from "./play.ts";
import type { Scenario } from "./scenario.ts";
import { createTrialPool, nextTurn, type TrialWorkerSpec } from "./threads.ts";
import { addUsage, type PriceTable, type Usage, ZERO_USAGE } from "./usage.ts";
import { createCatalogCache } from "./world.ts";

/** One line of results.jsonl. */
export interface TrialResult {
  scenario: string;
  file: string;
  tags: string[];
  trial: number;
  passed: boolean;
  leaks: string[];
  diff: string[];
  /** Order-protocol violations from the state history (a violation fails the trial). */
  trajectory: string[];
  falseBlock: boolean;
  turns: number;
  toolCalls: number;
  ms: number;
  orders: { orderId: string; lines: { sku: string; quantity: number; unit: string }[] }[];
  transcript: TranscriptEntry[];
  /** Tokens and cost per component (absent in results written before it was counted). */
  usage?: TrialUsage;
  /** Not played, and why (a persona scenario without a buyer model): not counted in trials or the pass rate. */
  skipped?: string;
  /** Attempts thrown away because the buyer simulator invented facts (not counted against the agent). */
  simulator?: { reruns: number; invented: string[] };
}

export interface RunSummary {
  scenarios: number;
  trials: number;
  passed: number;
  pass_rate: number;
  /** Share of scenarios whose every trial passed (τ-bench's pass^k with k = repeat). */
  pass_hat_k: number;
  k: number;
  leaks: number;
  false_blocks: number;
  /** Trials whose path broke the order protocol (validate → confirm the final draft → one hand-off). */
  trajectory_violations: number;
  avg_turns: number;
  avg_tool_calls: number;
  conversations_per_s: number;
  failed: string[];
  /** Orders that reached the outbox, over all trials. */
  orders_placed: number;
  /** Tokens and cost per component over all trials (cost null: some model had no price). */
  usage: { agent: Usage; buyer: Usage; total: Usage };
  /** Trials not played, with the reason (persona scenarios without a buyer model; a simulator that kept inventing). */
  skipped: number;
  skipped_notes: string[];
  /** Attempts re-run because the buyer simulator invented a fact. */
  simulator_reruns: number;
}

export interface RunOptions {
  scenarios: Scenario[];
  makeModel: ModelFactory;
  repeat?: number;
  concurrency?: number;
  /** Folder for results.jsonl (appended; trials already in it are skipped: resume). */
  out?: string;
  onTrial?: (result: TrialResult) => void;
  /** How one trial is played (default: against the shield, playTrial; the bare agent: playBareTrial). */
  play?: PlayFn;
  /** USD per million tokens per model (evals/usage.ts); without it every cost is 0 or unpriced. */
  prices?: PriceTable;
  /** The model that plays persona scenarios' buyers; without one they are skipped (and reported as skipped). */
  buyerModel?: ModelFactory;
  /**
   * Play trials on this many threads: this one and `count - 1` worker threads (evals/threads.ts), each worker building
   * the models named in `spec` — the same ones `makeModel`, `buyerModel`, `play` and `prices` stand for here, which
   * a worker cannot receive. Without it (or with 1) every trial runs on this thread, `concurrency` of them
   * interleaved.
   */
  threads?: { count: number; spec: TrialWorkerSpec };
}

export const NOT_GRADED: Grade = { passed: false, leaks: [], diff: [], trajectory: [], falseBlock: false };

const keyOf = (r: { scenario: string; trial: number }) => `${r.scenario}#${r.trial}`;

export function readResults(dir: string): TrialResult[] {
  const file = join(dir, "results.jsonl");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TrialResult);
}

export function resultOf(grade: Grade, record: TrialRecord): TrialResult {
  if (record.skipped)
    return {
      scenario: record.scenario.id,
      file: record.scenario.file,
      tags: record.scenario.tags,
      trial: record.trial,
      passed: false,
      leaks: [],
      diff: [],
      trajectory: [],
      falseBlock: false,
      turns: 0,
      toolCalls: 0,
      ms: 0,
      orders: [],
      transcript: [],
      skipped: record.skipped,
      ...(record.simulator ? { simulator: record.simulator } : {}),
    };
  return {
    scenario: record.scenario.id,
    file: record.scenario.file,
    tags: record.scenario.tags,
    trial: record.trial,
    passed: grade.passed,
    leaks: grade.leaks,
    diff: grade.diff,
    trajectory: grade.trajectory,
    falseBlock: grade.falseBlock,
    turns: record.turns,
    toolCalls: record.toolCalls,
    ms: Math.round(record.ms * 10) / 10,
    orders: record.outbox.map((o) => ({
      orderId: o.header.orderId,
      lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unit: l.orderUnit })),
    })),
    transcript: record.transcript,
    usage: record.usage ?? { agent: ZERO_USAGE, buyer: ZERO_USAGE },
    ...(record.simulator ? { simulator: record.simulator } : {}),
  };
}

/** Run every trial; returns all results (resumed ones included) and the summary. */
export async function runEvals(options: RunOptions): Promise<{ results: TrialResult[]; summary: RunSummary }> {
  const repeat = options.repeat ?? 1;
  const catalogs = createCatalogCache();
  const done = new Map<string, TrialResult>();
  if (options.out) {
    mkdirSync(options.out, { recursive: true });
    const wanted = new Set(options.scenarios.map((s) => s.id));
    for (const r of readResults(options.out)) if (wanted.has(r.scenario) && r.trial < repeat) done.set(keyOf(r), r);
  }
  const queue = options.scenarios.flatMap((s) =>
    Array.from({ length: repeat }, (_, trial) => ({ s, trial })).filter(
      (t) => !done.has(keyOf({ scenario: s.id, trial: t.trial })),
    ),
  );
  const started = performance.now();
  let ran = 0;
  // This thread plays trials too: `threads: 2` is this one and one worker (a worker's start-up, mostly loading the
  // code, costs seconds of CPU).
  const threads = options.threads && options.threads.count > 1 && queue.length > 1 ? options.threads : undefined;
  const pool = threads ? createTrialPool(Math.min(threads.count, queue.length) - 1, threads.spec) : undefined;
  const playHere = async (s: Scenario, trial: number): Promise<TrialResult> => {
    const record = await (options.play ?? playTrial)(s, trial, catalogs, options.makeModel, {
      ...(options.prices ? { prices: options.prices } : {}),
      ...(options.buyerModel ? { buyerModel: options.buyerModel } : {}),
    });
    const result = resultOf(record.skipped ? NOT_GRADED : gradeTrial(record), record);
    record.db.$client.close();
    return result;
  };
  const worker = async (onPool: boolean) => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      // A trial on this thread may never yield to the event loop (the offline model is synchronous): turn it first,
      // so the workers' finished trials are taken in and their next ones handed out.
      if (pool && !onPool) await nextTurn();
      const result = onPool && pool ? await pool.run(next.s, next.trial) : await playHere(next.s, next.trial);
      ran++;
      done.set(keyOf(result), result);
      if (options.out) appendFileSync(join(options.out, "results.jsonl"), `${JSON.stringify(result)}\n`);
      options.onTrial?.(result);
    }
  };
  const here = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () => worker(false));
  const there = Array.from({ length: pool?.capacity ?? 0 }, () => worker(true));
  try {
    await Promise.all([...here, ...there]);
  } finally {
    await pool?.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const results = options.scenarios.flatMap((s) =>
    Array.from({ length: repeat }, (_, trial) => done.get(keyOf({ scenario: s.id, trial }))).filter(
      (r): r is TrialResult => r !== undefined,
    ),
  );
  return { results, summary: summarize(results, repeat, ran > 0 ? ran / seconds : 0) };
}

export function summarize(all: TrialResult[], k: number, conversationsPerS = 0): RunSummary {
  const results = all.filter((r) => !r.skipped);
  const skipped = all.filter((r) => r.skipped);
  const byScenario = new Map<string, TrialResult[]>();
  for (const r of results) byScenario.set(r.scenario, [...(byScenario.get(r.scenario) ?? []), r]);
  const passed = results.filter((r) => r.passed).length;
  const allPassed = [...byScenario.values()].filter((rs) => rs.every((r) => r.passed)).length;
  const n = results.length || 1;
  return {
    scenarios: new Set(all.map((r) => r.scenario)).size,
    trials: results.length,
    passed,
    pass_rate: Math.round((passed / n) * 1000) / 1000,
    pass_hat_k: Math.round((allPassed / (byScenario.size || 1)) * 1000) / 1000,
    k,
    leaks: results.reduce((s, r) => s + r.leaks.length, 0),
    false_blocks: results.filter((r) => r.falseBlock).length,
    trajectory_violations: results.filter((r) => (r.trajectory ?? []).length > 0).length,
    avg_turns: Math.round((results.reduce((s, r) => s + r.turns, 0) / n) * 10) / 10,
    avg_tool_calls: Math.round((results.reduce((s, r) => s + r.toolCalls, 0) / n) * 10) / 10,
    conversations_per_s: Math.round(conversationsPerS * 10) / 10,
    failed: [...new Set(results.filter((r) => !r.passed).map((r) => r.scenario))],
    orders_placed: results.reduce((s, r) => s + r.orders.length, 0),
    usage: usageOf(all),
    skipped: skipped.length,
    skipped_notes: [...new Set(skipped.map((r) => `${r.scenario}: ${r.skipped}`))],
    simulator_reruns: all.reduce((n, r) => n + (r.simulator?.reruns ?? 0), 0),
  };
}

function usageOf(results: TrialResult[]): RunSummary["usage"] {
  const agent = results.reduce((u, r) => addUsage(u, r.usage?.agent ?? ZERO_USAGE), ZERO_USAGE);
  const buyer = results.reduce((u, r) => addUsage(u, r.usage?.buyer ?? ZERO_USAGE), ZERO_USAGE);
  return { agent, buyer, total: addUsage(agent, buyer) };
}

export interface BaselineDiff {
  regressed: string[];
  improved: string[];
  unchanged: number;
  onlyHere: string[];
}

/** Scenario-level comparison with an earlier run: a scenario passes when all its trials passed. */
export function compareWithBaseline(current: TrialResult[], baseline: TrialResult[]): BaselineDiff {
  const verdict = (rs: TrialResult[]) => {
    const m = new Map<string, boolean>();
    for (const r of rs) m.set(r.scenario, (m.get(r.scenario) ?? true) && r.passed);
    return m;
  };
  const now = verdict(current);
  const before = verdict(baseline);
  const diff: BaselineDiff = { regressed: [], improved: [], unchanged: 0, onlyHere: [] };
  for (const [id, ok] of now) {
    const was = before.get(id);
    if (was === undefined) diff.onlyHere.push(id);
    else if (was && !ok) diff.regressed.push(id);
    else if (!was && ok) diff.improved.push(id);
    else diff.unchanged++;
  }
  return diff;
}
