/**
 * "4 filter driers DML 084 – actually make that 5", "4 Filtertrockner, nein, 5", "3 sight glasses … sorry I meant 2":
 * a buyer who corrects a count in the message that says it means the count after the correcting words. The message is
 * read as the buyer meant it ("5 filter driers DML 084"): the count before the correction takes the new number, the
 * correcting words go. Only a bare count after them (a unit word — also an order unit of the catalog: "ne sorry, 4
 * Eimer", "no wait, 3 boxes" — or a courtesy at most, up to the clause's end): "no wait, pump 3" or "sorry, 2 sight
 * glasses too" say more than a count and stay as written.
 */
import { findQuantities, numberWordValue, sizeTokensOf, tokenizeText, type Knowledge } from "./recognise.ts";
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

/** The message with each count it corrects itself on read as corrected; else the message as it is. */
export function selfCorrected(text: string, k: Knowledge, labels: readonly string[] = []): string {
  // ("4 mech seals for pump 2 – sorry, I meant 2": the number of a machine's label counts nothing.)
  const labelEnds = new Set(labels.map((l) => l.toLowerCase().split(/\s+/).slice(-2).join(" ")));
  let out = text;
  for (const m of [...text.matchAll(CORRECTION)].reverse()) {
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
  return out;
}
