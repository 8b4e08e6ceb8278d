/**
 * Hand-off to webhook: from the confirmed draft's hand-off transaction (re-validate, reserve, order + outbox) to the
 * signed webhook received and verified by a receiver on loopback (the `standardwebhooks` package), through the
 * outbox worker woken right after the hand-off — as the server does. Orders one after another on a demo database
 * file (WAL), so each figure is one order's latency, not a queue's.
 */
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { openDatabase } from "../../catalog/db.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { generateWebhookSecret } from "../../server/erp/config.ts";
import { createOutboxWorker } from "../../server/erp/worker.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import type { BenchSuite } from "./types.ts";

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

export async function measureHandoffToWebhook(dir: string, orders = 200) {
  const db = openDatabase(join(dir, "erp-bench.db"));
  seedDemo(db);
  const secret = generateWebhookSecret();
  const wh = new Webhook(secret);
  const waiting = new Map<string, () => void>();
  const app = new Hono();
  app.post("/hook", async (c) => {
    const raw = await c.req.text();
    const payload = wh.verify(raw, {
      "webhook-id": c.req.header("webhook-id") ?? "",
      "webhook-timestamp": c.req.header("webhook-timestamp") ?? "",
      "webhook-signature": c.req.header("webhook-signature") ?? "",
    }) as { data: { header: { orderId: string } } };
    waiting.get(payload.data.header.orderId)?.();
    return c.json({ ok: true });
  });
  const server = await new Promise<{ port: number; close: () => void }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ port: info.port, close: () => s.close() }),
    );
  });
  const worker = createOutboxWorker({ db, url: `http://127.0.0.1:${server.port}/hook`, secret, pollIntervalMs: 1000 });
  worker.start();
  const samples: number[] = [];
  const delivery: number[] = [];
  try {
    for (let i = 0; i < orders + 20; i++) {
      const draft: Draft = { lines: [{ lineId: "L1", sku: "FL-CART-10-5UM", quantity: 1 }], revision: i };
      const t0 = performance.now();
      const r = handOff(db, {
        threadId: `bench-${i}`,
        draft,
        confirmedHash: hashDraft(draft),
        customerId: "C-1001",
        channel: "bench",
        now: DEMO_NOW,
      });
      if (r.status !== "placed") throw new Error(`hand-off ${r.status}`);
      const t1 = performance.now();
      const received = new Promise<void>((done) => waiting.set(r.orderId, done));
      worker.wake();
      await received;
      waiting.delete(r.orderId);
      // The first orders warm the JIT, the statements and the connection pool.
      if (i >= 20) {
        samples.push(performance.now() - t0);
        delivery.push(performance.now() - t1);
      }
    }
  } finally {
    await worker.stop();
    server.close();
    db.$client.close();
  }
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    deliveryP50: percentile(delivery, 50),
    n: samples.length,
  };
}

export const erpSuite: BenchSuite = {
  name: "erp",
  description: "hand-off to signed webhook received (outbox worker, loopback receiver)",
  async run(ctx) {
    ctx.log("erp: 200 hand-offs, each to a verified webhook at a loopback receiver…");
    const r = await measureHandoffToWebhook(ctx.tempDir("erp"));
    return [
      {
        id: "server.handoff_to_webhook_ms",
        value: Number(r.p95.toFixed(2)),
        unit: "ms",
        note: `p95 of ${r.n} orders, p50 ${r.p50.toFixed(1)} ms, of which after the hand-off committed ${r.deliveryP50.toFixed(1)} ms`,
      },
    ];
  },
};
