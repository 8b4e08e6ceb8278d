/** POST /v1/erp/orders/{orderId}/ack — the ERP's acknowledgement (server/erp/ack.ts does the work). */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { ackBodySchema, ackResultSchema, applyAck, applySignedAck } from "../ack.ts";
import { signedWebhookId } from "../auth.ts";
import { publishSafely } from "../order-status.ts";
import { erpSecurity, json, problem, type RouteContext } from "./shared.ts";

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
    400: problem("Invalid body; `errors` names each field"),
    401: problem("Missing or wrong credentials"),
    404: problem("No such order"),
    409: problem(
      "Another ERP order number, a step back (e.g. after a rejection), or a signed request's webhook-id already used for another order or body",
    ),
  },
});

export function registerAckRoute(app: OpenAPIHono, ctx: RouteContext): void {
  app.openapi(ackRoute, (c) => {
    const { orderId } = c.req.valid("param");
    const body = c.req.valid("json");
    const webhookId = signedWebhookId((name) => c.req.header(name));
    const { result, event } =
      webhookId === undefined
        ? applyAck(ctx.db, orderId, body, ctx.now())
        : applySignedAck(ctx.db, webhookId, orderId, body, ctx.now());
    publishSafely(ctx.deps.onOrderStatus, event, (error) =>
      ctx.log.error({ err: error }, "order status listener failed"),
    );
    if (!result.duplicate) ctx.log.info({ orderId, status: result.status }, "erp acknowledgement");
    return c.json(result, 200);
  });
}
