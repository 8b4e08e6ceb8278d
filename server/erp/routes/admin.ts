/** The outbox admin routes: list, inspect, replay one event or every dead letter, enable the endpoint after a 410. */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { auditLog } from "../../../catalog/schema.ts";
import {
  countByStatus,
  enableEndpoint,
  endpointState,
  listOutbox,
  readOutboxEvent,
  replayDeadLetters,
  replayEvent,
} from "../outbox-store.ts";
import { ErpError } from "../problem.ts";
import { integrationSecurity, json, problem, type RouteContext } from "./shared.ts";

/**
 * An admin action overrides what the outbox decided (send again what was delivered or given up, send to an
 * endpoint that said 410 Gone): an override, so it goes to the append-only audit log (DESIGN.md, invariant 6). The
 * integration key names no person; its holder is the actor.
 */
function audit(ctx: RouteContext, action: string, subject: string, at: Date, data: unknown): void {
  ctx.db
    .insert(auditLog)
    .values({
      at: at.toISOString(),
      actor: "integration",
      action,
      subject,
      reason: "requested through the outbox admin API",
      data,
    })
    .run();
}

const outboxEventSchema = z
  .object({
    id: z.string().meta({ description: "the webhook-id" }),
    orderId: z.string(),
    eventType: z.string(),
    status: z.enum(["pending", "delivered", "dead"]),
    attempts: z.int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    lastStatusCode: z.int().nullable(),
    lastAttemptAt: z.string().nullable(),
    leaseOwner: z.string().nullable(),
    leaseUntil: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    deadAt: z.string().nullable(),
    replays: z.int(),
  })
  .meta({ id: "OutboxEvent" });

const attemptSchema = z
  .object({
    attempt: z.int(),
    at: z.string(),
    durationMs: z.int(),
    statusCode: z.int().nullable(),
    outcome: z.enum(["delivered", "retry", "dead", "gone"]),
    error: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    workerId: z.string(),
  })
  .meta({ id: "OutboxAttempt" });

const endpointSchema = z
  .object({ url: z.string(), disabledAt: z.string().nullable(), disabledReason: z.string().nullable() })
  .nullable()
  .meta({ id: "ErpEndpointState" });

const eventIdParams = z.object({
  eventId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "eventId", in: "path" }, example: "evt_0123abcd" }),
});

const listRoute = createRoute({
  method: "get",
  path: "/v1/admin/outbox",
  tags: ["Outbox admin"],
  summary: "The outbox: events newest first, counts per status, the ERP endpoint's state",
  security: integrationSecurity,
  request: {
    query: z.object({
      status: z.enum(["pending", "delivered", "dead"]).optional(),
      failing: z
        .enum(["true", "false"])
        .optional()
        .openapi({ description: "only events whose last attempt failed (pending with an error, or dead)" }),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      before: z.string().min(1).max(100).optional().meta({ description: "event id: the page after it" }),
    }),
  },
  responses: {
    200: json(
      z.object({
        counts: z.object({ pending: z.int(), delivered: z.int(), dead: z.int() }),
        endpoint: endpointSchema,
        events: z.array(outboxEventSchema),
      }),
      "The outbox",
    ),
    400: problem("Bad query"),
    401: problem("Missing or wrong integration key"),
  },
});

const showRoute = createRoute({
  method: "get",
  path: "/v1/admin/outbox/{eventId}",
  tags: ["Outbox admin"],
  summary: "One event with every delivery attempt",
  security: integrationSecurity,
  request: { params: eventIdParams },
  responses: {
    200: json(outboxEventSchema.extend({ attemptLog: z.array(attemptSchema) }), "The event"),
    401: problem("Missing or wrong integration key"),
    404: problem("No such event"),
  },
});

const replayRoute = createRoute({
  method: "post",
  path: "/v1/admin/outbox/{eventId}/replay",
  tags: ["Outbox admin"],
  summary: "Send one event again with a fresh schedule (same webhook-id; receivers dedupe)",
  security: integrationSecurity,
  request: { params: eventIdParams },
  responses: {
    202: json(outboxEventSchema, "Queued"),
    401: problem("Missing or wrong integration key"),
    404: problem("No such event"),
    409: problem("Being delivered right now"),
  },
});

const replayDeadRoute = createRoute({
  method: "post",
  path: "/v1/admin/outbox/replay-dead",
  tags: ["Outbox admin"],
  summary: "Send every dead letter again and enable the ERP endpoint",
  security: integrationSecurity,
  responses: {
    202: json(z.object({ replayed: z.array(z.string()), endpointEnabled: z.boolean() }), "Queued"),
    401: problem("Missing or wrong integration key"),
  },
});

const enableRoute = createRoute({
  method: "post",
  path: "/v1/admin/erp-endpoint/enable",
  tags: ["Outbox admin"],
  summary: "Enable the ERP endpoint again after it answered 410 Gone",
  security: integrationSecurity,
  responses: {
    200: json(z.object({ url: z.string(), wasDisabled: z.boolean() }), "Enabled"),
    401: problem("Missing or wrong integration key"),
    404: problem("No webhook URL configured"),
  },
});

export function registerAdminRoutes(app: OpenAPIHono, ctx: RouteContext): void {
  app.openapi(listRoute, (c) => {
    const q = c.req.valid("query");
    const events = listOutbox(ctx.db, {
      status: q.status,
      failing: q.failing === "true",
      limit: q.limit,
      before: q.before,
    });
    const endpoint = ctx.deps.webhookUrl ? endpointState(ctx.db, ctx.deps.webhookUrl) : null;
    return c.json({ counts: countByStatus(ctx.db), endpoint, events }, 200);
  });

  app.openapi(showRoute, (c) => {
    const event = readOutboxEvent(ctx.db, c.req.valid("param").eventId);
    if (!event) throw new ErpError("not_found:outbox_event", "No such outbox event.");
    return c.json(event, 200);
  });

  app.openapi(replayRoute, (c) => {
    const at = ctx.now();
    const r = ctx.db.$client.transaction(() => {
      const replay = replayEvent(ctx.db, c.req.valid("param").eventId, at);
      if (replay.status === "replayed")
        audit(ctx, "outbox.replay", replay.event.id, at, { orderId: replay.event.orderId });
      return replay;
    })();
    if (r.status === "not_found") throw new ErpError("not_found:outbox_event", "No such outbox event.");
    if (r.status === "in_flight")
      throw new ErpError("conflict:outbox_event", "A worker is delivering this event right now; try again shortly.");
    ctx.log.info({ eventId: r.event.id }, "outbox event replayed");
    ctx.deps.worker?.wake();
    return c.json(r.event, 202);
  });

  app.openapi(replayDeadRoute, (c) => {
    const at = ctx.now();
    const { replayed, endpointEnabled } = ctx.db.$client.transaction(() => {
      const done = {
        replayed: replayDeadLetters(ctx.db),
        endpointEnabled: ctx.deps.webhookUrl ? enableEndpoint(ctx.db, ctx.deps.webhookUrl, at) : false,
      };
      audit(ctx, "outbox.replay_dead", "outbox", at, done);
      return done;
    })();
    ctx.log.info({ replayed: replayed.length, endpointEnabled }, "dead letters replayed");
    ctx.deps.worker?.wake();
    return c.json({ replayed, endpointEnabled }, 202);
  });

  app.openapi(enableRoute, (c) => {
    if (!ctx.deps.webhookUrl) throw new ErpError("not_found:erp_endpoint", "No ERP webhook URL is configured.");
    const url = ctx.deps.webhookUrl;
    const at = ctx.now();
    const wasDisabled = ctx.db.$client.transaction(() => {
      const changed = enableEndpoint(ctx.db, url, at);
      audit(ctx, "erp_endpoint.enable", url, at, { wasDisabled: changed });
      return changed;
    })();
    ctx.deps.worker?.wake();
    return c.json({ url: ctx.deps.webhookUrl, wasDisabled }, 200);
  });
}
