/**
 * `npx tsx scripts/nlu-validation.ts` — the intent classifier on the corpus's validation split: accuracy, the
 * confusion between intents and every miss; and the entity recognizers on their validation set
 * (`scripts/bench/entity-validation.ts`): F1 per type and every miss. These are the sets to tune on (classifier
 * settings, corpus breadth, recognizers); the test split and the bench's entity set are scored by `npm run bench`
 * only and are never printed here.
 *
 *   npx tsx scripts/nlu-validation.ts                       current settings
 *   npx tsx scripts/nlu-validation.ts --set spellCheck=true  one setting changed (repeatable)
 */
import { parseArgs } from "node:util";
import {
  type ClassifierSettings,
  DEFAULT_SETTINGS,
  modelCacheDir,
  trainIntentClassifier,
} from "../agent/models/offline/nlu/classifier.ts";
import { devDocuments, validationDocuments } from "../agent/models/offline/nlu/corpus.ts";
import { CLARIFY_THRESHOLD, RUNNER_UP } from "../agent/models/offline/dialogue.ts";
import { calibrateClarifyThreshold, entityF1, intentAccuracy } from "../agent/models/offline/nlu/evaluate.ts";
import { ENTITY_VALIDATION_CASES } from "./bench/entity-validation.ts";
import { openEntityWorlds } from "./bench/offline.ts";

const { values } = parseArgs({
  options: { set: { type: "string", multiple: true }, quiet: { type: "boolean" } },
});
const settings: ClassifierSettings = { ...DEFAULT_SETTINGS };
for (const s of values.set ?? []) {
  const [key, raw] = s.split("=");
  if (!key || raw === undefined || !(key in settings))
    throw new Error(`--set ${s}: known: ${Object.keys(settings).join(", ")}`);
  (settings as unknown as Record<string, unknown>)[key] = raw === "true" ? true : raw === "false" ? false : Number(raw);
}

const cpu = process.cpuUsage();
const cacheDir = modelCacheDir();
const classifier = await trainIntentClassifier(undefined, settings, cacheDir ? { cacheDir } : {});
const used = process.cpuUsage(cpu);
const v = await intentAccuracy(classifier, validationDocuments());
const d = await intentAccuracy(classifier, devDocuments());
console.log(`settings ${JSON.stringify(settings)}`);
console.log(
  `validation accuracy ${v.accuracy.toFixed(3)} on ${v.n} utterances; dev accuracy ${d.accuracy.toFixed(3)} on ${d.n} (an author who never saw the corpus); trained in ${classifier.trainMs.toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)`,
);
for (const [name, score] of values.quiet
  ? []
  : ([
      ["validation", v],
      ["dev", d],
    ] as const)) {
  console.log(`\n${name} confusions (expected → predicted ×n):`);
  for (const [want, row] of score.confusions)
    console.log(`  ${want} → ${[...row].map(([got, n]) => `${got} ×${n}`).join(", ")}`);
  console.log(`\n${name} misses:`);
  for (const m of score.misses)
    console.log(`  [${m.doc.lang}] ${m.doc.intent} → ${m.predicted} (${m.score.toFixed(2)}): ${m.doc.text}`);
}

const calibration = await calibrateClarifyThreshold(classifier, [...validationDocuments(), ...devDocuments()], {
  runnerUp: RUNNER_UP,
});
console.log(
  `\nclarify threshold calibrated on validation + dev: ${calibration.threshold} (in use: ${CLARIFY_THRESHOLD}${calibration.threshold === CLARIFY_THRESHOLD ? "" : " — recalibrate: set CLARIFY_THRESHOLD in agent/models/offline/dialogue.ts"})`,
);
console.log(
  `  best reading right, per score band, when a runner-up scores >= ${RUNNER_UP}: ${calibration.bands.map((b) => `${b.from.toFixed(2)}+ ${b.accuracy.toFixed(2)} (${b.n})`).join(", ")}`,
);

const worlds = openEntityWorlds(classifier.vocabulary);
const e = entityF1(worlds.views, ENTITY_VALIDATION_CASES);
worlds.close();
console.log(
  `\nentities: F1 ${e.f1.toFixed(3)} (precision ${e.precision.toFixed(2)}, recall ${e.recall.toFixed(2)}) on ${e.entities} entities in ${e.cases} phrasings`,
);
for (const [type, t] of Object.entries(e.byType)) console.log(`  ${type}: tp ${t.tp}, fp ${t.fp}, fn ${t.fn}`);
console.log("\nentity misses:");
for (const m of e.misses)
  console.log(`  ${m.text}\n    missing ${m.missing.join(", ") || "-"}; extra ${m.extra.join(", ") || "-"}`);
