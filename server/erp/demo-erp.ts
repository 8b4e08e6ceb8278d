/**
 * The built-in demo ERP: where `npm start` delivers orders when no ERP_WEBHOOK_URL is configured. It behaves like a
 * real receiver — verifies the Standard Webhooks signature with the `standardwebhooks` package, checks the body
 * against the published clean-order schema, answers at once and does its work afterwards, deduplicates by
 * `webhook-id` — then acknowledges each new order through the shield's acknowledgement endpoint with an ERP order
 * number, and lists what it received on a page.
 *
 * Its memory is the process's (a demo): after a restart it acknowledges a redelivered order again under a new
 * number, which the acknowledgement endpoint refuses (409) — the order keeps its first number.
 *
 *   POST {mount}/webhook    the receiver
 *   GET  {mount}/           the page
 *   GET  {mount}/receipts   the same as JSON
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { html } from "hono/html";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { cleanOrderSchema, type CleanOrder } from "../../tools/clean-order.ts";
import { signedHeaders } from "./delivery.ts";
import { ErpError, problemResponse, zodFields } from "./problem.ts";
import { silentLogger, type ErpLogger } from "./worker.ts";

export interface DemoErpOptions {
  /** ERP_WEBHOOK_SECRET: verifies the webhooks, and signs the acknowledgements when there is no `ackKey`. */
  secret: string;
  /** Base URL of the shield, e.g. `http://127.0.0.1:3000`: acknowledgements go to `{base}/v1/erp/orders/{id}/ack`. */
  shieldBaseUrl: string;
  /** ERP_ACK_KEY: sent as a bearer key when set. */
  ackKey?: string | undefined;
  /** ERP_ACK_SECRET: signs the acknowledgements (without `ackKey`) instead of `secret`. */
  ackSecret?: string | undefined;
  /** Acknowledge orders (default true). */
  acknowledge?: boolean;
  /**
   * Serve the page and `/receipts` (default true). They list every customer's orders to anyone: `npm start` serves
   * them only while buyer sessions use the development secret, like the demo storefront's sign-in.
   */
  listing?: boolean;
  /** First ERP order number (default 100001 → `SO-100001`). */
  firstOrderNumber?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  logger?: ErpLogger;
}

export interface DemoReceipt {
  webhookId: string;
  orderId: string;
  customerId: string;
  lines: number;
  totalCents: number;
  currency: string;
  promiseDate: string;
  receivedAt: string;
  /** Further deliveries of the same webhook-id (dropped). */
  duplicates: number;
  erpOrderNumber: string;
  /** pending | acknowledged | failed: <why> */
  ack: string;
}

export interface DemoErp {
  /** Mount with `app.route("/demo-erp", demo.app)`. */
  app: Hono;
  receipts(): DemoReceipt[];
  /** Resolves when every acknowledgement started so far has finished (tests). */
  idle(): Promise<void>;
}

const ACK_ATTEMPTS = 5;
/**
 * The largest webhook body the demo ERP reads. It sits outside `/v1/*` (and its body limit) and reads the body
 * before it can check the signature: without a limit, anyone could make the shield's own process buffer any amount.
 * A clean order of the most lines a draft may have (tools/limits.ts) stays far below it.
 */
export const DEMO_ERP_BODY_LIMIT = 8 * 1024 * 1024;

export function createDemoErp(options: DemoErpOptions): DemoErp {
  const webhook = new Webhook(options.secret);
  const ackSigner = options.ackSecret ? new Webhook(options.ackSecret) : webhook;
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const log = options.logger ?? silentLogger;
  const byId = new Map<string, DemoReceipt>();
  const inFlight = new Set<Promise<void>>();
  let nextNumber = options.firstOrderNumber ?? 100001;

  async function acknowledge(receipt: DemoReceipt, order: CleanOrder): Promise<void> {
    const body = JSON.stringify({
      status: "accepted",
      erpOrderNumber: receipt.erpOrderNumber,
      confirmedDeliveryDate: order.header.promiseDate,
    });
    const url = `${options.shieldBaseUrl.replace(/\/$/, "")}/v1/erp/orders/${encodeURIComponent(receipt.orderId)}/ack`;
    for (let attempt = 1; attempt <= ACK_ATTEMPTS; attempt++) {
      const headers: Record<string, string> = options.ackKey
        ? { "content-type": "application/json", authorization: `Bearer ${options.ackKey}` }
        : signedHeaders(ackSigner, `ack_${receipt.webhookId}_${attempt}`, now(), body);
      try {
        const res = await doFetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
        if (res.ok) {
          receipt.ack = "acknowledged";
          return;
        }
        const text = (await res.text()).slice(0, 200);
        receipt.ack = `failed: HTTP ${res.status} ${text}`;
        if (res.status < 500 && res.status !== 429) return;
      } catch (error) {
        receipt.ack = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
    log.warn({ orderId: receipt.orderId, ack: receipt.ack }, "demo ERP could not acknowledge");
  }

  const app = new Hono();

  app.use(
    "/webhook",
    bodyLimit({
      maxSize: DEMO_ERP_BODY_LIMIT,
      onError: () =>
        problemResponse(
          new ErpError("payload_too_large:body", `Webhook bodies are limited to ${DEMO_ERP_BODY_LIMIT} bytes.`, [
            { field: "body", message: `larger than ${DEMO_ERP_BODY_LIMIT} bytes` },
          ]),
        ),
    }),
  );

  app.post("/webhook", async (c) => {
    const raw = await c.req.text();
    const id = c.req.header("webhook-id") ?? "";
    let payload: unknown;
    try {
      payload = webhook.verify(raw, {
        "webhook-id": id,
        "webhook-timestamp": c.req.header("webhook-timestamp") ?? "",
        "webhook-signature": c.req.header("webhook-signature") ?? "",
      });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError))
        return problemResponse(new ErpError("bad_request:body", "The body is not JSON."));
      return problemResponse(new ErpError("unauthorized:webhook", `Signature refused: ${error.message}`));
    }
    const seen = byId.get(id);
    if (seen) {
      seen.duplicates++;
      return c.json({ received: true, duplicate: true, erpOrderNumber: seen.erpOrderNumber }, 200);
    }
    const parsed = cleanOrderSchema.safeParse((payload as { data?: unknown } | null)?.data);
    if (!parsed.success)
      return problemResponse(
        new ErpError("bad_request:order", "Not a clean order.", zodFields("body.data", parsed.error)),
      );
    const order = parsed.data;
    const receipt: DemoReceipt = {
      webhookId: id,
      orderId: order.header.orderId,
      customerId: order.header.customerId,
      lines: order.lines.length,
      totalCents: order.summary.totalAmountCents,
      currency: order.header.currency,
      promiseDate: order.header.promiseDate,
      receivedAt: now().toISOString(),
      duplicates: 0,
      erpOrderNumber: `SO-${nextNumber++}`,
      ack: options.acknowledge === false ? "off" : "pending",
    };
    byId.set(id, receipt);
    if (options.acknowledge !== false) {
      // Answer first, work after: a receiver that acknowledges inside the webhook request would hold the sender.
      const p = new Promise<void>((resolve) => setImmediate(resolve)).then(() => acknowledge(receipt, order));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    return c.json({ received: true, duplicate: false, erpOrderNumber: receipt.erpOrderNumber }, 202);
  });

  if (options.listing === false) {
    const none = () => problemResponse(new ErpError("not_found:route", "The demo ERP's listing is off here."));
    app.get("/receipts", none);
    app.get("/", none);
  }
  app.get("/receipts", (c) => c.json([...byId.values()]));

  app.get("/", (c) => {
    const rows = [...byId.values()].reverse();
    return c.html(html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <title>Demo ERP — received orders</title>
          <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; }
            table { border-collapse: collapse; } td, th { padding: 0.3rem 0.7rem; border-bottom: 1px solid #ddd; text-align: left; }
          </style>
        </head>
        <body>
          <h1>Demo ERP</h1>
          <p>Orders received from OrderShield, signature verified, deduplicated by webhook-id (${rows.length}).</p>
          <table>
            <thead>
              <tr><th>received</th><th>ERP number</th><th>order</th><th>customer</th><th>lines</th><th>total</th><th>promise date</th><th>duplicates</th><th>acknowledgement</th></tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) =>
                  html`<tr><td>${r.receivedAt}</td><td>${r.erpOrderNumber}</td><td>${r.orderId}</td><td>${r.customerId}</td><td>${r.lines}</td><td>${(r.totalCents / 100).toFixed(2)} ${r.currency}</td><td>${r.promiseDate}</td><td>${r.duplicates}</td><td>${r.ack}</td></tr>`,
              )}
            </tbody>
          </table>
        </body>
      </html>`);
  });

  return {
    app,
    receipts: () => [...byId.values()].map((r) => ({ ...r })),
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
