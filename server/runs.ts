/**
 * Runs of the agent, detached from the HTTP request that started them: a run pumps the agent's events into the
 * thread's hub stream, which any number of SSE streams follow (the request that started it, a reconnect with
 * Last-Event-ID, the rep's view). One run per thread at a time in this process (a second is a 409, not a fork).
 * A run can be cancelled (the cancel endpoint, or a shutdown — never a stream that closes: a dropped connection is not
 * a stop); the runtime's `signal` stops the graph, and with checkpoints written at the end of a run an aborted run leaves the thread as it was before it.
 */
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { AgentEvent, ThreadView } from "../agent/index.ts";
import { AppError, toAppError } from "./errors.ts";
import type { EventHub } from "./events/hub.ts";
import { TOOL_LABELS, type SseEventData } from "./events/schema.ts";

export type RunKind = "message" | "confirm" | "decision";

export interface StartRunOptions {
  threadId: string;
  kind: RunKind;
  by: "buyer" | "rep";
  events: (signal: AbortSignal) => AsyncIterable<AgentEvent>;
}

export interface StartedRun {
  runId: string;
  /** The last hub id before this run's first event: follow the stream from here. */
  afterId: number;
  /** Settles when the run is over (never rejects). */
  finished: Promise<RunOutcome>;
}

export interface RunOutcome {
  status: SseEventData<"run_finished">["status"];
  thread: ThreadView | null;
  /** Why a `failed` run failed (already published as an `error` event). */
  error?: unknown;
}

export interface RunnerDeps {
  hub: EventHub;
  log: Logger;
  /** Called after every run (the rep queue's `thread` event, the threads table). */
  onFinished?: (threadId: string, outcome: RunOutcome) => void;
  /** Called when a hand-off wrote an order (the outbox worker delivers it at once instead of at its next poll). */
  onOrderPlaced?: (threadId: string) => void;
}

interface ActiveRun {
  runId: string;
  kind: RunKind;
  controller: AbortController;
  finished: Promise<RunOutcome>;
}

export function createRunner(deps: RunnerDeps) {
  const { hub, log } = deps;
  const active = new Map<string, ActiveRun>();

  function publishEvent(threadId: string, runId: string, e: AgentEvent): void {
    switch (e.type) {
      case "text":
        hub.publish(threadId, "text", { runId, delta: e.delta, ...(e.messageId ? { messageId: e.messageId } : {}) });
        break;
      case "message":
        hub.publish(threadId, "message", {
          role: "assistant",
          text: e.text,
          runId,
          ...(e.messageId ? { messageId: e.messageId } : {}),
        });
        break;
      case "tool":
        hub.publish(threadId, "tool", { runId, name: e.name, status: e.status, label: TOOL_LABELS[e.name] ?? e.name });
        break;
      case "draft":
        hub.publish(threadId, "draft", { runId, draft: e.draft, report: e.report });
        break;
      case "report":
        hub.publish(threadId, "report", { runId, report: e.report });
        break;
      case "handoff":
        hub.publish(threadId, "handoff", { runId, status: e.status });
        if (e.status === "placed") deps.onOrderPlaced?.(threadId);
        break;
      case "interrupt":
        hub.publish(threadId, "interrupt", {
          runId,
          type: e.value.type,
          draftHash: e.value.draftHash,
          summary: e.value.summary,
          ...(e.value.type === "approval" ? { codes: e.value.codes } : {}),
        });
        break;
      case "replayed":
        // A message sent again under its key ran no turn: the client reads the thread (its message and the answer).
        hub.publish(threadId, "resync", { reason: "this message was received before; its answer is in the thread" });
        break;
      case "done":
        break;
    }
  }

  function start(options: StartRunOptions): StartedRun {
    const { threadId } = options;
    if (active.has(threadId))
      throw new AppError("conflict:run", "a reply is still being written in this conversation; wait or cancel it");
    const runId = randomUUID();
    const controller = new AbortController();
    const afterId = hub.nextId(threadId) - 1;
    hub.publish(threadId, "run_started", { runId, kind: options.kind, by: options.by });
    const finished = (async (): Promise<RunOutcome> => {
      let thread: ThreadView | null = null;
      let status: RunOutcome["status"] = "completed";
      let failure: unknown;
      try {
        for await (const e of options.events(controller.signal)) {
          if (e.type === "done") thread = e.thread;
          else publishEvent(threadId, runId, e);
        }
        if (controller.signal.aborted) status = "aborted";
      } catch (error) {
        if (controller.signal.aborted) status = "aborted";
        else {
          status = "failed";
          failure = error;
          // The agent's typed errors keep their code (`conflict:run` after another process's lease, `conflict:no_approval`).
          const app = toAppError(error);
          if (app.status >= 500) log.error({ err: error, threadId, runId }, "run failed");
          // A rep's failed action (a decision a colleague took first) is the rep's to hear, not the buyer's.
          hub.publish(
            threadId,
            "error",
            {
              runId,
              code: app.status < 500 ? app.code : "internal:run",
              detail:
                app.status < 500 ? app.message : "Something went wrong; your conversation is kept, please try again.",
            },
            options.by === "rep" ? "rep" : "all",
          );
        }
      } finally {
        active.delete(threadId);
      }
      hub.publish(threadId, "run_finished", {
        runId,
        status,
        pending: thread?.pending?.type ?? null,
        orderId: thread?.order?.orderId ?? null,
      });
      const outcome: RunOutcome = { status, thread, ...(failure === undefined ? {} : { error: failure }) };
      try {
        deps.onFinished?.(threadId, outcome);
      } catch (error) {
        log.error({ err: error, threadId }, "after-run hook failed");
      }
      return outcome;
    })();
    active.set(threadId, { runId, kind: options.kind, controller, finished });
    return { runId, afterId, finished };
  }

  return {
    start,
    /**
     * Abort the thread's run (optionally only if it is `runId`, and only if it is of one of `kinds`). True when one
     * was running and is now aborted.
     */
    cancel(threadId: string, runId?: string, kinds?: readonly RunKind[]): boolean {
      const run = active.get(threadId);
      if (!run || (runId && run.runId !== runId) || (kinds && !kinds.includes(run.kind))) return false;
      run.controller.abort(new Error("cancelled"));
      return true;
    },
    isRunning: (threadId: string) => active.has(threadId),
    activeCount: () => active.size,
    /** Graceful shutdown: wait for open runs up to `graceMs`, then abort what is left and wait for it to settle. */
    async drain(graceMs: number): Promise<void> {
      const all = () => Promise.all([...active.values()].map((r) => r.finished));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        all().then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        for (const run of active.values()) run.controller.abort(new Error("shutting down"));
        await all();
      }
    },
  };
}

export type Runner = ReturnType<typeof createRunner>;
