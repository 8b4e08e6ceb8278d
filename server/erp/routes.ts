/**
 * createErpRoutes(deps): the ERP side of the HTTP API as an OpenAPIHono sub-app, mounted by the server with
 * `app.route("/", createErpRoutes(deps))`.
 *
 *   POST /v1/erp/orders/{orderId}/ack        the ERP acknowledges an order (ERP_ACK_KEY, or signed with ERP_WEBHOOK_SECRET)
 *   POST /v1/integration/stock               stock positions per SKU and warehouse (INTEGRATION_KEY, Idempotency-Key)
 *   POST /v1/integration/prices              list prices and price-list breaks (INTEGRATION_KEY, Idempotency-Key)
 *   GET  /v1/admin/outbox                    the outbox with its counts and the endpoint's state (INTEGRATION_KEY)
 *   GET  /v1/admin/outbox/{eventId}          one event with every attempt (status code, error, next time)
 *   POST /v1/admin/outbox/{eventId}/replay   send one event again (fresh schedule, same webhook-id)
 *   POST /v1/admin/outbox/replay-dead        send every dead letter again and enable the endpoint
 *   POST /v1/admin/erp-endpoint/enable       enable the endpoint after a 410
 *
 * Every input is validated with zod; a 4xx is problem+json naming the field at fault.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Db } from "../../catalog/db.ts";
import { ackBodySchema, ackResultSchema, applyAck } from "./ack.ts";
import { requireErpCredentials, requireKey } from "./auth.ts";
import {
  applyPriceEvent,
  applyStockEvent,
  idempotent,
  priceEventSchema,
  priceResultSchema,
  stockEventSchema,
  stockResultSchema,
} from "./inventory.ts";
import { publishSafely } from "./order-status.ts";
import {
  countByStatus,
  enableEndpoint,
  endpointState,
  listOutbox,
  readOutboxEvent,
  replayDeadLetters,
  replayEvent,
} from "./outbox-store.ts";
import { ErpError, erpErrorHandler, validationHook } from "./problem.ts";
import type { OrderStatusListener } from "./types.ts";
import { silentLogger, type ErpLogger } from "./worker.ts";

export interface ErpRoutesDeps {
  db: Db;
  /** Receives every acknowledgement (the server's hub streams it to the buyer and the reps). */
  onOrderStatus?: OrderStatusListener;
  /** ERP_ACK_KEY: bearer key of the ERP's acknowledgements. */
  ackKey?: string | undefined;
  /** ERP_WEBHOOK_SECRET: also accepted as a Standard Webhooks signature on acknowledgements. */
  webhookSecret?: string | undefined;
  /** INTEGRATION_KEY: stock/price events and the outbox admin routes. With none, those routes answer 401. */
  integrationKey?: string | undefined;
  /** ERP_WEBHOOK_URL, for the endpoint state the admin routes show and enable. */
  webhookUrl?: string | undefined;
  /** Told to look at the outbox now after a replay. */
  worker?: { wake(): void } | undefined;
  now?: () => Date;
  logger?: ErpLogger;
}

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string({ error: "the Idempotency-Key header is required" })
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
    .openapi({ param: { name: "Idempotency-Key", in: "header" }, example: "wms-2026-11-30-0001" }),
});

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

const erpSecurity: Record<string, string[]>[] = [{ erpAckKey: [] }, { erpSignature: [] }];
const integrationSecurity: Record<string, string[]>[] = [{ integrationKey: [] }];

const ackRoute = createRoute({
  method: "post",
  path: "/v1/erp/orders/{orderId}/ack",
  tags: ["ERP"],
  summary: "The ERP acknowledges an order: its number and status (accepted, changed, rejected, shipped)",
  security: erpSecurity,
  request: {
    params: z.object({
      orderId: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: "orderId", in: "path" }, example: "ord_0123abcd" }),
    }),
    body: { content: { "application/json": { schema: ackBodySchema } }, required: true },
  },
  responses: {
    200: json(ackResultSchema, "Stored (or a repeat of the last acknowledgement)"),
    400: problem("Malformed request"),
    401: problem("Missing or wrong credentials"),
    404: problem("No such order"),
    409: problem("Another ERP order number, or a step back (e.g. after a rejection)"),
    422: problem("Invalid body; `errors` names each field"),
  },
});

const stockRoute = createRoute({
  method: "post",
  path: "/v1/integration/stock",
  tags: ["Integration"],
  summary: "Stock positions per SKU and warehouse: on hand, reserved, inbound deliveries with ETA",
  security: integrationSecurity,
  request: {
    headers: idempotencyHeaders,
    body: { content: { "application/json": { schema: stockEventSchema } }, required: true },
  },
  responses: {
    200: json(
      stockResultSchema,
      "Applied (a repeated Idempotency-Key answers the first result; header Idempotent-Replayed: true)",
    ),
    400: problem("Malformed request or missing Idempotency-Key"),
    401: problem("Missing or wrong integration key"),
    422: problem("Invalid body, unknown SKU/warehouse, or the key reused with another body"),
  },
});

const priceRoute = createRoute({
  method: "post",
  path: "/v1/integration/prices",
  tags: ["Integration"],
  summary: "Price changes: list price, and quantity breaks per price list",
  security: integrationSecurity,
  request: {
    headers: idempotencyHeaders,
    body: { content: { "application/json": { schema: priceEventSchema } }, required: true },
  },
  responses: {
    200: json(priceResultSchema, "Applied (a repeated Idempotency-Key answers the first result)"),
    400: problem("Malformed request or missing Idempotency-Key"),
    401: problem("Missing or wrong integration key"),
    422: problem("Invalid body, unknown SKU/price list, or the key reused with another body"),
  },
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

const ACK_BODY_LIMIT = 64 * 1024;
const EVENT_BODY_LIMIT = 2 * 1024 * 1024;

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ErpError("too_large:body", 413, `The body is larger than ${maxSize} bytes.`);
    },
  });

/**
 * @example
 *   app.route("/", createErpRoutes({ db, onOrderStatus: hub.publish, ackKey: env.ERP_ACK_KEY,
 *     webhookSecret: env.ERP_WEBHOOK_SECRET, integrationKey: env.INTEGRATION_KEY, webhookUrl, worker }));
 */
export function createErpRoutes(deps: ErpRoutesDeps): OpenAPIHono {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.logger ?? silentLogger;
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError(erpErrorHandler((error) => log.error({ err: error }, "erp route failed")));
  app.openAPIRegistry.registerComponent("securitySchemes", "erpAckKey", {
    type: "http",
    scheme: "bearer",
    description: "ERP_ACK_KEY",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "erpSignature", {
    type: "apiKey",
    in: "header",
    name: "webhook-signature",
    description: "Standard Webhooks signature (with webhook-id and webhook-timestamp) made with ERP_WEBHOOK_SECRET",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "integrationKey", {
    type: "http",
    scheme: "bearer",
    description: "INTEGRATION_KEY",
  });

  // Credentials before the body is parsed: an unauthenticated caller learns nothing about validation.
  app.use(
    "/v1/erp/*",
    limit(ACK_BODY_LIMIT),
    requireErpCredentials({ ackKey: deps.ackKey, secret: deps.webhookSecret }),
  );
  app.use("/v1/integration/*", limit(EVENT_BODY_LIMIT), requireKey(deps.integrationKey, "integration"));
  app.use("/v1/admin/outbox", requireKey(deps.integrationKey, "integration"));
  app.use("/v1/admin/outbox/*", requireKey(deps.integrationKey, "integration"));
  app.use("/v1/admin/erp-endpoint/*", requireKey(deps.integrationKey, "integration"));

  app.openapi(ackRoute, (c) => {
    const { orderId } = c.req.valid("param");
    const { result, event } = applyAck(db, orderId, c.req.valid("json"), now());
    publishSafely(deps.onOrderStatus, event, (error) => log.error({ err: error }, "order status listener failed"));
    if (!result.duplicate) log.info({ orderId, status: result.status }, "erp acknowledgement");
    return c.json(result, 200);
  });

  app.openapi(stockRoute, (c) => {
    const body = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const at = now();
    const { result, replayed } = idempotent(db, "stock", key, body, at, () => applyStockEvent(db, body, at));
    if (replayed) c.header("Idempotent-Replayed", "true");
    return c.json(result, 200);
  });

  app.openapi(priceRoute, (c) => {
    const body = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const { result, replayed } = idempotent(db, "prices", key, body, now(), () => applyPriceEvent(db, body));
    if (replayed) c.header("Idempotent-Replayed", "true");
    return c.json(result, 200);
  });

  app.openapi(listRoute, (c) => {
    const q = c.req.valid("query");
    const events = listOutbox(db, {
      status: q.status,
      failing: q.failing === "true",
      limit: q.limit,
      before: q.before,
    });
    const endpoint = deps.webhookUrl ? endpointState(db, deps.webhookUrl) : null;
    return c.json({ counts: countByStatus(db), endpoint, events }, 200);
  });

  app.openapi(showRoute, (c) => {
    const event = readOutboxEvent(db, c.req.valid("param").eventId);
    if (!event) throw new ErpError("not_found:outbox_event", 404, "No such outbox event.");
    return c.json(event, 200);
  });

  app.openapi(replayRoute, (c) => {
    const r = replayEvent(db, c.req.valid("param").eventId, now());
    if (r.status === "not_found") throw new ErpError("not_found:outbox_event", 404, "No such outbox event.");
    if (r.status === "in_flight")
      throw new ErpError(
        "conflict:outbox_event",
        409,
        "A worker is delivering this event right now; try again shortly.",
      );
    log.info({ eventId: r.event.id }, "outbox event replayed");
    deps.worker?.wake();
    return c.json(r.event, 202);
  });

  app.openapi(replayDeadRoute, (c) => {
    const at = now();
    const { replayed, endpointEnabled } = db.$client.transaction(() => ({
      replayed: replayDeadLetters(db),
      endpointEnabled: deps.webhookUrl ? enableEndpoint(db, deps.webhookUrl, at) : false,
    }))();
    log.info({ replayed: replayed.length, endpointEnabled }, "dead letters replayed");
    deps.worker?.wake();
    return c.json({ replayed, endpointEnabled }, 202);
  });

  app.openapi(enableRoute, (c) => {
    if (!deps.webhookUrl) throw new ErpError("not_found:erp_endpoint", 404, "No ERP webhook URL is configured.");
    const wasDisabled = enableEndpoint(db, deps.webhookUrl, now());
    deps.worker?.wake();
    return c.json({ url: deps.webhookUrl, wasDisabled }, 200);
  });

  return app;
}
