/** The ERP side of the server: outbox worker, acknowledgement and integration routes, the demo ERP receiver. */
export {
  createOutboxWorker,
  type OutboxWorker,
  type OutboxWorkerOptions,
  type DeliveryReport,
  type ErpLogger,
} from "./worker.ts";
export { createErpRoutes, type ErpRoutesDeps } from "./routes.ts";
export { createDemoErp, type DemoErp, type DemoErpOptions, type DemoReceipt } from "./demo-erp.ts";
export { DEFAULT_RETRY_SCHEDULE_MS, nextRetry, parseRetryAfter } from "./backoff.ts";
export { readOrderStatus, readThreadOrderStatuses, type OrderStatusView } from "./order-status.ts";
export { erpEnvShape, resolveErpConfig, type ErpConfig } from "./config.ts";
export * from "./types.ts";
