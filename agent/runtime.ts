/**
 * The in-process API of the agent, used by the terminal chat, the server and the evals: send a buyer message,
 * resume an interrupt (buyer confirmation or rep approval), read a thread. Threads are durable: they live in the
 * SQLite checkpointer, so a new process (or a new agent on the same file) continues where the last one stopped.
 */
import { createHash, randomUUID } from "node:crypto";
import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { Command, type BaseCheckpointSaver } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { z } from "zod";
import type { Db } from "../catalog/db.ts";
import {
  createCatalogReader,
  createThreadRegistry,
  type ThreadRecord,
  type ThreadStatus,
} from "../catalog/queries/index.ts";
import type { CatalogReader } from "../catalog/queries/types.ts";
import { shownText } from "../tools/limits.ts";
import type { Draft, ValidationReport } from "../tools/types.ts";
import { createShieldCheckpointer, defaultThreadStore } from "./checkpointer.ts";
import { createThreadLeases, type HeldLease, type LeaseOptions } from "./thread-lease.ts";
import {
  BusyError,
  InvalidRequestError,
  isDatabaseBusy,
  MessageKeyConflictError,
  NoApprovalError,
  StaleApprovalError,
  parseOrThrow,
  RepIdentityError,
  ThreadAccessError,
} from "./errors.ts";
import { buildShieldGraph } from "./graph.ts";
import { InputDurableSaver } from "./input-durability.ts";
import { quietRunTrees } from "./quiet-run-trees.ts";
import { type ApprovalInterrupt, approvalResumeSchema } from "./nodes/approve.ts";
import { type ConfirmInterrupt, confirmResumeSchema, type Withdrawal } from "./nodes/confirm.ts";
import { noticeText } from "./nodes/model.ts";
import {
  shieldContextSchema,
  threadIdSchema,
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
   * When checkpoints are written. Default "input": a run's input checkpoint (the buyer's message) when it arrives,
   * before the model sees it, and the rest of the run once, at its end (input-durability.ts) — a process killed
   * mid-turn (OOM, deploy, pulled plug) keeps the message, and the next turn answers it
   * (tests/reliability/message-crash.test.ts; with "exit" it was lost). The one side effect (the hand-off) is its own
   * transaction, idempotent on customer + thread + draft hash. LangGraph's own: "sync"/"async" (after every step),
   * "exit" (at the end of each run and at every interrupt: for runs whose process nobody needs to survive, such as
   * eval trials).
   */
  durability?: "input" | "sync" | "async" | "exit";
  /**
   * Cross-process run leases per thread (thread-lease.ts), in the SQLite checkpointer's file; `false` turns them off.
   * Without a SQLite checkpointer (e.g. MemorySaver) there is nothing shared between processes and no lease.
   */
  leases?: LeaseOptions | false;
  /**
   * Called after every super-step of a run with the node(s) whose writes made it and the full state after it — the
   * path the graph took, as LangGraph streams it, whatever `durability` writes to the checkpointer (the evals'
   * trajectory check reads it instead of a checkpoint per step).
   */
  onStep?: (threadId: string, step: GraphStep) => void;
}

/** One super-step of a run: the node(s) that ran, and the state they left. */
export interface GraphStep {
  nodes: string[];
  values: Partial<ShieldStateType>;
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
  /** The message was sent before under its key: no turn ran; the thread (its message and the answer) is as it was. */
  | { type: "replayed"; messageId: string }
  | { type: "done"; thread: ThreadView };

export interface TurnResult {
  /** What the buyer sees from this turn: the assistant's and the shield's messages, in order. */
  replies: string[];
  thread: ThreadView;
}

export interface TurnOptions {
  signal?: AbortSignal;
  /**
   * The client's key for this message (the widget's Idempotency-Key): the message gets an id derived from it, and the
   * same message sent again under the key (a network retry, a double send) is not a second message or a second turn.
   */
  messageKey?: string;
}

/**
 * The id of the buyer message sent under `key` in a thread. A hash, so the client's key is not shown as a message id.
 *
 * @example messageIdOfKey("msg-7f3a") // "key-5c1e…" (44 chars)
 */
export function messageIdOfKey(key: string): string {
  return `key-${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;
}

/** A buyer's message: text, bounded (a chat message, not a document). */
export const MAX_MESSAGE_CHARS = 8000;
const messageTextSchema = z.string().max(MAX_MESSAGE_CHARS);
/** A client's message key: an opaque token of printable ASCII (a UUID, a counter), bounded. */
export const MAX_MESSAGE_KEY_CHARS = 200;
const messageKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]+$/)
  .max(MAX_MESSAGE_KEY_CHARS);
/** What may answer an interrupt: the buyer's confirmation (or a cancel) or a rep's decision. */
export const resumeValueSchema = z.union([confirmResumeSchema, approvalResumeSchema]);

/** Where a thread stands for the rep queue. */
export function statusOf(view: Pick<ThreadView, "pending" | "order" | "draft" | "report">): ThreadStatus {
  if (view.pending?.type === "approval") return "needs_approval";
  if (view.order && view.draft.lines.length === 0) return "ordered";
  if (view.report && !view.report.clean) return "blocked";
  return "active";
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
  // No idle langsmith RunTree per runnable while tracing is off (quiet-run-trees.ts).
  quietRunTrees();
  const data = options.data ?? createCatalogReader(options.db);
  const store =
    options.checkpointer ??
    (options.checkpointerPath
      ? createShieldCheckpointer(options.checkpointerPath)
      : createShieldCheckpointer(defaultThreadStore(options.db.$client), { legacyFrom: options.db.$client }));
  const durability = options.durability ?? "input";
  // "input" is LangGraph's "sync" with every checkpoint after the input one held until the run ends.
  const held = durability === "input" ? new InputDurableSaver(store) : undefined;
  const checkpointer = held ?? store;
  const leases =
    options.leases !== false && store instanceof SqliteSaver
      ? createThreadLeases(store.db, options.leases || {})
      : undefined;
  const graph = buildShieldGraph({
    db: options.db,
    model: options.model,
    data,
    ...(options.now ? { now: options.now } : {}),
    ...(options.systemPrompt ? { systemPrompt: options.systemPrompt } : {}),
  }).compile({ checkpointer });

  const config = (threadId: string, ctx: ShieldContext, signal?: AbortSignal) => ({
    // The run's clock, for a model reading relative dates ("by Friday"); the nodes get the same clock as `now`.
    configurable: { thread_id: threadId, ...(options.now ? { now: options.now().toISOString() } : {}) },
    context: ctx,
    durability: durability === "input" ? "sync" : durability,
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

  const registry = createThreadRegistry(options.db);
  /**
   * Owners the database confirmed (the `threads` row), so a turn does not read the row twice; ownership never
   * changes once bound. A thread without a row is never cached: another agent may bind it at any time.
   */
  const owners = new Map<string, ThreadRecord>();
  /**
   * Pending interrupt of recently used threads, and the ids of their messages sent under a client's key, so a turn does
   * not read its checkpoint twice.
   */
  const recent = new Map<string, { pending: boolean; keyed: Set<string> }>();
  const remember = (view: ThreadView) => {
    recent.delete(view.threadId);
    const keyed = new Set<string>();
    for (const m of view.messages) if (m.id?.startsWith("key-")) keyed.add(m.id);
    recent.set(view.threadId, { pending: view.pending !== null, keyed });
    if (recent.size > 10_000) recent.delete(recent.keys().next().value!);
    return view;
  };
  /** The queue status this agent last wrote per thread, so unchanged statuses cost no write. */
  const recorded = new Map<string, ThreadStatus>();
  const rememberOwner = (row: ThreadRecord) => {
    owners.set(row.id, row);
    if (owners.size > 10_000) owners.delete(owners.keys().next().value!);
    return row;
  };

  async function readThread(threadId: string, owner?: ThreadRecord | null): Promise<ThreadView> {
    const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
    const interrupts = snapshot.tasks.flatMap((t) => t.interrupts ?? []);
    const view = viewOf(
      threadId,
      (snapshot.values ?? {}) as Partial<ShieldStateType>,
      (interrupts[0]?.value as PendingInterrupt | undefined) ?? null,
    );
    // The registry is the owner of record; the checkpoint's session only matters for threads it never saw.
    const row = owner === undefined ? ownerOf(threadId) : owner;
    return remember(row ? { ...view, customerId: row.customerId } : view);
  }

  /**
   * The thread's owner of record. A thread started before the registry existed has its owner only in its checkpoint:
   * that owner is bound now (insert-if-absent), so from here on the registry alone decides.
   */
  function ownerOf(threadId: string): ThreadRecord | null {
    const cached = owners.get(threadId);
    if (cached) return cached;
    const row = registry.get(threadId);
    return row ? rememberOwner(row) : null;
  }

  /** Threads whose checkpoint names the registry's customer (a checkpoint's session never changes once set). */
  const agreed = new Set<string>();

  /**
   * The registry is the owner of record, but the tools run under the checkpoint's session. They must name the same
   * customer: a thread from before the registry, kept in one deployment's checkpoint store, can be bound in the
   * registry by another customer through a deployment with a store of its own — that customer must not then drive
   * the first one's conversation. A thread whose checkpoint says another customer is refused like a foreign one.
   */
  async function checkpointAgrees(threadId: string, row: ThreadRecord): Promise<ThreadRecord> {
    if (agreed.has(threadId)) return row;
    const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
    const session = (snapshot.values as Partial<ShieldStateType> | undefined)?.session;
    if (!session?.customerId) return row;
    if (session.customerId !== row.customerId) throw new ThreadAccessError();
    agreed.add(threadId);
    if (agreed.size > 10_000) agreed.delete(agreed.values().next().value!);
    return row;
  }

  async function legacyOwner(threadId: string): Promise<ThreadRecord | null> {
    const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
    const session = (snapshot.values as Partial<ShieldStateType> | undefined)?.session;
    if (!session?.customerId) return null;
    return rememberOwner(registry.claim(threadId, session));
  }

  /**
   * The caller's context, checked. A buyer's contact id is written on the thread and on the order as who confirmed:
   * a contact the catalog knows as another customer's is a session that mixes two customers, refused like any
   * malformed context. (A contact id the catalog does not know — an identity provider's id — passes.)
   */
  function checkedContext(rawCtx: unknown): ShieldContext {
    const ctx = parseOrThrow(shieldContextSchema, rawCtx, "bad_request:context", "context");
    if (ctx.channel !== "rep" && ctx.contactId) {
      const customer = registry.customerOfContact(ctx.contactId);
      if (customer !== null && customer !== ctx.customerId)
        throw new InvalidRequestError(
          "bad_request:context",
          "context.contactId: not a contact of context.customerId",
          "context.contactId",
        );
    }
    return ctx;
  }

  function checkedThreadId(threadId: unknown): string {
    return parseOrThrow(threadIdSchema, threadId, "bad_request:thread_id", "threadId");
  }

  /**
   * Who may touch an existing thread: its owner, or an authenticated rep. A thread nobody started is, to anyone but a
   * buyer sending its first message, indistinguishable from a foreign one.
   */
  async function existingOwner(threadId: string, ctx: ShieldContext): Promise<ThreadRecord> {
    if (ctx.channel === "rep" && !ctx.contactId) throw new RepIdentityError();
    const row = ownerOf(threadId) ?? (await legacyOwner(threadId));
    if (!row) throw new ThreadAccessError();
    if (ctx.channel !== "rep" && row.customerId !== ctx.customerId) throw new ThreadAccessError();
    return checkpointAgrees(threadId, row);
  }

  /**
   * The text of the message sent under the client's `key` in the thread, or null (no such message). Authorised like
   * getThread; a thread this process answered last costs no read when the key is new.
   */
  async function keyedMessage(rawThreadId: string, key: string, rawCtx: ShieldContext): Promise<string | null> {
    const id = messageIdOfKey(key);
    const known = recent.get(rawThreadId);
    // "None" tells a caller nothing about a thread, theirs or not: only a text needs the authorised read.
    if (known && !known.keyed.has(id)) return null;
    const earlier = (await getThread(rawThreadId, rawCtx)).messages.find((m) => m.id === id);
    return earlier ? messageText(earlier) : null;
  }

  /** Read a thread as the caller `ctx` (authorised like send and resume: another customer gets ThreadAccessError). */
  async function getThread(rawThreadId: string, rawCtx: ShieldContext): Promise<ThreadView> {
    const threadId = checkedThreadId(rawThreadId);
    const ctx = checkedContext(rawCtx);
    if (ctx.channel === "rep" && !ctx.contactId) throw new RepIdentityError();
    const row = ownerOf(threadId) ?? (await legacyOwner(threadId));
    // A buyer may look at a thread id nobody started yet (an empty conversation); nobody else sees anything.
    if (!row) {
      if (ctx.channel === "rep") throw new ThreadAccessError();
      return readThread(threadId, null);
    }
    if (ctx.channel !== "rep" && row.customerId !== ctx.customerId) throw new ThreadAccessError();
    return readThread(threadId, await checkpointAgrees(threadId, row));
  }

  /**
   * Before a buyer's message: bind the thread to the caller if nobody owns it (one atomic insert-if-absent, then
   * re-read), and refuse it if the row says another customer — whether they bound it long ago or a moment ago in
   * another process. Reps never bind a thread; they act on existing ones.
   */
  async function authorizeMessage(threadId: string, ctx: ShieldContext): Promise<ThreadRecord> {
    if (ctx.channel === "rep") return existingOwner(threadId, ctx);
    let row = ownerOf(threadId) ?? (await legacyOwner(threadId));
    if (!row) {
      row = claimOrBusy(threadId, ctx);
      if (row.customerId === ctx.customerId) rememberOwner(row);
    }
    if (row.customerId !== ctx.customerId) throw new ThreadAccessError();
    return checkpointAgrees(threadId, row);
  }

  function claimOrBusy(threadId: string, ctx: ShieldContext): ThreadRecord {
    try {
      return registry.claim(threadId, {
        customerId: ctx.customerId,
        contactId: ctx.contactId ?? null,
        channel: ctx.channel,
      });
    } catch (error) {
      // Nothing was bound and nothing run: the caller may send the same message again.
      if (isDatabaseBusy(error)) throw new BusyError();
      throw error;
    }
  }

  async function pendingOf(threadId: string, row: ThreadRecord): Promise<boolean> {
    const known = recent.get(threadId);
    if (known) return known.pending;
    return (await readThread(threadId, row)).pending !== null;
  }

  /** Where the thread stands for the rep queue: written only when it changed. */
  function recordStatus(view: ThreadView): void {
    const status = statusOf(view);
    if (recorded.get(view.threadId) === status) return;
    try {
      registry.setStatus(view.threadId, status);
      recorded.delete(view.threadId);
      recorded.set(view.threadId, status);
      if (recorded.size > 10_000) recorded.delete(recorded.keys().next().value!);
    } catch (error) {
      // The queue's sort key is advisory: a busy database must not fail a turn that already happened. The next turn
      // writes it again.
      if (!isDatabaseBusy(error)) throw error;
    }
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
    /** The nodes whose updates came in since the last state (the `values` chunk that ends their super-step). */
    let stepNodes: string[] = [];
    held?.begin(threadId);
    let written = false;
    try {
      yield* streamRun();
      written = true;
      await held?.end(threadId);
    } finally {
      // A run that failed or was abandoned keeps what it held, as LangGraph keeps a failed run's last steps.
      if (!written) await held?.end(threadId).catch(() => undefined);
    }
    const owner = ownerOf(threadId);
    const view = values ? viewOf(threadId, values, pending) : await readThread(threadId, owner);
    const thread = owner ? { ...view, customerId: owner.customerId } : view;
    if (owner) recordStatus(thread);
    yield { type: "done", thread: remember(thread) };

    async function* streamRun(): AsyncGenerator<AgentEvent> {
      const stream = await graph.stream(input as never, { ...config(threadId, ctx, opts.signal), streamMode } as never);
      for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
        if (mode === "values") {
          // The run ends with an `{ __interrupt__ }` chunk when it pauses: it carries no state.
          if (Array.isArray((chunk as Partial<ShieldStateType>)?.messages)) {
            values = chunk as Partial<ShieldStateType>;
            options.onStep?.(threadId, { nodes: stepNodes, values });
            stepNodes = [];
          }
        } else if (mode === "messages") {
          const [message, meta] = chunk as [BaseMessage, { langgraph_node?: string }];
          if (
            meta?.langgraph_node !== "model" ||
            !(AIMessageChunk.isInstance(message) || AIMessage.isInstance(message))
          )
            continue;
          // Shown without invisible characters: a catalog name stored with a U+202E reversed the rest of the reply.
          const delta = shownText(messageText(message));
          if (!delta) continue;
          if (message.id) streamed.add(message.id);
          yield { type: "text", delta, ...(message.id ? { messageId: message.id } : {}) };
        } else if (mode === "custom") {
          const event = chunk as AgentEvent;
          if (event && typeof event === "object" && "type" in event) yield event;
        } else if (mode === "updates") {
          const update = chunk as Record<string, { messages?: BaseMessage[] } | unknown[]>;
          for (const [node, value] of Object.entries(update)) {
            if (node !== "__interrupt__") stepNodes.push(node);
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
              const text = shownText(messageText(m));
              if (text && !(m.id && streamed.has(m.id)))
                yield { type: "message", text, ...(m.id ? { messageId: m.id } : {}) };
            }
          }
        }
      }
    }
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
    let lease: HeldLease | undefined;
    try {
      // And one run at a time per thread across processes sharing the thread file (see thread-lease.ts).
      if (leases && threadIdSchema.safeParse(threadId).success) {
        lease = await leases.acquire(threadId);
        if (lease.othersRan) recent.delete(threadId), recorded.delete(threadId);
      }
      yield* body();
    } finally {
      lease?.release();
      release();
      if (tails.get(threadId) === tail) tails.delete(threadId);
    }
  }

  function streamMessage(
    rawThreadId: string,
    text: string,
    rawCtx: ShieldContext,
    opts: TurnOptions = {},
    live = true,
  ): AsyncGenerator<AgentEvent> {
    return serialized(rawThreadId, () => {
      const threadId = checkedThreadId(rawThreadId);
      const ctx = checkedContext(rawCtx);
      const message = parseOrThrow(messageTextSchema, text, "bad_request:message", "text");
      if (opts.messageKey !== undefined)
        parseOrThrow(messageKeySchema, opts.messageKey, "bad_request:message", "messageKey");
      return messageRun(threadId, message, ctx, opts, live);
    });
  }

  function streamResume(
    rawThreadId: string,
    value: unknown,
    rawCtx: ShieldContext,
    opts: TurnOptions = {},
    live = true,
  ): AsyncGenerator<AgentEvent> {
    return serialized(rawThreadId, () => {
      const threadId = checkedThreadId(rawThreadId);
      const ctx = checkedContext(rawCtx);
      const answer = parseOrThrow(resumeValueSchema, value, "bad_request:resume", "value");
      return resumeRun(threadId, answer, ctx, opts, live);
    });
  }

  async function* messageRun(
    threadId: string,
    text: string,
    ctx: ShieldContext,
    opts: TurnOptions,
    live: boolean,
  ): AsyncGenerator<AgentEvent> {
    const owner = await authorizeMessage(threadId, ctx);
    const id = opts.messageKey === undefined ? randomUUID() : messageIdOfKey(opts.messageKey);
    if (opts.messageKey !== undefined) {
      // Under the thread's lease (serialized): a retry racing its original through another process finds it here.
      const known = recent.get(threadId);
      const view = known && !known.keyed.has(id) ? undefined : await readThread(threadId, owner);
      const earlier = view?.messages.find((m) => m.id === id);
      if (view && earlier) {
        if (messageText(earlier) !== text) throw new MessageKeyConflictError();
        // Kept but never answered (the process died mid-turn, or the run failed or was cancelled before its end): the
        // thread stands at the message's input checkpoint with the model still due. The retry runs that turn — once:
        // under the lease, and when it has ended the thread no longer stands there.
        if (await unansweredLast(threadId, id)) {
          yield* run(threadId, null, ctx, opts, live);
          return;
        }
        yield { type: "replayed", messageId: id };
        yield { type: "done", thread: view };
        return;
      }
    }
    const withdraw = await pendingOf(threadId, owner);
    // The session is the owner of record, whoever writes: a rep's message never rebinds the thread to the rep.
    const session: ShieldContext = {
      customerId: owner.customerId,
      contactId: owner.contactId,
      channel: owner.channel,
      // The buyer's language when the thread begins (a rep's message never sets it); later runs may change it.
      ...(ctx.channel !== "rep" && ctx.locale ? { locale: ctx.locale } : {}),
    };
    // The message goes in as a Command (update + goto) rather than as graph input: LangGraph then writes it straight to
    // the channels instead of running a `__start__` task for it — one super-step less a turn, each costing 5
    // runnables. The state and the path from the model on are the same.
    // An id of its own from the start: the message is the same object in every checkpoint and every thread view
    // (with a checkpoint per step the reducer would give it one only in the checkpoints written after it).
    const update = { messages: [new HumanMessage({ content: text, id })], session };
    // A pending confirmation or approval is withdrawn by the message itself, in the same run: the interrupted node
    // ends it and goes on to the model with the message (`withdrawnTo` in nodes/confirm.ts).
    const withdrawal: Withdrawal = { cancel: true, then: update };
    yield* run(
      threadId,
      withdraw ? new Command({ resume: withdrawal }) : new Command({ update, goto: "model" }),
      ctx,
      opts,
      live,
    );
  }

  /**
   * Whether the thread's last buyer message is `messageId` and its turn never ran to its end: the latest checkpoint
   * still has tasks due and none of them waits on an interrupt (a confirmation or approval is an ended turn).
   */
  async function unansweredLast(threadId: string, messageId: string): Promise<boolean> {
    const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
    if (snapshot.next.length === 0 || snapshot.tasks.some((t) => (t.interrupts ?? []).length > 0)) return false;
    const messages = (snapshot.values as Partial<ShieldStateType>).messages ?? [];
    const lastBuyer = messages.findLast((m) => HumanMessage.isInstance(m));
    return lastBuyer?.id === messageId;
  }

  /** Stream the answer to an interrupt: `{ confirm, draftHash }` from the buyer, `{ decision, actor, reason }` from a rep. */
  async function* resumeRun(
    threadId: string,
    value: unknown,
    ctx: ShieldContext,
    opts: TurnOptions,
    live: boolean,
  ): AsyncGenerator<AgentEvent> {
    const owner = await existingOwner(threadId, ctx);
    // A rep's decision is checked here, under the thread's lease, not only by the caller before it: two reps deciding
    // through two processes both passed the server's check, and the second resumed into nothing and was told its
    // decision went through.
    if (ctx.channel === "rep" && typeof value === "object" && value !== null && "decision" in value) {
      const waiting = (await readThread(threadId, owner)).pending;
      if (waiting?.type !== "approval") throw new NoApprovalError();
      // A decision names the version the rep looked at: the buyer may have changed the order and checked it out again
      // since, and an approval for one pump must not place an order for two.
      const seen = (value as { draftHash?: string }).draftHash;
      if (seen !== undefined && seen !== waiting.draftHash) throw new StaleApprovalError();
    }
    if (!(await pendingOf(threadId, owner))) {
      yield { type: "message", text: noticeText("notice.nothing_pending", ctx.locale ?? undefined) };
      yield { type: "done", thread: await readThread(threadId, owner) };
      return;
    }
    yield* run(threadId, new Command({ resume: value }), ctx, opts, live);
  }

  return {
    graph,
    getThread,
    keyedMessage,
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
