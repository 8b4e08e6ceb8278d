/**
 * Session 16's adversarial review of the ERP hand-off: what a slow, failing or misbehaving ERP receiver may do to
 * the shield's own process.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { createOutboxWorker } from "../../server/erp/index.ts";
import { demoWorld, outboxRow, placeOrder, SECRET } from "./erp-helpers.ts";

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
