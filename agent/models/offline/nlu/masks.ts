/**
 * Entity masking for the sub-word reader of the intent ensemble (`subwords.ts`). The reader weighs the letters of
 * every word, so in a first request ("2 pressure gauges 63 mm 0-16 bar") the n-grams of product words and sizes
 * out-voted nlp.js's sure reading of an order. What the recognisers already identified — sizes (Microsoft
 * Recognizers), catalog words, machines, codes and PO references (`catalog-masks.ts`) — is therefore replaced by a
 * class placeholder ("⟨size⟩", "⟨product⟩") before the reader sees the text, the same way at training time (the
 * corpus names no product, so its utterances get the generic masks only: sizes). A placeholder is one feature
 * without n-grams, and the reader's weight in the ensemble follows the share of the text its features rest on.
 */
import { recogniseMeasures } from "./understand.ts";

export type MaskKind = "product" | "machine" | "code" | "size" | "po";

/** A recognised span of a text, by what it is. */
export interface MaskSpan {
  start: number;
  end: number;
  kind: MaskKind;
}

export const placeholderOf = (kind: MaskKind) => `⟨${kind}⟩`;

/** The spans replaced by their placeholders; overlapping spans are one (the first one's kind). */
export function applyMasks(text: string, spans: readonly MaskSpan[]): string {
  if (!spans.length) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    const from = Math.max(s.start, at);
    out += `${text.slice(at, from)} ${from === s.start ? placeholderOf(s.kind) : ""} `;
    at = s.end;
  }
  // "63 mm 0-16 bar": one size, one placeholder.
  return (out + text.slice(at))
    .replace(/\s+/g, " ")
    .replace(/(⟨[a-z]+⟩)(?: \1)+/g, "$1")
    .trim();
}

/** The masks that need no catalog: numbers with a unit of measurement ("63 mm", "0-16 bar", '1/2"'). */
export function genericMasks(text: string): MaskSpan[] {
  return recogniseMeasures(text).map((m) => ({ start: m.start, end: m.end, kind: "size" as const }));
}

/**
 * The word of a size said after its number, with or without a unit ("1200 long", "30 wide", "1,5 m lang", "500 breit"):
 * part of the size. Read alone, "long" is the "how long" of a delivery question and leaned a plain order line ("2
 * timing belts HTD 8M 1200 long 30 wide for the wrapper") toward one. A count before an adjective of its product ("2
 * long belts", "10 lange Schrauben") is no size: the word must end the clause or come before a word of its frame.
 */
const SIZE_AFTER_NUMBER =
  /(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?\s?(?:mm|cm|m|in|inch|zoll|"|'')?\s?(?:long|wide|high|tall|deep|thick|lang|breit|hoch|tief|dick|stark)(?![\p{L}\p{N}])(?!\s*(?!(?:for|für|fürs|and|und|with|mit|x|please|bitte|pls|on|an|am|zum|zur|to)(?![\p{L}]))\p{L})/giu;

/** The spans of sizes said as a number and the word of the size (`SIZE_AFTER_NUMBER`). */
export function sizeWordSpans(text: string): MaskSpan[] {
  return [...text.matchAll(SIZE_AFTER_NUMBER)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    kind: "size" as const,
  }));
}
