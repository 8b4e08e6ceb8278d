/**
 * `npm run reliability` — the reliability suite: the shield at scale (chaos model), load held, faults survived and
 * bad input tried, with the counts each check recorded (tests/reliability/counts.ts) added up and printed.
 *
 *   npm run reliability                 full size: 10,000 chaos conversations, 40 buyers for 30 s, bigger fuzz runs
 *   npm run reliability -- --ci         the bounded share npm test runs (a few minutes)
 *   npm run reliability -- --json       one JSON object on stdout: { mode, checks: [...], totals }
 *   npm run reliability -- --only load  only the checks whose test file name contains "load" (repeatable)
 *
 * Exits 1 when a test fails or anything was lost.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

const { values } = parseArgs({
  options: {
    ci: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    only: { type: "string", multiple: true },
  },
});

/** The suite: new checks in tests/reliability, and the existing tests that prove the same requirements. */
const FILES = [
  "tests/shield/chaos.test.ts", // shield at scale (SHIELD_CONVERSATIONS)
  "tests/reliability/load.test.ts", // N buyers through two server processes on one file
  "tests/reliability/crash.test.ts", // SIGKILL during hand-offs
  "tests/server/erp-crash.test.ts", // SIGKILL during ERP delivery
  "tests/server/erp-delivery.test.ts", // ERP down for the whole run, 5xx, 429, 410, dead letters
  "tests/reliability/provider.test.ts", // model provider timing out and erroring
  "tests/agent/handoff-busy.test.ts", // SQLite busy during a hand-off
  "tests/reliability/bad-input.test.ts", // chat text, tool arguments, import files
  "tests/server/fuzz.test.ts", // every public endpoint
  "tests/server/erp-fuzz.test.ts", // ERP endpoints
];

const full = !values.ci;
const only = (values.only ?? []).flatMap((o) => o.split(","));
const files = only.length ? FILES.filter((f) => only.some((o) => f.includes(o))) : FILES;
if (files.length === 0) {
  console.error(`reliability: no check matches ${only.join(", ")}; files: ${FILES.join(", ")}`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "ordershield-reliability-"));
const countsFile = join(dir, "counts.json");
const env = {
  ...process.env,
  RELIABILITY_COUNTS_FILE: countsFile,
  ...(full
    ? { RELIABILITY: "full", SHIELD_CONVERSATIONS: "10000", SERVER_FUZZ_RUNS: "3000", ERP_FUZZ_RUNS: "1500" }
    : {}),
};
const started = performance.now();
const run = spawnSync(
  process.execPath,
  [
    join("node_modules", "vitest", "vitest.mjs"),
    "run",
    "--reporter=dot",
    // The reporter that collects the counts (the command line replaces the configured reporters).
    "--reporter=./tests/support/summary-reporter.ts",
    ...files,
  ],
  // Why stdout → stderr with --json: vitest's own output must not mix into the one JSON object.
  { env, stdio: ["ignore", values.json ? process.stderr : "inherit", "inherit"] },
);
const seconds = (performance.now() - started) / 1000;

const countsSchema = z.array(
  z.object({
    check: z.string(),
    test: z.string(),
    passed: z.boolean(),
    requests: z.number(),
    faults: z.number(),
    inputs: z.number(),
    orders: z.number(),
    lost: z.number(),
    extra: z.record(z.string(), z.number()).optional(),
  }),
);
let checks: z.infer<typeof countsSchema> = [];
try {
  checks = countsSchema.parse(JSON.parse(readFileSync(countsFile, "utf8")));
} catch (err) {
  console.error(`reliability: no counts recorded (${err instanceof Error ? err.message : String(err)})`);
}
rmSync(dir, { recursive: true, force: true });

const sum = (k: "requests" | "faults" | "inputs" | "orders" | "lost") => checks.reduce((a, c) => a + c[k], 0);
const totals = {
  requests: sum("requests"),
  faults: sum("faults"),
  inputs: sum("inputs"),
  orders: sum("orders"),
  lost: sum("lost"),
};
// No counts at all means the suite did not run as meant: not a pass.
const ok = run.status === 0 && totals.lost === 0 && checks.length > 0;
const mode = full ? "full" : "ci";

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ mode, ok, seconds: Math.round(seconds), files, checks, totals }, null, 2)}\n`,
  );
} else {
  const header = ["check", "requests", "faults", "inputs", "orders", "lost", "passed", "also"];
  const rows = checks.map((c) => [
    c.check,
    String(c.requests),
    String(c.faults),
    String(c.inputs),
    String(c.orders),
    String(c.lost),
    c.passed ? "yes" : "NO",
    Object.entries(c.extra ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(", "),
  ]);
  rows.push([
    "total",
    ...[totals.requests, totals.faults, totals.inputs, totals.orders, totals.lost].map(String),
    ok ? "yes" : "NO",
    "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 1 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(
    [
      "",
      `reliability (${mode}): ${files.length} test files in ${seconds.toFixed(0)} s`,
      "",
      line(header),
      widths.map((w) => "-".repeat(w)).join("  "),
      ...rows.map(line),
      "",
      `${totals.requests} requests sent, ${totals.faults} faults injected, ${totals.inputs} inputs tried, ` +
        `${totals.orders} orders checked, ${totals.lost} lost${ok ? "" : " — FAILED"}`,
    ].join("\n"),
  );
}
process.exit(ok ? 0 : 1);
