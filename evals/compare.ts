/**
 * The comparison that sells the product: the same scenarios, the same models, once through the shield and once
 * through a bare agent (evals/bare-agent.ts: the same tools plus a direct place-order tool, no gate), side by side —
 * how many orders each sent to the ERP, and how many of those the engine finds invalid (the shield's must be 0).
 */
import { join } from "node:path";
import type { EvalModelName } from "./models.ts";
import { playBareTrial } from "./play-bare.ts";
import type { ModelFactory } from "./play.ts";
import { type RunSummary, runEvals, type TrialResult } from "./runner.ts";
import type { Scenario } from "./scenario.ts";
import type { PriceTable } from "./usage.ts";

export type AgentKind = "shield" | "bare";

export interface ComparisonRow {
  model: EvalModelName;
  agent: AgentKind;
  summary: RunSummary;
}

export interface CompareOptions {
  scenarios: Scenario[];
  models: { name: EvalModelName; makeModel: ModelFactory }[];
  repeat?: number;
  concurrency?: number;
  /** Each (model, agent) run writes its own results.jsonl under `out/compare/<model>-<agent>/` (resumable). */
  out?: string;
  prices?: PriceTable;
  /** The buyer simulator's model for persona scenarios (the same for both agents). */
  buyerModel?: ModelFactory;
  onTrial?: (row: { model: EvalModelName; agent: AgentKind }, result: TrialResult) => void;
}

export async function runComparison(options: CompareOptions): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  for (const { name, makeModel } of options.models)
    for (const agent of ["shield", "bare"] as const) {
      const { summary } = await runEvals({
        scenarios: options.scenarios,
        makeModel,
        ...(options.repeat ? { repeat: options.repeat } : {}),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.out ? { out: join(options.out, "compare", `${name}-${agent}`) } : {}),
        ...(options.prices ? { prices: options.prices } : {}),
        ...(options.buyerModel ? { buyerModel: options.buyerModel } : {}),
        ...(agent === "bare" ? { play: playBareTrial } : {}),
        onTrial: (r) => options.onTrial?.({ model: name, agent }, r),
      });
      rows.push({ model: name, agent, summary });
    }
  return rows;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The side-by-side table, as Markdown (the terminal and the README show the same text). */
export function formatComparison(rows: ComparisonRow[]): string {
  const head = [
    "| model | agent | trials | passed | orders sent to the ERP | invalid orders let through |",
    "| ----- | ----- | -----: | -----: | ---------------------: | -------------------------: |",
  ];
  const body = rows.map(
    (r) =>
      `| ${r.model} | ${r.agent === "shield" ? "OrderShield" : "bare createAgent"} | ${r.summary.trials} | ${r.summary.passed} (${pct(r.summary.pass_rate)}) | ${r.summary.orders_placed} | ${r.summary.leaks} |`,
  );
  return [...head, ...body].join("\n");
}
