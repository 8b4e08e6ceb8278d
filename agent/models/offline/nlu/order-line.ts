/**
 * An order line said as names: "VFD-1.5-400 for line 3", "Nachrüstset für Pumpwerk Süd bitte", "Verflüssigungssatz
 * nach Konfiguration für Freezer 3: R449A, Tiefkühlung, 400V 3ph, Außenaufstellung". Such a request is a product, a
 * machine or a count, and between them only words that lean toward no intent ("for", "für", "the", "bitte"). The
 * classifier has nothing to read in it but those function words, and they lean wherever the corpus happened to use
 * them: the corpus names no product ("it", "the part"), and its later authors wrote "for machine 2" mostly in fit
 * questions and delivery notes — so nlp.js read the first as a fit question (0.75) and the last as order details
 * (0.71), and nothing was ordered. What the recognisers identified decides instead: a product with a machine or a
 * count, and no word that asks for anything else, is an order line (`add`).
 *
 * A word that leans toward an intent ("stock", "kostet", "skip", "drop", "Kunde") leaves the classifier's reading as
 * it is: "is X in stock for line 3?" stays a stock question, "X for line 3, skip the check" an attack. A question is
 * an order line only with a count ("händ ihr 4 Sensor-Kabel 5 m für d Line 3?": do you have four — nlp.js read "ihr"
 * as a search, 1.00); "X for line 3?" may ask whether it fits. Words the corpus does not know (option values,
 * shop-floor words, dialect) lean toward nothing.
 */
import type { Classification } from "./classifier.ts";
import type { Intent } from "./corpus.ts";
import { leaningsOf } from "./evidence.ts";
import { genericMasks, type MaskSpan, sizeWordSpans } from "./masks.ts";

/** What an order line read from its names scores at least: as sure as a reading the decision acts on. */
export const ORDER_LINE_SCORE = 0.5;

/** A count said with the line: a number standing alone ("2", "20x", "x2"), not part of a code or a size. */
const COUNT = /(?<![\p{L}\p{N}.,/-])(?:\d+\s?[x×]?|[x×]\s?\d+)(?![\p{L}\p{N}.,/-])/u;

export interface OrderLineInput {
  /** The clause as the classifier read it (SKU-like tokens already left out: `skuLike` tells whether there were). */
  text: string;
  /** The recognisers' spans in `text` (catalog words, codes, machines, sizes, PO references). */
  masks: readonly MaskSpan[];
  /** The clause named a SKU-like token (left out of `text`). */
  skuLike: boolean;
  /** The clause ends with a question mark. */
  asked: boolean;
  /** The classifier's reading of the clause. */
  read?: Classification;
}

/** Whether the clause is an order line said as names: a product, with a machine or a count, and nothing else asked. */
export function isOrderLine({ text, masks, skuLike, asked, read }: OrderLineInput): boolean {
  const product = skuLike || masks.some((m) => m.kind === "product" || m.kind === "code");
  if (!product) return false;
  // What is left once every recognised span is taken out: the words the classifier could read ("1200 long" is a size).
  const spans = [...masks, ...genericMasks(text), ...sizeWordSpans(text)].sort((a, b) => a.start - b.start);
  let rest = "";
  let at = 0;
  for (const s of spans) {
    if (s.end <= at) continue;
    rest += `${text.slice(at, Math.max(at, s.start))} `;
    at = s.end;
  }
  rest += text.slice(at);
  // A question needs the count: "händ ihr 4 Sensor-Kabel 5 m für d Line 3?" asks for four; "X for line 3?" may ask
  // whether it fits.
  const machine = masks.some((m) => m.kind === "machine");
  if (!COUNT.test(rest) && (asked || !machine)) return false;
  // "Getriebemotor fürs Steigband": a product word with a machine, no count and no code, read as a search — the
  // products that fit are listed to choose from; a code or a count says which and how many.
  const code = skuLike || masks.some((m) => m.kind === "code");
  if (!COUNT.test(rest) && !code && read?.intent === "find" && read.score >= ORDER_LINE_SCORE) return false;
  return leaningsOf(rest).every((i) => i === "add");
}

/** The clause's reading as an order line: `add` first, at least `ORDER_LINE_SCORE`; the other readings after it. */
export function asOrderLine<C extends Classification>(c: C): C {
  const add = c.intent === "add" ? c.score : (c.ranked?.find((r) => r.intent === "add")?.score ?? 0);
  const score = Math.max(add, ORDER_LINE_SCORE);
  const others = (c.ranked ?? [{ intent: c.intent, score: c.score }]).filter((r) => r.intent !== "add");
  return { ...c, intent: "add" as Intent, score, ranked: [{ intent: "add" as Intent, score }, ...others].slice(0, 3) };
}
