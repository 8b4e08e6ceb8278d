/** POST /v1/integration/stock and /prices — pushes from the WMS/ERP under an Idempotency-Key (server/erp/inventory.ts). */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  applyPriceEvent,
  applyStockEvent,
  idempotent,
  priceEventSchema,
  priceResultSchema,
  stockEventSchema,
  stockResultSchema,
} from "../inventory.ts";
import { integrationSecurity, json, problem, type RouteContext } from "./shared.ts";

const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string({ error: "the Idempotency-Key header is required" })
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
    .openapi({ param: { name: "idempotency-key", in: "header" }, example: "wms-2026-11-30-0001" }),
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
    400: problem("Invalid body or headers, an unknown SKU/warehouse/price list; `errors` names each field"),
    401: problem("Missing or wrong integration key"),
    409: problem("The Idempotency-Key was used with another body"),
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
    400: problem("Invalid body or headers, an unknown SKU/warehouse/price list; `errors` names each field"),
    401: problem("Missing or wrong integration key"),
    409: problem("The Idempotency-Key was used with another body"),
  },
});

export function registerIntegrationRoutes(app: OpenAPIHono, ctx: RouteContext): void {
  app.openapi(stockRoute, (c) => {
    const body = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const at = ctx.now();
    const { result, replayed } = idempotent(ctx.db, "stock", key, body, at, () => applyStockEvent(ctx.db, body, at));
    if (replayed) c.header("Idempotent-Replayed", "true");
    return c.json(result, 200);
  });

  app.openapi(priceRoute, (c) => {
    const body = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const { result, replayed } = idempotent(ctx.db, "prices", key, body, ctx.now(), () =>
      applyPriceEvent(ctx.db, body),
    );
    if (replayed) c.header("Idempotent-Replayed", "true");
    return c.json(result, 200);
  });
}
