/**
 * "4 filter driers DML 084 – actually make that 5", "4 Filtertrockner, nein, 5", "3 sight glasses … sorry I meant 2":
 * a buyer who corrects a count in the message that says it means the count after the correcting words. The message is
 * read as the buyer meant it ("5 filter driers DML 084"): the count before the correction takes the new number, the
 * correcting words go. A bare count (a unit word — also an order unit of the catalog: "ne sorry, 4 Eimer", "no wait, 3
 * boxes" — or a courtesy at most, up to the clause's end) corrects the last count; a count with words of an item said
 * before ("2 sight glasses and 4 filter driers, sorry 3 driers", "…, äh, 3 Trockner", "no wait, 3 of the driers")
 * corrects that item's count. Words that name no item said ("no wait, pump 3", "sorry, 2 sight glasses too") say more
 * than a count and stay as written.
 */
import {
  findQuantities,
  numberWordValue,
  sizeTokensOf,
  tokenizeText,
  type Knowledge,
  unitSymbol,
  wordStem,
} from "./recognise.ts";
import { recogniseMeasures } from "./nlu/understand.ts";

/**
 * Words that take back what was just said ("sorry", "I meant", "make that", "äh", "ich mein") — and a "no" or "nein" set
 * off by a stop of its own ("no, 5", "nein – 5", "no wait, 6"): "Station no 5" numbers a thing. (Not the ordinary words
 * "um", "doch", "lieber": "bis Freitag um 10" says when.)
 */
const TAKING_BACK =
  "(?:sorry|oops|wait|warte|actually|eigentlich|correction|korrektur|i\\s+mean|i\\s+meant|ich\\s+mein(?:e|te)?|make\\s+(?:that|it)|mach\\s+(?:das|es)|scratch\\s+that|or\\s+rather|oder\\s+(?:besser|lieber)|äh|ähm|öhm|err|erm|quatsch)(?![.\\p{L}])[\\s,:!–—-]*";
const SAYING_NO = "(?:no|nope|nein|nee|ne)(?:\\s*[,:!–—-]+\\s*|\\s+(?=(?:wait|warte|sorry)(?![\\p{L}])))";
/** A "no" after a hesitation needs no stop of its own: "äh nee 6", "ach nein, 5", "uh no 4". */
const HESITANT_NO = "(?:äh|ähm|öhm|ach|ah|oh|uh|uhm|err|erm)[\\s,]+(?:no|nope|nein|nee|ne)(?![\\p{L}])[\\s,:!–—-]*";
const SHORT_UNITS = new Set(["pcs", "pieces", "pc", "stück", "stk", "st", "x"]);
const COURTESIES = new Set(["please", "pls", "bitte", "thanks", "danke"]);
/** A count word or number the correction ends with, then a unit word or courtesy at most, up to the clause's end. */
const CORRECTION = new RegExp(
  `(?:\\s*[,;:!–—-]+\\s*|\\s+|\\s*\\.{2,}\\s*)\\(?\\s*(?:${HESITANT_NO}|${TAKING_BACK}|${SAYING_NO})+(\\d+|\\p{L}+)(?:\\s*(\\p{L}+))?(?:\\s*(?:please|pls|bitte|thanks|danke))?\\s*\\)?(?=\\s*(?:[,;.!?]|$)|\\s+(?:and|und|plus)\\s)`,
  "giu",
);

/**
 * A correction that names its item: the count, then one to three words of an item said before (after "of the", "der",
 * "von den" at most), then a courtesy at most, up to the clause's end.
 */
const NAMED_CORRECTION = new RegExp(
  `(?:\\s*[,;:!–—-]+\\s*|\\s+|\\s*\\.{2,}\\s*)\\(?\\s*(?:${HESITANT_NO}|${TAKING_BACK}|${SAYING_NO})+(\\d+|\\p{L}+)\\s+(?:(?:of\\s+(?:the|those|them)|von\\s+(?:den|denen)|der|die)\\s+)?(\\p{L}[\\p{L}-]*(?:\\s+\\p{L}[\\p{L}-]*){0,2})(?:\\s*(?:please|pls|bitte|thanks|danke))?\\s*\\)?(?=\\s*(?:[,;.!?]|$)|\\s+(?:and|und|plus)\\s)`,
  "giu",
);
/**
 * A correction that states a value with its unit ("ach nee, den mit 34 Watt", "no wait, the 10 W one", "sorry I meant
 * 25 A"): the number and unit, after "the (one) with", "den mit" at most, then "one" or a courtesy at most, up to the
 * clause's end.
 */
const MEASURE_CORRECTION = new RegExp(
  `(?:\\s*[,;:!–—-]+\\s*|\\s+|\\s*\\.{2,}\\s*)\\(?\\s*(?:${HESITANT_NO}|${TAKING_BACK}|${SAYING_NO})+(?:(?:the|den|die|das|der|dem|lieber|rather)\\s+)?(?:(?:one|version|variante|ausführung)\\s+)?(?:(?:with|mit)\\s+)?(\\d+(?:[.,]\\d+)?)\\s?(\\p{L}+)(?:\\s+(?:one|version|variant|variante|ausführung|please|pls|bitte|thanks|danke))?\\s*\\)?(?=\\s*(?:[,;.!?]|$)|\\s+(?:and|und|plus)\\s)`,
  "giu",
);
/** A value with its unit said before a correction (the value a measure correction takes back). */
const VALUE_WITH_UNIT = /(?<![\p{L}\d.,])(\d+(?:[.,]\d+)?)\s?(\p{L}+)(?![\p{L}\d])/gu;
/** Units of money: a price corrected is no spec of the product. */
const MONEY_UNITS = new Set(["eur", "euro", "euros", "usd", "gbp", "chf", "cent", "cents"]);

/** Words that end what a counted item's words are ("… and 2 glasses", "…, 3 Trockner"). */
const ITEM_END = /^(?:and|und|plus|sowie|also|auch|too|for|für|fuer|an|am|on|at|bei|zum|zur)$/;

/** The message with each count it corrects itself on read as corrected; else the message as it is. */
export function selfCorrected(text: string, k: Knowledge, labels: readonly string[] = []): string {
  // ("4 mech seals for pump 2 – sorry, I meant 2": the number of a machine's label counts nothing.)
  const labelEnds = new Set(labels.map((l) => l.toLowerCase().split(/\s+/).slice(-2).join(" ")));
  let out = measureCorrected(text, k);
  for (const m of [...out.matchAll(CORRECTION)].reverse()) {
    const word = m[1]!.toLowerCase();
    const now = /^\d+$/.test(word) ? Number(word) : numberWordValue(word);
    if (!now) continue;
    // The word after the count: a unit the catalog orders in ("4 Eimer", "3 boxes") or a courtesy, nothing else.
    const unit = m[2]?.toLowerCase();
    if (unit && !SHORT_UNITS.has(unit) && !COURTESIES.has(unit) && !k.unitCodes.has(unit)) continue;
    const before = out.slice(0, m.index);
    const tokens = tokenizeText(before);
    const counts = findQuantities(tokens, k, sizeTokensOf(tokens, recogniseMeasures(before), k));
    // The count the correction takes back: the last one before it, written as a number.
    const number = counts
      .filter((q) => !q.tokens.some((i) => labelEnds.has(`${tokens[i - 1]?.lower} ${tokens[i]!.lower}`)))
      .at(-1)
      ?.tokens.map((i) => tokens[i]!)
      .find((t) => /^\d+$/.test(t.text));
    if (!number || Number(number.text) === now) continue;
    out = `${before.slice(0, number.start)}${now}${before.slice(number.start + number.text.length)}${out.slice(m.index! + m[0].length)}`;
  }
  for (const m of [...out.matchAll(NAMED_CORRECTION)].reverse()) {
    const word = m[1]!.toLowerCase();
    const now = /^\d+$/.test(word) ? Number(word) : numberWordValue(word);
    if (!now) continue;
    const before = out.slice(0, m.index);
    const tokens = tokenizeText(before);
    const counts = findQuantities(tokens, k, sizeTokensOf(tokens, recogniseMeasures(before), k)).filter(
      (q) => !q.tokens.some((i) => labelEnds.has(`${tokens[i - 1]?.lower} ${tokens[i]!.lower}`)),
    );
    const named = m[2]!
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => !SHORT_UNITS.has(w) && !COURTESIES.has(w));
    if (named.length === 0) continue;
    // The item the words name: the last counted item whose own words (up to the next count or clause) hold them all.
    const item = counts.findLast((q, n) => {
      const from = Math.max(...q.tokens) + 1;
      const to = counts[n + 1] ? Math.min(...counts[n + 1]!.tokens) : tokens.length;
      const own: string[] = [];
      for (let i = from; i < to && !ITEM_END.test(tokens[i]!.lower) && !/[,;.!?]/.test(tokens[i - 1]?.tail ?? ""); i++)
        own.push(tokens[i]!.lower);
      return named.every((w) => own.some((o) => sameItemWord(w, o)));
    });
    const number = item?.tokens.map((i) => tokens[i]!).find((t) => /^\d+$/.test(t.text));
    if (!number || Number(number.text) === now) continue;
    out = `${before.slice(0, number.start)}${now}${before.slice(number.start + number.text.length)}${out.slice(m.index! + m[0].length)}`;
  }
  return out;
}

/**
 * Whether a word of a correction names a word of an item: the same word in another number ("driers", "drier";
 * "Schaugläser", "Schauglas") or the head of a compound ("Trockner" of "Filtertrockner"). Four letters or more.
 */
function sameItemWord(said: string, word: string): boolean {
  const a = fold(said);
  const b = fold(word);
  if (a.length < 4 || b.length < 4) return a === b;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (long.startsWith(short) && long.length - short.length <= 3) || b.endsWith(a) || wordStem(a) === wordStem(b);
}
const fold = (w: string) => w.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * "Lüftermotor 10 Watt, ach nee, den mit 34 Watt", "contactor 9 A …, sorry I meant 25 A": a value with its unit that
 * takes back the last value said before it in the same unit is read in its place ("Lüftermotor 34 Watt"); the
 * correcting words go. A unit the catalog does not measure in, or no earlier value in it, leaves the text as it is.
 */
function measureCorrected(text: string, k: Knowledge): string {
  if (!/\d\s?\p{L}+[\s)]*(?:[,;.!?]|$|\s(?:and|und|plus)\s)/iu.test(text)) return text;
  const unitOf = (word: string) => {
    const lower = word.toLowerCase();
    const symbol = unitSymbol(
      lower.endsWith("s") && unitSymbol(lower.slice(0, -1)) !== lower.slice(0, -1) ? lower.slice(0, -1) : lower,
    );
    return !MONEY_UNITS.has(symbol) && k.measureUnits.has(symbol) && !k.unitCodes.has(symbol) ? symbol : undefined;
  };
  let out = text;
  for (const m of [...text.matchAll(MEASURE_CORRECTION)].reverse()) {
    const unit = unitOf(m[2]!);
    if (!unit) continue;
    const before = out.slice(0, m.index);
    const said = [...before.matchAll(VALUE_WITH_UNIT)].findLast((v) => unitOf(v[2]!) === unit);
    if (!said || said[1] === m[1]) continue;
    const at = said.index!;
    out = `${before.slice(0, at)}${m[1]}${before.slice(at + said[1]!.length)}${out.slice(m.index! + m[0].length)}`;
  }
  return out;
}
