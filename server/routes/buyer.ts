/**
 * The buyer API the widget uses: create a thread, read it, post a message and receive the run as SSE, confirm a
 * draft by hash, cancel a run, follow the thread's events (resume with Last-Event-ID). Identity comes from the
 * session token only. While a rep holds the thread, a buyer message goes to the rep (and the transcript) and the
 * agent stays silent.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { MessageKeyConflictError, messageIdOfKey, type ShieldAgent } from "../../agent/index.ts";
import { AppError } from "../errors.ts";
import { requireBuyer, type BuyerSession } from "../auth/index.ts";
import type { Env } from "../env.ts";
import type { EventHub } from "../events/hub.ts";
import { sessionRateLimit } from "../rate-limit.ts";
import type { Runner } from "../runs.ts";
import { createStreamSlots, followStream, lastEventId } from "../sse.ts";
import type { ThreadService } from "../threads.ts";
import type { AppEnv } from "../types.ts";
import {
  buyerSecurity,
  json,
  jsonBody,
  messageKeyHeaders,
  problems,
  sseResponse,
  threadIdParam,
  typedText,
} from "./shared.ts";
import { requestLocale } from "../locale.ts";

export interface BuyerRouteDeps {
  agent: ShieldAgent;
  hub: EventHub;
  runner: Runner;
  threads: ThreadService;
  config: Env;
}

const MAX_TEXT = 4000;
const threadSchema = z
  .object({
    threadId: z.string(),
    status: z.enum(["active", "needs_approval", "blocked", "ordered"]),
    heldBy: z.string().nullable(),
    messages: z.array(
      z.object({
        id: z.string().nullable(),
        role: z.enum(["buyer", "assistant", "rep"]),
        text: z.string(),
        repId: z.string().optional(),
      }),
    ),
    draft: z.record(z.string(), z.unknown()),
    report: z.record(z.string(), z.unknown()).nullable(),
    pending: z.record(z.string(), z.unknown()).nullable().describe("confirm (draftHash, summary) or approval"),
    order: z.record(z.string(), z.unknown()).nullable(),
    refusal: z.record(z.string(), z.unknown()).nullable(),
    lastEventId: z.number().int(),
  })
  .openapi("Thread");

const createdSchema = z.object({ threadId: z.string(), createdAt: z.string() });
const createBody = z.object({ threadId: threadIdParam.shape.id.optional() }).strict();
const messageBody = z.object({ text: typedText(MAX_TEXT) }).strict();
const messageHeaders = messageKeyHeaders(
  "The client's key for this message (a UUID): sent again under the same key (a network retry, a double send), the message is not a second message or turn — the stream ends at once with `resync` (while a rep holds the thread too); a message whose turn never ended (a crash mid-turn) is answered by the retry, once; under the same key with other text it is a 409",
  "b1946ac9-2f4e-4c1e-9f0e-7d3a5c6b8e10",
);
const confirmBody = z
  .object({
    draftHash: z.string().min(1).max(128),
    /** false declines the draft (the buyer wants changes). */
    confirm: z.boolean().default(true),
  })
  .strict();
const cancelBody = z.object({ runId: z.uuid().optional() }).strict();
const eventsQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe("like Last-Event-ID"),
});

const tags = ["buyer"];
const routes = {
  create: createRoute({
    method: "post",
    path: "/v1/threads",
    tags,
    security: buyerSecurity,
    summary: "Start a conversation (bound to the session's customer)",
    description: "Optionally name the thread id (idempotent for its owner; another customer's id is a 404).",
    request: { body: { required: false, content: { "application/json": { schema: createBody } } } },
    responses: {
      201: json(createdSchema, "Created"),
      200: json(createdSchema, "Already yours"),
      ...problems(400, 401, 404, 429),
    },
  }),
  get: createRoute({
    method: "get",
    path: "/v1/threads/{id}",
    tags,
    security: buyerSecurity,
    summary: "Read a conversation: history, draft, latest report, pending question, order status",
    request: { params: threadIdParam },
    responses: { 200: json(threadSchema, "The thread"), ...problems(400, 401, 404) },
  }),
  message: createRoute({
    method: "post",
    path: "/v1/threads/{id}/messages",
    tags,
    security: buyerSecurity,
    summary: "Send a message; the reply streams as Server-Sent Events until `run_finished`",
    description:
      "Closing the stream before `run_finished` does not stop the run: reconnect with `GET …/events` and Last-Event-ID for the rest; `POST …/cancel` stops it.",
    request: { params: threadIdParam, headers: messageHeaders, body: jsonBody(messageBody) },
    responses: { 200: sseResponse("The run"), ...problems(400, 401, 404, 409, 413, 429) },
  }),
  confirm: createRoute({
    method: "post",
    path: "/v1/threads/{id}/confirm",
    tags,
    security: buyerSecurity,
    summary: "Confirm (or decline) the exact draft version named by its hash; streams the hand-off",
    description:
      "A confirmation, once received, is carried out even if the stream closes (the hand-off is idempotent).",
    request: { params: threadIdParam, body: jsonBody(confirmBody) },
    responses: { 200: sseResponse("The run"), ...problems(400, 401, 404, 409, 429) },
  }),
  cancel: createRoute({
    method: "post",
    path: "/v1/threads/{id}/cancel",
    tags,
    security: buyerSecurity,
    summary: "Cancel the run in progress",
    request: {
      params: threadIdParam,
      body: { required: false, content: { "application/json": { schema: cancelBody } } },
    },
    responses: {
      200: json(z.object({ cancelled: z.boolean() }), "Whether a run was cancelled"),
      ...problems(400, 401, 404),
    },
  }),
  events: createRoute({
    method: "get",
    path: "/v1/threads/{id}/events",
    tags,
    security: buyerSecurity,
    summary: "Follow the thread's events (replays what was missed after Last-Event-ID)",
    description:
      "A session may hold SSE_STREAMS_PER_SESSION of these open at once (per process); one more is `429 rate_limit:streams`.",
    request: {
      params: threadIdParam,
      query: eventsQuery,
      headers: z.object({ "last-event-id": z.string().max(32).optional() }),
    },
    responses: {
      200: sseResponse("The thread's events, with heartbeats"),
      ...problems(400, 401, 404, 429),
    },
  }),
};

/** The run context of a buyer request: identity from the session, the language from the request (server/locale.ts). */
const ctxOf = (s: BuyerSession, acceptLanguage?: string) => {
  const locale = requestLocale(acceptLanguage, s);
  return { customerId: s.customerId, contactId: s.contactId, channel: "widget", ...(locale ? { locale } : {}) };
};

export function registerBuyerRoutes(app: OpenAPIHono<AppEnv>, deps: BuyerRouteDeps): void {
  const { agent, hub, runner, threads, config } = deps;
  const perSession = sessionRateLimit(config.RATE_LIMIT_SESSION_PER_MIN, config.TRUST_PROXY_HOPS);
  // A thread's stream lives as long as the session's token: a count per minute does not bound how many are open.
  const followers = createStreamSlots(config.SSE_STREAMS_PER_SESSION);
  app.use("/v1/threads/:id/messages", perSession);
  app.use("/v1/threads/:id/confirm", perSession);
  app.on("POST", "/v1/threads", perSession);

  // A stream that closes before `run_finished` leaves its run going: a dropped connection is not a stop (the widget's
  // stop button calls the cancel endpoint), and the turn's reply and draft change reach the buyer on reconnect
  // (`GET …/events` with Last-Event-ID) and in the thread. Aborting on close lost turns the transcript showed as sent.
  const followRun = (
    c: Parameters<typeof followStream>[0],
    threadId: string,
    run: { runId: string; afterId: number },
  ) =>
    followStream(c, hub, {
      key: threadId,
      afterId: run.afterId,
      audience: "all",
      heartbeatMs: config.SSE_HEARTBEAT_MS,
      maxQueuedBytes: config.SSE_REPLAY_BYTES,
      until: (e) => e.event === "run_finished" && (e.data as { runId?: string }).runId === run.runId,
    });

  app.openapi(routes.create, (c) => {
    const session = requireBuyer(c.var.session);
    const body = (c.req.valid("json") as z.infer<typeof createBody> | undefined) ?? {};
    const { row, created } = threads.create(session, body.threadId);
    return c.json({ threadId: row.id, createdAt: row.createdAt }, created ? 201 : 200);
  });

  app.openapi(routes.get, async (c) => {
    const session = requireBuyer(c.var.session);
    return c.json((await threads.buyerView(c.req.valid("param").id, session)) as never, 200);
  });

  app.openapi(routes.message, async (c) => {
    const session = requireBuyer(c.var.session);
    const threadId = c.req.valid("param").id;
    const { text } = c.req.valid("json");
    const messageKey = c.req.valid("header")["idempotency-key"];
    const row = threads.ownedBy(threadId, session);
    const ctx = ctxOf(session, c.req.header("accept-language"));
    // A key already used for other text is the client's mistake, answered before a run starts (the agent checks again
    // under the thread's lease, where a retry racing its original through another process is caught). A key the
    // buyer used while a rep held the thread is in the takeover messages; one the agent answered, in its checkpoint.
    const heldEarlier = messageKey === undefined ? null : threads.keyedTakeoverText(threadId, messageKey);
    const agentEarlier =
      messageKey === undefined || heldEarlier !== null || runner.isRunning(threadId)
        ? null
        : await agent.keyedMessage(threadId, messageKey, ctx);
    const earlier = heldEarlier ?? agentEarlier;
    if (earlier !== null && earlier !== text) {
      const conflict = new MessageKeyConflictError();
      throw new AppError(conflict.code, conflict.message, [
        { field: "header.idempotency-key", message: "already used for another message in this conversation" },
      ]);
    }
    // Sent before while a rep held the thread (held still or handed back since), or answered by the agent before the
    // rep took over: the retry is no second message to anyone. (A message the agent kept but never answered — its
    // turn cut by a crash — goes to the agent, which answers it once.)
    if (heldEarlier !== null || (agentEarlier !== null && row.heldBy)) {
      const run = runner.start({
        threadId,
        kind: "message",
        by: "buyer",
        events: async function* () {
          yield { type: "replayed", messageId: messageIdOfKey(messageKey!) };
        },
      });
      return followRun(c, threadId, run) as never;
    }
    if (row.heldBy) {
      // A rep holds the thread: the message reaches the rep (and the transcript); the agent does not answer.
      const run = runner.start({
        threadId,
        kind: "message",
        by: "buyer",
        events: async function* () {
          const said = await threads.sayWhileHeld(
            threadId,
            { role: "buyer" },
            text,
            messageKey === undefined ? {} : { messageKey },
          );
          if (said.replayed) yield { type: "replayed", messageId: said.messageId };
        },
      });
      return followRun(c, threadId, run) as never;
    }
    const run = runner.start({
      threadId,
      kind: "message",
      by: "buyer",
      events: (signal) =>
        agent.streamMessage(threadId, text, ctx, { signal, ...(messageKey === undefined ? {} : { messageKey }) }),
    });
    return followRun(c, threadId, run) as never;
  });

  app.openapi(routes.confirm, (c) => {
    const session = requireBuyer(c.var.session);
    const threadId = c.req.valid("param").id;
    const { draftHash, confirm } = c.req.valid("json");
    threads.ownedBy(threadId, session);
    const run = runner.start({
      threadId,
      kind: "confirm",
      by: "buyer",
      events: (signal) =>
        agent.streamResume(threadId, { confirm, draftHash }, ctxOf(session, c.req.header("accept-language")), {
          signal,
        }),
    });
    return followRun(c, threadId, run) as never;
  });

  app.openapi(routes.cancel, (c) => {
    const session = requireBuyer(c.var.session);
    const threadId = c.req.valid("param").id;
    threads.ownedBy(threadId, session);
    const body = (c.req.valid("json") as z.infer<typeof cancelBody> | undefined) ?? {};
    // A buyer cancels the reply being written to them; a confirmation they sent, or a rep's decision, runs to its
    // end (aborting it dropped the buyer's explicit confirmation, or, after the hand-off committed, left the thread
    // asking for one).
    return c.json({ cancelled: runner.cancel(threadId, body.runId, ["message"]) }, 200);
  });

  app.openapi(routes.events, (c) => {
    const session = requireBuyer(c.var.session);
    const threadId = c.req.valid("param").id;
    threads.ownedBy(threadId, session);
    const after = lastEventId(c.req.header("last-event-id")) ?? c.req.valid("query").after ?? hub.nextId(threadId) - 1;
    const release = followers.acquire(`${session.customerId}/${session.sessionId}`);
    return followStream(c, hub, {
      onClose: release,
      key: threadId,
      afterId: after,
      audience: "all",
      heartbeatMs: config.SSE_HEARTBEAT_MS,
      maxQueuedBytes: config.SSE_REPLAY_BYTES,
      // A thread's stream lives no longer than the session that opened it.
      closeAt: session.expiresAt,
    }) as never;
  });
}
