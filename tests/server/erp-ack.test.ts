/**
 * The ERP's acknowledgement endpoint over real HTTP: credentials (key or signature), validation as problem+json
 * naming the field, storage for the buyer's next visit, the event published at once, repeats and steps back.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, test } from "vitest";
import type { Db } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import {
  createErpRoutes,
  createOutboxWorker,
  readOrderStatus,
  readThreadOrderStatuses,
  type OrderStatusEvent,
} from "../../server/erp/index.ts";
import { ACK_KEY, SECRET, demoWorld, listen, outboxRow, placeOrder, type Served } from "./erp-helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function shield(db: Db) {
  const events: OrderStatusEvent[] = [];
  const app = new OpenAPIHono();
  app.route("/", createErpRoutes({ db, ackKey: ACK_KEY, webhookSecret: SECRET, onOrderStatus: (e) => events.push(e) }));
  const served: Served = await listen(app);
  cleanups.push(() => served.close());
  const ack = (
    orderId: string,
    body: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${ACK_KEY}` },
  ) =>
    fetch(`${served.url}/v1/erp/orders/${orderId}/ack`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { events, ack, url: served.url };
}

const accepted = { status: "accepted", erpOrderNumber: "SO-7001", confirmedDeliveryDate: "2026-12-04" };

async function problemOf(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
  return (await res.json()) as { status: number; code: string; errors?: { field: string; message: string }[] };
}

describe("ERP acknowledgement", () => {
  test("without credentials, with a wrong key or a bad signature: 401, and nothing is stored", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-auth");
    const { ack, events } = await shield(db);
    const body = JSON.stringify(accepted);
    const signed = (secret: string, at = new Date()) => new Webhook(secret).sign("ack-1", at, body);
    const wrongSecret = `whsec_${Buffer.from("another secret of thirty-two byte").toString("base64")}`;
    const cases: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${ACK_KEY}x` },
      { authorization: "Basic Zm9vOmJhcg==" },
      {
        "webhook-id": "ack-1",
        "webhook-timestamp": `${Math.floor(Date.now() / 1000)}`,
        "webhook-signature": signed(wrongSecret),
      },
      {
        "webhook-id": "ack-1",
        "webhook-timestamp": `${Math.floor(Date.now() / 1000) - 3600}`,
        "webhook-signature": signed(SECRET, new Date(Date.now() - 3600_000)),
      },
    ];
    for (const headers of cases) {
      const res = await ack(orderId, body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect((await problemOf(res)).code).toBe("unauthorized:erp");
    }
    // An unauthenticated caller learns nothing about validation either.
    expect((await ack(orderId, { status: "nonsense" }, {})).status).toBe(401);
    expect(readOrderStatus(db, orderId)?.status).toBe("handed_off");
    expect(events).toEqual([]);

    // Signed like our webhooks, with the shared secret: accepted.
    const now = new Date();
    const ok = await ack(orderId, body, {
      "webhook-id": "ack-1",
      "webhook-timestamp": `${Math.floor(now.getTime() / 1000)}`,
      "webhook-signature": signed(SECRET, now),
    });
    expect(ok.status).toBe(200);
    expect(readOrderStatus(db, orderId)).toMatchObject({ status: "accepted", erpOrderNumber: "SO-7001" });
  });

  test("bad bodies answer 4xx problem+json naming the field; an unknown order 404", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-valid");
    const { ack } = await shield(db);
    const fieldOf = async (res: Response) => (await problemOf(res)).errors?.map((e) => e.field);

    let res = await ack(orderId, { ...accepted, status: "maybe" });
    expect(res.status).toBe(400);
    expect(await fieldOf(res)).toEqual(["body.status"]);
    res = await ack(orderId, { status: "shipped", erpOrderNumber: "SO-7001" });
    expect(res.status).toBe(400);
    expect(await fieldOf(res)).toEqual(["body.shipment"]);
    res = await ack(orderId, { status: "rejected", erpOrderNumber: "SO-7001" });
    expect(await fieldOf(res)).toEqual(["body.message"]);
    res = await ack(orderId, { ...accepted, confirmedDeliveryDate: "next week" });
    expect(await fieldOf(res)).toEqual(["body.confirmedDeliveryDate"]);
    res = await ack(orderId, { status: "changed", erpOrderNumber: "SO-7001", lines: [{ lineNo: 9, quantity: 1 }] });
    expect(res.status).toBe(400);
    expect(await fieldOf(res)).toEqual(["body.lines.0.lineNo"]);
    res = await ack(orderId, "{not json");
    expect(res.status).toBe(400);
    await problemOf(res);
    res = await ack(orderId, { ...accepted, message: "x".repeat(70_000) });
    expect(res.status).toBe(413);
    await problemOf(res);
    res = await ack("ord_nope", accepted);
    expect(res.status).toBe(404);
    expect((await problemOf(res)).code).toBe("not_found:order");
    expect(readOrderStatus(db, orderId)?.history).toHaveLength(1);
  });

  test("an acknowledgement is stored for the next visit and published at once; a repeat is neither", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-flow");
    const { ack, events } = await shield(db);

    const first = await ack(orderId, accepted);
    expect(await first.json()).toEqual({ orderId, status: "accepted", erpOrderNumber: "SO-7001", duplicate: false });
    expect((await (await ack(orderId, accepted)).json()).duplicate).toBe(true);
    const shipped = await ack(orderId, {
      status: "shipped",
      erpOrderNumber: "SO-7001",
      shipment: {
        shippedAt: "2026-12-02",
        expectedDeliveryDate: "2026-12-04",
        carrier: "DHL",
        trackingNumber: "JD0001",
      },
    });
    expect(shipped.status).toBe(200);

    expect(events.map((e) => [e.status, e.erpOrderNumber, e.threadId, e.customerId])).toEqual([
      ["accepted", "SO-7001", "t-flow", "C-1001"],
      ["shipped", "SO-7001", "t-flow", "C-1001"],
    ]);
    expect(events[0]?.message).toBe("Confirmed by the order system as SO-7001; delivery on 2026-12-04.");
    expect(events[1]?.message).toBe(
      "Order SO-7001 shipped on 2026-12-02; expected on 2026-12-04; DHL tracking JD0001.",
    );
    // Booked by the ERP: no longer counted as handed-off credit exposure on top of the open balance.
    expect(createCatalogReader(db).unbookedOrders("C-1001").count).toBe(0);
    expect(readThreadOrderStatuses(db, "t-flow")).toMatchObject([
      {
        orderId,
        status: "shipped",
        erpOrderNumber: "SO-7001",
        history: [{}, { status: "accepted" }, { status: "shipped" }],
      },
    ]);

    // No step back after shipping, and one ERP number per order.
    let res = await ack(orderId, { ...accepted, erpOrderNumber: "SO-7001" });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).errors?.[0]?.field).toBe("body.status");
    res = await ack(orderId, { status: "shipped", erpOrderNumber: "SO-9999", shipment: { shippedAt: "2026-12-03" } });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).errors?.[0]?.field).toBe("body.erpOrderNumber");
    expect(events).toHaveLength(2);
  });

  test("an acknowledgement proves the ERP has the order: it is not sent again", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-early");
    const { ack } = await shield(db);
    expect((await ack(orderId, accepted)).status).toBe(200);
    expect(outboxRow(db, orderId).status).toBe("delivered");
    const sent: string[] = [];
    const worker = createOutboxWorker({
      db,
      url: "http://127.0.0.1:9/never",
      secret: SECRET,
      fetch: async (url) => {
        sent.push(String(url));
        return new Response("");
      },
    });
    expect(await worker.runOnce()).toEqual([]);
    expect(sent).toEqual([]);
    expect(readOrderStatus(db, orderId)?.status).toBe("accepted");
  });

  test("a rejection releases the order's stock holds and its credit exposure", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-reject", { quantity: 5 });
    const { ack } = await shield(db);
    const holds = () => db.$client.prepare("SELECT count(*) AS n FROM reservations WHERE order_id = ?").get(orderId);
    const exposure = () => createCatalogReader(db).unbookedOrders("C-1001").count;
    expect(holds()).toEqual({ n: 1 });
    expect(exposure()).toBe(1);
    const res = await ack(orderId, {
      status: "rejected",
      erpOrderNumber: "SO-7002",
      message: "Customer on hold in SAP.",
    });
    expect(await res.json()).toMatchObject({ status: "rejected" });
    expect(holds()).toEqual({ n: 0 });
    expect(exposure()).toBe(0);
    expect(readOrderStatus(db, orderId)?.history.at(-1)?.message).toBe(
      "Not accepted by the order system (SO-7002). Customer on hold in SAP.",
    );
  });
});
