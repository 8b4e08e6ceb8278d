/**
 * A count the buyer writes that is no orderable quantity: below one ("-5", "0"), no number at all ("NaN",
 * "Infinity"), out of range ("1e308", "99999999999") or a sliver of a piece ("0.0000001 pieces", "2,5 Stück").
 * The quantity reader skips what it cannot read as a count, so the line was added with one piece and the buyer saw
 * "1 ×" before confirming. Such a count is named back to the buyer with the question how many, and nothing is
 * changed on that reading; signed values of a spec ("-20 °C", "0-16 bar") are measures, not counts.
 */
import type { Knowledge } from "./recognise.ts";
import { recogniseMeasures } from "./nlu/understand.ts";
import type { Lang } from "./nlu/understand.ts";

/** The most one line may hold (the add tools' own limit). */
export const MAX_LINE_QUANTITY = 1_000_000;

export type OddKind = "not_positive" | "not_a_number" | "too_large" | "fraction_of_piece";

export interface OddQuantity {
  text: string;
  kind: OddKind;
}

const PIECE_WORDS = /^(?:pieces?|pcs?|stück|stueck|stk|teile?|x|×)$/iu;
/** Words a count follows: "add -5 …", "make it 0", "Menge: -3", "bestelle 1e308 …". */
const COUNT_VERBS =
  /^(?:add|need|want|make|it|them|qty|quantity|menge|anzahl|stückzahl|bestelle|brauche?n?|nimm|nehme|mach)$/iu;
/** Words after a signed or zero number that make it a value of a spec, not a count. */
const SPEC_WORDS =
  /^(?:°\w*|grad|degrees?|deg|celsius|kelvin|bar|mbar|v|kw|w|hz|a|ma|mm|cm|m|%|uhr|h|min|tage?n?|days?)$/iu;

const NUMBERISH =
  /(?<=^|[\s:(=,;])(?:[-−](?=\d))?(?:\d+(?:[.,]\d+)*(?:e[+-]?\d+)?|nan|infinity|inf)(?=$|[\s;!?)]|[,.](?!\d))/giu;

/** The counts in the text that are no orderable quantity, in the order written. */
export function oddQuantities(text: string, k: Knowledge): OddQuantity[] {
  const measures = recogniseMeasures(text);
  const out: OddQuantity[] = [];
  for (const m of text.matchAll(NUMBERISH)) {
    const start = m.index ?? 0;
    const raw = m[0];
    // "- 2 wear rings", "-2x knives" on a line of its own: a list's bullet, not a sign.
    if (/^[-−]/.test(raw) && /(?:^|\n)\s*$/.test(text.slice(0, start)) && text.includes("\n")) continue;
    if (measures.some((x) => x.start <= start && start < x.end)) continue;
    const after =
      text
        .slice(start + raw.length)
        .trim()
        .split(/\s+/)[0]
        ?.toLowerCase() ?? "";
    const next = after.replace(/[,;.!?:]+$/, "");
    const before = text.slice(0, start).trim().split(/\s+/).at(-1)?.toLowerCase().replace(/[:=]$/, "") ?? "";
    if (SPEC_WORDS.test(next) || k.measureUnits.has(next)) continue;
    // Where a count stands: before the word it counts, a unit or a product code, or after an order word.
    const counts =
      PIECE_WORDS.test(next) ||
      k.unitCodes.has(next) ||
      (/\d/.test(next) && /\p{L}/u.test(next)) ||
      COUNT_VERBS.test(before) ||
      PIECE_WORDS.test(before);
    // A long number before a product word is as often a serial or an order number ("Serie 4500012345 Pumpe").
    const kind = oddKind(raw, PIECE_WORDS.test(next) && !/^(?:x|×)$/iu.test(next));
    if (kind && (counts || (kind !== "too_large" && k.headWord(next)) || /e[+-]?\d/i.test(raw)))
      out.push({ text: raw, kind });
  }
  return out;
}

function oddKind(raw: string, inPieces: boolean): OddKind | undefined {
  const plain = raw.replace(/^−/, "-").toLowerCase();
  if (/^-?(?:nan|inf|infinity)$/.test(plain)) return "not_a_number";
  if (/e[+-]?\d+$/.test(plain)) return "too_large";
  if (plain.startsWith("-")) return "not_positive";
  // "1.000.000" (thousands) or "2,5" (a decimal comma): read as the buyer's locale would.
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(plain) && !/^0[.,]/.test(plain);
  const value = Number(grouped ? plain.replace(/[.,]/g, "") : plain.replace(",", "."));
  if (!Number.isFinite(value)) return "not_a_number";
  if (value === 0) return "not_positive";
  if (value > MAX_LINE_QUANTITY) return "too_large";
  if (value < 0.001) return "fraction_of_piece";
  if (inPieces && !Number.isInteger(value)) return "fraction_of_piece";
  return undefined;
}

const REASON: Record<Lang, Record<OddKind, string>> = {
  en: {
    not_positive: "a quantity must be more than zero (to take something off the order, say which line to remove)",
    not_a_number: "that is not a number",
    too_large: `one line holds at most ${MAX_LINE_QUANTITY.toLocaleString("en-GB")}`,
    fraction_of_piece: "pieces are counted in whole numbers",
  },
  de: {
    not_positive:
      "eine Menge muss größer als null sein (um etwas aus der Bestellung zu nehmen, nennen Sie die Position zum Entfernen)",
    not_a_number: "das ist keine Zahl",
    too_large: `eine Position fasst höchstens ${MAX_LINE_QUANTITY.toLocaleString("de-DE")}`,
    fraction_of_piece: "Stück werden in ganzen Zahlen gezählt",
  },
};

/** The question back: the count as written, why it is no quantity, and how many. */
export function oddQuantityQuestion(odd: OddQuantity[], lang: Lang): string {
  const first = odd[0]!;
  return lang === "de"
    ? `„${first.text}“ kann ich nicht als Menge übernehmen: ${REASON.de[first.kind]}. Ich habe nichts geändert — wie viele brauchen Sie?`
    : `I can't take "${first.text}" as a quantity: ${REASON.en[first.kind]}. I have changed nothing — how many do you need?`;
}
