/**
 * Eval trials on worker threads: each worker builds its own catalog images, models and agents (nothing is shared but
 * the scenario data going in and the graded result coming out), so trials run on several cores at once and their
 * verdicts are the same as one after another — every trial already had a private catalog copy and a model seeded
 * from its scenario and trial.
 *
 * A worker cannot receive a model factory (a function): it gets the factory's name and seed and builds the same one
 * (evals/models.ts). Worker start-up (loading the code, training the offline model's classifier) is paid once per
 * worker, not per trial.
 */
import { Worker } from "node:worker_threads";
import type { EvalModelName } from "./models.ts";
import type { TrialResult } from "./runner.ts";
import type { Scenario } from "./scenario.ts";
import type { PriceTable } from "./usage.ts";

/** What a worker needs to play trials exactly as the main thread would. */
export interface TrialWorkerSpec {
  /** The agent's model, by name (`evalModelFactory`). */
  model: EvalModelName;
  seed: number;
  /** The simulated buyer's model for persona scenarios; none: they are skipped. */
  buyerModel?: "openai";
  /** Against the shield (default) or the bare agent. */
  agent?: "shield" | "bare";
  prices?: PriceTable;
}

export interface TrialJob {
  id: number;
  scenario: Scenario;
  trial: number;
}

export type TrialReply = { id: number; result: TrialResult } | { id: number; error: string };

export interface TrialPool {
  /** Workers in the pool. */
  size: number;
  run(scenario: Scenario, trial: number): Promise<TrialResult>;
  close(): Promise<void>;
}

// Why a plain .mjs entry: a worker does not inherit tsx's loader hooks on Node 20; it registers them itself.
const ENTRY = new URL("./trial-worker.mjs", import.meta.url);

/**
 * `count` workers, each playing one trial at a time.
 * @example
 *   const pool = createTrialPool(2, { model: "offline", seed: 1 });
 *   const result = await pool.run(scenario, 0);
 *   await pool.close();
 */
export function createTrialPool(count: number, spec: TrialWorkerSpec): TrialPool {
  const waiting = new Map<number, { resolve: (r: TrialResult) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  const queue: TrialJob[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  const busy = new Map<Worker, number>();

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job.id);
      worker.postMessage(job);
    }
  };
  const workers = Array.from({ length: Math.max(1, count) }, () => {
    const worker = new Worker(ENTRY, {
      workerData: { entry: new URL("./trial-worker.ts", import.meta.url).href, spec },
    });
    worker.on("message", (reply: TrialReply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      busy.delete(worker);
      idle.push(worker);
      if (pending) "result" in reply ? pending.resolve(reply.result) : pending.reject(new Error(reply.error));
      dispatch();
    });
    worker.on("error", (error) => {
      // A crashed worker fails the trial it held and every later one: a run must not hang or silently shrink.
      failure = error;
      const id = busy.get(worker);
      if (id !== undefined) waiting.get(id)?.reject(error);
      for (const job of queue.splice(0)) waiting.get(job.id)?.reject(error);
    });
    idle.push(worker);
    return worker;
  });

  return {
    size: workers.length,
    run(scenario, trial) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const done = new Promise<TrialResult>((resolve, reject) => waiting.set(id, { resolve, reject }));
      queue.push({ id, scenario, trial });
      dispatch();
      return done;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
