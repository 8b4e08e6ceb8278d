/**
 * The sub-word reader of the intent ensemble: multinomial naive Bayes over the words of a text and their character
 * n-grams, with word boundaries marked, as fastText reads words. nlp.js reads whole stemmed words, so a word it never
 * saw counts for nothing: a typo ("pirce", "canel"), a German compound ("Kreditpruefung", "Lieferzeit"), an inflection
 * its stemmer leaves apart, a dialect spelling ("griaß"). Their n-grams still overlap words of the corpus ("<pr",
 * "rüf", "ung>"), and this reader weighs them.
 *
 * Naive Bayes because training is counting (tens of milliseconds, so it is not cached: trained at every start) and a
 * reading is one table look-up per feature. The n-grams of one word are not independent, so log-likelihoods are
 * divided by the number of features of the text (`temperature` spreads the result) before they are normalised: the
 * scores are a distribution over intents comparable with nlp.js's.
 *
 * Two additions of session 11 (settings `bigrams`, `informative`, `informativePrior`; since session 12 they make the
 * second, sharper reader the classifier mixes with the plain one — its `sharp` setting and `DEFAULT_SETTINGS`; their
 * values were chosen on the validation and dev splits and author-wise cross-validation): pairs of neighbouring words
 * are features too ("not needed", "take off", "nicht mehr"), and each feature's log-likelihood weighs by how much the feature tells the intents apart
 * (1 − the normalised entropy of the intents of the lines it was seen in, with a pseudo-count per intent so that a
 * feature of one line is not taken as decisive) — the mean is then a weighted one, so "<th" and "w:the", in every
 * intent's lines, no longer outvote the one word that carries the meaning.
 */

/**
 * "Stück", "Stueck" and "Stuck" as one word: umlauts written as two letters (keyboards without them) are folded like
 * the umlauts themselves, whose marks nlp.js's German normaliser drops anyway; "ß" reads as "ss".
 */
export function foldUmlauts(text: string): string {
  return text.toLowerCase().replace(/ä|ae/g, "a").replace(/ö|oe/g, "o").replace(/ü|ue/g, "u").replace(/ß/g, "ss");
}

export interface SubwordSettings {
  /** Character n-gram lengths: from `gramMin` to `gramMax`. */
  gramMin: number;
  gramMax: number;
  /** Additive smoothing of the feature counts. */
  smoothing: number;
  /** Softmax temperature over the per-feature mean log-likelihood (lower: sharper). */
  temperature: number;
  /**
   * A word the corpus never had counts only when at least this share of its n-grams is known: a typo or a compound
   * of corpus words does, a product name ("Quarzbrenner", "gauges") does not — its n-grams would read as noise.
   */
  minKnown: number;
  /** Pairs of neighbouring words are features too ("take off", "nicht mehr"): 0 none, else their weight. */
  bigrams?: number;
  /**
   * Each feature weighs by how much it tells the intents apart (`weightOf`), to this power; 0: every feature alike.
   * The log-likelihoods are divided by the weights' sum rather than the number of features.
   */
  informative?: number;
  /** Pseudo-count added to every intent's count of a feature before its entropy is taken (`informative`). */
  informativePrior?: number;
}

/**
 * A span the recognisers identified (a catalog word, a machine, a size, a PO reference…) stands in the text as one
 * placeholder word, "⟨product⟩": a single feature without n-grams, so the letters of a product name never vote.
 */
export const PLACEHOLDER = /^⟨[a-z]+⟩$/;
const WORD = /⟨[a-z]+⟩|[\p{L}\p{N}']+/gu;

/**
 * The features of a text: each word (umlauts folded, "ae/oe/ue" as the umlaut, digits as one shape, lower case) and
 * its character n-grams of the word padded with "<" and ">"; a placeholder is its word alone.
 */
export function subwordFeatures(text: string, gramMin: number, gramMax: number, bigrams = false): string[] {
  const words = wordFeatures(text, gramMin, gramMax);
  return [...new Set([...words.flat(), ...(bigrams ? pairsOf(words) : [])])];
}

/** The pairs of neighbouring words of a text, as features ("b:take off"). */
function pairsOf(words: string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++)
    out.push(`b:${(words[i] as string[])[0]} ${(words[i + 1] as string[])[0]}`);
  return out;
}

/** The features of each word of a text: the word itself first, then its n-grams. */
function wordFeatures(text: string, gramMin: number, gramMax: number): string[][] {
  const out: string[][] = [];
  for (const [raw] of foldUmlauts(text).matchAll(WORD)) {
    if (PLACEHOLDER.test(raw)) {
      out.push([`w:${raw}`]);
      continue;
    }
    const w = raw.replace(/'/g, "").replace(/\p{N}+/gu, "0");
    if (!w) continue;
    const features = [`w:${w}`];
    const padded = `<${w}>`;
    for (let n = gramMin; n <= gramMax; n++)
      for (let i = 0; i + n <= padded.length; i++) features.push(padded.slice(i, i + n));
    out.push(features);
  }
  return out;
}

export interface SubwordReading {
  /** Intents with their probability, best first; empty when no feature of the text was seen in training. */
  ranked: { intent: string; score: number }[];
  /**
   * How much of the text the reading rests on (0–1): the share of its words that are words, not placeholders — a
   * word seen in training counts 1, any other word (a typo, a compound) `partial`, a placeholder 0.
   * "2 ⟨product⟩ ⟨size⟩" rests on one word of three.
   */
  evidence: number;
  /** Of a mixture of readers (the classifier's `sharp` setting): the plain reader's own reading. */
  plain?: { intent: string; score: number }[];
}

export interface SubwordModel {
  read(text: string, partial?: number): SubwordReading;
}

export function trainSubwordModel(docs: { text: string; intent: string }[], settings: SubwordSettings): SubwordModel {
  const intents = [...new Set(docs.map((d) => d.intent))].sort();
  const index = new Map(intents.map((x, i) => [x, i]));
  const features = new Map<string, number>();
  const counts: number[][] = [];
  const totals = new Array<number>(intents.length).fill(0);
  for (const d of docs) {
    const c = index.get(d.intent) as number;
    for (const f of subwordFeatures(d.text, settings.gramMin, settings.gramMax, !!settings.bigrams)) {
      let i = features.get(f);
      if (i === undefined) {
        i = features.size;
        features.set(f, i);
        counts.push(new Array<number>(intents.length).fill(0));
      }
      (counts[i] as number[])[c] = ((counts[i] as number[])[c] as number) + 1;
      totals[c] = (totals[c] as number) + 1;
    }
  }
  const C = intents.length;
  const a = settings.smoothing;
  const V = features.size;
  // log P(feature | intent), one row of C per feature.
  const table = new Float64Array(V * C);
  for (let i = 0; i < V; i++)
    for (let c = 0; c < C; c++)
      table[i * C + c] = Math.log((((counts[i] as number[])[c] as number) + a) / ((totals[c] as number) + a * V));
  // How much each feature tells the intents apart: 1 − the entropy of the intents it was seen in / the most there is,
  // to the power `informative`. "<th" or "w:the" is in every intent's lines and weighs little; "w:storno" weighs fully.
  const weightOf = new Float64Array(V).fill(1);
  const sharpness = settings.informative ?? 0;
  // A feature seen once is in one intent only: pseudo-counts spread it, so rare features weigh less than common ones.
  const prior = settings.informativePrior ?? 0;
  if (sharpness > 0)
    for (let i = 0; i < V; i++) {
      const row = (counts[i] as number[]).map((k) => k + prior);
      const sum = row.reduce((x, y) => x + y, 0);
      let h = 0;
      for (const k of row) if (k) h -= (k / sum) * Math.log(k / sum);
      weightOf[i] = (1 - h / Math.log(C)) ** sharpness;
    }
  return {
    read(text, partial = 0.5) {
      const seen = new Set<number>();
      const words = wordFeatures(text, settings.gramMin, settings.gramMax);
      let support = 0;
      for (const word of words) {
        const ids = word.map((f) => features.get(f)).filter((i) => i !== undefined);
        const whole = features.has(word[0] as string);
        const placeholder = word.length === 1;
        // A placeholder is read (a size hints at a question about it) but is no evidence: the recognisers claimed it.
        if (!placeholder) support += whole ? 1 : partial;
        if (!whole && (placeholder || ids.length < settings.minKnown * (word.length - 1))) continue;
        for (const i of ids) seen.add(i);
      }
      const pairs = new Set<number>();
      if (settings.bigrams)
        for (const f of pairsOf(words)) {
          const i = features.get(f);
          if (i !== undefined) pairs.add(i);
        }
      const known = [...seen];
      if (!known.length) return { ranked: [], evidence: 0 };
      const lp = new Float64Array(C);
      let n = 0;
      for (const i of known) {
        const w = weightOf[i] as number;
        n += w;
        for (let c = 0; c < C; c++) lp[c] = (lp[c] as number) + w * (table[i * C + c] as number);
      }
      const b = settings.bigrams ?? 0;
      for (const i of pairs) {
        const w = b * (weightOf[i] as number);
        n += w;
        for (let c = 0; c < C; c++) lp[c] = (lp[c] as number) + w * (table[i * C + c] as number);
      }
      n ||= 1;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < C; c++) {
        lp[c] = (lp[c] as number) / n / settings.temperature;
        max = Math.max(max, lp[c] as number);
      }
      let total = 0;
      for (let c = 0; c < C; c++) total += lp[c] = Math.exp((lp[c] as number) - max);
      return {
        ranked: intents
          .map((intent, c) => ({ intent, score: (lp[c] as number) / total }))
          .sort((x, y) => y.score - x.score),
        evidence: support / words.length,
      };
    },
  };
}
