/**
 * `npx tsx scripts/nlu-authors-crossval.ts` — author-wise cross-validation over the outside authors the repository
 * holds: author A and author B of `corpus-authors.ts` (marked by their `// author A|B` comments) and the voices of
 * `corpus-voices.ts`. Each in turn is held out — all their lines, training and validation — while the classifier is
 * trained on everything else's training lines (the base corpus; the sub-word reader's own lines, `corpus-gaps.ts`, in every fold); their lines are
 * scored (the dev author is scored by `scripts/nlu-validation.ts`; `scripts/nlu-crossval.ts` reads fresh author
 * files kept outside the repository).
 *
 *   npx tsx scripts/nlu-authors-crossval.ts                  current settings
 *   npx tsx scripts/nlu-authors-crossval.ts --set subwords=0.5 --misses
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type ClassifierSettings,
  DEFAULT_SETTINGS,
  trainIntentClassifier,
} from "../agent/models/offline/nlu/classifier.ts";
import { AUTHORS_SPLIT } from "../agent/models/offline/nlu/corpus-authors.ts";
import { VOICES_SPLIT } from "../agent/models/offline/nlu/corpus-voices.ts";
import {
  BASE_CORPUS,
  type Corpus,
  type CorpusDocument,
  type Intent,
  validationDocuments,
} from "../agent/models/offline/nlu/corpus.ts";
import { intentAccuracy } from "../agent/models/offline/nlu/evaluate.ts";

const { values } = parseArgs({
  options: {
    set: { type: "string", multiple: true },
    misses: { type: "boolean" },
    cache: { type: "string", default: join(tmpdir(), "nlu-authors-crossval-cache") },
  },
});
const settings: ClassifierSettings = { ...DEFAULT_SETTINGS };
for (const s of values.set ?? []) {
  const [key, raw] = s.split("=");
  if (!key || raw === undefined || !(key in settings)) throw new Error(`--set ${s}`);
  (settings as unknown as Record<string, unknown>)[key] = raw === "true" ? true : raw === "false" ? false : Number(raw);
}

/** The author of each line of `corpus-authors.ts`, by the comment that precedes it. */
function authorOfLines(): Map<string, "A" | "B"> {
  const src = readFileSync(new URL("../agent/models/offline/nlu/corpus-authors.ts", import.meta.url), "utf8");
  const out = new Map<string, "A" | "B">();
  let author: "A" | "B" | undefined;
  for (const line of src.split("\n")) {
    const marker = line.match(/^\s*\/\/ author ([AB])\b/);
    if (marker) author = marker[1] as "A" | "B";
    const str = line.match(/^\s*(?:"((?:[^"\\]|\\.)*)"|'([^'\\]*)'),?\s*$/);
    if (str && author) out.set(str[1] !== undefined ? JSON.parse(`"${str[1]}"`) : (str[2] as string), author);
  }
  return out;
}

const authorOf = authorOfLines();
type Fold = "A" | "B" | "voices";
const intents = Object.keys(BASE_CORPUS) as Intent[];

function fold(held: Fold): { corpus: Corpus; scored: CorpusDocument[] } {
  const corpus = structuredClone(BASE_CORPUS);
  const scored: CorpusDocument[] = [];
  for (const intent of intents)
    for (const lang of ["en", "de"] as const) {
      for (const part of ["train", "validation"] as const) {
        for (const text of AUTHORS_SPLIT[intent][lang][part]) {
          const a = authorOf.get(text);
          if (!a) throw new Error(`no author for ${JSON.stringify(text)}`);
          if (a === held) scored.push({ lang, text, intent });
          else if (part === "train") corpus[intent][lang].train.push(text);
        }
        for (const text of VOICES_SPLIT[intent]?.[lang]?.[part] ?? []) {
          if (held === "voices") scored.push({ lang, text, intent });
          else if (part === "train") corpus[intent][lang].train.push(text);
        }
      }
    }
  return { corpus, scored };
}

console.log(`settings ${JSON.stringify(settings)}`);
const results: { n: number; ok: number }[] = [];
for (const held of ["A", "B", "voices"] as const) {
  const { corpus, scored } = fold(held);
  const c = await trainIntentClassifier(corpus, settings, { cacheDir: values.cache });
  const s = await intentAccuracy(c, scored);
  const v = await intentAccuracy(c, validationDocuments(BASE_CORPUS));
  results.push({ n: s.n, ok: Math.round(s.accuracy * s.n) });
  console.log(
    `held out ${held}: ${s.accuracy.toFixed(3)} on ${s.n}; base validation ${v.accuracy.toFixed(3)}; trained in ${c.trainMs.toFixed(0)} ms`,
  );
  if (values.misses)
    for (const m of s.misses)
      console.log(`  [${m.doc.lang}] ${m.doc.intent} → ${m.predicted} (${m.score.toFixed(2)}): ${m.doc.text}`);
}
const n = results.reduce((a, r) => a + r.n, 0);
const ok = results.reduce((a, r) => a + r.ok, 0);
console.log(
  `pooled held-out author accuracy ${(ok / n).toFixed(3)} on ${n}; mean ${(results.reduce((a, r) => a + r.ok / r.n, 0) / results.length).toFixed(3)}`,
);
