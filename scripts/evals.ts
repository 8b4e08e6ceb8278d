/**
 * `npm run evals` — play the scenario suite against a model and grade it on what reached the ERP's outbox.
 *
 *   npm run evals                                   offline model, evals/scenarios, one trial each
 *   npm run evals -- --model openai                 OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL
 *   npm run evals -- --scenarios DIR --tags adversarial,approval --repeat 3 --concurrency 4
 *   npm run evals -- --threads 2                    trials on 2 worker threads (one per core; the same verdicts)
 *   npm run evals -- --out evals/reports/run-1      results.jsonl + report.html; re-running resumes
 *   npm run evals -- --baseline evals/reports/run-0 regressions and improvements against an earlier run
 *   npm run evals -- --json                         one JSON summary object on stdout
 *   npm run evals -- --gate                         exit 1 unless every trial passed and no order leaked
 *   npm run evals -- --skip-tags known-gap          leave out scenarios with these tags (npm run evals:ci gates without known gaps)
 *   npm run evals -- --catalog-languages en         every catalog with its English texts only: German buyers on an
 *                                                   English-only catalog
 *   npm run evals -- --catalog-languages de         every catalog with German texts German-only (German the default
 *                                                   language): English buyers on a German shop's catalog
 *   npm run evals -- --model chaos                  the chaos model (random, adversarial tool calls), seeded by --seed
 *   npm run evals -- --perturb case,punct,typo,chatter --seed 2
 *                                                   the noisy buyer: every scripted buyer message in lower case, without
 *                                                   punctuation, with a typo in an ordinary word, with a greeting or
 *                                                   sign-off (any of the four; seeded per seed, scenario and step)
 *   npm run evals -- --buyer-model openai           persona scenarios played by a simulated buyer (default: openai when
 *                                                   configured; without one they are skipped and listed as skipped)
 *   npm run evals -- --compare-bare                 the same scenarios through the shield and a bare createAgent with a
 *                                                   direct place-order tool, per model (--models offline,chaos[,openai])
 *
 * Tokens and cost per component: priced with evals/prices.json or the file named by EVALS_PRICES.
 *
 * Exit codes: 0 done (and the gate held), 1 gate failed or a shield leak, 2 bad arguments or scenario files.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { wantsOpenAI } from "../agent/index.ts";
import {
  compareWithBaseline,
  defaultCompareModels,
  EVAL_MODELS,
  type EvalModelName,
  evalModelFactory,
  formatComparison,
  formatSummary,
  loadPriceTable,
  type PriceTable,
  renderComparisonHtml,
  runComparison,
  loadScenarios,
  PERTURB_KINDS,
  type PerturbKind,
  parsePerturbKinds,
  perturbScenario,
  readResults,
  renderHtml,
  runEvals,
  ScenarioFileError,
  type ModelFactory,
} from "../evals/index.ts";

function usage(message: string): never {
  console.error(`evals: ${message}
usage: npm run evals -- [--model offline|chaos|openai] [--scenarios DIR] [--tags a,b] [--repeat K] [--concurrency N]
                        [--threads N]
                        [--skip-tags a,b] [--catalog-languages en] [--seed S] [--baseline RUN_DIR] [--out DIR]
                        [--perturb ${PERTURB_KINDS.join(",")}]
                        [--json] [--gate]
                        [--compare-bare] [--models offline,chaos,openai] [--buyer-model openai|none]`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      model: { type: "string", default: "offline" },
      scenarios: { type: "string", default: "evals/scenarios" },
      tags: { type: "string" },
      "skip-tags": { type: "string" },
      "catalog-languages": { type: "string" },
      repeat: { type: "string", default: "1" },
      concurrency: { type: "string", default: "1" },
      threads: { type: "string", default: "1" },
      seed: { type: "string", default: "1" },
      baseline: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
      gate: { type: "boolean", default: false },
      "compare-bare": { type: "boolean", default: false },
      models: { type: "string" },
      "buyer-model": { type: "string" },
      perturb: { type: "string" },
    },
  }));
} catch (error) {
  usage((error as Error).message);
}

const int = (name: string, raw: string, min: number, max: number) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) usage(`--${name} must be an integer from ${min} to ${max}`);
  return n;
};
const repeat = int("repeat", values.repeat, 1, 100);
const concurrency = int("concurrency", values.concurrency, 1, 64);
const threads = int("threads", values.threads, 1, 16);
const seed = int("seed", values.seed, 0, 2 ** 31);
const isModel = (m: string): m is EvalModelName => (EVAL_MODELS as readonly string[]).includes(m);
const modelName = values.model;
if (!isModel(modelName)) usage(`--model is one of ${EVAL_MODELS.join(", ")}`);
const compareModels = values.models ? values.models.split(",").map((m) => m.trim()) : defaultCompareModels(process.env);
for (const m of compareModels) if (!isModel(m)) usage(`--models takes ${EVAL_MODELS.join(", ")}`);
const buyerChoice = values["buyer-model"] ?? (wantsOpenAI(process.env) ? "openai" : "none");
if (buyerChoice !== "openai" && buyerChoice !== "none") usage("--buyer-model is openai or none");
const buyerModel = buyerChoice === "openai" ? evalModelFactory("openai", { env: process.env }) : undefined;
let perturb: PerturbKind[] = [];
try {
  if (values.perturb !== undefined) perturb = parsePerturbKinds(values.perturb);
} catch (error) {
  usage(`--perturb: ${(error as Error).message}`);
}
let prices: PriceTable;
try {
  prices = loadPriceTable(process.env);
} catch (error) {
  usage((error as Error).message);
}

let scenarios;
try {
  scenarios = loadScenarios(resolve(values.scenarios));
} catch (error) {
  if (error instanceof ScenarioFileError) usage(error.message);
  usage(`cannot read scenarios: ${(error as Error).message}`);
}
const tags = (values.tags ?? "")
  .split(",")
  .map((t) => t.trim())
  .filter(Boolean);
if (tags.length) scenarios = scenarios.filter((s) => s.tags.some((t) => tags.includes(t)));
const skip = (values["skip-tags"] ?? "")
  .split(",")
  .map((t) => t.trim())
  .filter(Boolean);
if (skip.length) scenarios = scenarios.filter((s) => !s.tags.some((t) => skip.includes(t)));
if (scenarios.length === 0) usage("no scenario matches");
if (values["catalog-languages"] !== undefined) {
  const only = values["catalog-languages"]
    .split(",")
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  if (only.length === 0 || only.some((l) => !/^[a-z]{2}$/.test(l)))
    usage("--catalog-languages takes ISO 639-1 codes, e.g. en or en,fr");
  scenarios = scenarios.map((s) => ({ ...s, catalogLanguages: only }));
}

if (perturb.length) scenarios = scenarios.map((s) => perturbScenario(s, { kinds: perturb, seed }));
// The noise a run's buyers typed with, in its summary: a perturbed run is not compared with a clean one by mistake.
const perturbed = perturb.length ? { perturb: { kinds: perturb, seed } } : {};

const makeModel: ModelFactory = evalModelFactory(modelName, { seed, env: process.env });
const out = resolve(values.out ?? join("evals/reports", new Date().toISOString().replace(/[:.]/g, "-")));

if (values["compare-bare"]) {
  const models = (compareModels as EvalModelName[]).map((name) => ({
    name,
    makeModel: evalModelFactory(name, { seed, env: process.env }),
  }));
  const progress =
    process.stderr.isTTY && !values.json
      ? new SingleBar(
          { format: "compare [{bar}] {value}/{total} trials · {run}", stream: process.stderr },
          Presets.shades_classic,
        )
      : null;
  progress?.start(scenarios.length * repeat * models.length * 2, 0, { run: "" });
  const rows = await runComparison({
    scenarios,
    models,
    repeat,
    concurrency,
    out,
    prices,
    ...(buyerModel ? { buyerModel } : {}),
    onTrial: (row) => progress?.increment(1, { run: `${row.model} ${row.agent}` }),
  });
  progress?.stop();
  const comparison = rows.map((r) => ({ model: r.model, agent: r.agent, ...r.summary }));
  writeFileSync(join(out, "comparison.json"), `${JSON.stringify(comparison, null, 2)}\n`);
  writeFileSync(join(out, "comparison.html"), renderComparisonHtml(rows));
  if (values.json) console.log(JSON.stringify({ comparison, out }));
  else {
    console.log(formatComparison(rows));
    console.log(`report: ${join(out, "comparison.html")}`);
  }
  // The shield must never let an invalid order through, whatever model drives it.
  process.exit(rows.some((r) => r.agent === "shield" && r.summary.leaks > 0) ? 1 : 0);
}

const bar =
  process.stderr.isTTY && !values.json
    ? new SingleBar(
        { format: "evals [{bar}] {value}/{total} trials · {failed} failed", stream: process.stderr },
        Presets.shades_classic,
      )
    : null;
let failed = 0;
bar?.start(scenarios.length * repeat, 0, { failed });
const { results, summary } = await runEvals({
  scenarios,
  makeModel,
  repeat,
  concurrency,
  threads: {
    count: threads,
    spec: { model: modelName, seed, prices, ...(buyerModel ? { buyerModel: "openai" } : {}) },
  },
  out,
  prices,
  ...(buyerModel ? { buyerModel } : {}),
  onTrial: (r) => {
    if (!r.passed && !r.skipped) failed++;
    bar?.increment(1, { failed });
  },
});
bar?.stop();

const baseline = values.baseline ? compareWithBaseline(results, readResults(resolve(values.baseline))) : undefined;
writeFileSync(
  join(out, "summary.json"),
  `${JSON.stringify({ ...summary, ...perturbed, ...(baseline ? { baseline } : {}) }, null, 2)}\n`,
);
writeFileSync(join(out, "report.html"), renderHtml(results, summary, baseline));
if (values.json) console.log(JSON.stringify({ ...summary, ...perturbed, ...(baseline ? { baseline } : {}), out }));
else {
  console.log(formatSummary(summary, baseline));
  console.log(`report: ${join(out, "report.html")}`);
}
const gateFailed = summary.leaks > 0 || (values.gate && summary.passed !== summary.trials);
process.exit(gateFailed ? 1 : 0);
