/**
 * The intent classifier: nlp.js (a neural classifier over stemmed words, English and German) trained from the
 * corpus's training split. Trained once per process, at first use, and shared by every model instance;
 * classifications are memoised per text because one buyer turn is read by several model calls.
 *
 * Numbers are masked the same way for training and classification (`maskNumbers`): "make it 3" and "mach 12 draus"
 * then read as one pattern, and no particular number becomes a feature of an intent. Zero keeps a word of its own
 * ("set the price to 0" is not "price for 10"). The settings below were chosen on the validation split
 * (`scripts/nlu-validation.ts`), never on the test split.
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
  /** Wall time of training, in milliseconds. */
  trainMs: number;
}

export interface ClassifierSettings {
  /** Replace numbers (digits and number words) by one placeholder before training and classification. */
  maskNumbers: boolean;
  /** nlp.js spell check: an unknown word one edit from a training word reads as that word. */
  spellCheck: boolean;
  /** Neural network: stop when the training error is below this (nlp.js default 0.00005). */
  errorThresh: number;
  /** Neural network: at most this many epochs (nlp.js default 20000). */
  iterations: number;
}

/** Chosen on the validation split (accuracy and training time), see `scripts/nlu-validation.ts`. */
export const DEFAULT_SETTINGS: ClassifierSettings = {
  maskNumbers: true,
  spellCheck: false,
  errorThresh: 0.00005,
  iterations: 20000,
};

/** The placeholder a number becomes; a made-up word, so it stems to itself in both languages. */
export const NUMBER_PLACEHOLDER = "numx";

const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty|hundred|dozen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|fünfzig|hundert|dutzend)\b/giu;
// A zero standing alone: not part of a number ("10", "0.5") nor of a range or size ("0-16", "0/1").
const ZERO = /(?<![\p{N}.,\-–/])0+(?:[.,]0+)?(?![\p{N}.,\-–/]*\p{N})/gu;
const NUMBER = /\p{N}+(?:[.,/]\p{N}+)*/gu;

/** "make it 3" → "make it numx"; "price to 0" → "price to zero"; "3x" → "numx x". */
export function maskNumbers(text: string): string {
  return text
    .replace(ZERO, " zero ")
    .replace(NUMBER, ` ${NUMBER_PLACEHOLDER} `)
    .replace(NUMBER_WORDS, NUMBER_PLACEHOLDER)
    .replace(/\s+/g, " ")
    .trim();
}

export async function trainIntentClassifier(
  corpus: Corpus = CORPUS,
  settings: ClassifierSettings = DEFAULT_SETTINGS,
): Promise<IntentClassifier> {
  const started = performance.now();
  const nlp = new Nlp({
    languages: ["en", "de"],
    autoSave: false,
    calculateSentiment: false,
    nlu: {
      log: false,
      spellCheck: settings.spellCheck,
      errorThresh: settings.errorThresh,
      iterations: settings.iterations,
    },
    ner: { builtins: [] },
  });
  nlp.use(LangEn);
  nlp.use(LangDe);
  const prepare = settings.maskNumbers ? maskNumbers : (t: string) => t;
  const vocabulary = new Set<string>();
  for (const d of trainingDocuments(corpus)) {
    nlp.addDocument(d.lang, prepare(d.text), d.intent);
    for (const w of d.text.toLowerCase().split(/[^\p{L}']+/u)) if (w.length > 1) vocabulary.add(w);
  }
  await nlp.train();
  const trainMs = performance.now() - started;
  const memo = new Map<string, Classification>();
  return {
    vocabulary,
    trainMs,
    async classify(lang, text) {
      const key = `${lang}\u0000${text}`;
      let c = memo.get(key);
      if (!c) {
        const r = await nlp.process(lang, prepare(text));
        // nlp.js answers None below its own threshold; the best reading is kept with its score, so the decision can
        // weigh a weak reading (or ask) instead of losing it.
        const best = r.classifications[0];
        // (A text with no word known to the classifier gets None, and its "best" reading a score of 0.)
        const ranked = r.classifications.slice(0, 3).map((x) => ({ intent: x.intent as Intent, score: x.score }));
        c =
          r.intent === "None" && best && best.intent !== "None" && best.score > 0 && r.score >= 1
            ? { intent: best.intent as Intent, score: best.score, ranked }
            : r.intent !== "None" && r.score <= 0
              ? { intent: "None", score: 1, ranked }
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
