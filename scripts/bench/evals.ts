/**
 * Offline evals throughput: scripted demo scenarios (known gaps left out) played and graded with
 * the offline consultant, exactly as `npm run evals` does — each trial on its own in-memory catalog copy, with a
 * checkpoint per super-step for the trajectory check. Beside the rate, where a trial's time goes: the catalog copy,
 * the offline model's catalog knowledge (built on its first call, once per copy), the rest of the model's calls, and
 * the graph + tools + engine + grading that remain (one thread, trials one after another). The rate itself,
 * `evals.conversations_per_s`, is the same trials on 2 threads, this one and a worker (`npm run evals -- --threads
 * 2`), as the figure's note says; the one-thread rate stands beside it.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { createOfflineModel, type OfflineModelDeps, type OfflineModelStats } from "../../agent/models/offline/index.ts";
import {
  createCatalogCache,
  evalModelFactory,
  gradeTrial,
  loadScenarios,
  playTrial,
  type Scenario,
} from "../../evals/index.ts";
import type { TrialInfo } from "../../evals/play.ts";
import { createTrialPool, nextTurn } from "../../evals/threads.ts";
import { catalogKey } from "../../evals/world.ts";
import type { BenchSuite } from "./types.ts";

const demoScenarios = (): Scenario[] =>
  loadScenarios("evals/scenarios/demo").filter((s) => !s.tags.includes("known-gap"));

/**
 * The same trials on `threads` threads, as `npm run evals -- --threads N` plays them: this thread and N - 1 worker
 * threads taking trials from one queue. Start-up — a worker loading the code and training the classifier, each
 * thread building the catalog image on its first trial — is timed apart and not counted in the rate: it is paid
 * once per run, not per conversation.
 */
export async function measureThreadedConversations(options: { threads: number; rounds?: number }) {
  const rounds = options.rounds ?? 2;
  const scenarios = demoScenarios();
  const catalogs = createCatalogCache();
  const offline = evalModelFactory("offline", { seed: 1 });
  const here = async (s: Scenario, trial: number) => {
    const record = await playTrial(s, trial, catalogs, offline);
    const passed = gradeTrial(record).passed;
    record.db.$client.close();
    return passed;
  };
  const started = performance.now();
  const pool = createTrialPool(options.threads - 1, { model: "offline", seed: 1 });
  try {
    // One trial per thread first: code loaded, classifier trained, catalog image built.
    await Promise.all([here(scenarios[0]!, 0), ...scenarios.slice(1, options.threads).map((s) => pool.run(s, 0))]);
    const startupMs = performance.now() - started;
    const queue = Array.from({ length: rounds }, (_, round) => scenarios.map((s) => ({ s, round }))).flat();
    const trials = queue.length;
    let passed = 0;
    // As the runner schedules them: this thread turns its event loop between its own trials (taking in the worker's
    // results), and the pool is kept at its capacity (a worker holds its next trial while it plays one).
    const loop = async (onPool: boolean) => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (!onPool) await nextTurn();
        if (onPool ? (await pool.run(next.s, next.round)).passed : await here(next.s, next.round)) passed++;
      }
    };
    const t = performance.now();
    const cpu = process.cpuUsage();
    const before = pool.played;
    await Promise.all([loop(false), ...Array.from({ length: pool.capacity }, () => loop(true))]);
    const ms = performance.now() - t;
    const { user, system } = process.cpuUsage(cpu);
    // The process's CPU (all threads) over the wall time: the cores the threads actually got. On a shared machine
    // with autogroup scheduling a process's threads share one group's slice, so under load this stays well below 2.
    const coresUsed = (user + system) / 1000 / ms;
    const onWorkers = pool.played - before;
    return {
      threads: options.threads,
      trials,
      passed,
      perSecond: trials / (ms / 1000),
      startupMs,
      onWorkers,
      coresUsed,
    };
  } finally {
    await pool.close();
  }
}

export async function measureEvalConversations(options: { rounds?: number } = {}) {
  const rounds = options.rounds ?? 2;
  const scenarios = demoScenarios();
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
  // As evalModelFactory("offline") does: a catalog's words read from its first copy only.
  const words: NonNullable<OfflineModelDeps["sharedWords"]>["cache"] = new Map();
  const makeModel = (db: Parameters<typeof createOfflineModel>[0]["db"], trial?: TrialInfo): BaseChatModel => {
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
    return createOfflineModel({
      db,
      stats,
      ...(trial ? { sharedWords: { key: catalogKey(trial.scenario), cache: words } } : {}),
    });
  };

  const started = performance.now();
  const cpu = process.cpuUsage();
  let trials = 0;
  for (let round = 0; round < rounds; round++)
    for (const s of scenarios) {
      const record = await playTrial(s, round, timed as typeof catalogs, makeModel);
      if (gradeTrial(record).passed) passed++;
      record.db.$client.close();
      trials++;
    }
  const totalMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    // The process's CPU a trial (GC threads included): what a trial costs, far less moved by the machine's load than
    // its wall time.
    cpuMs: (used.user + used.system) / 1000 / trials,
    trials,
    passed,
    perSecond: trials / (totalMs / 1000),
    trialMs: totalMs / trials,
    copyMs: copyMs / trials,
    firstCallMs: firstCallMs / trials,
    modelMs: modelMs / trials,
  };
}

/** Worker threads of the throughput figure: one per core of the 2-core machines the goals are set for. */
const EVAL_BENCH_THREADS = 2;

export const evalsSuite: BenchSuite = {
  name: "evals",
  description: "offline scripted eval conversations per second (demo scenarios, played and graded)",
  async run(ctx) {
    ctx.log("evals: playing the demo scenarios with the offline model…");
    const r = await measureEvalConversations(ctx.quick ? { rounds: 1 } : {});
    const rest = r.trialMs - r.copyMs - r.firstCallMs - r.modelMs;
    const threads = EVAL_BENCH_THREADS;
    ctx.log(`evals: the same on ${threads} worker threads…`);
    const t = await measureThreadedConversations({ threads, ...(ctx.quick ? { rounds: 1 } : {}) });
    return [
      {
        id: "evals.conversations_per_s",
        value: Math.round(t.perSecond * 10) / 10,
        unit: "conv/s",
        target: ">= 50",
        note: `${t.threads} threads (this one + ${t.threads - 1} worker; npm run evals -- --threads ${t.threads}), ${t.trials} trials (${t.passed} passed, ${t.onWorkers} of them on the worker; ${t.coresUsed.toFixed(2)} cores used); start-up ${(t.startupMs / 1000).toFixed(1)} s not counted (worker code and classifier, catalog image per thread); one thread: ${(Math.round(r.perSecond * 10) / 10).toFixed(1)} conv/s`,
      },
      {
        id: "evals.conversations_per_s_one_thread",
        value: Math.round(r.perSecond * 10) / 10,
        unit: "conv/s",
        note: `${r.trials} trials (${r.passed} passed) one after another, ${r.trialMs.toFixed(0)} ms each: catalog copy ${r.copyMs.toFixed(1)}, model knowledge build ${r.firstCallMs.toFixed(0)}, other model calls ${r.modelMs.toFixed(0)}, graph+tools+grading ${rest.toFixed(0)} ms`,
      },
      {
        id: "evals.trial_cpu_ms",
        value: Math.round(r.cpuMs * 10) / 10,
        unit: "ms",
        note: "CPU of the process a trial, one thread (GC threads included): compare versions with this under load",
      },
      { id: "evals.trial_catalog_copy_ms", value: Math.round(r.copyMs * 10) / 10, unit: "ms" },
      { id: "evals.trial_model_knowledge_ms", value: Math.round(r.firstCallMs), unit: "ms" },
      { id: "evals.trial_model_calls_ms", value: Math.round(r.modelMs), unit: "ms" },
      { id: "evals.trial_graph_tools_grading_ms", value: Math.round(rest), unit: "ms" },
    ];
  },
};
