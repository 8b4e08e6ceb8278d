/**
 * The intent classifier: nlp.js (a neural classifier over stemmed words, English and German) trained from the
 * corpus's training split. Trained once per process, at first use (~50–150 ms), and shared by every model instance;
 * classifications are memoised per text because one buyer turn is read by several model calls.
 */
import { Nlp } from "@nlpjs/nlp";
import { LangDe } from "@nlpjs/lang-de";
import { LangEn } from "@nlpjs/lang-en";
import { CORPUS, type Corpus, type Intent, trainingDocuments } from "./corpus.ts";

export interface Classification {
  /** `None` when nothing in the corpus resembles the text. */
  intent: Intent;
  score: number;
  /** The classifier's best readings, best first (at most three): what a clarifying question names. */
  ranked?: { intent: Intent; score: number }[];
}

export interface IntentClassifier {
  classify(lang: "en" | "de", text: string): Promise<Classification>;
  /** Words of the training utterances: ordinary language, never to be "corrected" into catalog words. */
  vocabulary: Set<string>;
}

export async function trainIntentClassifier(corpus: Corpus = CORPUS): Promise<IntentClassifier> {
  const nlp = new Nlp({ languages: ["en", "de"], autoSave: false, nlu: { log: false }, ner: { builtins: [] } });
  nlp.use(LangEn);
  nlp.use(LangDe);
  const vocabulary = new Set<string>();
  for (const d of trainingDocuments(corpus)) {
    nlp.addDocument(d.lang, d.text, d.intent);
    for (const w of d.text.toLowerCase().split(/[^\p{L}']+/u)) if (w.length > 1) vocabulary.add(w);
  }
  await nlp.train();
  const memo = new Map<string, Classification>();
  return {
    vocabulary,
    async classify(lang, text) {
      const key = `${lang}\u0000${text}`;
      let c = memo.get(key);
      if (!c) {
        const r = await nlp.process(lang, text);
        // nlp.js answers None below its own threshold; the best reading is kept with its score, so the decision can
        // weigh a weak reading (or ask) instead of losing it.
        const best = r.classifications[0];
        const ranked = r.classifications.slice(0, 3).map((x) => ({ intent: x.intent as Intent, score: x.score }));
        c =
          r.intent === "None" && best && best.intent !== "None" && r.score >= 1
            ? { intent: best.intent as Intent, score: best.score, ranked }
            : { intent: r.intent as Intent, score: r.score, ranked };
        if (memo.size > 5000) memo.clear();
        memo.set(key, c);
      }
      return c;
    },
  };
}

let shared: Promise<IntentClassifier> | undefined;
/** The process-wide classifier trained from the repository's corpus. */
export function sharedClassifier(): Promise<IntentClassifier> {
  shared ??= trainIntentClassifier();
  return shared;
}
