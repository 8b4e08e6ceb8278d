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
  /** Trials the pool holds at once (`size` × `WORKER_DEPTH`): keep this many `run`s open to keep every worker busy. */
  capacity: number;
  /** Trials the workers have finished so far. */
  readonly played: number;
  run(scenario: Scenario, trial: number): Promise<TrialResult>;
  close(): Promise<void>;
}

// Why a plain .mjs entry: a worker does not inherit tsx's loader hooks on Node 20; it registers them itself.
const ENTRY = new URL("./trial-worker.mjs", import.meta.url);

/**
 * Jobs a worker holds at once: the one it plays and the next, queued in its own thread. The worker's reply reaches
 * this thread only when this thread's event loop turns (between trials it plays itself), so a worker handed one job
 * at a time would sit idle from its reply until then; with the next job already in its queue it goes straight on.
 */
export const WORKER_DEPTH = 2;

/** Resolves on the next turn of the event loop (after pending I/O and worker messages): call it between trials. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `count` workers, each playing one trial at a time with up to `WORKER_DEPTH` handed to it.
 * @example
 *   const pool = createTrialPool(2, { model: "offline", seed: 1 });
 *   const result = await pool.run(scenario, 0);
 *   await pool.close();
 */
export function createTrialPool(count: number, spec: TrialWorkerSpec): TrialPool {
  const waiting = new Map<number, { resolve: (r: TrialResult) => void; reject: (e: Error) => void }>();
  const queue: TrialJob[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  /** The jobs each worker holds (played or queued in it), in the order it plays them. */
  const held = new Map<Worker, number[]>();
  let played = 0;

  const dispatch = () => {
    // Fill every worker to one job first, then to the depth: a job waits in a busy worker only when none is free.
    for (let depth = 1; depth <= WORKER_DEPTH; depth++)
      for (const [worker, jobs] of held) {
        if (queue.length === 0) return;
        if (jobs.length >= depth) continue;
        const job = queue.shift()!;
        jobs.push(job.id);
        worker.postMessage(job);
      }
  };
  const workers = Array.from({ length: Math.max(1, count) }, () => {
    const worker = new Worker(ENTRY, {
      workerData: { entry: new URL("./trial-worker.ts", import.meta.url).href, spec },
    });
    held.set(worker, []);
    worker.on("message", (reply: TrialReply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      const jobs = held.get(worker)!;
      jobs.splice(jobs.indexOf(reply.id), 1);
      played++;
      if (pending) "result" in reply ? pending.resolve(reply.result) : pending.reject(new Error(reply.error));
      dispatch();
    });
    worker.on("error", (error) => {
      // A crashed worker fails the trials it held and every later one: a run must not hang or silently shrink.
      failure = error;
      for (const id of held.get(worker)!.splice(0)) waiting.get(id)?.reject(error);
      for (const job of queue.splice(0)) waiting.get(job.id)?.reject(error);
    });
    return worker;
  });

  return {
    size: workers.length,
    capacity: workers.length * WORKER_DEPTH,
    get played() {
      return played;
    },
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
