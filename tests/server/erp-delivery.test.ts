/**
 * The outbox worker over real HTTP on loopback: orders placed by the real hand-off reach a receiver that verifies
 * them with the `standardwebhooks` package; an ERP that is down, slow, failing, throttling or gone; dead letters and
 * replays through the admin API; two workers on one database file.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterEach, describe, expect, test } from "vitest";
import { recordCounts } from "../reliability/counts.ts";
import { openDatabase, type Db } from "../../catalog/db.ts";
import {
  createDemoErp,
  createErpRoutes,
  createOutboxWorker,
  readOrderStatus,
  type OrderStatusEvent,
  type OutboxWorker,
} from "../../server/erp/index.ts";
import {
  ACK_KEY,
  INTEGRATION_KEY,
  SECRET,
  demoWorld,
  listen,
  manualClock,
  outboxRow,
  placeOrder,
  testReceiver,
  type Served,
} from "./erp-helpers.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function serveReceiver() {
  const receiver = testReceiver();
  const served = await listen(receiver.app);
  cleanups.push(() => served.close());
  return { ...receiver, url: `${served.url}/hook`, served };
}

function worker(db: Db, url: string, extra: Partial<Parameters<typeof createOutboxWorker>[0]> = {}): OutboxWorker {
  const w = createOutboxWorker({ db, url, secret: SECRET, schedule: [0, 0, 0, 0, 0], jitter: 0, ...extra });
  cleanups.push(() => w.stop());
  return w;
}

async function waitFor(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const admin = (app: { request: OpenAPIHono["request"] }, path: string, method = "GET") =>
  app.request(path, { method, headers: { authorization: `Bearer ${INTEGRATION_KEY}` } });

describe("outbox worker", () => {
  test("a hand-off reaches the demo ERP signed; its acknowledgement is stored and streamed to the buyer", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "thread-demo");
    const events: OrderStatusEvent[] = [];
    let app: OpenAPIHono | undefined;
    const served: Served = await listen({ fetch: (req) => app!.fetch(req) });
    cleanups.push(() => served.close());
    const demo = createDemoErp({ secret: SECRET, shieldBaseUrl: served.url, ackKey: ACK_KEY });
    app = new OpenAPIHono();
    app.route(
      "/",
      createErpRoutes({ db, ackKey: ACK_KEY, webhookSecret: SECRET, onOrderStatus: (e) => events.push(e) }),
    );
    app.route("/demo-erp", demo.app);
    const w = worker(db, `${served.url}/demo-erp/webhook`, { onOrderStatus: (e) => events.push(e) });

    expect((await w.runOnce()).map((r) => r.outcome)).toEqual(["delivered"]);
    await demo.idle();

    expect(events.map((e) => [e.status, e.orderId, e.threadId, e.customerId])).toEqual([
      ["delivered", orderId, "thread-demo", "C-1001"],
      ["accepted", orderId, "thread-demo", "C-1001"],
    ]);
    expect(events[1]).toMatchObject({ erpOrderNumber: "SO-100001" });
    expect(events[1]?.message).toMatch(/SO-100001.*delivery on 2026-12-02/);
    // Stored for the buyer's next visit.
    expect(readOrderStatus(db, orderId)).toMatchObject({
      status: "accepted",
      erpOrderNumber: "SO-100001",
      history: [{ status: "handed_off" }, { status: "delivered" }, { status: "accepted", erpOrderNumber: "SO-100001" }],
    });
    expect(demo.receipts()).toMatchObject([{ orderId, webhookId: outboxRow(db, orderId).id, ack: "acknowledged" }]);

    // No INTEGRATION_KEY configured: the admin routes are closed, even to a caller with some key.
    expect((await admin(app, `/v1/admin/outbox/${outboxRow(db, orderId).id}/replay`, "POST")).status).toBe(401);
    // The same event again (as after a crash between the ERP's 2xx and our commit): the demo ERP dedupes by
    // webhook-id — no second order, no second number.
    db.$client.prepare("UPDATE outbox SET status = 'pending' WHERE order_id = ?").run(orderId);
    await w.runOnce();
    await demo.idle();
    expect(demo.receipts()).toMatchObject([{ orderId, duplicates: 1, erpOrderNumber: "SO-100001" }]);

    const page = await (await fetch(`${served.url}/demo-erp`)).text();
    expect(page).toContain("SO-100001");
    expect(page).toContain(orderId);
  });

  test("an ERP down for the whole run, then up: the order is delivered exactly once", async ({ task }) => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-down");
    // A port nobody listens on yet.
    const probe = await listen({ fetch: () => new Response("") });
    await probe.close();
    const url = `http://127.0.0.1:${probe.port}/hook`;
    const w = worker(db, url, { schedule: Array(200).fill(20), pollIntervalMs: 10 });
    w.start();
    await waitFor(() => outboxRow(db, orderId).attempts >= 3, "three refused attempts");
    expect(outboxRow(db, orderId)).toMatchObject({ status: "pending" });
    expect(outboxRow(db, orderId).last_error).toMatch(/ECONNREFUSED|fetch failed/);

    const receiver = testReceiver();
    const up = await listen(receiver.app, probe.port);
    cleanups.push(() => up.close());
    await waitFor(() => outboxRow(db, orderId).status === "delivered", "delivery");
    await w.stop();
    expect(receiver.requests.map((r) => [r.webhookId, r.verified, r.orderId])).toEqual([
      [outboxRow(db, orderId).id, true, orderId],
    ]);
    const refused = outboxRow(db, orderId).attempts - 1;
    recordCounts(task, {
      check: "faults.erp_down",
      requests: refused + 1,
      faults: refused,
      inputs: 0,
      orders: 1,
      lost: 0,
    });
  });

  test("a slow ERP times out, a 500 is retried; the ERP ends up with the order once", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-slow");
    const r = await serveReceiver();
    r.script.push({ hang: true }, { status: 500, body: "database locked" });
    const w = worker(db, r.url, { timeoutMs: 200, leaseMs: 5_000 });

    expect((await w.runOnce())[0]).toMatchObject({
      outcome: "retry",
      statusCode: null,
      error: "no answer within 200 ms",
    });
    expect((await w.runOnce())[0]).toMatchObject({
      outcome: "retry",
      statusCode: 500,
      error: "HTTP 500: database locked",
    });
    expect((await w.runOnce())[0]).toMatchObject({ outcome: "delivered", statusCode: 200 });
    expect(r.requests).toHaveLength(3);
    expect(new Set(r.requests.map((x) => x.webhookId))).toEqual(new Set([outboxRow(db, orderId).id]));
    expect([...r.orders.values()]).toEqual([orderId]);
  });

  test("429 with Retry-After: the next attempt waits at least that long, then delivers", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-429");
    const r = await serveReceiver();
    r.script.push({ status: 429, headers: { "retry-after": "120" } });
    const clock = manualClock();
    const start = clock.now().getTime();
    const w = worker(db, r.url, { now: clock.now, schedule: [0, 1000, 1000] });

    expect((await w.runOnce())[0]).toMatchObject({ outcome: "retry", statusCode: 429 });
    expect(outboxRow(db, orderId).next_attempt_at).toBe(new Date(start + 120_000).toISOString());
    clock.advance(119_000);
    expect(await w.runOnce()).toEqual([]);
    clock.advance(1_000);
    expect((await w.runOnce())[0]).toMatchObject({ outcome: "delivered" });
    expect(r.requests).toHaveLength(2);
  });

  test("410 disables the endpoint: the event is dead-lettered, nothing more is sent until an admin replays", async () => {
    const db = demoWorld();
    const first = placeOrder(db, "t-410-a");
    const second = placeOrder(db, "t-410-b", { sku: "SE-MS24-CC-EPDM" });
    const r = await serveReceiver();
    r.script.push({ status: 410, body: "endpoint removed" });
    const events: OrderStatusEvent[] = [];
    const w = worker(db, r.url, { concurrency: 1, onOrderStatus: (e) => events.push(e) });
    const app = createErpRoutes({ db, integrationKey: INTEGRATION_KEY, webhookUrl: r.url, worker: w });

    expect((await w.runOnce())[0]).toMatchObject({ orderId: first, outcome: "gone", statusCode: 410 });
    expect(await w.runOnce()).toEqual([]);
    expect(outboxRow(db, first).status).toBe("dead");
    expect(outboxRow(db, second)).toMatchObject({ status: "pending", attempts: 0 });
    expect(events.map((e) => [e.status, e.orderId])).toEqual([["delivery_failed", first]]);
    expect(readOrderStatus(db, first)?.status).toBe("delivery_failed");

    const list = await (await admin(app, "/v1/admin/outbox")).json();
    expect(list.counts).toEqual({ pending: 1, delivered: 0, dead: 1 });
    expect(list.endpoint).toMatchObject({ url: r.url, disabledReason: expect.stringContaining("410") });

    const replay = await admin(app, "/v1/admin/outbox/replay-dead", "POST");
    expect(replay.status).toBe(202);
    expect(await replay.json()).toEqual({ replayed: [outboxRow(db, first).id], endpointEnabled: true });
    await w.runOnce();
    await w.runOnce();
    expect([...r.orders.values()].sort()).toEqual([first, second].sort());
    expect(readOrderStatus(db, first)?.status).toBe("delivered");
  });

  test("the end of the schedule dead-letters the event; a replay of it delivers with the same webhook-id", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-dead");
    const r = await serveReceiver();
    r.script.push({ status: 500 }, { status: 502 }, { status: 503 });
    const w = worker(db, r.url, { schedule: [0, 0, 0] });
    const app = createErpRoutes({ db, integrationKey: INTEGRATION_KEY, webhookUrl: r.url, worker: w });

    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await w.runOnce())[0]?.outcome);
    expect(outcomes).toEqual(["retry", "retry", "dead"]);
    expect(await w.runOnce()).toEqual([]);
    const eventId = outboxRow(db, orderId).id;

    const failing = await (await admin(app, "/v1/admin/outbox?failing=true")).json();
    expect(failing.events.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([[eventId, "dead"]]);
    const detail = await (await admin(app, `/v1/admin/outbox/${eventId}`)).json();
    expect(detail.attemptLog.map((a: { statusCode: number; outcome: string }) => [a.statusCode, a.outcome])).toEqual([
      [500, "retry"],
      [502, "retry"],
      [503, "dead"],
    ]);

    expect((await admin(app, `/v1/admin/outbox/${eventId}/replay`, "POST")).status).toBe(202);
    expect((await w.runOnce())[0]).toMatchObject({ outcome: "delivered" });
    expect(r.requests.map((x) => x.webhookId)).toEqual([eventId, eventId, eventId, eventId]);
    expect(readOrderStatus(db, orderId)?.history.map((h) => h.status)).toEqual([
      "handed_off",
      "delivery_failed",
      "delivered",
    ]);
    expect((await admin(app, "/v1/admin/outbox/evt_nope/replay", "POST")).status).toBe(404);
  });

  test("two workers on one database file deliver each order once", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "erp-two-")), "shop.db");
    const db = demoWorld(path);
    const ids = Array.from({ length: 12 }, (_, i) => placeOrder(db, `t-two-${i}`));
    const r = await serveReceiver();
    const other = openDatabase(path);
    cleanups.push(() => {
      other.$client.close();
    });
    const a = worker(db, r.url, { pollIntervalMs: 5, concurrency: 2 });
    const b = worker(other, r.url, { pollIntervalMs: 5, concurrency: 2 });
    a.start();
    b.start();
    await waitFor(() => ids.every((id) => outboxRow(db, id).status === "delivered"), "all delivered");
    await Promise.all([a.stop(), b.stop()]);
    expect(r.requests.map((x) => x.orderId).sort()).toEqual([...ids].sort());
  });
});
