/**
 * The ERP's acknowledgement of an order: its own order number and what it did with the order (accepted, accepted
 * with changes, rejected, shipped with dates). Stored in the order's status history in one transaction — the buyer
 * sees it on their next visit — and returned as an `OrderStatusEvent` for the caller to publish at once.
 *
 * An acknowledgement also proves the ERP has the order: an outbox event still pending (or dead-lettered after a lost
 * answer) is marked delivered, so it is not sent again. A rejection releases the shield's stock holds of the order.
 */
import { createHash } from "node:crypto";
import { z } from "@hono/zod-openapi";
import type { Db } from "../../catalog/db.ts";
import { visibleText } from "../../tools/limits.ts";
import { markDelivered } from "./outbox-store.ts";
import { readOrder, recordOrderStatus } from "./order-status.ts";
import { ErpError, futureStamp } from "./problem.ts";
import type { OrderStatusEvent } from "./types.ts";

export const ACK_STATUSES = ["accepted", "changed", "rejected", "shipped"] as const;
export type AckStatus = (typeof ACK_STATUSES)[number];

/**
 * ERP text the buyer reads (its note, the ERP number, carrier, tracking, line notes): without invisible characters or
 * control characters other than line breaks and tabs — a U+202E in the note reversed the rest of the buyer's status
 * line, a zero-width space made an ERP number look like another.
 */
const erpText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(
      (v) => visibleText(v) === v,
      "no invisible or control characters (bidi controls, zero-width, control codes)",
    );

export const ackBodySchema = z
  .object({
    status: z.enum(ACK_STATUSES),
    erpOrderNumber: erpText(64).pipe(z.string().min(1)),
    /** The ERP's note for the buyer. */
    message: erpText(2000).pipe(z.string().min(1)).optional(),
    /** The delivery date the ERP confirms (accepted, changed). */
    confirmedDeliveryDate: z.iso.date().optional(),
    shipment: z
      .object({
        shippedAt: z.iso.date(),
        expectedDeliveryDate: z.iso.date().optional(),
        carrier: erpText(100).optional(),
        trackingNumber: erpText(100).optional(),
      })
      .optional(),
    /** What the ERP changed, per line of the clean order (`lineNo`). */
    lines: z
      .array(
        z.object({
          lineNo: z.int().positive(),
          quantity: z.number().finite().nonnegative().optional(),
          deliveryDate: z.iso.date().optional(),
          note: erpText(500).optional(),
        }),
      )
      .max(1000)
      .optional(),
    /**
     * When the ERP issued this acknowledgement (an instant with its offset). Acknowledgements of one order are then
     * applied in the ERP's order, not in the order they arrive: one issued before the latest applied (a retry that
     * met a restart, a queue that reorders) is answered `superseded` and changes nothing.
     */
    issuedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.status === "shipped" && !b.shipment)
      ctx.addIssue({ code: "custom", path: ["shipment"], message: "a shipped order needs shipment.shippedAt" });
    if (b.status === "rejected" && !b.message)
      ctx.addIssue({ code: "custom", path: ["message"], message: "say why the order is rejected" });
    if (b.status === "changed" && !b.lines?.length && !b.message && !b.confirmedDeliveryDate)
      ctx.addIssue({ code: "custom", path: ["lines"], message: "say what changed (lines, message or date)" });
  })
  .meta({ id: "ErpAcknowledgement" });

export type AckBody = z.infer<typeof ackBodySchema>;

export const ackResultSchema = z
  .object({
    orderId: z.string(),
    status: z.string(),
    erpOrderNumber: z.string(),
    /** The same acknowledgement was received before: nothing stored or published again. */
    duplicate: z.boolean(),
    /** Issued (`issuedAt`) before an acknowledgement already applied: nothing stored or published, `status` is current. */
    superseded: z.boolean().optional(),
  })
  .meta({ id: "ErpAcknowledgementResult" });

export type AckResult = z.infer<typeof ackResultSchema>;

/** A short sentence for the buyer, from the acknowledgement's data (the ERP's own note last). */
export function ackMessage(b: AckBody): string {
  const parts: string[] = [];
  switch (b.status) {
    case "accepted":
      parts.push(`Confirmed by the order system as ${b.erpOrderNumber}`);
      if (b.confirmedDeliveryDate) parts.push(`delivery on ${b.confirmedDeliveryDate}`);
      break;
    case "changed":
      parts.push(`Confirmed with changes as ${b.erpOrderNumber}`);
      if (b.confirmedDeliveryDate) parts.push(`delivery on ${b.confirmedDeliveryDate}`);
      for (const l of b.lines ?? []) {
        const what = [
          l.quantity !== undefined ? `quantity ${l.quantity}` : "",
          l.deliveryDate ? `delivery ${l.deliveryDate}` : "",
          l.note ?? "",
        ].filter(Boolean);
        parts.push(`line ${l.lineNo}: ${what.join(", ") || "changed"}`);
      }
      break;
    case "rejected":
      parts.push(`Not accepted by the order system (${b.erpOrderNumber})`);
      break;
    case "shipped": {
      const s = b.shipment;
      parts.push(`Order ${b.erpOrderNumber} shipped on ${s?.shippedAt}`);
      if (s?.expectedDeliveryDate) parts.push(`expected on ${s.expectedDeliveryDate}`);
      if (s?.carrier || s?.trackingNumber)
        parts.push([s.carrier, s.trackingNumber ? `tracking ${s.trackingNumber}` : ""].filter(Boolean).join(" "));
      break;
    }
  }
  return `${parts.join("; ")}.${b.message ? ` ${b.message}` : ""}`;
}

/** The acknowledgement's details as stored (canonical, so a repeat compares equal). */
function ackData(b: AckBody) {
  return {
    ...(b.issuedAt ? { issuedAt: b.issuedAt } : {}),
    ...(b.confirmedDeliveryDate ? { confirmedDeliveryDate: b.confirmedDeliveryDate } : {}),
    ...(b.shipment ? { shipment: b.shipment } : {}),
    ...(b.lines?.length ? { lines: b.lines } : {}),
  };
}

/**
 * Store one acknowledgement. Throws 404 for an unknown order, 409 for another ERP number (or one that is already
 * another order's) or a step back
 * (anything after a rejection, accepted/changed after shipped), 400 for a line the order does not have.
 */
export function applyAck(
  db: Db,
  orderId: string,
  body: AckBody,
  now: Date,
): { result: AckResult; event: OrderStatusEvent | null } {
  return db.$client
    .transaction(() => {
      const order = readOrder(db, orderId);
      if (!order) throw new ErpError("not_found:order", `No order ${orderId}.`);
      const ahead = futureStamp("body.issuedAt", body.issuedAt, now);
      if (ahead) throw new ErpError("bad_request:input", `${ahead.field}: ${ahead.message}`, [ahead]);
      if (order.erp_order_number && order.erp_order_number !== body.erpOrderNumber)
        throw new ErpError("conflict:erp_order_number", `Order ${orderId} is ${order.erp_order_number} in the ERP.`, [
          { field: "body.erpOrderNumber", message: `already ${order.erp_order_number}` },
        ]);
      // One ERP number, one order — the other half of the rule above. An acknowledgement sent to the wrong order (a
      // mapping bug, a copied request with the bearer key) would show the buyer another order's number (another
      // customer's, perhaps) and, as proof the ERP has this order, stop its delivery: it would never reach the ERP.
      const holder = db.$client
        .prepare("SELECT id FROM orders WHERE erp_order_number = ? AND id <> ? LIMIT 1")
        .get(body.erpOrderNumber, orderId) as { id: string } | undefined;
      if (holder)
        throw new ErpError(
          "conflict:erp_order_number",
          `${body.erpOrderNumber} is order ${holder.id} in the ERP, not ${orderId}.`,
          [{ field: "body.erpOrderNumber", message: `already the ERP number of order ${holder.id}` }],
        );
      const data = ackData(body);
      const last = db.$client
        .prepare(
          "SELECT status, erp_order_number AS number, message, data FROM order_status_events WHERE order_id = ? AND source = 'erp' ORDER BY id DESC LIMIT 1",
        )
        .get(orderId) as
        | { status: string; number: string | null; message: string | null; data: string | null }
        | undefined;
      const message = ackMessage(body);
      if (
        last &&
        last.status === body.status &&
        last.number === body.erpOrderNumber &&
        last.message === message &&
        last.data === JSON.stringify(data)
      )
        return {
          result: { orderId, status: order.status, erpOrderNumber: body.erpOrderNumber, duplicate: true },
          event: null,
        };
      // Issued before an acknowledgement already applied: the ERP has moved on since (its retry of an older one
      // arrived late). Applied, it turned "changed" back into "accepted", or a stale rejection released the holds of
      // an order the ERP had accepted again.
      if (body.issuedAt) {
        const issued = Date.parse(body.issuedAt);
        const rows = db.$client
          .prepare("SELECT data FROM order_status_events WHERE order_id = ? AND source = 'erp' AND data IS NOT NULL")
          .all(orderId) as { data: string }[];
        const newer = rows.some((r) => {
          const at = (JSON.parse(r.data) as { issuedAt?: string }).issuedAt;
          return at !== undefined && Date.parse(at) > issued;
        });
        if (newer)
          return {
            result: {
              orderId,
              status: order.status,
              erpOrderNumber: body.erpOrderNumber,
              duplicate: false,
              superseded: true,
            },
            event: null,
          };
      }
      const stepBack =
        (order.status === "rejected" && body.status !== "rejected") ||
        (order.status === "shipped" && body.status !== "shipped");
      if (stepBack)
        throw new ErpError(
          "conflict:order_status",
          `Order ${orderId} is already ${order.status}; it cannot become ${body.status}.`,
          [{ field: "body.status", message: `order is ${order.status}` }],
        );
      if (body.lines?.length) {
        const known = new Set(
          (
            db.$client.prepare("SELECT line_no AS n FROM order_lines WHERE order_id = ?").all(orderId) as {
              n: number;
            }[]
          ).map((r) => r.n),
        );
        const unknown = body.lines.flatMap((l, i) =>
          known.has(l.lineNo)
            ? []
            : [{ field: `body.lines.${i}.lineNo`, message: `order ${orderId} has no line ${l.lineNo}` }],
        );
        if (unknown.length > 0)
          throw new ErpError("bad_request:input", `${unknown[0]?.field}: ${unknown[0]?.message}`, unknown);
      }
      // The ERP has it: stop delivering it (an answer lost on the way back must not send it again).
      const eventIds = db.$client
        .prepare("SELECT id FROM outbox WHERE order_id = ? AND status <> 'delivered'")
        .all(orderId) as { id: string }[];
      for (const e of eventIds) markDelivered(db, e.id, now, null, `acknowledged by the ERP as ${body.erpOrderNumber}`);
      if (body.status === "rejected") db.$client.prepare("DELETE FROM reservations WHERE order_id = ?").run(orderId);
      const event = recordOrderStatus(db, {
        orderId,
        status: body.status,
        erpOrderNumber: body.erpOrderNumber,
        message,
        data,
        source: "erp",
        at: now,
      });
      const status = (db.$client.prepare("SELECT status FROM orders WHERE id = ?").get(orderId) as { status: string })
        .status;
      return { result: { orderId, status, erpOrderNumber: body.erpOrderNumber, duplicate: false }, event };
    })
    .immediate();
}

/**
 * A signed acknowledgement counts once, for the order it was first sent for. Standard Webhooks signs id, timestamp
 * and body — not the order id in the path — so within the signature's five minutes a copied request could otherwise
 * be posted to another order (marking it acknowledged: its outbox event stops, a rejection drops its holds) or again
 * after a newer acknowledgement (turning `changed` back into `accepted`). Its `webhook-id` is recorded with the order
 * and body in the same transaction as the acknowledgement: the same request again is a duplicate, the id with
 * another order or body a 409.
 */
export function applySignedAck(
  db: Db,
  webhookId: string,
  orderId: string,
  body: AckBody,
  now: Date,
): { result: AckResult; event: OrderStatusEvent | null } {
  const hash = createHash("sha256").update(JSON.stringify({ orderId, body })).digest("hex");
  return db.$client
    .transaction(() => {
      const prior = db.$client
        .prepare("SELECT request_hash AS hash FROM integration_requests WHERE kind = 'erp-ack' AND idempotency_key = ?")
        .get(webhookId) as { hash: string } | undefined;
      if (prior) {
        if (prior.hash !== hash)
          throw new ErpError("conflict:webhook_id", "This webhook-id was already used for another acknowledgement.", [
            { field: "header.webhook-id", message: "already used for another order or body" },
          ]);
        const order = readOrder(db, orderId);
        const status = order?.status ?? body.status;
        return { result: { orderId, status, erpOrderNumber: body.erpOrderNumber, duplicate: true }, event: null };
      }
      const applied = applyAck(db, orderId, body, now);
      db.$client
        .prepare(
          "INSERT INTO integration_requests (kind, idempotency_key, request_hash, response, created_at) VALUES ('erp-ack', ?, ?, ?, ?)",
        )
        .run(webhookId, hash, JSON.stringify(applied.result), now.toISOString());
      return applied;
    })
    .immediate();
}
