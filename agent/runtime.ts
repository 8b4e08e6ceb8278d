/**
 * The in-process API of the agent, used by the terminal chat, the server and the evals: send a buyer message,
 * resume an interrupt (buyer confirmation or rep approval), read a thread. Threads are durable: they live in the
 * SQLite checkpointer, so a new process (or a new agent on the same file) continues where the last one stopped.
 */
import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { Command, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { Db } from "../catalog/db.ts";
import { createCatalogReader } from "../catalog/queries/index.ts";
import type { CatalogReader } from "../catalog/queries/types.ts";
import type { Draft, ValidationReport } from "../tools/types.ts";
import { createShieldCheckpointer, defaultThreadStore } from "./checkpointer.ts";
import { buildShieldGraph } from "./graph.ts";
import type { ApprovalInterrupt } from "./nodes/approve.ts";
import type { ConfirmInterrupt } from "./nodes/confirm.ts";
import {
  shieldContextSchema,
  type HandoffRefusal,
  type OrderStatus,
  type ShieldContext,
  type ShieldStateType,
} from "./state.ts";

export interface ShieldAgentOptions {
  db: Db;
  model: BaseChatModel;
  /**
   * The threads' SQLite file. Default: beside the catalog file (`shop.db` → `shop.threads.db`, see
   * defaultThreadStore), in `db` itself when that is in memory. Threads written into the catalog file by earlier
   * versions are still found.
   */
  checkpointerPath?: string;
  /** Any LangGraph checkpointer (e.g. MemorySaver for throw-away runs). Wins over `checkpointerPath`. */
  checkpointer?: BaseCheckpointSaver;
  data?: CatalogReader;
  now?: () => Date;
  systemPrompt?: string;
  /**
   * When checkpoints are written. Default "exit": at the end of each run and at every interrupt, which is what a
   * thread needs to survive a restart. A crash mid-turn loses only that turn's reads and draft edits; the one side
   * effect (the hand-off) is its own transaction, idempotent on thread + draft hash, so replaying a confirmation after
   * a crash returns the order already written. "sync" checkpoints after every step.
   */
  durability?: "sync" | "async" | "exit";
}

export type PendingInterrupt = ConfirmInterrupt | ApprovalInterrupt;

/** What a widget, the chat or an eval needs to show after a turn. */
export interface ThreadView {
  threadId: string;
  messages: BaseMessage[];
  draft: Draft;
  report: ValidationReport | null;
  pending: PendingInterrupt | null;
  order: OrderStatus | null;
  refusal: HandoffRefusal | null;
  customerId: string | null;
}

/** Events of one turn, in order: text deltas, tool activity, draft/report changes, an interrupt, the end. */
export type AgentEvent =
  | { type: "text"; delta: string; messageId?: string }
  | { type: "message"; text: string; messageId?: string }
  | { type: "tool"; name: string; status: "ok" | "error" }
  | { type: "draft"; draft: Draft; report: ValidationReport | null }
  | { type: "report"; report: ValidationReport }
  | { type: "handoff"; status: string }
  | { type: "interrupt"; value: PendingInterrupt }
  | { type: "done"; thread: ThreadView };

export interface TurnResult {
  /** What the buyer sees from this turn: the assistant's and the shield's messages, in order. */
  replies: string[];
  thread: ThreadView;
}

export interface TurnOptions {
  signal?: AbortSignal;
}

export class ThreadAccessError extends Error {
  readonly code = "forbidden:thread";
}

export function messageText(m: BaseMessage): string {
  if (typeof m.content === "string") return m.content;
  return m.content
    .map((c) => (typeof c === "string" ? c : c.type === "text" ? String((c as { text?: string }).text ?? "") : ""))
    .join("");
}

/**
 * @example
 *   const agent = createShieldAgent({ db, model: fakeModel() });
 *   const { replies, thread } = await agent.send("t-1", "I need 2 seals for pump 2", { customerId: "C-100", channel: "widget" });
 *   if (thread.pending?.type === "confirm") await agent.resume("t-1", { confirm: true, draftHash: thread.pending.draftHash }, ctx);
 */
export function createShieldAgent(options: ShieldAgentOptions) {
  const data = options.data ?? createCatalogReader(options.db);
  const checkpointer =
    options.checkpointer ??
    (options.checkpointerPath
      ? createShieldCheckpointer(options.checkpointerPath)
      : createShieldCheckpointer(defaultThreadStore(options.db.$client), { legacyFrom: options.db.$client }));
  const graph = buildShieldGraph({
    db: options.db,
    model: options.model,
    data,
    ...(options.now ? { now: options.now } : {}),
    ...(options.systemPrompt ? { systemPrompt: options.systemPrompt } : {}),
  }).compile({ checkpointer });

  const config = (threadId: string, ctx: ShieldContext, signal?: AbortSignal) => ({
    configurable: { thread_id: threadId },
    context: ctx,
    durability: options.durability ?? "exit",
    recursionLimit: 80,
    ...(signal ? { signal } : {}),
  });

  const viewOf = (
    threadId: string,
    values: Partial<ShieldStateType>,
    pending: PendingInterrupt | null,
  ): ThreadView => ({
    threadId,
    messages: values.messages ?? [],
    draft: values.draft ?? { lines: [] },
    report: values.report ?? null,
    pending,
    order: values.order ?? null,
    refusal: values.refusal ?? null,
    customerId: values.session?.customerId ?? null,
  });

  /**
   * Owner and pending interrupt of recently used threads, so a turn does not read its checkpoint twice. Only threads
   * with an owner are cached: ownership is immutable once set, but a thread without one yet may be started by another
   * agent on the same database at any time, so an absent owner is always read again.
   */
  const recent = new Map<string, { customerId: string; pending: boolean }>();
  const remember = (view: ThreadView) => {
    recent.delete(view.threadId);
    if (view.customerId) {
      recent.set(view.threadId, { customerId: view.customerId, pending: view.pending !== null });
      if (recent.size > 10_000) recent.delete(recent.keys().next().value!);
    }
    return view;
  };

  async function readThread(threadId: string): Promise<ThreadView> {
    const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
    const interrupts = snapshot.tasks.flatMap((t) => t.interrupts ?? []);
    return remember(
      viewOf(
        threadId,
        (snapshot.values ?? {}) as Partial<ShieldStateType>,
        (interrupts[0]?.value as PendingInterrupt | undefined) ?? null,
      ),
    );
  }

  /** A thread belongs to the customer of its first message; reps may act on any thread. */
  function assertAccess(owner: string | null, ctx: ShieldContext): void {
    if (owner && owner !== ctx.customerId && ctx.channel !== "rep")
      throw new ThreadAccessError("this conversation belongs to another customer");
  }

  /** Read a thread as the caller `ctx` (authorised like send and resume: another customer gets ThreadAccessError). */
  async function getThread(threadId: string, rawCtx: ShieldContext): Promise<ThreadView> {
    const ctx = shieldContextSchema.parse(rawCtx);
    const view = await readThread(threadId);
    assertAccess(view.customerId, ctx);
    return view;
  }

  async function authorize(
    threadId: string,
    ctx: ShieldContext,
  ): Promise<{ customerId: string | null; pending: boolean }> {
    let known: { customerId: string | null; pending: boolean } | undefined = recent.get(threadId);
    if (!known) {
      const view = await readThread(threadId);
      known = { customerId: view.customerId, pending: view.pending !== null };
    }
    assertAccess(known.customerId, ctx);
    return known;
  }

  /**
   * Run the graph once. `live` adds token deltas and tool/draft events (for SSE); without it the run only tracks
   * node updates and the latest state, which is all a collected turn needs.
   */
  async function* run(
    threadId: string,
    input: unknown,
    ctx: ShieldContext,
    opts: TurnOptions,
    live: boolean,
  ): AsyncGenerator<AgentEvent> {
    const streamed = new Set<string>();
    const streamMode = live ? ["messages", "updates", "custom", "values"] : ["updates", "values"];
    let values: Partial<ShieldStateType> | undefined;
    let pending: PendingInterrupt | null = null;
    const stream = await graph.stream(input as never, { ...config(threadId, ctx, opts.signal), streamMode } as never);
    for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
      if (mode === "values") {
        // The run ends with an `{ __interrupt__ }` chunk when it pauses: it carries no state.
        if (Array.isArray((chunk as Partial<ShieldStateType>)?.messages)) values = chunk as Partial<ShieldStateType>;
      } else if (mode === "messages") {
        const [message, meta] = chunk as [BaseMessage, { langgraph_node?: string }];
        if (meta?.langgraph_node !== "model" || !(AIMessageChunk.isInstance(message) || AIMessage.isInstance(message)))
          continue;
        const delta = messageText(message);
        if (!delta) continue;
        if (message.id) streamed.add(message.id);
        yield { type: "text", delta, ...(message.id ? { messageId: message.id } : {}) };
      } else if (mode === "custom") {
        const event = chunk as AgentEvent;
        if (event && typeof event === "object" && "type" in event) yield event;
      } else if (mode === "updates") {
        const update = chunk as Record<string, { messages?: BaseMessage[] } | unknown[]>;
        for (const [node, value] of Object.entries(update)) {
          if (node === "__interrupt__") {
            const first = (value as { value: PendingInterrupt }[])[0];
            if (first) {
              pending = first.value;
              yield { type: "interrupt", value: first.value };
            }
            continue;
          }
          const messages = (value as { messages?: BaseMessage[] } | null)?.messages ?? [];
          for (const m of messages) {
            if (!AIMessage.isInstance(m) || ToolMessage.isInstance(m)) continue;
            const text = messageText(m);
            if (text && !(m.id && streamed.has(m.id)))
              yield { type: "message", text, ...(m.id ? { messageId: m.id } : {}) };
          }
        }
      }
    }
    yield { type: "done", thread: values ? remember(viewOf(threadId, values, pending)) : await readThread(threadId) };
  }

  async function collect(events: AsyncGenerator<AgentEvent>): Promise<TurnResult> {
    const replies: string[] = [];
    let current = "";
    let thread: ThreadView | undefined;
    for await (const e of events) {
      if (e.type === "text") current += e.delta;
      else if (e.type === "message") {
        if (current) replies.push(current), (current = "");
        replies.push(e.text);
      } else if (e.type === "tool" && current) replies.push(current), (current = "");
      else if (e.type === "done") thread = e.thread;
    }
    if (current) replies.push(current);
    return { replies: replies.filter((r) => r.trim().length > 0), thread: thread! };
  }

  /** Stream one buyer message. A pending confirmation or approval is withdrawn first: the buyer moved on. */
  /** One run at a time per thread: a double-click or a retry waits for the turn in flight instead of forking the thread. */
  const tails = new Map<string, Promise<void>>();
  async function* serialized(threadId: string, body: () => AsyncGenerator<AgentEvent>): AsyncGenerator<AgentEvent> {
    const previous = tails.get(threadId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    tails.set(threadId, tail);
    await previous;
    try {
      yield* body();
    } finally {
      release();
      if (tails.get(threadId) === tail) tails.delete(threadId);
    }
  }

  function streamMessage(
    threadId: string,
    text: string,
    rawCtx: ShieldContext,
    opts: TurnOptions = {},
    live = true,
  ): AsyncGenerator<AgentEvent> {
    return serialized(threadId, () => messageRun(threadId, text, rawCtx, opts, live));
  }

  function streamResume(
    threadId: string,
    value: unknown,
    rawCtx: ShieldContext,
    opts: TurnOptions = {},
    live = true,
  ): AsyncGenerator<AgentEvent> {
    return serialized(threadId, () => resumeRun(threadId, value, rawCtx, opts, live));
  }

  async function* messageRun(
    threadId: string,
    text: string,
    rawCtx: ShieldContext,
    opts: TurnOptions,
    live: boolean,
  ): AsyncGenerator<AgentEvent> {
    const ctx = shieldContextSchema.parse(rawCtx);
    const thread = await authorize(threadId, ctx);
    if (thread.pending) {
      for await (const _ of run(threadId, new Command({ resume: { cancel: true } }), ctx, opts, false)) void _;
    }
    yield* run(threadId, { messages: [new HumanMessage(text)], session: ctx }, ctx, opts, live);
  }

  /** Stream the answer to an interrupt: `{ confirm, draftHash }` from the buyer, `{ decision, actor, reason }` from a rep. */
  async function* resumeRun(
    threadId: string,
    value: unknown,
    rawCtx: ShieldContext,
    opts: TurnOptions,
    live: boolean,
  ): AsyncGenerator<AgentEvent> {
    const ctx = shieldContextSchema.parse(rawCtx);
    const thread = await authorize(threadId, ctx);
    if (!thread.pending) {
      yield { type: "message", text: "There is nothing waiting for a confirmation or approval in this conversation." };
      yield { type: "done", thread: await readThread(threadId) };
      return;
    }
    yield* run(threadId, new Command({ resume: value }), ctx, opts, live);
  }

  return {
    graph,
    getThread,
    streamMessage,
    streamResume,
    /** One buyer message, answered when the turn is over (no token streaming). */
    send: (threadId: string, text: string, ctx: ShieldContext, opts?: TurnOptions) =>
      collect(streamMessage(threadId, text, ctx, opts, false)),
    resume: (threadId: string, value: unknown, ctx: ShieldContext, opts?: TurnOptions) =>
      collect(streamResume(threadId, value, ctx, opts, false)),
  };
}

export type ShieldAgent = ReturnType<typeof createShieldAgent>;
