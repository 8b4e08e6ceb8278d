/**
 * Threads as the API shows them: the buyer's and the rep's view of a conversation, the rep queue (the `threads`
 * table the agent keeps: owner, status, who holds it), takeover and hand-back, and internal notes. Notes, takeovers
 * and hand-backs are audited under the rep's id (`rep:<id>`, like the agent's approvals) in the append-only audit
 * log, which is also where notes are read from: the buyer never sees them. What the buyer and the rep say during a
 * takeover goes to `takeover_messages`, beside the agent's checkpoint (writing it into the checkpoint would drop a
 * pending confirmation or approval), placed in the transcript by position.
 */
import { readOrderStatus } from "./erp/order-status.ts";
import { randomUUID } from "node:crypto";
import { AIMessage, HumanMessage, type BaseMessage } from "@langchain/core/messages";
import { and, asc, eq } from "drizzle-orm";
import {
  MessageKeyConflictError,
  messageIdOfKey,
  messageText,
  type ShieldAgent,
  type ThreadView,
} from "../agent/index.ts";
import type { Db } from "../catalog/db.ts";
import { createThreadRegistry, type ThreadRecord, type ThreadStatus } from "../catalog/queries/index.ts";
import { auditLog, takeoverMessages } from "../catalog/schema.ts";
import { shownText } from "../tools/limits.ts";
import type { BuyerSession } from "./auth/index.ts";
import { AppError, notFound } from "./errors.ts";
import type { EventHub } from "./events/hub.ts";

export interface ThreadServiceDeps {
  db: Db;
  agent: ShieldAgent;
  hub: EventHub;
  now: () => Date;
}

export type MessageRole = "buyer" | "assistant" | "rep";
export interface ApiMessage {
  id: string | null;
  role: MessageRole;
  text: string;
  repId?: string;
}

type TakeoverRow = typeof takeoverMessages.$inferSelect;

/** The transcript: the conversation's buyer and assistant messages, with the takeover exchange in its place. */
export function apiMessages(messages: BaseMessage[], takeover: TakeoverRow[] = []): ApiMessage[] {
  const out: ApiMessage[] = [];
  let next = 0;
  const flush = (upTo: number) => {
    for (; next < takeover.length && takeover[next]!.position <= upTo; next++) {
      const t = takeover[next]!;
      const id = `takeover-${t.id}`;
      out.push(
        t.role === "rep"
          ? { id, role: "rep", text: t.text, repId: t.repId ?? "" }
          : { id, role: "buyer", text: t.text },
      );
    }
  };
  messages.forEach((m, i) => {
    flush(i);
    // As a person sees it: a catalog name stored with a U+202E reversed the rest of an assistant's reply.
    const text = shownText(messageText(m));
    if (!text.trim()) return;
    if (HumanMessage.isInstance(m)) out.push({ id: m.id ?? null, role: "buyer", text });
    else if (AIMessage.isInstance(m)) out.push({ id: m.id ?? null, role: "assistant", text });
  });
  flush(Number.POSITIVE_INFINITY);
  return out;
}

export function createThreadService(deps: ThreadServiceDeps) {
  const { db, agent, hub } = deps;
  const registry = createThreadRegistry(db);

  const audit = (repId: string, action: string, threadId: string, reason: string | null, data?: unknown) =>
    db
      .insert(auditLog)
      .values({
        actor: `rep:${repId}`,
        action,
        subject: `thread:${threadId}`,
        reason,
        ...(data === undefined ? {} : { data }),
      })
      .run();

  function announce(threadId: string): void {
    const row = registry.get(threadId);
    if (!row) return;
    hub.publishQueue("thread", {
      threadId,
      status: row.status,
      customerId: row.customerId,
      customerName: row.customerName,
      heldBy: row.heldBy,
    });
  }

  const takeoverOf = (threadId: string) =>
    db
      .select()
      .from(takeoverMessages)
      .where(eq(takeoverMessages.threadId, threadId))
      .orderBy(asc(takeoverMessages.id))
      .all();

  const keyedTakeover = (threadId: string, messageKey: string) =>
    db
      .select()
      .from(takeoverMessages)
      .where(and(eq(takeoverMessages.threadId, threadId), eq(takeoverMessages.messageKey, messageKey)))
      .get();

  function withErpStatus(order: NonNullable<ThreadView["order"]>) {
    const erp = readOrderStatus(deps.db, order.orderId);
    if (!erp) return order;
    return {
      ...order,
      status: erp.status,
      ...(erp.erpOrderNumber ? { erpOrderNumber: erp.erpOrderNumber } : {}),
      history: erp.history,
    };
  }

  function view(thread: ThreadView, row: ThreadRecord | null) {
    return {
      threadId: thread.threadId,
      status: (row?.status ?? "active") as ThreadStatus,
      heldBy: row?.heldBy ?? null,
      messages: apiMessages(thread.messages, takeoverOf(thread.threadId)),
      draft: thread.draft,
      report: thread.report,
      pending: thread.pending,
      // The agent knows the hand-off; what the ERP said since (its number, accepted/changed/shipped) is the outbox's.
      order: thread.order ? withErpStatus(thread.order) : null,
      refusal: thread.refusal,
      /** Follow `GET …/events` with this as `Last-Event-ID` to get what happens next. */
      lastEventId: hub.nextId(thread.threadId) - 1,
    };
  }

  /** The owner row, for a buyer: a thread of another customer is `not_found`, like one that does not exist. */
  function ownedBy(threadId: string, session: BuyerSession): ThreadRecord {
    const row = registry.get(threadId);
    if (!row || row.customerId !== session.customerId) throw notFound("thread");
    return row;
  }

  function existing(threadId: string): ThreadRecord {
    const row = registry.get(threadId);
    if (!row) throw notFound("thread");
    return row;
  }

  return {
    registry,
    /**
     * Bind a thread to the session's customer (one atomic insert-if-absent: two processes starting the same id get
     * one owner). A new random id unless the client names one; naming one another customer owns is `not_found`.
     */
    create(session: BuyerSession, threadId: string = randomUUID()): { row: ThreadRecord; created: boolean } {
      const before = registry.get(threadId);
      const row =
        before ??
        registry.claim(threadId, { customerId: session.customerId, contactId: session.contactId, channel: "widget" });
      if (row.customerId !== session.customerId) throw notFound("thread");
      const created = before === null;
      if (created) announce(row.id);
      return { row, created };
    },
    ownedBy,
    existing,
    async buyerView(threadId: string, session: BuyerSession) {
      const row = ownedBy(threadId, session);
      const ctx = { customerId: session.customerId, contactId: session.contactId, channel: "widget" };
      return view(await agent.getThread(threadId, ctx), row);
    },
    async repView(threadId: string, repId: string) {
      const row = existing(threadId);
      const thread = await agent.getThread(threadId, repContext(row, repId));
      const trail = db
        .select()
        .from(auditLog)
        .where(eq(auditLog.subject, `thread:${threadId}`))
        .orderBy(asc(auditLog.id))
        .all();
      return {
        ...view(thread, row),
        heldByYou: row.heldBy === repId,
        customerId: row.customerId,
        customerName: row.customerName,
        contactId: row.contactId,
        audit: trail
          .filter((a) => a.action !== "note")
          .map((a) => ({ at: a.at, actor: a.actor, action: a.action, reason: a.reason, data: a.data ?? null })),
        notes: trail
          .filter((a) => a.action === "note")
          .map((a) => ({ at: a.at, repId: a.actor.replace(/^rep:/, ""), text: a.reason ?? "" })),
      };
    },
    list: (filter: { status?: ThreadStatus; customerId?: string; limit?: number }) => registry.list(filter),
    afterRun(threadId: string): void {
      announce(threadId);
    },
    /**
     * A rep takes the thread over. Held by a colleague, it stays theirs (409) unless the rep takes it from them
     * (`force`, with the reason the API requires), audited with whom it was taken from and why. Taking a thread one
     * already holds changes nothing.
     */
    takeover(threadId: string, repId: string, options: { force?: boolean; reason?: string | null } = {}): ThreadRecord {
      existing(threadId);
      const { changed, before } = registry.setHeldBy(threadId, { by: repId, to: repId, force: options.force === true });
      if (!changed)
        throw new AppError(
          "conflict:held",
          `rep ${before} holds this conversation; take it over from them explicitly (force: true, with a reason) or ask them`,
        );
      if (before === repId) return existing(threadId);
      audit(repId, "thread.takeover", threadId, options.reason ?? null, before ? { from: before } : undefined);
      hub.publish(threadId, "takeover", { heldBy: repId });
      announce(threadId);
      return existing(threadId);
    },
    /** The rep holding the thread hands it back to the agent; a colleague cannot (409). Not held: nothing to do. */
    release(threadId: string, repId: string): ThreadRecord {
      existing(threadId);
      const { changed, before } = registry.setHeldBy(threadId, { by: repId, to: null });
      if (!changed)
        throw new AppError("conflict:held", `rep ${before} holds this conversation; only they hand it back`);
      if (before === null) return existing(threadId);
      audit(repId, "thread.release", threadId, null);
      hub.publish(threadId, "takeover", { heldBy: null });
      announce(threadId);
      return existing(threadId);
    },
    /**
     * The text of the buyer's message sent under `key` while a rep held the thread, or null. A retry of it is the same
     * message, whether the thread is still held or not.
     */
    keyedTakeoverText(threadId: string, key: string): string | null {
      return keyedTakeover(threadId, messageIdOfKey(key))?.text ?? null;
    },
    /**
     * A message during a takeover: the buyer's to the rep, or the rep's to the buyer (the caller checks the rep
     * holds the thread). Shown live on the thread's streams and kept in the transcript. A message under a key (the
     * Idempotency-Key; a rep's keys are their own) is kept once: sent again it is `replayed` and reaches nobody a
     * second time; with other text it is a `MessageKeyConflictError`.
     */
    async sayWhileHeld(
      threadId: string,
      from: { role: "buyer" } | { role: "rep"; repId: string },
      text: string,
      options: { messageKey?: string } = {},
    ): Promise<{ messageId: string; replayed: boolean }> {
      const row = existing(threadId);
      // A rep's keys are their own: the same key from the buyer (or a colleague) is another message.
      const messageKey =
        options.messageKey === undefined
          ? null
          : messageIdOfKey(from.role === "rep" ? `rep:${from.repId}:${options.messageKey}` : options.messageKey);
      const earlier = () => {
        const found = messageKey ? keyedTakeover(threadId, messageKey) : undefined;
        if (!found) return null;
        if (found.text !== text) throw new MessageKeyConflictError();
        return { messageId: `takeover-${found.id}`, replayed: true };
      };
      const before = earlier();
      if (before) return before;
      const ctx =
        from.role === "rep"
          ? repContext(row, from.repId)
          : { customerId: row.customerId, contactId: row.contactId, channel: "widget" };
      const position = (await agent.getThread(threadId, ctx)).messages.length;
      const repId = from.role === "rep" ? from.repId : null;
      // Insert-if-absent on (thread, key): a retry racing its original through another process stores nothing.
      const stored = db
        .insert(takeoverMessages)
        .values({ threadId, role: from.role, repId, text, position, messageKey })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!stored) return earlier() ?? { messageId: "", replayed: true };
      if (repId) audit(repId, "thread.message", threadId, null, { messageId: stored.id });
      const messageId = `takeover-${stored.id}`;
      hub.publish(threadId, "message", { role: from.role, text, messageId, ...(repId ? { repId } : {}) });
      return { messageId, replayed: false };
    },
    note(threadId: string, repId: string, text: string) {
      existing(threadId);
      audit(repId, "note", threadId, text);
      const note = { repId, text, at: deps.now().toISOString() };
      hub.publish(threadId, "note", note, "rep");
      return note;
    },
  };
}

/** The run context of a rep acting on a thread: the owner's customer, the rep's id as contact. */
export function repContext(row: ThreadRecord, repId: string) {
  return { customerId: row.customerId, contactId: repId, channel: "rep" };
}

export type ThreadService = ReturnType<typeof createThreadService>;
