/**
 * Session 19's adversarial review of the ERP side: an acknowledgement whose text the buyer reads (the ERP's note, its
 * order number, carrier, tracking, line notes) carried a U+202E or a zero-width space straight into the buyer's order
 * status. Over real HTTP, on the demo world with an order placed through the real hand-off.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterEach, describe, expect, test } from "vitest";
import { createErpRoutes, readOrderStatus, type OrderStatusEvent } from "../../server/erp/index.ts";
import { ACK_KEY, demoWorld, listen, placeOrder, SECRET } from "./erp-helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe("an ERP acknowledgement with hidden characters in text the buyer reads", () => {
  test("is a 400 naming the field, and nothing is stored or published", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-ack-hidden");
    const events: OrderStatusEvent[] = [];
    const app = new OpenAPIHono();
    app.route(
      "/",
      createErpRoutes({ db, ackKey: ACK_KEY, webhookSecret: SECRET, onOrderStatus: (e) => events.push(e) }),
    );
    const served = await listen(app);
    cleanups.push(() => served.close());
    const ack = (body: unknown) =>
      fetch(`${served.url}/v1/erp/orders/${orderId}/ack`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ACK_KEY}` },
        body: JSON.stringify(body),
      });
    const base = { status: "accepted", erpOrderNumber: "SO-7001" };
    const cases: [unknown, string][] = [
      [{ ...base, message: "Delivery moved: \u202Eyadirf\u202C" }, "body.message"],
      [{ ...base, erpOrderNumber: "SO-70\u200B01" }, "body.erpOrderNumber"],
      [
        { status: "shipped", erpOrderNumber: "SO-7001", shipment: { shippedAt: "2026-12-03", carrier: "DHL\u2067" } },
        "body.shipment.carrier",
      ],
      [
        { status: "changed", erpOrderNumber: "SO-7001", lines: [{ lineNo: 1, note: "qty \u0007 changed" }] },
        "body.lines.0.note",
      ],
    ];
    for (const [body, field] of cases) {
      const res = await ack(body);
      expect(res.status, field).toBe(400);
      const problem = (await res.json()) as { errors?: { field: string }[] };
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    }
    expect(readOrderStatus(db, orderId)?.status).toBe("handed_off");
    expect(events).toEqual([]);
    // Clean text goes through.
    expect((await ack({ ...base, message: "Delivery on Friday" })).status).toBe(200);
    expect(events).toHaveLength(1);
  });
});
