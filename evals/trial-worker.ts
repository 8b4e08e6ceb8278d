/**
 * One eval worker thread (evals/threads.ts): plays and grades the trials it is sent, one at a time, with its own
 * catalog images and the model factory named in its spec, and sends back each trial's result line.
 */
import { parentPort, workerData } from "node:worker_threads";
import { gradeTrial } from "./grade.ts";
import { evalModelFactory } from "./models.ts";
import { playTrial } from "./play.ts";
import { playBareTrial } from "./play-bare.ts";
import { NOT_GRADED, resultOf } from "./runner.ts";
import type { TrialJob, TrialReply, TrialWorkerSpec } from "./threads.ts";
import { createCatalogCache } from "./world.ts";

const spec = (workerData as { spec: TrialWorkerSpec }).spec;
const makeModel = evalModelFactory(spec.model, { seed: spec.seed, env: process.env });
const buyerModel = spec.buyerModel ? evalModelFactory(spec.buyerModel, { env: process.env }) : undefined;
const play = spec.agent === "bare" ? playBareTrial : playTrial;
const catalogs = createCatalogCache();

parentPort!.on("message", async (job: TrialJob) => {
  let reply: TrialReply;
  try {
    const record = await play(job.scenario, job.trial, catalogs, makeModel, {
      ...(spec.prices ? { prices: spec.prices } : {}),
      ...(buyerModel ? { buyerModel } : {}),
    });
    const result = resultOf(record.skipped ? NOT_GRADED : gradeTrial(record), record);
    record.db.$client.close();
    reply = { id: job.id, result };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
