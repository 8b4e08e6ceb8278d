/**
 * The rep copilot API (rep API key → rep id): the queue of threads (needs approval first, then blocked, active,
 * ordered), one thread's transcript, draft, report, audit trail and notes, live streams of the queue and of a
 * thread, approval decisions (resume the graph; audited under the rep's id), takeover / hand-back, rep messages that
 * reach the buyer live, and internal notes the buyer never sees.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { MessageKeyConflictError, type ShieldAgent, StaleApprovalError } from "../../agent/index.ts";
import { THREAD_STATUSES } from "../../catalog/queries/index.ts";
import type { Env } from "../env.ts";
import { AppError } from "../errors.ts";
import { QUEUE, type EventHub } from "../events/hub.ts";
import type { Runner } from "../runs.ts";
import { createStreamSlots, followStream, lastEventId } from "../sse.ts";
import { repContext, type ThreadService } from "../threads.ts";
import type { AppEnv } from "../types.ts";
import {
  json,
  jsonBody,
  messageKeyHeaders,
  problems,
  repSecurity,
  sseResponse,
  threadIdParam,
  typedText,
} from "./shared.ts";

export interface RepRouteDeps {
  agent: ShieldAgent;
  hub: EventHub;
  runner: Runner;
  threads: ThreadService;
  config: Env;
}

const threadRowSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string().nullable(),
    contactId: z.string().nullable(),
    channel: z.string(),
    status: z.enum(THREAD_STATUSES),
    heldBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("ThreadRow");
const textBody = z.object({ text: typedText(4000) }).strict();
const repMessageHeaders = messageKeyHeaders(
  "The copilot's key for this message (a UUID): sent again under it (a network retry) the buyer gets it once — 200 with the first message's id; other text under it is a 409",
  "5f0c1d2e-8a4b-4c6d-9e7f-0a1b2c3d4e5f",
);
const decisionBody = z
  .object({
    decision: z.enum(["approve", "reject"]),
    reason: typedText(1000),
    /**
     * The version decided on: the `draftHash` of the approval the rep was shown (`pending.draftHash`, or the
     * `interrupt` event's). Another version waiting — the buyer changed the order since — is 409 conflict:draft_changed.
     */
    draftHash: z.string().min(1).max(128),
    /** A display name only; the decision is audited under the authenticated rep. */
    displayName: typedText(120).optional(),
  })
  .strict();
const afterQuery = z.object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() });
const lastEventHeader = z.object({ "last-event-id": z.string().max(32).optional() });

const tags = ["rep"];
const outcomeSchema = z.object({
  status: z.enum(["completed", "aborted", "failed"]),
  pending: z.enum(["confirm", "approval"]).nullable(),
  orderId: z.string().nullable(),
});
/** Why a rep overrides: the same bounds as a decision's reason. */
const reasonField = typedText(1000);
const takeoverBody = z
  .object({
    /** Take the thread from the colleague who holds it (audited with their id and `reason`). */
    force: z.boolean().optional(),
    /** Why: required with `force` (the override is audited with it), optional otherwise. */
    reason: reasonField.optional(),
  })
  .strict()
  // An override is audited with who and why (DESIGN, invariant 6): taking a thread from a colleague without saying why
  // left the audit with an actor and a victim but no reason.
  .refine((b) => !b.force || b.reason !== undefined, {
    path: ["reason"],
    message: "a reason is required to take the thread from a colleague (force)",
  });
const heldSchema = z.object({ threadId: z.string(), heldBy: z.string().nullable() });
const routes = {
  list: createRoute({
    method: "get",
    path: "/v1/rep/threads",
    tags,
    security: repSecurity,
    summary: "The queue: needs approval first, then blocked, active, ordered (newest first within each)",
    request: {
      query: z.object({
        status: z.enum(THREAD_STATUSES).optional(),
        customerId: z.string().min(1).max(64).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    responses: { 200: json(z.object({ threads: z.array(threadRowSchema) }), "Threads"), ...problems(400, 401) },
  }),
  get: createRoute({
    method: "get",
    path: "/v1/rep/threads/{id}",
    tags,
    security: repSecurity,
    summary: "A thread's transcript, draft, report, audit trail and internal notes",
    request: { params: threadIdParam },
    responses: { 200: json(z.record(z.string(), z.unknown()), "The thread"), ...problems(400, 401, 404) },
  }),
  queueEvents: createRoute({
    method: "get",
    path: "/v1/rep/events",
    tags,
    security: repSecurity,
    summary: "Live stream of the queue (`thread` and `order_status` events)",
    request: { query: afterQuery, headers: lastEventHeader },
    responses: { 200: sseResponse("Queue events"), ...problems(400, 401, 429) },
  }),
  threadEvents: createRoute({
    method: "get",
    path: "/v1/rep/threads/{id}/events",
    tags,
    security: repSecurity,
    summary: "Live stream of one thread, internal notes included",
    request: { params: threadIdParam, query: afterQuery, headers: lastEventHeader },
    responses: { 200: sseResponse("Thread events"), ...problems(400, 401, 404, 429) },
  }),
  decision: createRoute({
    method: "post",
    path: "/v1/rep/threads/{id}/decision",
    tags,
    security: repSecurity,
    summary:
      "Approve or reject the pending approval of the draft version `draftHash` with a reason (resumes the graph; audited under the rep). Held by another rep: 409 conflict:held; another version waiting: 409 conflict:draft_changed",
    request: { params: threadIdParam, body: jsonBody(decisionBody) },
    responses: { 200: json(outcomeSchema, "The run's outcome"), ...problems(400, 401, 404, 409) },
  }),
  takeover: createRoute({
    method: "post",
    path: "/v1/rep/threads/{id}/takeover",
    tags,
    security: repSecurity,
    summary:
      "Take the thread over: the agent stays silent while the rep holds it. Held by another rep: 409, unless `force` with a `reason` takes it from them (audited with both)",
    request: {
      params: threadIdParam,
      body: { required: false, content: { "application/json": { schema: takeoverBody } } },
    },
    responses: { 200: json(heldSchema, "Held"), ...problems(400, 401, 404, 409) },
  }),
  release: createRoute({
    method: "post",
    path: "/v1/rep/threads/{id}/release",
    tags,
    security: repSecurity,
    summary: "Hand the thread back to the agent (only the rep holding it; another rep's hold: 409)",
    request: { params: threadIdParam },
    responses: { 200: json(heldSchema, "Released"), ...problems(400, 401, 404, 409) },
  }),
  message: createRoute({
    method: "post",
    path: "/v1/rep/threads/{id}/messages",
    tags,
    security: repSecurity,
    summary: "Write to the buyer (only while holding the thread); the buyer's stream shows it at once",
    request: { params: threadIdParam, headers: repMessageHeaders, body: jsonBody(textBody) },
    responses: {
      201: json(z.object({ messageId: z.string().nullable() }), "Sent"),
      200: json(
        z.object({ messageId: z.string().nullable() }),
        "Sent before under this Idempotency-Key: not sent again",
      ),
      ...problems(400, 401, 404, 409),
    },
  }),
  note: createRoute({
    method: "post",
    path: "/v1/rep/threads/{id}/notes",
    tags,
    security: repSecurity,
    summary: "Add an internal note (never shown to the buyer)",
    request: { params: threadIdParam, body: jsonBody(textBody) },
    responses: {
      201: json(z.object({ repId: z.string(), text: z.string(), at: z.string() }), "Noted"),
      ...problems(400, 401, 404),
    },
  }),
};

export function registerRepRoutes(app: OpenAPIHono<AppEnv>, deps: RepRouteDeps): void {
  const { agent, hub, runner, threads, config } = deps;
  const followers = createStreamSlots(config.SSE_STREAMS_PER_REP, "rep");

  app.openapi(routes.list, (c) => {
    const { status, customerId, limit } = c.req.valid("query");
    return c.json(
      { threads: threads.list({ ...(status ? { status } : {}), ...(customerId ? { customerId } : {}), limit }) },
      200,
    );
  });

  app.openapi(routes.get, async (c) =>
    c.json((await threads.repView(c.req.valid("param").id, c.var.rep.repId)) as never, 200),
  );

  app.openapi(routes.queueEvents, (c) => {
    const after = lastEventId(c.req.header("last-event-id")) ?? c.req.valid("query").after ?? hub.nextId(QUEUE) - 1;
    const release = followers.acquire(c.var.rep.repId);
    return followStream(c, hub, {
      onClose: release,
      key: QUEUE,
      afterId: after,
      audience: "rep",
      heartbeatMs: config.SSE_HEARTBEAT_MS,
      maxQueuedBytes: config.SSE_REPLAY_BYTES,
    }) as never;
  });

  app.openapi(routes.threadEvents, (c) => {
    const threadId = c.req.valid("param").id;
    threads.existing(threadId);
    const after = lastEventId(c.req.header("last-event-id")) ?? c.req.valid("query").after ?? hub.nextId(threadId) - 1;
    const release = followers.acquire(c.var.rep.repId);
    return followStream(c, hub, {
      onClose: release,
      key: threadId,
      afterId: after,
      audience: "rep",
      heartbeatMs: config.SSE_HEARTBEAT_MS,
      maxQueuedBytes: config.SSE_REPLAY_BYTES,
    }) as never;
  });

  app.openapi(routes.decision, async (c) => {
    const threadId = c.req.valid("param").id;
    const { decision, reason, displayName, draftHash } = c.req.valid("json");
    const row = threads.existing(threadId);
    const ctx = repContext(row, c.var.rep.repId);
    // A thread a colleague holds is theirs to decide, as it is theirs to write in: taking it from them is the explicit,
    // audited takeover (`force`). Deciding around the hold let a rep approve what the holder was still negotiating.
    if (row.heldBy && row.heldBy !== c.var.rep.repId)
      throw new AppError(
        "conflict:held",
        `rep ${row.heldBy} holds this conversation; take it over from them explicitly (force: true, with a reason) or ask them`,
      );
    // Only an open approval takes a decision. Resumed into a buyer's confirmation (or into nothing), a rep's click
    // would answer 200 as if decided — and, into a confirmation, post "no clear yes or no" to the buyer.
    if (runner.isRunning(threadId))
      throw new AppError("conflict:run", "a reply is still being written in this conversation; wait or cancel it");
    const waiting = (await agent.getThread(threadId, ctx)).pending;
    if (waiting?.type !== "approval")
      throw new AppError("conflict:no_approval", "no approval is waiting in this conversation (decided or withdrawn)");
    // The rep decides on what they were shown. Without the version a click on a copilot view of a one-pump order
    // approved the two-pump order the buyer had checked out since (the agent checks again under the thread's lease).
    if (waiting.draftHash !== draftHash) {
      const stale = new StaleApprovalError();
      throw new AppError(stale.code, stale.message, [
        { field: "body.draftHash", message: "not the version waiting for approval" },
      ]);
    }
    const run = runner.start({
      threadId,
      kind: "decision",
      by: "rep",
      events: (signal) =>
        agent.streamResume(
          threadId,
          { decision, reason, draftHash, ...(displayName ? { actor: displayName } : {}) },
          ctx,
          { signal },
        ),
    });
    const outcome = await run.finished;
    if (outcome.error) throw outcome.error;
    return c.json(
      {
        status: outcome.status,
        pending: outcome.thread?.pending?.type ?? null,
        orderId: outcome.thread?.order?.orderId ?? null,
      },
      200,
    );
  });

  app.openapi(routes.takeover, (c) => {
    const body = (c.req.valid("json") as z.infer<typeof takeoverBody> | undefined) ?? {};
    const row = threads.takeover(c.req.valid("param").id, c.var.rep.repId, {
      force: body.force === true,
      reason: body.reason ?? null,
    });
    // A reply the agent is still writing to a buyer message is not given once a rep holds the thread: the rep expects
    // the agent silent from the moment they took over. The run is cancelled as the buyer's own cancel does it — the
    // buyer's message stays in the thread (input durability) for the rep to answer, what the agent had not finished
    // is dropped. A confirmation or a rep's decision runs to its end (cutting it could drop an explicit confirmation).
    runner.cancel(row.id, undefined, ["message"]);
    return c.json({ threadId: row.id, heldBy: row.heldBy }, 200);
  });

  app.openapi(routes.release, (c) => {
    const row = threads.release(c.req.valid("param").id, c.var.rep.repId);
    return c.json({ threadId: row.id, heldBy: row.heldBy }, 200);
  });

  app.openapi(routes.message, async (c) => {
    const threadId = c.req.valid("param").id;
    const { text: body } = c.req.valid("json");
    const repId = c.var.rep.repId;
    const row = threads.existing(threadId);
    if (row.heldBy !== repId)
      throw new AppError("conflict:not_held", "take the thread over before writing to the buyer");
    const key = c.req.valid("header")["idempotency-key"];
    try {
      const { messageId, replayed } = await threads.sayWhileHeld(
        threadId,
        { role: "rep", repId },
        body,
        key === undefined ? {} : { messageKey: key },
      );
      return c.json({ messageId }, replayed ? 200 : 201);
    } catch (error) {
      if (!(error instanceof MessageKeyConflictError)) throw error;
      throw new AppError(error.code, error.message, [
        { field: "header.idempotency-key", message: "already used for another message in this conversation" },
      ]);
    }
  });

  app.openapi(routes.note, (c) => {
    const threadId = c.req.valid("param").id;
    const { text: body } = c.req.valid("json");
    return c.json(threads.note(threadId, c.var.rep.repId, body), 201);
  });
}
