/**
 * The reliability suite's counts. A test that belongs to the suite records what it did on its own task
 * (`recordCounts(task, {...})`); the summary reporter (tests/support/summary-reporter.ts) adds them up after any
 * vitest run, prints one `Reliability:` line and, when RELIABILITY_COUNTS_FILE is set, writes them there as JSON for
 * `npm run reliability`.
 *
 * Sizes: `reliabilityScale(ci, full)` is the CI share by default (npm test stays fast) and the full size when
 * RELIABILITY=full (set by `npm run reliability`).
 */
import type { TestContext } from "vitest";

export interface ReliabilityCounts {
  /** Which check: "shield", "load", "faults.erp_down", "bad_input.chat"… */
  check: string;
  /** HTTP requests (or tool / import calls) sent. */
  requests: number;
  /** Faults injected: kills, outages, provider timeouts and errors, lock holders. */
  faults: number;
  /** Generated inputs tried (fuzz cases, conversations). */
  inputs: number;
  /** Orders checked afterwards (delivered once, not duplicated, whole). */
  orders: number;
  /** Messages or orders lost, duplicated or half-written, and 5xx answers or crashes: must be 0. */
  lost: number;
  /** Anything else worth printing: p95 latency, violations, conversations. */
  extra?: Record<string, number>;
}

declare module "vitest" {
  interface TaskMeta {
    reliability?: ReliabilityCounts[];
  }
}

export function recordCounts(task: TestContext["task"], counts: ReliabilityCounts): void {
  (task.meta.reliability ??= []).push(counts);
}

export const FULL = process.env.RELIABILITY === "full";

/** The CI share or, under `npm run reliability` (RELIABILITY=full), the full size. */
export const reliabilityScale = (ci: number, full: number): number => (FULL ? full : ci);
