/**
 * The outbox worker: delivers every order the hand-off wrote to the outbox to the ERP's webhook endpoint, signed,
 * with retries, backoff, jitter and `Retry-After`; a 410 disables the endpoint and dead-letters the event; the end of
 * the schedule dead-letters it. Each outcome is stored (outbox row, attempt log, the order's status history) in one
 * transaction and then published to `onOrderStatus`, so the buyer's stream hears of it at once.
 *
 * Several workers (processes) may share one database file: events are leased (outbox-store.ts). Clock, fetch and
 * randomness are injectable for tests.
 */
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { Db } from "../../catalog/db.ts";
import { DEFAULT_RETRY_SCHEDULE_MS, nextRetry } from "./backoff.ts";
import { sendEvent, type DeliveryOutcome } from "./delivery.ts";
import { publishSafely, recordOrderStatus } from "./order-status.ts";
import {
  claimDueEvents,
  disableEndpoint,
  endpointState,
  hasDueEvents,
  insertAttempt,
  markDead,
  markDelivered,
  markRetry,
  type ClaimedEvent,
} from "./outbox-store.ts";
import type { OrderStatusEvent, OrderStatusListener } from "./types.ts";

export interface ErpLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: ErpLogger = { info() {}, warn() {}, error() {} };

export interface OutboxWorkerOptions {
  db: Db;
  /** ERP_WEBHOOK_URL */
  url: string;
  /** ERP_WEBHOOK_SECRET, `whsec_` + base64 */
  secret: string;
  onOrderStatus?: OrderStatusListener;
  /** Per request (default 15 s, ERP_WEBHOOK_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Delays before each attempt; its length is the number of attempts (default: DEFAULT_RETRY_SCHEDULE_MS). */
  schedule?: readonly number[];
  /** ±share of each delay (default 0.2). */
  jitter?: number;
  /** How long a claimed event stays with this worker (default timeout + 30 s; must exceed the timeout). */
  leaseMs?: number;
  /** How often an idle worker looks for due events (default 1 s); `wake()` looks at once. */
  pollIntervalMs?: number;
  /** Events delivered in parallel (default 4). */
  concurrency?: number;
  now?: () => Date;
  random?: () => number;
  fetch?: typeof fetch;
  workerId?: string;
  logger?: ErpLogger;
}

export interface DeliveryReport {
  eventId: string;
  orderId: string;
  attempt: number;
  outcome: "delivered" | "retry" | "dead" | "gone";
  statusCode: number | null;
  error?: string;
  nextAttemptAt?: string;
}

export interface OutboxWorker {
  readonly workerId: string;
  /** Start polling (idempotent). */
  start(): void;
  /** Stop polling and wait for deliveries in flight to finish. */
  stop(): Promise<void>;
  /** Look for due events now (e.g. right after a hand-off). */
  wake(): void;
  /** Claim and deliver the events due now, once; what happened to each. */
  runOnce(): Promise<DeliveryReport[]>;
}

/**
 * @example
 *   const worker = createOutboxWorker({ db, url: env.ERP_WEBHOOK_URL, secret: env.ERP_WEBHOOK_SECRET, onOrderStatus: hub.publish });
 *   worker.start();
 *   process.on("SIGTERM", () => void worker.stop());
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const db = options.db;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const leaseMs = options.leaseMs ?? timeoutMs + 30_000;
  if (leaseMs <= timeoutMs) throw new RangeError("leaseMs must be longer than timeoutMs");
  const schedule = options.schedule ?? DEFAULT_RETRY_SCHEDULE_MS;
  if (schedule.length === 0) throw new RangeError("the retry schedule needs at least one attempt");
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const concurrency = options.concurrency ?? 4;
  const workerId = options.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const log = options.logger ?? silentLogger;
  const webhook = new Webhook(options.secret);

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let pendingWake = false;

  function settle(event: ClaimedEvent, outcome: DeliveryOutcome, startedAt: Date, durationMs: number): DeliveryReport {
    const at = now();
    const base = { eventId: event.id, orderId: event.orderId, attempt: event.attempts };
    const attempt = {
      eventId: event.id,
      attempt: event.attempts,
      at: startedAt,
      durationMs,
      statusCode: outcome.statusCode,
      workerId,
    };
    let published: OrderStatusEvent | null = null;
    const report = db.$client.transaction((): DeliveryReport => {
      if (outcome.kind === "delivered") {
        insertAttempt(db, { ...attempt, outcome: "delivered", error: null, nextAttemptAt: null });
        if (markDelivered(db, event.id, at, outcome.statusCode, null))
          published = recordOrderStatus(db, {
            orderId: event.orderId,
            status: "delivered",
            message: "Your order has reached the order system.",
            source: "worker",
            at,
          });
        return { ...base, outcome: "delivered", statusCode: outcome.statusCode };
      }
      if (outcome.kind === "gone") {
        insertAttempt(db, { ...attempt, outcome: "gone", error: outcome.error, nextAttemptAt: null });
        disableEndpoint(db, options.url, at, `410 Gone for ${event.id}`);
        if (markDead(db, event.id, workerId, at, 410, outcome.error)) published = failed(event, at);
        return { ...base, outcome: "gone", statusCode: 410, error: outcome.error };
      }
      const next = nextRetry(event.attempts, schedule, {
        random,
        jitter: options.jitter,
        retryAfterMs: outcome.retryAfterMs,
      });
      if (!next.retry) {
        insertAttempt(db, { ...attempt, outcome: "dead", error: outcome.error, nextAttemptAt: null });
        if (markDead(db, event.id, workerId, at, outcome.statusCode, outcome.error)) published = failed(event, at);
        return { ...base, outcome: "dead", statusCode: outcome.statusCode, error: outcome.error };
      }
      const nextAt = new Date(at.getTime() + next.delayMs);
      insertAttempt(db, { ...attempt, outcome: "retry", error: outcome.error, nextAttemptAt: nextAt });
      markRetry(db, event.id, workerId, nextAt, outcome.statusCode, outcome.error);
      return {
        ...base,
        outcome: "retry",
        statusCode: outcome.statusCode,
        error: outcome.error,
        nextAttemptAt: nextAt.toISOString(),
      };
    })();
    publishSafely(options.onOrderStatus, published, (error) =>
      log.error({ err: error }, "order status listener failed"),
    );
    const level = report.outcome === "delivered" ? "info" : report.outcome === "retry" ? "warn" : "error";
    log[level]({ ...report, workerId }, `webhook ${report.outcome}`);
    return report;
  }

  function failed(event: ClaimedEvent, at: Date): OrderStatusEvent | null {
    return recordOrderStatus(db, {
      orderId: event.orderId,
      status: "delivery_failed",
      message: "The order system could not be reached; your order is kept and will be sent again.",
      source: "worker",
      at,
    });
  }

  async function deliver(event: ClaimedEvent): Promise<DeliveryReport> {
    const startedAt = now();
    const t0 = performance.now();
    const outcome = await sendEvent(event, { url: options.url, webhook, fetch: doFetch, timeoutMs, now: startedAt });
    return settle(event, outcome, startedAt, performance.now() - t0);
  }

  async function runOnce(): Promise<DeliveryReport[]> {
    const t = now();
    if (endpointState(db, options.url).disabledAt) return [];
    if (!hasDueEvents(db, t)) return [];
    const claimed = claimDueEvents(db, workerId, t, leaseMs, concurrency);
    return Promise.all(claimed.map(deliver));
  }

  async function run(): Promise<void> {
    while (running) {
      let delivered = 0;
      try {
        delivered = (await runOnce()).length;
      } catch (error) {
        // A locked or busy database is not fatal: the events stay in the outbox and the next round tries again.
        log.error({ err: error, workerId }, "outbox round failed");
      }
      if (!running) break;
      if (delivered > 0) continue;
      if (pendingWake) {
        pendingWake = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  }

  return {
    workerId,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
      loop = undefined;
    },
    wake() {
      if (wakeUp) wakeUp();
      else pendingWake = true;
    },
    runOnce,
  };
}
