/**
 * createErpRoutes(deps): the ERP side of the HTTP API as an OpenAPIHono sub-app, mounted by the server with
 * `app.route("/", createErpRoutes(deps))`.
 *
 *   POST /v1/erp/orders/{orderId}/ack        the ERP acknowledges an order (ERP_ACK_KEY, or signed with ERP_ACK_SECRET,
 *                                            else ERP_WEBHOOK_SECRET)
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
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Db } from "../../catalog/db.ts";
import { requireErpCredentials, requireKey } from "./auth.ts";
import { erpErrorHandler, validationHook } from "./problem.ts";
import { registerAckRoute } from "./routes/ack.ts";
import { registerAdminRoutes } from "./routes/admin.ts";
import { registerIntegrationRoutes } from "./routes/integration.ts";
import { ACK_BODY_LIMIT, EVENT_BODY_LIMIT, limit } from "./routes/shared.ts";
import type { OrderStatusListener } from "./types.ts";
import { silentLogger, type ErpLogger } from "./worker.ts";

export interface ErpRoutesDeps {
  db: Db;
  /** Receives every acknowledgement (the server's hub streams it to the buyer and the reps). */
  onOrderStatus?: OrderStatusListener;
  /** ERP_ACK_KEY: bearer key of the ERP's acknowledgements. */
  ackKey?: string | undefined;
  /** ERP_WEBHOOK_SECRET: also accepted as a Standard Webhooks signature on acknowledgements (without `ackSecret`). */
  webhookSecret?: string | undefined;
  /** ERP_ACK_SECRET: verifies signed acknowledgements instead of `webhookSecret`. */
  ackSecret?: string | undefined;
  /** INTEGRATION_KEY: stock/price events and the outbox admin routes. With none, those routes answer 401. */
  integrationKey?: string | undefined;
  /** ERP_WEBHOOK_URL, for the endpoint state the admin routes show and enable. */
  webhookUrl?: string | undefined;
  /** Told to look at the outbox now after a replay. */
  worker?: { wake(): void } | undefined;
  now?: () => Date;
  logger?: ErpLogger;
}

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
    description:
      "Standard Webhooks signature (with webhook-id and webhook-timestamp) made with ERP_ACK_SECRET, or ERP_WEBHOOK_SECRET without it",
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
    requireErpCredentials({ ackKey: deps.ackKey, secret: deps.ackSecret ?? deps.webhookSecret }),
  );
  // The key first: these routes are exempt from the app's 64 KB limit, and only a caller with the key may send 2 MB.
  app.use("/v1/integration/*", requireKey(deps.integrationKey, "integration"), limit(EVENT_BODY_LIMIT));
  app.use("/v1/admin/outbox", requireKey(deps.integrationKey, "integration"));
  app.use("/v1/admin/outbox/*", requireKey(deps.integrationKey, "integration"));
  app.use("/v1/admin/erp-endpoint/*", requireKey(deps.integrationKey, "integration"));

  const ctx = { db, now, log, deps };
  registerAckRoute(app, ctx);
  registerIntegrationRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  return app;
}
