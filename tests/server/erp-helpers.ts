/**
 * Helpers of the ERP tests: the demo world with orders placed through the real hand-off, apps served on loopback,
 * and a webhook receiver that verifies like a real one (the `standardwebhooks` package) and can be told to fail.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { Webhook } from "standardwebhooks";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft, ValidationReport } from "../../tools/types.ts";
import { demoDatabase } from "../support/db-images.ts";

export const SECRET = `whsec_${Buffer.from("an erp test secret of 32 bytes!!").toString("base64")}`;
export const ACK_KEY = "ack-key-0123456789abcdef";
export const INTEGRATION_KEY = "integration-key-0123456789";

/** The demo world in memory (a copy of a once-seeded image) or in a database file at `path`. */
export function demoWorld(path = ":memory:"): Db {
  if (path === ":memory:") return demoDatabase();
  const db = openDatabase(path);
  seedDemo(db);
  return db;
}

/** A clean one-line draft for a demo customer, placed through the real hand-off; returns the order id. */
export function placeOrder(
  db: Db,
  threadId: string,
  options: { customerId?: string; sku?: string; quantity?: number; confirmedReport?: ValidationReport } = {},
): string {
  const draft: Draft = {
    lines: [{ lineId: "L1", sku: options.sku ?? "FL-CART-10-5UM", quantity: options.quantity ?? 2 }],
  };
  const r = handOff(db, {
    threadId,
    draft,
    confirmedHash: hashDraft(draft),
    customerId: options.customerId ?? "C-1001",
    channel: "test",
    now: DEMO_NOW,
  });
  if (r.status !== "placed") throw new Error(`hand-off ${r.status}`);
  return r.orderId;
}

export interface Served {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serve a Hono app on 127.0.0.1 (a given port, or any free one). */
export function listen(app: { fetch: (req: Request) => Response | Promise<Response> }, port = 0): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            const s = server as unknown as { closeAllConnections?: () => void; close: (cb: () => void) => void };
            s.closeAllConnections?.();
            s.close(() => done());
          }),
      });
    });
  });
}

export interface Received {
  webhookId: string;
  verified: boolean;
  orderId?: string;
  type?: string;
}

/** What the receiver answers to the next request; the default answers 200. */
export type Behaviour =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { hang: true }
  | { delayMs: number; status: number };

/**
 * A receiver as an ERP would write one: verifies each request with `standardwebhooks`, dedupes by `webhook-id`.
 * `script` is consumed one entry per request; when it is empty, requests succeed.
 */
export function testReceiver(secret = SECRET) {
  const wh = new Webhook(secret);
  const requests: Received[] = [];
  const orders = new Map<string, string>();
  const script: Behaviour[] = [];
  const app = new Hono();
  app.post("/hook", async (c) => {
    const raw = await c.req.text();
    const webhookId = c.req.header("webhook-id") ?? "";
    let payload: { type?: string; data?: { header?: { orderId?: string } } } | undefined;
    try {
      payload = wh.verify(raw, {
        "webhook-id": webhookId,
        "webhook-timestamp": c.req.header("webhook-timestamp") ?? "",
        "webhook-signature": c.req.header("webhook-signature") ?? "",
      }) as typeof payload;
    } catch {
      requests.push({ webhookId, verified: false });
      return c.text("bad signature", 401);
    }
    const orderId = payload?.data?.header?.orderId;
    requests.push({
      webhookId,
      verified: true,
      ...(orderId ? { orderId } : {}),
      ...(payload?.type ? { type: payload.type } : {}),
    });
    const next = script.shift();
    if (next && "hang" in next) return new Promise<Response>(() => {});
    if (next && "delayMs" in next) await new Promise((r) => setTimeout(r, next.delayMs));
    if (next && next.status >= 300)
      return c.body(
        ("body" in next && next.body) || "nope",
        next.status as 500,
        ("headers" in next && next.headers) || {},
      );
    if (orderId && !orders.has(webhookId)) orders.set(webhookId, orderId);
    return c.json({ ok: true }, 200);
  });
  return {
    app,
    requests,
    /** The orders the ERP keeps after deduplication: webhook-id → order id. */
    orders,
    script,
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = new Date()) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(d: Date) {
      t = d.getTime();
    },
  };
}

export function outboxRow(db: Db, orderId: string) {
  return db.$client.prepare("SELECT * FROM outbox WHERE order_id = ?").get(orderId) as {
    id: string;
    status: string;
    attempts: number;
    next_attempt_at: string | null;
    last_error: string | null;
    last_status_code: number | null;
    lease_owner: string | null;
  };
}
