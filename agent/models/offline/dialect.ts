/**
 * Swiss and southern German spellings read as standard German: "gliiche" is "gleiche", "Keilrieme" "Keilriemen",
 * "bstelle" "bestelle", "Dichtige" "Dichtungen". A word the consultant does not know is rewritten by the regular sound
 * correspondences of the dialects (ii → ei or ie, üü → eu, uu → au, ue → u, Bavarian oa → ei, tscht → tzt, scht → st, initial ch → k, b-/g- before a
 * consonant → be-/ge-, -ig → -ung, Swiss -ä → -en, a dropped final n or e, a plural by umlaut and -er) — only when the
 * result is a word it knows: of the intent corpus, of the
 * catalog's product and option names (also as the end of a compound: "Keilriemen" of "Schmalkeilriemen"), or
 * a function word. So nothing is guessed: a word stays as written unless a known word is one of its dialect spellings.
 */
import { editDistance } from "../../../catalog/queries/search.ts";

/**
 * One correspondence: dialect spelling → standard spelling. A sound rule marks a dialect (it rarely occurs in standard
 * spelling); an ending rule (a dropped final n or e) also turns one standard form into another ("Pumpe" → "Pumpen").
 */
type Rule = { re: RegExp; to: string; sound: boolean };

const sound = (re: RegExp, to: string): Rule => ({ re, to, sound: true });
const ending = (re: RegExp, to: string): Rule => ({ re, to, sound: false });

/**
 * German written without its special letters — on a keyboard without them, in a Swiss text ("Grüsse") or in an
 * e-mail client that drops them: "ae", "oe", "ue" for "ä", "ö", "ü" and "ss" for "ß" ("Schauglaeser fuer die
 * Kuehlzelle", "Gruesse"). A standard transliteration, not a dialect: it is also read before the message's language is
 * decided (`umlautSpelling`), so "1 Ladegeraet bitte" is German as "1 Ladegerät bitte" is.
 */
const TRANSLITERATIONS: Rule[] = [
  { re: /ae/gu, to: "ä", sound: true },
  { re: /oe/gu, to: "ö", sound: true },
  { re: /ue/gu, to: "ü", sound: true },
  { re: /ss/gu, to: "ß", sound: true },
];

const RULES: Rule[] = [
  ...TRANSLITERATIONS,
  sound(/ii/gu, "ei"),
  // Swiss long "ii" is also a standard "ie" ("Keilriime" → "Keilriemen").
  sound(/ii/gu, "ie"),
  sound(/üü/gu, "eu"),
  // Swiss "üü" is also a standard "äu", the umlaut of "uu" → "au" ("Schlüüch" → "Schläuche", "Hüüser" → "Häuser").
  sound(/üü/gu, "äu"),
  sound(/uu/gu, "au"),
  sound(/ue/gu, "u"),
  // Swiss "üe" for a standard "ü" ("Gummitüecher" → "Gummitücher", "Füess" → "Füss", "Chüeler" → "Kühler").
  sound(/üe/gu, "ü"),
  // Bavarian "oa" for a standard "ei" ("zwoa" → "zwei", "koa" → "kein", "Stoa" → "Stein").
  sound(/oa/gu, "ei"),
  // Swiss "öi" for a standard "eu" ("öich" → "euch", "nöi" → "neu"), Swiss "ö" for a standard "ü" ("för" → "für").
  sound(/öi/gu, "eu"),
  sound(/ö/gu, "ü"),
  // A swallowed "e" of an inner "ge-" ("Ladegrät" → "Ladegerät", "Messgrät" → "Messgerät"), as of an initial one below.
  sound(/(?<=\p{L}{3})g(?=[lr][aeiouäöü])/u, "ge"),
  // Southern "isch", "bisch" for a standard "ist", "bist"; spoken "nen", "nem", "ner" for "einen", "einem", "einer".
  sound(/(?<=^\p{L}{1,2})sch$/u, "st"),
  sound(/^n(?=e[nmr]$)/u, "ein"),
  sound(/tscht/gu, "tzt"),
  sound(/scht/gu, "st"),
  sound(/^ch/u, "k"),
  sound(/^b(?=[^aeiouäöüy])/u, "be"),
  sound(/^g(?=[^aeiouäöüyr])/u, "ge"),
  sound(/ige$/u, "ungen"),
  sound(/ig$/u, "ung"),
  ending(/ed$/u, "en"),
  ending(/e$/u, "en"),
  // Swiss "-le" for a standard "-el" ("Kugle", "Chugle" → "Kugel", "Gable" → "Gabel").
  sound(/(?<=\p{L}{2}[^aeiouäöü])le$/u, "el"),
  ending(/(?<=[^aeiouäöü])$/u, "e"),
  // Swiss "-ä" for a standard "-en"/"-e" ending ("Keilriemä", "Chettä").
  sound(/(?<=\p{L}{3})ä$/u, "en"),
  // A plural by umlaut and "-er" is the singular's word ("Kettenschlösser" → "Kettenschloss", "Kettenräder" →
  // "Kettenrad"): an ending change, taken only towards the catalog's own name words.
  ending(/ä([^aeiouäöü]*)er$/u, "a$1"),
  ending(/ö([^aeiouäöü]*)er$/u, "o$1"),
  ending(/ü([^aeiouäöü]*)er$/u, "u$1"),
  // A plural by umlaut and "-e" likewise ("Schläuche" → "Schlauch", "Bälge" → "Balg").
  ending(/äu([^aeiouäöü]*)e$/u, "au$1"),
  ending(/ä([^aeiouäöü]*)e$/u, "a$1"),
];

/**
 * Bavarian "oi" for a standard "al" ("oide" → "alte", "oidn" → "alten"), with its soft "d" for a "t" between vowels
 * and a dropped "e" of "-en": taken only towards a word of the buyer's own machine labels ("de oide Formatsäg" of the
 * label "Alte Formatsäge") — towards every known word it made "der oide is verbrannt" an "alte" the search found
 * inside other words ("Endhalter").
 */
const LABEL_RULES: Rule[] = [
  sound(/oi/gu, "al"),
  sound(/(?<=[^aeiouäöü])n$/u, "en"),
  sound(/(?<=[aeiouäöül])d(?=[aeiouäöü])/gu, "t"),
];

/** The spellings of a word after one or more correspondences (each applied at most once), fewest changes first. */
function spellings(word: string, rules: readonly Rule[] = RULES): { word: string; sound: boolean }[] {
  let out = [{ word, sound: false }];
  for (const { re, to, sound } of rules) {
    const next: typeof out = [];
    for (const w of out) {
      re.lastIndex = 0;
      if (re.test(w.word)) next.push({ word: w.word.replace(re, to), sound: w.sound || sound });
    }
    out = [...out, ...next];
  }
  return out.slice(1);
}

export interface Lexicon {
  /** A word of the corpus, the catalog's names and options, or a function word (lower case). */
  knows: (word: string) => boolean;
  /**
   * The languages' function words: a spoken short form reaches them by an ending too ("wär" → "wäre", "heut" →
   * "heute", "würd" → "würde"), as it reaches the catalog's name words.
   */
  functionWords?: ReadonlySet<string>;
  /** The catalog's name words, for compounds ("keilriemen" ends "schmalkeilriemen"). */
  nameWords: ReadonlySet<string>;
  /**
   * The words of the catalog's option groups and labels: a long word that after a sound change is one edit from one
   * of them is that word ("Endlagedämpfig" → "endlagedämpfung" → "Endlagendämpfung", a dropped linking n).
   */
  configWords?: ReadonlySet<string>;
  /** A catalog word in another form ("leistungsschütze" of "Leistungsschütz"): a transliteration may reach it. */
  inflected?: (word: string) => boolean;
  /** The words of the buyer's machine labels (`withLabels`): the Bavarian `LABEL_RULES` reach only them. */
  labelWords?: ReadonlySet<string>;
}

const memo = new WeakMap<Lexicon, Map<string, string | null>>();

/** The standard spelling of a word the lexicon does not know, when one of its dialect spellings is known. */
export function standardWord(word: string, lexicon: Lexicon): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3 || lexicon.knows(lower) || inCompound(lower, lexicon.nameWords)) return undefined;
  let cache = memo.get(lexicon);
  if (!cache) memo.set(lexicon, (cache = new Map()));
  let found = cache.get(lower);
  if (found === undefined) {
    // A change of ending alone is taken only towards the catalog's own words ("Keilrieme" → "Keilriemen"): towards the
    // corpus it would turn a standard word the catalog lacks into another form of it ("Pumpe" → "Pumpen").
    const names = lexicon.nameWords;
    const candidates = spellings(lower);
    found =
      (
        candidates.find((c) =>
          c.sound ? lexicon.knows(c.word) : names.has(c.word) || !!lexicon.functionWords?.has(c.word),
        ) ?? candidates.find((c) => c.word.length >= 6 && inCompound(c.word, names))
      )?.word ??
      nearConfigWord(candidates, lexicon.configWords) ??
      labelSpelling(lower, lexicon.labelWords) ??
      null;
    cache.set(lower, found);
  }
  return found ?? undefined;
}

/** A word of the buyer's machine labels that a Bavarian spelling (`LABEL_RULES`) of `word` is. */
function labelSpelling(word: string, labels: ReadonlySet<string> | undefined): string | undefined {
  if (!labels?.size || !word.includes("oi")) return undefined;
  // ("oidn" → "alten": a label word with an ending — of the article's case or the plural — is that word too.)
  return spellings(word, LABEL_RULES).find(
    (c) => labels.has(c.word) || labels.has(c.word.replace(/(?<=e)[nrsm]$/u, "")),
  )?.word;
}

/** The option word one edit from a long sound-changed spelling, when exactly one is. */
function nearConfigWord(
  candidates: { word: string; sound: boolean }[],
  words: ReadonlySet<string> | undefined,
): string | undefined {
  if (!words) return undefined;
  for (const c of candidates) {
    if (!c.sound || c.word.length < LONG) continue;
    const near = [...words].filter((w) => Math.abs(w.length - c.word.length) <= 1 && editDistance(w, c.word) <= 1);
    if (near.length === 1) return near[0];
  }
  return undefined;
}

/** A word this long after a sound change is matched against the option words within one edit. */
const LONG = 10;

/** Whether a word ends a longer name word: the head of a German compound ("keilriemen" of "schmalkeilriemen"). */
function inCompound(part: string, words: ReadonlySet<string>): boolean {
  for (const w of words) if (w.length > part.length + 2 && w.endsWith(part)) return true;
  return false;
}

/**
 * The text with each unknown word that has a known standard spelling replaced by it, its case kept (a capital stays
 * a capital). Words with digits, SKUs and codes stay as written.
 *
 * @example standardSpelling("bitte nomal die gliiche Keilrieme", lexicon) // "bitte nomal die gleiche Keilriemen"
 */
export function standardSpelling(text: string, lexicon: Lexicon, labels: readonly string[] = []): string {
  lexicon = withLabels(lexicon, labels);
  // "Und no Keilriime …", "Und no 2 Kessel …": the southern "no" is "noch" inside a German sentence (a "no" that
  // opens the message answers a question, and stays; a capital "No" before a number is a number sign, "Typ No 3").
  text = text.replace(/(?<=\p{L}[^\p{L}\d]*\s)(?:[Nn]o(?=\s+\p{L})|no(?=\s+\d))/gu, (no) => `${no[0]}och`);
  // "Mia bräuchten a neue, …", "I brauch a Dichtung": the southern "a" before a word of the sentence is the article
  // "ein" — a small "a" anywhere, a capital one only where a sentence opens (elsewhere "Typ A" is a letter value).
  text = text.replace(/(?<=^|[.!?]\s+)A(?=\s+\p{L}{3,})|(?<=\s)a(?=\s+\p{L}{3,})/gu, (a, at: number) =>
    articleOf(text.slice(at + 1).match(/^\s*(\p{L}+)(?=(\s*(?:[?.!,]|$))?)/u) ?? [], a === "A"),
  );
  // "und es Dichtigsset fürs Getriebe": the Swiss article "es" (neuter) before a noun (a capital word) is "ein" — not the
  // pronoun "es" of "es isch kaputt", "es soll …". (Not before a small word of the catalog's names too: that made a Swiss
  // dictation's pronoun an article. Not "e" for "eine": "e Motorstarter-Kombi …, Hilfskontakt 1 Schliesser 1 Öffner"
  // then counted one and its option's counts were read as items of their own.)
  // Only after a word that joins or asks for items ("und es …", "no es …", "bruuched mir es …"): after a verb it is the
  // pronoun of standard German ("Gibt es Filtertrockner … auf Lager?").
  text = text.replace(
    /(?<=(?:^|[\s,;:(])(?:und|oder|no|noch|au|auch|plus|bitte|dazu|mir|mer|mr)\s+)es(?=\s+(\p{L}{3,}))/giu,
    (a, next: string) =>
      // ("es Paar Gabelzinke" is a pair — two — as it was read before.)
      /^\p{Lu}\p{Ll}/u.test(next) && !/^(?:paar|dutzend)$/iu.test(next) ? (a[0] === "E" ? "Ein" : "ein") : a,
  );
  return text.replace(/(?<![\p{L}\d-])\p{L}{3,}(?![\p{L}\d-])/gu, (w) => {
    const std = standardWord(w, lexicon);
    if (!std) return w;
    return w[0] === w[0]!.toUpperCase() ? std[0]!.toUpperCase() + std.slice(1) : std;
  });
}

/** "a bissl", "a weng", "a poar", "a so a …": the southern "a" in a phrase of amount or manner, not a count of one. */
const NO_ITEM_AFTER_A = new Set(
  "bissl bisserl bisschen bissel weng wengl wenig poar paar par so mal moi hoib halb".split(" "),
);

/**
 * The standard article for the southern "a" before a word: "einen" before an "-en" adjective ("a neuen Riemen"),
 * "eine" before an "-e" one ("a neue"), "ein" otherwise ("a Dichtung" reads as one all the same); "a" stays in a
 * phrase of amount ("a bissl Fett" is no count).
 */
function articleOf([, next = "", ends]: readonly (string | undefined)[], capital: boolean): string {
  const word = next.toLowerCase();
  if (NO_ITEM_AFTER_A.has(word)) return capital ? "A" : "a";
  // "händ ihr s Schauglas no a Lager?": before "Lager" that ends the clause the southern "a" is "auf" (in stock) — "i
  // bräucht a Lager 6205" asks for a bearing.
  if (word === "lager" && ends !== undefined) return capital ? "Auf" : "auf";
  const std = word.endsWith("en") && word === next ? "einen" : word.endsWith("e") && word === next ? "eine" : "ein";
  return capital ? std[0]!.toUpperCase() + std.slice(1) : std;
}

/**
 * The lexicon with the words of the buyer's machine labels ("d'Späneabsaugig" is the "Späneabsaugung" of the label
 * "Späneabsaugung"): the buyer's own vocabulary, kept per set of labels so its spellings are read once.
 */
function withLabels(lexicon: Lexicon, labels: readonly string[]): Lexicon {
  const all = [
    ...new Set(labels.flatMap((l) => l.toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length > 2)),
  ].sort();
  if (all.length === 0) return lexicon;
  const words = all.filter((w) => !lexicon.knows(w));
  let byLabels = labelled.get(lexicon);
  if (!byLabels) labelled.set(lexicon, (byLabels = new Map()));
  const key = all.join(" ");
  let out = byLabels.get(key);
  if (!out) {
    const own = new Set(words);
    out = { ...lexicon, knows: (w) => own.has(w) || lexicon.knows(w), labelWords: new Set(all) };
    byLabels.set(key, out);
  }
  return out;
}
const labelled = new WeakMap<Lexicon, Map<string, Lexicon>>();

const transliterated = new WeakMap<Lexicon, Map<string, string | null>>();

/**
 * The text with each unknown word written without umlauts or "ß" ("Ladegeraet", "Kuehlzelle", "Gruesse") in its
 * standard spelling, when that is a word the lexicon knows — read before the message's language is decided. Only the
 * transliterations: an English word is either known ("blue", "does", "pass") or has no known German spelling.
 *
 * @example umlautSpelling("1 Ladegeraet bitte", lexicon) // "1 Ladegerät bitte"
 */
export function umlautSpelling(text: string, lexicon: Lexicon): string {
  let cache = transliterated.get(lexicon);
  if (!cache) transliterated.set(lexicon, (cache = new Map()));
  const memo = cache;
  return text.replace(/(?<![\p{L}\d-])\p{L}{3,}(?![\p{L}\d-])/gu, (w) => {
    const lower = w.toLowerCase();
    if (!/ae|oe|ue|ss/u.test(lower) || lexicon.knows(lower) || lexicon.inflected?.(lower)) return w;
    let found = memo.get(lower);
    if (found === undefined) {
      found =
        spellings(lower, TRANSLITERATIONS).find(
          (c) =>
            lexicon.knows(c.word) ||
            lexicon.inflected?.(c.word) ||
            (c.word.length >= 6 && inCompound(c.word, lexicon.nameWords)),
        )?.word ?? null;
      if (memo.size > 5000) memo.clear();
      memo.set(lower, found);
    }
    if (!found) return w;
    return w[0] === w[0]!.toUpperCase() ? found[0]!.toUpperCase() + found.slice(1) : found;
  });
}
