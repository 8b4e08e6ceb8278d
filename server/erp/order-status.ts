/**
 * An order's life after the hand-off, stored so the buyer sees it on their next visit: each step (delivered to the
 * ERP, dead-lettered, the ERP's acknowledgements) is a row of `order_status_events`, and `orders.status` holds the
 * furthest one. A late "delivered" never overwrites an ERP acknowledgement that arrived before it.
 */
import type { Db } from "../../catalog/db.ts";
import type { ErpOrderStatus, OrderStatusEvent } from "./types.ts";

/** How far along an order is; `orders.status` only moves to a status of the same or a higher rank. */
const RANK: Record<string, number> = {
  handed_off: 0,
  delivered: 1,
  delivery_failed: 1,
  accepted: 2,
  changed: 2,
  rejected: 3,
  shipped: 3,
};

export interface StatusRecord {
  orderId: string;
  status: ErpOrderStatus;
  erpOrderNumber?: string | undefined;
  message?: string | undefined;
  data?: unknown;
  source: "worker" | "erp";
  at: Date;
}

interface OrderRow {
  id: string;
  thread_id: string;
  customer_id: string;
  status: string;
  erp_order_number: string | null;
  created_at: string;
}

export function readOrder(db: Db, orderId: string): OrderRow | undefined {
  return db.$client
    .prepare("SELECT id, thread_id, customer_id, status, erp_order_number, created_at FROM orders WHERE id = ?")
    .get(orderId) as OrderRow | undefined;
}

/**
 * Append one status step and advance `orders.status` when it is not behind. Call it inside the caller's transaction;
 * publish the returned event only after that transaction committed.
 */
export function recordOrderStatus(db: Db, record: StatusRecord): OrderStatusEvent | null {
  const order = readOrder(db, record.orderId);
  if (!order) return null;
  const at = record.at.toISOString();
  const erpOrderNumber = record.erpOrderNumber ?? order.erp_order_number ?? undefined;
  db.$client
    .prepare(
      "INSERT INTO order_status_events (order_id, status, erp_order_number, message, data, source, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .run(
      record.orderId,
      record.status,
      erpOrderNumber ?? null,
      record.message ?? null,
      record.data === undefined ? null : JSON.stringify(record.data),
      record.source,
      at,
    );
  if ((RANK[record.status] ?? 0) >= (RANK[order.status] ?? 0))
    db.$client
      .prepare("UPDATE orders SET status = ?, erp_order_number = coalesce(?, erp_order_number) WHERE id = ?")
      .run(record.status, erpOrderNumber ?? null, record.orderId);
  return {
    orderId: order.id,
    threadId: order.thread_id,
    customerId: order.customer_id,
    status: record.status,
    ...(erpOrderNumber ? { erpOrderNumber } : {}),
    ...(record.message ? { message: record.message } : {}),
    at,
  };
}

export interface OrderStatusView {
  orderId: string;
  threadId: string;
  customerId: string;
  /** The furthest status reached. */
  status: string;
  erpOrderNumber: string | null;
  /** Every step, oldest first, starting with the hand-off. */
  history: OrderStatusEvent[];
}

/** An order's current status and history; the caller checks that the session may see `customerId`. */
export function readOrderStatus(db: Db, orderId: string): OrderStatusView | undefined {
  const order = readOrder(db, orderId);
  if (!order) return undefined;
  const rows = db.$client
    .prepare("SELECT status, erp_order_number, message, at FROM order_status_events WHERE order_id = ? ORDER BY id")
    .all(orderId) as { status: ErpOrderStatus; erp_order_number: string | null; message: string | null; at: string }[];
  const base = { orderId: order.id, threadId: order.thread_id, customerId: order.customer_id };
  return {
    ...base,
    status: order.status,
    erpOrderNumber: order.erp_order_number,
    history: [
      { ...base, status: "handed_off", at: order.created_at },
      ...rows.map(
        (r): OrderStatusEvent => ({
          ...base,
          status: r.status,
          ...(r.erp_order_number ? { erpOrderNumber: r.erp_order_number } : {}),
          ...(r.message ? { message: r.message } : {}),
          at: r.at,
        }),
      ),
    ],
  };
}

/** The statuses of every order placed in a thread, newest first — what a buyer's next visit shows. */
export function readThreadOrderStatuses(db: Db, threadId: string): OrderStatusView[] {
  const ids = db.$client
    .prepare("SELECT id FROM orders WHERE thread_id = ? ORDER BY created_at DESC, id")
    .all(threadId) as { id: string }[];
  return ids.map((r) => readOrderStatus(db, r.id)).filter((v): v is OrderStatusView => v !== undefined);
}

/** Calls the listener and keeps its failure to itself: a broken stream never undoes a stored status. */
export function publishSafely(
  listener: ((e: OrderStatusEvent) => void) | undefined,
  event: OrderStatusEvent | null,
  log?: (error: unknown) => void,
): void {
  if (!listener || !event) return;
  try {
    listener(event);
  } catch (error) {
    log?.(error);
  }
}
