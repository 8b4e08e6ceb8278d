/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, after vitest's own summary, so CI logs
 * (and tools that read them) see the outcome in a runner-neutral shape. When tests of the reliability suite ran
 * (tests/reliability/counts.ts), a `Reliability:` line adds up their counts; RELIABILITY_COUNTS_FILE receives them
 * as JSON (read by `npm run reliability`).
 */
import { writeFileSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";
import type { ReliabilityCounts } from "../reliability/counts.ts";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const counts: (ReliabilityCounts & { test: string; passed: boolean })[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
        for (const c of test.meta().reliability ?? [])
          counts.push({ ...c, test: test.fullName, passed: state === "passed" });
      }
    }
    if (counts.length) {
      const sum = (k: "requests" | "faults" | "inputs" | "orders" | "lost") => counts.reduce((a, c) => a + c[k], 0);
      process.stdout.write(
        `\nReliability: ${counts.length} checks, ${sum("requests")} requests sent, ${sum("faults")} faults injected, ` +
          `${sum("inputs")} inputs tried, ${sum("orders")} orders checked, ${sum("lost")} lost\n`,
      );
    }
    if (process.env.RELIABILITY_COUNTS_FILE) writeFileSync(process.env.RELIABILITY_COUNTS_FILE, JSON.stringify(counts));
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
