/**
 * Session 17's adversarial review of the ERP and WMS edge: time stamps from a clock that is wrong. A stock position
 * (`asOf`) or an acknowledgement (`issuedAt`) stamped in the future is refused — applied, it outranked every correct
 * one after it, for good.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterEach, describe, expect, test } from "vitest";
import type { Db } from "../../catalog/db.ts";
import { createErpRoutes } from "../../server/erp/index.ts";
import type { OrderStatusEvent } from "../../server/erp/types.ts";
import { ACK_KEY, INTEGRATION_KEY, demoWorld, listen, placeOrder } from "./erp-helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const SKU = "FL-CART-10-5UM";
const HOUR = 3_600_000;

async function shield(db: Db) {
  const events: OrderStatusEvent[] = [];
  const app = new OpenAPIHono();
  app.route(
    "/",
    createErpRoutes({ db, integrationKey: INTEGRATION_KEY, ackKey: ACK_KEY, onOrderStatus: (e) => events.push(e) }),
  );
  const served = await listen(app);
  cleanups.push(() => served.close());
  const post = async (path: string, body: unknown, headers: Record<string, string>) => {
    const res = await fetch(`${served.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    events,
    stock: (body: unknown) =>
      post("/v1/integration/stock", body, {
        authorization: `Bearer ${INTEGRATION_KEY}`,
        "idempotency-key": crypto.randomUUID(),
      }),
    ack: (orderId: string, body: unknown) =>
      post(`/v1/erp/orders/${orderId}/ack`, body, { authorization: `Bearer ${ACK_KEY}` }),
  };
}

const fields = (body: Record<string, unknown>) => ((body.errors ?? []) as { field: string }[]).map((e) => e.field);
const onHand = (db: Db) =>
  (
    db.$client.prepare("SELECT on_hand AS n FROM stock WHERE sku = ? AND warehouse = 'WH-NORTH'").get(SKU) as {
      n: number;
    }
  ).n;

describe("time stamps from the future", { timeout: 60_000 }, () => {
  test("a stock position stamped a year ahead is a 400 naming body.asOf; the correct positions after it still apply", async () => {
    // Found in session 17: a WMS whose clock had jumped (or a batch typed with the wrong year) sent asOf a year ahead.
    // It was applied and stamped the row with that time, so every correct position after it was skipped as "older
    // than the stored position" — the shield promised stock the warehouse no longer had, until that date.
    const db = demoWorld();
    const api = await shield(db);
    const ahead = new Date(Date.now() + 365 * 24 * HOUR).toISOString();
    const future = await api.stock({ asOf: ahead, changes: [{ sku: SKU, warehouse: "WH-NORTH", onHand: 500 }] });
    expect(future.status).toBe(400);
    expect(fields(future.body)).toEqual(["body.asOf"]);
    expect(onHand(db)).not.toBe(500);

    const now = await api.stock({ changes: [{ sku: SKU, warehouse: "WH-NORTH", onHand: 3 }] });
    expect(now.body).toMatchObject({ applied: 1, skipped: [] });
    expect(onHand(db)).toBe(3);
    // A clock a little ahead (within the tolerance) is no error.
    const slightly = new Date(Date.now() + 60_000).toISOString();
    const near = await api.stock({ asOf: slightly, changes: [{ sku: SKU, warehouse: "WH-NORTH", onHand: 2 }] });
    expect(near.body).toMatchObject({ applied: 1 });
    expect(onHand(db)).toBe(2);
  });

  test("an acknowledgement issued a year ahead is a 400 naming body.issuedAt; the ERP's next one is applied", async () => {
    // The same for acknowledgements: an 'accepted' issued "next year" made every later acknowledgement of the order
    // superseded — its shipment never reached the buyer, its rejection never released the stock holds.
    const db = demoWorld();
    const api = await shield(db);
    const orderId = placeOrder(db, "t-future-ack");
    const ahead = new Date(Date.now() + 365 * 24 * HOUR).toISOString();
    const future = await api.ack(orderId, { status: "accepted", erpOrderNumber: "SO-7001", issuedAt: ahead });
    expect(future.status).toBe(400);
    expect(fields(future.body)).toEqual(["body.issuedAt"]);

    const accepted = await api.ack(orderId, {
      status: "accepted",
      erpOrderNumber: "SO-7001",
      issuedAt: new Date(Date.now() - HOUR).toISOString(),
    });
    expect(accepted.body).toMatchObject({ status: "accepted", duplicate: false });
    const shipped = await api.ack(orderId, {
      status: "shipped",
      erpOrderNumber: "SO-7001",
      shipment: { shippedAt: new Date().toISOString().slice(0, 10) },
      issuedAt: new Date().toISOString(),
    });
    expect(shipped.body).toMatchObject({ status: "shipped" });
    expect(shipped.body.superseded).toBeUndefined();
    expect(api.events.map((e) => e.status)).toEqual(["accepted", "shipped"]);
  });
});

describe("a stock position in fractions of a whole unit", { timeout: 60_000 }, () => {
  test("2.5 boxes on hand in each warehouse: the clean order ships whole boxes, the rest from the supplier", async () => {
    // Found in session 17: a WMS pushed onHand 2.5 (boxes counted by weight, a unit mix-up); the engine split a
    // 9-box order into deliveries of 2.5, 2.5, 2.5 and 1.5 boxes and the clean order carried them to the ERP.
    const db = demoWorld();
    const api = await shield(db);
    const changes = ["WH-NORTH", "WH-SOUTH", "WH-WEST"].map((warehouse) => ({
      sku: SKU,
      warehouse,
      onHand: 2.5,
      reserved: 0,
      inbound: [],
    }));
    expect((await api.stock({ changes })).status).toBe(200);
    const orderId = placeOrder(db, "t-fractions", { quantity: 9 });
    const row = db.$client.prepare("SELECT payload FROM orders WHERE id = ?").get(orderId) as { payload: string };
    const [line] = (
      JSON.parse(row.payload) as {
        lines: { quantity: number; deliverySchedule: { quantity: number; source?: string }[] }[];
      }
    ).lines;
    const shipped = line!.deliverySchedule.map((d) => d.quantity);
    expect(
      shipped.every((q) => Number.isInteger(q)),
      JSON.stringify(line!.deliverySchedule),
    ).toBe(true);
    expect(shipped.reduce((a, b) => a + b, 0)).toBe(9);
    const holds = db.$client.prepare("SELECT quantity FROM reservations WHERE order_id = ?").all(orderId) as {
      quantity: number;
    }[];
    expect(
      holds.every((h) => Number.isInteger(h.quantity)),
      JSON.stringify(holds),
    ).toBe(true);
  });
});
