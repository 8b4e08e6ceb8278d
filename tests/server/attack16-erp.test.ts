/**
 * Session 16's adversarial review of the ERP hand-off: what a slow, failing or misbehaving ERP receiver may do to
 * the shield's own process.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterEach, describe, expect, test } from "vitest";
import { createErpRoutes, createOutboxWorker, type OrderStatusEvent, readOrderStatus } from "../../server/erp/index.ts";
import { ACK_KEY, demoWorld, listen, outboxRow, placeOrder, SECRET } from "./erp-helpers.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/**
 * A receiver that answers `status` at once and then writes its body without end (an error page streamed by a broken
 * proxy, a debug dump, a hostile endpoint) — or, with `trickle`, a byte now and then. Counts what it wrote and when
 * the shield hung up.
 */
async function endlessReceiver(status: number, trickle = false) {
  const stats = { written: 0, closedAfterMs: -1 };
  const chunk = Buffer.alloc(64 * 1024, "x");
  const server: Server = createServer((req, res) => {
    req.resume();
    const started = Date.now();
    res.writeHead(status, { "content-type": "text/plain" });
    res.on("close", () => (stats.closedAfterMs = Date.now() - started));
    if (trickle) {
      res.write("x");
      const t = setInterval(() => res.write("x"), 200);
      res.on("close", () => clearInterval(t));
      return;
    }
    const pump = () => {
      while (!res.destroyed) {
        stats.written += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, stats };
}

describe("an ERP receiver's answer body", { timeout: 60_000 }, () => {
  test("an endless error body is not read to the timeout: the attempt settles at once, with a short note", async () => {
    // Found in session 16: the worker read the whole answer (for an error note of 500 characters) until the
    // request's timeout — tens of MB a second into memory, per delivery in flight, and the event's slot held for
    // ERP_WEBHOOK_TIMEOUT_MS. A receiver (or a proxy in front of it) streaming a huge body could exhaust the process
    // that serves every buyer.
    const db = demoWorld();
    const orderId = placeOrder(db, "t-endless-500");
    const r = await endlessReceiver(500);
    const w = createOutboxWorker({ db, url: r.url, secret: SECRET, timeoutMs: 10_000, schedule: [0, 0] });
    cleanups.push(() => w.stop());
    const started = Date.now();
    const [report] = await w.runOnce();
    const took = Date.now() - started;
    expect(report).toMatchObject({ outcome: "retry", statusCode: 500 });
    expect(report!.error).toMatch(/^HTTP 500: x+$/);
    expect(report!.error!.length).toBeLessThanOrEqual(510);
    expect(took, "settled long before the 10 s timeout").toBeLessThan(3_000);
    await expect.poll(() => r.stats.closedAfterMs, { timeout: 5_000 }).toBeGreaterThanOrEqual(0);
    expect(outboxRow(db, orderId)).toMatchObject({ status: "pending", last_status_code: 500 });
  });

  test("a 2xx whose body never ends is delivered when the status arrives, not after the timeout", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-endless-200");
    for (const trickle of [false, true]) {
      const r = await endlessReceiver(200, trickle);
      const w = createOutboxWorker({ db, url: r.url, secret: SECRET, timeoutMs: 10_000, schedule: [0, 0] });
      cleanups.push(() => w.stop());
      db.$client
        .prepare("UPDATE outbox SET status = 'pending', next_attempt_at = NULL WHERE order_id = ?")
        .run(orderId);
      const started = Date.now();
      const [report] = await w.runOnce();
      expect(report, trickle ? "trickled" : "streamed").toMatchObject({ outcome: "delivered", statusCode: 200 });
      expect(Date.now() - started, trickle ? "trickled" : "streamed").toBeLessThan(3_000);
      await expect.poll(() => r.stats.closedAfterMs, { timeout: 5_000 }).toBeGreaterThanOrEqual(0);
    }
    expect(outboxRow(db, orderId).status).toBe("delivered");
  });
});

describe("ERP acknowledgements that arrive out of order", { timeout: 60_000 }, () => {
  // Found in session 16: the ERP's retry of an older acknowledgement (its first attempt met a restart, a 503) that
  // arrives after a newer one was applied as the latest — "accepted" after "changed" put the order back to accepted
  // with the first date, the buyer told the change no longer holds; a late "rejected" after the ERP's re-acceptance
  // released the order's stock holds. Acknowledgements now say when the ERP issued them (`issuedAt`); one issued
  // before the latest applied is answered `superseded` and changes nothing.
  async function shield() {
    const db = demoWorld();
    const events: OrderStatusEvent[] = [];
    const app = new OpenAPIHono();
    app.route(
      "/",
      createErpRoutes({
        db,
        ackKey: ACK_KEY,
        webhookSecret: SECRET,
        onOrderStatus: (e) => events.push(e),
        // After the issuedAt stamps below: one later than the shield's clock is refused (attack17).
        now: () => new Date("2026-12-02T00:00:00Z"),
      }),
    );
    const served = await listen(app);
    cleanups.push(() => served.close());
    const ack = async (orderId: string, body: unknown) => {
      const res = await fetch(`${served.url}/v1/erp/orders/${orderId}/ack`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ACK_KEY}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    return { db, events, ack };
  }

  test("an older 'accepted' after a newer 'changed' is superseded: the order stays changed, nothing is published", async () => {
    const { db, events, ack } = await shield();
    const orderId = placeOrder(db, "t-reorder");
    const changed = {
      status: "changed",
      erpOrderNumber: "SO-9001",
      confirmedDeliveryDate: "2026-12-10",
      lines: [{ lineNo: 1, quantity: 1, note: "one on backorder" }],
      issuedAt: "2026-12-01T10:05:00Z",
    };
    const accepted = {
      status: "accepted",
      erpOrderNumber: "SO-9001",
      confirmedDeliveryDate: "2026-12-04",
      issuedAt: "2026-12-01T10:00:00+00:00",
    };
    expect(await ack(orderId, changed)).toMatchObject({ status: 200, body: { status: "changed", duplicate: false } });
    const late = await ack(orderId, accepted);
    expect(late).toMatchObject({ status: 200, body: { status: "changed", superseded: true, duplicate: false } });
    expect(readOrderStatus(db, orderId)).toMatchObject({ status: "changed", erpOrderNumber: "SO-9001" });
    expect(readOrderStatus(db, orderId)!.history.map((h) => h.status)).toEqual(["handed_off", "changed"]);
    expect(events.map((e) => e.status)).toEqual(["changed"]);
    // The same older one again is the same answer; a newer one is applied as before.
    expect((await ack(orderId, accepted)).body).toMatchObject({ superseded: true });
    const reaccepted = { ...accepted, issuedAt: "2026-12-01T11:00:00Z" };
    expect(await ack(orderId, reaccepted)).toMatchObject({ status: 200, body: { status: "accepted" } });
    expect(events.map((e) => e.status)).toEqual(["changed", "accepted"]);
  });

  test("an older 'rejected' after a newer 'accepted' releases no stock hold and tells the buyer nothing", async () => {
    const { db, events, ack } = await shield();
    const orderId = placeOrder(db, "t-reorder-reject");
    const holds = () =>
      (db.$client.prepare("SELECT count(*) AS n FROM reservations WHERE order_id = ?").get(orderId) as { n: number }).n;
    const before = holds();
    expect(before).toBeGreaterThan(0);
    await ack(orderId, { status: "accepted", erpOrderNumber: "SO-9002", issuedAt: "2026-12-01T12:00:00Z" });
    const late = await ack(orderId, {
      status: "rejected",
      erpOrderNumber: "SO-9002",
      message: "credit hold",
      issuedAt: "2026-12-01T11:00:00Z",
    });
    expect(late).toMatchObject({ status: 200, body: { status: "accepted", superseded: true } });
    expect(holds()).toBe(before);
    expect(readOrderStatus(db, orderId)!.status).toBe("accepted");
    expect(events.map((e) => e.status)).toEqual(["accepted"]);
  });

  test("issuedAt must be an instant with its offset: a 400 naming body.issuedAt", async () => {
    const { db, ack } = await shield();
    const orderId = placeOrder(db, "t-issued-bad");
    for (const issuedAt of ["yesterday", "2026-12-01", "2026-12-01T10:00:00", 1764583200]) {
      const r = await ack(orderId, { status: "accepted", erpOrderNumber: "SO-9003", issuedAt });
      expect(r.status, String(issuedAt)).toBe(400);
      expect((r.body.errors as { field: string }[]).map((e) => e.field)).toContain("body.issuedAt");
    }
  });
});
