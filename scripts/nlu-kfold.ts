/**
 * `npx tsx scripts/nlu-kfold.ts` — k-fold cross-validation of the intent classifier on its TRAINING utterances only:
 * the corpus's train split (nlp.js and the sub-word reader) and the sub-word reader's own lines (`corpus-gaps*.ts`)
 * are split into k folds by a fixed seed (`nlu-folds.ts`: a hash of each normalised utterance, so a line written
 * twice stays in one fold); the classifier is trained on k-1 folds with the settings given and scored on the held
 * fold, each fold in turn. Prints the accuracy (all, corpus lines, sub-word-only lines), per intent, and the
 * confusions; `--misses` lists the missed training lines. The validation, dev and test splits are not read: this is
 * the tuning instrument that needs no held-out set (the test split is scored by `npm run bench` only).
 *
 *   npx tsx scripts/nlu-kfold.ts                          k 5, seed 15, current settings
 *   npx tsx scripts/nlu-kfold.ts --set temperature=0.3    one setting changed (repeatable)
 *   npx tsx scripts/nlu-kfold.ts --misses --intent remove  the missed lines (of one intent)
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type ClassifierSettings,
  DEFAULT_SETTINGS,
  trainIntentClassifier,
} from "../agent/models/offline/nlu/classifier.ts";
import {
  CORPUS,
  type Corpus,
  type CorpusDocument,
  type Intent,
  subwordOnlyDocuments,
  trainingDocuments,
} from "../agent/models/offline/nlu/corpus.ts";
import { intentAccuracy } from "../agent/models/offline/nlu/evaluate.ts";
import { kFolds } from "./nlu-folds.ts";

const { values } = parseArgs({
  options: {
    k: { type: "string", default: "5" },
    seed: { type: "string", default: "15" },
    set: { type: "string", multiple: true },
    misses: { type: "boolean" },
    intent: { type: "string" },
    cache: { type: "string", default: join(tmpdir(), "nlu-kfold-cache") },
  },
});
const settings: ClassifierSettings = { ...DEFAULT_SETTINGS };
for (const s of values.set ?? []) {
  const [key, raw] = s.split("=");
  if (!key || raw === undefined || !(key in settings))
    throw new Error(`--set ${s}: known: ${Object.keys(settings).join(", ")}`);
  (settings as unknown as Record<string, unknown>)[key] = raw === "true" ? true : raw === "false" ? false : Number(raw);
}
const k = Number(values.k);
const seed = Number(values.seed);

type Doc = CorpusDocument & { source: "corpus" | "subword" };
const docs: Doc[] = [
  ...trainingDocuments().map((d) => ({ ...d, source: "corpus" as const })),
  ...subwordOnlyDocuments().map((d) => ({ ...d, source: "subword" as const })),
];

/** A corpus whose train split is these documents (its validation split empty). */
function corpusOf(kept: readonly CorpusDocument[]): Corpus {
  const out = Object.fromEntries(
    Object.keys(CORPUS).map((i) => [i, { en: { train: [], validation: [] }, de: { train: [], validation: [] } }]),
  ) as unknown as Corpus;
  for (const d of kept) out[d.intent][d.lang].train.push(d.text);
  return out;
}

console.log(`settings ${JSON.stringify(settings)}; k ${k}, seed ${seed}, ${docs.length} training lines`);
const scored: { doc: Doc; predicted: Intent; score: number }[] = [];
let trainMs = 0;
for (const [i, fold] of kFolds(docs, k, seed).entries()) {
  const c = await trainIntentClassifier(corpusOf(fold.kept.filter((d) => d.source === "corpus")), settings, {
    cacheDir: values.cache,
    subwordOnly: fold.kept.filter((d) => d.source === "subword"),
  });
  trainMs += c.trainMs;
  const s = await intentAccuracy(c, fold.held);
  const missed = new Map(s.misses.map((m) => [m.doc, m]));
  for (const d of fold.held) {
    const m = missed.get(d);
    scored.push({ doc: d, predicted: m ? m.predicted : d.intent, score: m ? m.score : 1 });
  }
  console.log(
    `fold ${i}: ${s.accuracy.toFixed(3)} on ${s.n} (trained on ${fold.kept.length} in ${c.trainMs.toFixed(0)} ms)`,
  );
}

const acc = (xs: typeof scored) => (xs.length ? xs.filter((x) => x.predicted === x.doc.intent).length / xs.length : 1);
const by = (src: Doc["source"]) => scored.filter((x) => x.doc.source === src);
console.log(
  `\nk-fold accuracy ${acc(scored).toFixed(4)} on ${scored.length}; corpus lines ${acc(by("corpus")).toFixed(4)} on ${by("corpus").length}; sub-word-only lines ${acc(by("subword")).toFixed(4)} on ${by("subword").length}; en ${acc(scored.filter((x) => x.doc.lang === "en")).toFixed(4)}, de ${acc(scored.filter((x) => x.doc.lang === "de")).toFixed(4)}; mean training ${(trainMs / k).toFixed(0)} ms`,
);
console.log("\nper intent (accuracy, n, misses → predicted ×n):");
for (const intent of Object.keys(CORPUS) as Intent[]) {
  const xs = scored.filter((x) => x.doc.intent === intent);
  if (!xs.length) continue;
  const wrong = new Map<string, number>();
  for (const x of xs) if (x.predicted !== intent) wrong.set(x.predicted, (wrong.get(x.predicted) ?? 0) + 1);
  const list = [...wrong].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ×${n}`);
  console.log(`  ${intent.padEnd(18)} ${acc(xs).toFixed(3)}  ${String(xs.length).padStart(4)}  ${list.join(", ")}`);
}
if (values.misses) {
  console.log("\nmisses:");
  for (const x of scored)
    if (x.predicted !== x.doc.intent && (!values.intent || x.doc.intent === values.intent))
      console.log(
        `  [${x.doc.lang}/${x.doc.source}] ${x.doc.intent} → ${x.predicted} (${x.score.toFixed(2)}): ${x.doc.text}`,
      );
}
