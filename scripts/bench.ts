/**
 * `npm run bench` — runs the suites in scripts/bench/index.ts and prints a table of figures.
 *
 *   npm run bench                         table
 *   npm run bench -- --json               exactly one JSON object on stdout: { machine, figures: [...] }
 *   npm run bench -- --only catalog       only the named suite(s) (repeat or comma-separate)
 *   npm run bench -- --repeat 5           run each suite 5 times; every figure is the median (default 3)
 *   npm run bench -- --quick              one run of each suite with smaller samples (a smoke run)
 *   npm run bench -- --catalog-db FILE    reuse / keep the 100k catalog DB between runs
 *   npm run bench -- --keep               keep the temp folder
 *
 * Exits 1 when a suite throws (its error is listed); a figure missing its target is reported, not fatal.
 */
import { parseArgs } from "node:util";
import { createBenchContext } from "./bench/context.ts";
import { SUITES } from "./bench/index.ts";
import {
  type BenchReport,
  describeMachine,
  formatTable,
  loadAverage,
  medianFigures,
  type SuiteError,
} from "./bench/report.ts";
import { meetsTarget } from "./bench/target.ts";
import type { Figure } from "./bench/types.ts";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    only: { type: "string", multiple: true },
    "catalog-db": { type: "string" },
    keep: { type: "boolean", default: false },
    list: { type: "boolean", default: false },
    repeat: { type: "string" },
    quick: { type: "boolean", default: false },
  },
});

if (values.list) {
  for (const s of SUITES) console.log(`${s.name.padEnd(12)} ${s.description}`);
  process.exit(0);
}

const only = (values.only ?? [])
  .flatMap((o) => o.split(","))
  .map((o) => o.trim())
  .filter(Boolean);
const unknown = only.filter((o) => !SUITES.some((s) => s.name === o));
if (unknown.length) {
  console.error(`bench: unknown suite(s) ${unknown.join(", ")}; known: ${SUITES.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
const repeat = values.repeat !== undefined ? Number(values.repeat) : values.quick ? 1 : 3;
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error(`bench: --repeat wants a whole number >= 1, got ${values.repeat}`);
  process.exit(2);
}
const selected = only.length ? SUITES.filter((s) => only.includes(s.name)) : SUITES;

// Why: suites (and libraries they call) may console.log; with --json stdout must hold one object only.
if (values.json) console.log = console.info = (...args: unknown[]) => console.error(...args);

const ctx = createBenchContext({
  ...(values["catalog-db"] ? { catalogDb: values["catalog-db"] } : {}),
  quick: values.quick,
});
const loadAtStart = loadAverage();
const figures: Figure[] = [];
const errors: SuiteError[] = [];
try {
  for (const suite of selected) {
    const started = performance.now();
    ctx.log(`bench: ${suite.name} — ${suite.description}`);
    try {
      const runs: Figure[][] = [];
      for (let r = 0; r < repeat; r++) {
        if (repeat > 1) ctx.log(`bench: ${suite.name} run ${r + 1}/${repeat} (load ${loadAverage().join(" ")})`);
        const figuresOfRun = await suite.run(ctx);
        const load = loadAverage()[0]!;
        runs.push(figuresOfRun.map((f) => ({ ...f, load })));
      }
      // Why recompute `meets` after the median: a suite's own verdict on one run is not the verdict on the median.
      for (const f of medianFigures(runs)) {
        const meets =
          f.target === undefined
            ? f.meets
            : runs.length > 1 || f.meets === undefined
              ? meetsTarget(f.value, f.target)
              : f.meets;
        figures.push({ ...f, ...(meets === undefined ? {} : { meets }) });
      }
      ctx.log(`bench: ${suite.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push({ suite: suite.name, message });
      ctx.log(`bench: ${suite.name} FAILED: ${err instanceof Error && err.stack ? err.stack : message}`);
    }
  }
} finally {
  ctx.dispose(values.keep);
}

const report: BenchReport = {
  machine: describeMachine(),
  load: { start: loadAtStart, end: loadAverage() },
  repeat,
  quick: values.quick,
  figures,
  ...(errors.length ? { errors } : {}),
};
const output = values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatTable(report)}\n`;
// Why exit explicitly: a suite that leaves a server, worker or timer behind must not hang the run.
process.stdout.write(output, () => process.exit(errors.length ? 1 : 0));
