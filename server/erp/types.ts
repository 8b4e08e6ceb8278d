/**
 * server/erp/types.ts — the contract between the ERP side (outbox worker, ERP acknowledgement endpoint) and the
 * buyer/rep streams. Both the `server` and the `erp` branch create this file with EXACTLY this content.
 */
export const ERP_ORDER_STATUSES = [
  "handed_off", // written to the outbox by the shield's hand-off
  "delivered", // the ERP endpoint answered 2xx to the webhook
  "delivery_failed", // dead-lettered after the retry schedule (or endpoint gone, 410)
  "accepted", // the ERP confirmed the order with its own number
  "changed", // the ERP accepted with changes (quantities, dates)
  "rejected", // the ERP refused it
  "shipped", // the ERP reports shipment (with dates)
] as const;
export type ErpOrderStatus = (typeof ERP_ORDER_STATUSES)[number];

export interface OrderStatusEvent {
  orderId: string;
  threadId: string;
  customerId: string;
  status: ErpOrderStatus;
  erpOrderNumber?: string;
  /** A short text for the buyer (e.g. the ERP's note or the shipment dates). */
  message?: string;
  /** ISO timestamp. */
  at: string;
}

export type OrderStatusListener = (event: OrderStatusEvent) => void;
