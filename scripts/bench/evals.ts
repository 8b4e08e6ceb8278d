/**
 * Offline evals throughput: scripted demo scenarios (known gaps left out) played and graded one after another with
 * the offline consultant, exactly as `npm run evals` does — each trial on its own in-memory catalog copy, with a
 * checkpoint per super-step for the trajectory check. Beside the rate, where a trial's time goes: the catalog copy,
 * the offline model's catalog knowledge (built on its first call, once per copy), the rest of the model's calls, and
 * the graph + tools + engine + grading that remain.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { createOfflineModel, type OfflineModelStats } from "../../agent/models/offline/index.ts";
import { createCatalogCache, gradeTrial, loadScenarios, playTrial, type Scenario } from "../../evals/index.ts";
import type { BenchSuite } from "./types.ts";

export async function measureEvalConversations(options: { rounds?: number } = {}) {
  const rounds = options.rounds ?? 2;
  const scenarios: Scenario[] = loadScenarios("evals/scenarios/demo").filter((s) => !s.tags.includes("known-gap"));
  const catalogs = createCatalogCache();
  // The catalog image is built once per run (as in the runner); not part of a conversation.
  catalogs.open(scenarios[0]!).db.$client.close();

  let copyMs = 0;
  let firstCallMs = 0;
  let modelMs = 0;
  let passed = 0;
  const timed = {
    open(s: Scenario) {
      const t = performance.now();
      const r = catalogs.open(s);
      copyMs += performance.now() - t;
      return r;
    },
  };
  const makeModel = (db: Parameters<typeof createOfflineModel>[0]["db"]): BaseChatModel => {
    // The model adds each call's time to `stats.ms`; the first call also builds its knowledge of this catalog copy.
    let total = 0;
    const stats: OfflineModelStats = {
      calls: 0,
      get ms() {
        return total;
      },
      set ms(value: number) {
        if (total === 0) firstCallMs += value;
        else modelMs += value - total;
        total = value;
      },
    };
    return createOfflineModel({ db, stats });
  };

  const started = performance.now();
  let trials = 0;
  for (let round = 0; round < rounds; round++)
    for (const s of scenarios) {
      const record = await playTrial(s, round, timed as typeof catalogs, makeModel);
      if (gradeTrial(record).passed) passed++;
      record.db.$client.close();
      trials++;
    }
  const totalMs = performance.now() - started;
  return {
    trials,
    passed,
    perSecond: trials / (totalMs / 1000),
    trialMs: totalMs / trials,
    copyMs: copyMs / trials,
    firstCallMs: firstCallMs / trials,
    modelMs: modelMs / trials,
  };
}

export const evalsSuite: BenchSuite = {
  name: "evals",
  description: "offline scripted eval conversations per second (demo scenarios, played and graded)",
  async run(ctx) {
    ctx.log("evals: playing the demo scenarios with the offline model…");
    const r = await measureEvalConversations(ctx.quick ? { rounds: 1 } : {});
    const rest = r.trialMs - r.copyMs - r.firstCallMs - r.modelMs;
    return [
      {
        id: "evals.conversations_per_s",
        value: Math.round(r.perSecond * 10) / 10,
        unit: "conv/s",
        target: ">= 50",
        note: `${r.trials} trials (${r.passed} passed), ${r.trialMs.toFixed(0)} ms each: catalog copy ${r.copyMs.toFixed(1)}, model knowledge build ${r.firstCallMs.toFixed(0)}, other model calls ${r.modelMs.toFixed(0)}, graph+tools+grading ${rest.toFixed(0)} ms`,
      },
      { id: "evals.trial_catalog_copy_ms", value: Math.round(r.copyMs * 10) / 10, unit: "ms" },
      { id: "evals.trial_model_knowledge_ms", value: Math.round(r.firstCallMs), unit: "ms" },
      { id: "evals.trial_model_calls_ms", value: Math.round(r.modelMs), unit: "ms" },
      { id: "evals.trial_graph_tools_grading_ms", value: Math.round(rest), unit: "ms" },
    ];
  },
};
