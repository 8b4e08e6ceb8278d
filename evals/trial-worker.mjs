// Entry of an eval worker thread (evals/threads.ts): registers tsx's loader in this thread, then runs the worker.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
