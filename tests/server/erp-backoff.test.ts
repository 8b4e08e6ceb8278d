/**
 * The retry schedule: an ERP may be down for a day and more without losing an order; jitter spreads retries;
 * `Retry-After` is honoured (and capped). The day is simulated with the worker's injectable clock and fetch.
 */
import { describe, expect, test } from "vitest";
import {
  DEFAULT_RETRY_SCHEDULE_MS,
  createOutboxWorker,
  nextRetry,
  parseRetryAfter,
  readOrderStatus,
  type OrderStatusEvent,
} from "../../server/erp/index.ts";
import { SECRET, demoWorld, manualClock, outboxRow, placeOrder } from "./erp-helpers.ts";

const H = 3600_000;

describe("retry schedule", () => {
  test("jitter stays within ±20 % of the step, Retry-After wins when longer, the schedule's end dead-letters", () => {
    const at = (random: number, retryAfterMs?: number) =>
      nextRetry(2, DEFAULT_RETRY_SCHEDULE_MS, { random: () => random, retryAfterMs: retryAfterMs ?? null });
    expect(at(0).delayMs).toBe(4 * 60_000);
    expect(at(0.5).delayMs).toBe(5 * 60_000);
    expect(at(0.999_999).delayMs).toBe(6 * 60_000);
    expect(at(0.5, 20 * 60_000).delayMs).toBe(20 * 60_000);
    expect(at(0.5, 1000).delayMs).toBe(5 * 60_000);
    expect(at(0.5, 90 * 24 * H).delayMs).toBe(24 * H);
    expect(nextRetry(10, DEFAULT_RETRY_SCHEDULE_MS, { random: () => 0.5 })).toEqual({ retry: false, delayMs: 0 });
  });

  test("Retry-After as seconds or an HTTP date", () => {
    const now = new Date("2026-11-30T10:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Mon, 30 Nov 2026 10:05:00 GMT", now)).toBe(300_000);
    expect(parseRetryAfter("Mon, 30 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  test("an ERP down for more than a day: the order waits in the outbox, then is dead-lettered and announced once", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-day");
    const clock = manualClock(new Date("2026-11-30T08:00:00Z"));
    const start = clock.now().getTime();
    const events: OrderStatusEvent[] = [];
    const worker = createOutboxWorker({
      db,
      url: "http://erp.invalid/hook",
      secret: SECRET,
      now: clock.now,
      random: () => 0.5,
      onOrderStatus: (e) => events.push(e),
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
      },
    });
    const outcomes: string[] = [];
    let pendingAfterADay = false;
    for (let i = 0; i < 20 && outboxRow(db, orderId).status === "pending"; i++) {
      const [report] = await worker.runOnce();
      if (report) outcomes.push(report.outcome);
      const next = outboxRow(db, orderId).next_attempt_at;
      if (next) clock.set(new Date(next));
      if (clock.now().getTime() - start >= 24 * H && outboxRow(db, orderId).status === "pending")
        pendingAfterADay = true;
    }
    expect(pendingAfterADay).toBe(true);
    expect(outcomes).toEqual([...Array(9).fill("retry"), "dead"]);
    // 5 s + 5 min + 30 min + 2 h + 5 h + 10 h + 14 h + 20 h + 24 h after the first attempt.
    expect(clock.now().getTime() - start).toBe(272_105_000);
    expect(outboxRow(db, orderId).last_error).toBe("fetch failed (ECONNREFUSED)");
    expect(events.map((e) => e.status)).toEqual(["delivery_failed"]);
    expect(readOrderStatus(db, orderId)?.status).toBe("delivery_failed");
  });
});
