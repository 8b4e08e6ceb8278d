/**
 * When to try a webhook again: a retry schedule (Standard Webhooks' example: immediately, 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 14 h, 20 h, 24 h — about 81 hours in all, so an ERP may be down for a day and more), with jitter so a
 * recovering ERP is not hit by every queued event at once, and never sooner than the ERP's `Retry-After`.
 */

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

/** Delay before attempt n+1 (index n); its length is the number of attempts before an event is dead-lettered. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5 * S,
  5 * MIN,
  30 * MIN,
  2 * H,
  5 * H,
  10 * H,
  14 * H,
  20 * H,
  24 * H,
];

/** A `Retry-After` beyond this is treated as this: a broken header must not park an order for weeks. */
export const MAX_RETRY_AFTER_MS = 24 * H;

export interface RetryDecision {
  /** false: the schedule is used up, dead-letter the event. */
  retry: boolean;
  delayMs: number;
}

/**
 * What to do after attempt `attempts` (1-based) failed.
 * @param random in [0, 1); `jitter` 0.2 spreads a delay over ±20 %.
 * @example nextRetry(1, DEFAULT_RETRY_SCHEDULE_MS, { random: Math.random }) // { retry: true, delayMs: ≈5000 }
 */
export function nextRetry(
  attempts: number,
  schedule: readonly number[],
  options: { random: () => number; jitter?: number; retryAfterMs?: number | null },
): RetryDecision {
  if (attempts >= schedule.length) return { retry: false, delayMs: 0 };
  const base = schedule[attempts] ?? 0;
  const jitter = options.jitter ?? 0.2;
  const jittered = Math.round(base * (1 - jitter + 2 * jitter * options.random()));
  const after = Math.min(options.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return { retry: true, delayMs: Math.max(jittered, after) };
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * S;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
