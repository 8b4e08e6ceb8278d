/**
 * `npx tsx scripts/nlu-crossval.ts` — author-wise cross-validation of the intent classifier: the corpus's base
 * training split (`BASE_CORPUS`, without the later authors) plus the fresh utterances of some authors is trained on, and the fresh utterances of each other
 * author are scored (brackets kept as typed: what the classifier meets at run time). An author's phrasing that the
 * model never saw is the honest figure of how it meets new buyers; compare settings with it.
 *
 *   npx tsx scripts/nlu-crossval.ts --fresh /work/notes/fresh --authors a,c      every author out in turn
 *   npx tsx scripts/nlu-crossval.ts ... --set subwords=0.5                       one setting changed (repeatable)
 *   npx tsx scripts/nlu-crossval.ts ... --score-mode masked                      bracketed terms masked, as at run time
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type ClassifierSettings,
  DEFAULT_SETTINGS,
  trainIntentClassifier,
} from "../agent/models/offline/nlu/classifier.ts";
import { BASE_CORPUS, type Corpus, type Intent, validationDocuments } from "../agent/models/offline/nlu/corpus.ts";
import { intentAccuracy } from "../agent/models/offline/nlu/evaluate.ts";
import { type BracketMode, type FreshFile, freshDocuments, loadFresh } from "./nlu-fresh.ts";

const { values } = parseArgs({
  options: {
    set: { type: "string", multiple: true },
    fresh: { type: "string", default: "/work/notes/fresh" },
    authors: { type: "string", default: "a,b,c" },
    "train-mode": { type: "string", default: "corpus" },
    /** keep: the held-out author's words as typed; masked: their bracketed terms also masked (`nlu-fresh.ts`). */
    "score-mode": { type: "string", default: "keep" },
    cache: { type: "string", default: join(tmpdir(), "nlu-crossval-cache") },
  },
});
const settings: ClassifierSettings = { ...DEFAULT_SETTINGS };
for (const s of values.set ?? []) {
  const [key, raw] = s.split("=");
  if (!key || raw === undefined || !(key in settings)) throw new Error(`--set ${s}`);
  (settings as unknown as Record<string, unknown>)[key] = raw === "true" ? true : raw === "false" ? false : Number(raw);
}

const files = new Map<string, FreshFile>();
for (const a of values.authors.split(",")) {
  const p = join(values.fresh, `author-${a}.json`);
  if (existsSync(`${p}.done`)) files.set(a, loadFresh(p));
}

/** The corpus with these fresh files' utterances added to its training split. */
export function withFresh(corpus: Corpus, extra: FreshFile[], mode: BracketMode): Corpus {
  const out = structuredClone(corpus);
  for (const f of extra) for (const d of freshDocuments(f, mode)) out[d.intent as Intent][d.lang].train.push(d.text);
  return out;
}

console.log(`settings ${JSON.stringify(settings)}`);
const results: number[] = [];
for (const [held, file] of files) {
  const others = [...files].filter(([a]) => a !== held).map(([, f]) => f);
  const corpus = withFresh(BASE_CORPUS, others, values["train-mode"] as BracketMode);
  const c = await trainIntentClassifier(corpus, settings, { cacheDir: values.cache });
  const s = await intentAccuracy(c, freshDocuments(file, values["score-mode"] as BracketMode));
  const v = await intentAccuracy(c, validationDocuments());
  results.push(s.accuracy);
  console.log(
    `held out ${held} (trained on base + ${[...files.keys()].filter((a) => a !== held).join("+") || "-"}): ${s.accuracy.toFixed(3)} on ${s.n}; validation ${v.accuracy.toFixed(3)}; trained in ${c.trainMs.toFixed(0)} ms`,
  );
}
console.log(`mean held-out author accuracy ${(results.reduce((a, b) => a + b, 0) / results.length).toFixed(3)}`);
