/**
 * A slip of the finger read as the word the buyer meant: "gaskts", "palettierr", "bestelllen", "plese". A word the
 * consultant does not know at all — no word of the intent corpus, of the catalog's names, options, units and synonyms,
 * of the buyer's machines, nor an inflection of one — that is one typing slip (a letter wrong, missing, doubled, or two
 * swapped; never the first letter) from exactly one known word (or forms of one word) is read as that word.
 *
 * Why only unknown words: a word of the corpus is ordinary language and is never turned into a catalog word ("fine",
 * "arrive", "ahead" stay what they are); a known word is already read. Why six letters and one candidate: a short word
 * is one slip from many others, and two candidates are a guess. Dialect spellings are read before this (`dialect.ts`).
 */
import { editDistance, stemOf } from "../../../catalog/queries/search.ts";
import type { MachineView } from "./conversation.ts";
import { type Knowledge, REFERENCE_WORDS } from "./recognise.ts";

/** The shortest word read as a slip of another (and the shortest word it may be read as, a doubled letter apart). */
const MIN_LENGTH = 6;

/** Known words by themselves and by each form with one letter left out: slips of one edit meet one of these. */
type SlipIndex = Map<string, string[]>;

const indexes = new WeakMap<
  ReadonlySet<string>,
  { corpus: ReadonlySet<string>; index: SlipIndex; known: Set<string> }
>();

function deletions(word: string): string[] {
  const out = [word];
  for (let i = 1; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function add(index: SlipIndex, word: string): void {
  for (const key of deletions(word)) {
    const list = index.get(key);
    if (!list) index.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  }
}

const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** The catalog's and the corpus's words, indexed once per catalog (its name words are shared between copies). */
function catalogIndex(k: Knowledge) {
  const names = k.lexicon.nameWords;
  let entry = indexes.get(names);
  if (entry && entry.corpus === k.corpusWords) return entry;
  const known = new Set<string>([
    ...k.corpusWords,
    ...names,
    ...k.optionWords,
    ...(k.lexicon.configWords ?? []),
    ...k.unitCodes.keys(),
    ...k.measureUnits,
    ...[...k.categoryWords.values()].flat(),
    ...k.phraseGroups.flat(2).flatMap(wordsOf),
    ...REFERENCE_WORDS,
  ]);
  const index: SlipIndex = new Map();
  for (const w of known) if (/^\p{L}+$/u.test(w) && w.length >= MIN_LENGTH - 1) add(index, w);
  entry = { corpus: k.corpusWords, index, known };
  indexes.set(names, entry);
  return entry;
}

const KEY_ROWS = ["qwertzuiop", "asdfghjkl", "yxcvbnm", "qwertyuiop", "zxcvbnm"];
const besideOnKeyboard = (a: string, b: string) =>
  KEY_ROWS.some((row) => {
    const i = row.indexOf(a);
    return i >= 0 && (row[i - 1] === b || row[i + 1] === b);
  });

/**
 * How likely `typed` is a slip for `word` (one edit apart; lower is likelier), as typing goes: two letters swapped, a
 * letter doubled or its twin dropped, then a neighbouring key or a dropped vowel. Other edits are how two real words
 * differ ("Presse"/"Preise", "länger"/"longer", "Leitung"/"Leistung", "sealed"/"sealer"), never a slip: infinite. So is
 * a change of the last letter alone, which is an inflection.
 */
function slipCost(typed: string, word: string): number {
  if (typed.length === word.length) {
    const i = [...typed].findIndex((ch, j) => ch !== word[j]);
    if (typed[i + 1] === word[i] && typed[i] === word[i + 1] && typed.slice(i + 2) === word.slice(i + 2)) return 1;
    if (i === typed.length - 1) return Number.POSITIVE_INFINITY;
    return besideOnKeyboard(typed[i]!, word[i]!) ? 2 : Number.POSITIVE_INFINITY;
  }
  const [long, short] = typed.length > word.length ? [typed, word] : [word, typed];
  const i = [...short].findIndex((ch, j) => ch !== long[j]);
  const at = i < 0 ? short.length : i;
  if (at >= long.length - 1) return Number.POSITIVE_INFINITY;
  if (long[at] === long[at - 1] || long[at] === long[at + 1]) return 1;
  // A letter the buyer left out: a vowel ("gaskts", "Filtertrocknr"); a letter added that is no twin is no slip.
  return long === word && /[aeiouäöü]/.test(long[at]!) ? 2 : Number.POSITIVE_INFINITY;
}

/**
 * The known word a slip away from `word` (same first letter): the likeliest slip when one is likelier than the others,
 * or forms of one word ("bestellne": "bestellen", not "bestelle" nor "bestellnr").
 */
function meant(word: string, index: SlipIndex, extra: readonly string[]): string | undefined {
  const found = new Set<string>();
  for (const key of deletions(word)) for (const w of index.get(key) ?? []) found.add(w);
  for (const w of extra) found.add(w);
  const near = [...found].filter(
    (w) => w !== word && w[0] === word[0] && w.length >= MIN_LENGTH - 1 && editDistance(w, word, 1) <= 1,
  );
  if (!near.length) return undefined;
  const cost = new Map(near.map((w) => [w, slipCost(word, w)]));
  const least = Math.min(...cost.values());
  if (least === Number.POSITIVE_INFINITY) return undefined;
  const best = near.filter((w) => cost.get(w) === least);
  return best.every((w) => stemOf(w) === stemOf(best[0]!))
    ? best.sort((a, b) => b.length - a.length || a.localeCompare(b))[0]
    : undefined;
}

/**
 * The text with each unknown word that is one slip from exactly one known word replaced by it, its capital kept.
 * Words with digits, codes and words joined by hyphens stay as written.
 * @example correctTypos("i need 20 flange gaskts DN40", k, []) // "i need 20 flange gaskets DN40"
 */
export function correctTypos(text: string, k: Knowledge, machines: readonly MachineView[]): string {
  // Every model call of a turn reads the same message with the same machines: corrected once per knowledge.
  const said = machines.map((m) => `${m.label} ${m.site} ${m.modelName}`);
  const key = `${text}\u0000${said.join("\u0000")}`;
  let memo = corrected.get(k);
  if (!memo) corrected.set(k, (memo = new Map()));
  let out = memo.get(key);
  if (out === undefined) {
    if (memo.size > 2000) memo.clear();
    memo.set(key, (out = correctedText(text, k, said.flatMap(wordsOf))));
  }
  return out;
}

/**
 * Corrected texts per knowledge (its words and the catalog it reads) and per text and machine words: a pure function
 * of these.
 */
const corrected = new WeakMap<Knowledge, Map<string, string>>();

function correctedText(text: string, k: Knowledge, machineWords: string[]): string {
  const { index, known } = catalogIndex(k);
  const isKnown = (w: string) =>
    known.has(w) ||
    machineWords.includes(w) ||
    k.common(w) ||
    k.inflectedNameWord(w) ||
    k.catalogWord(w) ||
    known.has(stemOf(w));
  // "2 Motorstarter-Kombis", "combos": a clipped word the catalog knows only as the start of a longer one ("Kombi" of
  // "Kombination") said in the plural is that word — its plural starts no catalog word, so it found nothing. (Also the
  // last part of a hyphenated compound; the word without its "s" four letters or more and a catalog word itself.)
  const clipped = /s(?![\p{L}\d-])/u.test(text)
    ? text.replace(/(?<![\p{L}\d])\p{L}{4,}s(?![\p{L}\d-])/gu, (w) => {
        const lower = w.toLowerCase();
        const one = lower.slice(0, -1);
        return isKnown(lower) || k.common(one) || !k.catalogWord(one) ? w : w.slice(0, -1);
      })
    : text;
  return clipped.replace(/(?<![\p{L}\d-])\p{L}{6,}(?![\p{L}\d-])/gu, (w) => {
    const lower = w.toLowerCase();
    if (isKnown(lower)) return w;
    const slips = machineWords.filter((m) => m.length >= MIN_LENGTH - 1 && Math.abs(m.length - lower.length) <= 1);
    const fix = meant(lower, index, slips);
    if (!fix) return w;
    return w[0] === w[0]!.toUpperCase() ? fix[0]!.toUpperCase() + fix.slice(1) : fix;
  });
}
