/**
 * What a reading needs besides the classifier's confidence. The classifier weighs every word, so an ordinary request
 * with unknown shop-floor words ("Motorstarter fürs Palettiergerät: Schütz 18A …") can come out as an order for
 * another customer; refusing it drops a legitimate order. A refusal of that kind needs evidence: a word that, in the
 * training utterances, marks that intent — one its utterances use and those of other intents (almost) never do
 * ("customer", "account", "Kundennummer"). Read from the corpus, so it follows the corpus, not a word list here.
 */
import { foldUmlauts } from "./subwords.ts";
import { type CorpusDocument, type Intent, trainingDocuments } from "./corpus.ts";

const WORD = /\p{L}{3,}/gu;
const wordsOf = (text: string): string[] => foldUmlauts(text.toLowerCase()).match(WORD) ?? [];

/** Words of an intent's utterances found in at least `minCount` of them and at most `maxShare` elsewhere. */
export function markerWords(intent: Intent, docs: CorpusDocument[], minCount = 2, minShare = 0.9): Set<string> {
  const inIntent = new Map<string, number>();
  const all = new Map<string, number>();
  for (const d of docs)
    for (const w of new Set(wordsOf(d.text))) {
      all.set(w, (all.get(w) ?? 0) + 1);
      if (d.intent === intent) inIntent.set(w, (inIntent.get(w) ?? 0) + 1);
    }
  const out = new Set<string>();
  for (const [w, n] of inIntent) if (n >= minCount && n / (all.get(w) ?? n) >= minShare) out.add(w);
  return out;
}

const markers = new Map<Intent, Set<string>>();

/**
 * Whether a text carries a marker word of the intent: the word itself, or — German compounds — a word of 6+ letters
 * that begins or ends with a marker of 5+ letters ("Kundenkonto" for "konto").
 */
export function hasMarker(intent: Intent, text: string): boolean {
  let m = markers.get(intent);
  if (!m) markers.set(intent, (m = markerWords(intent, trainingDocuments())));
  return wordsOf(text).some(
    (w) =>
      m.has(w) || (w.length >= 6 && [...m].some((x) => x.length >= 5 && x !== w && (w.startsWith(x) || w.endsWith(x)))),
  );
}

/**
 * Words that lean toward one intent in the training utterances: found in at least `minCount` of them, at least
 * `minShare` of the time in one intent ("stock", "kostet", "skip", "drop"), mapped to that intent. Function words
 * ("for", "für", "the", "bitte", "please") spread over many intents and lean toward none.
 */
export function leaningWords(docs: CorpusDocument[], minCount = 3, minShare = 0.5): Map<string, Intent> {
  const by = new Map<string, Map<Intent, number>>();
  for (const d of docs)
    for (const w of new Set(wordsOf2(d.text))) {
      let m = by.get(w);
      if (!m) by.set(w, (m = new Map()));
      m.set(d.intent, (m.get(d.intent) ?? 0) + 1);
    }
  const out = new Map<string, Intent>();
  for (const [w, m] of by) {
    let n = 0;
    let best: [Intent, number] | undefined;
    for (const [intent, c] of m) {
      n += c;
      if (!best || c > best[1]) best = [intent, c];
    }
    if (best && n >= minCount && best[1] / n >= minShare) out.set(w, best[0]);
  }
  return out;
}

/** Words of two letters and more: dialect and short words ("händ", "ok", "da") count as much as long ones. */
const wordsOf2 = (text: string): string[] => foldUmlauts(text.toLowerCase()).match(/\p{L}{2,}/gu) ?? [];

let leaning: Map<string, Intent> | undefined;

/**
 * The intents the words of a text lean toward (`leaningWords` of the training corpus), in the order of the words;
 * a word the corpus does not know, or one that leans toward no intent, adds nothing.
 */
export function leaningsOf(text: string): Intent[] {
  leaning ??= leaningWords(trainingDocuments());
  const out: Intent[] = [];
  for (const w of wordsOf2(text)) {
    const i = leaning.get(w);
    if (i) out.push(i);
  }
  return out;
}

let priceTalk: Set<string> | undefined;

/**
 * The text with its words of price talk blanked out (offsets kept): the words that mark a price question or a price
 * demand in the corpus ("price", "Preis", "contract", "kostet") and the compounds that begin or end with one of five
 * letters or more ("Vertragspreis", "Sonderpreis"). "Is our contract price applied for the driers?" then names only
 * the driers — the words of the price are no product words, whatever product text carries them too.
 */
export function withoutPriceTalk(text: string): string {
  priceTalk ??= markerWords(
    "attack_price",
    trainingDocuments().map((d) => (d.intent === "price" ? { ...d, intent: "attack_price" as const } : d)),
  );
  const m = priceTalk;
  return text.replace(/\p{L}{3,}/gu, (word) => {
    const w = foldUmlauts(word.toLowerCase());
    const talk = m.has(w) || (w.length >= 6 && [...m].some((x) => x.length >= 5 && (w.startsWith(x) || w.endsWith(x))));
    return talk ? " ".repeat(word.length) : word;
  });
}
