/**
 * The entities of one buyer text as typed spans, read by the understanding stage's recognizers: sizes (Microsoft
 * Recognizers), the buyer's machines, SKUs and quantities (catalog knowledge, `recognise.ts`), a requested date
 * (chrono-node) and a PO reference. Overlaps are resolved in that order: a number inside a size, a machine reference,
 * a SKU, a date or a PO reference is never a quantity. Used to score the stage (`offline.nlu.entity_f1`); catalog-neutral like the rest.
 */
import type { MachineView } from "../conversation.ts";
import {
  findMachines,
  findPoReference,
  findQuantities,
  type Knowledge,
  sizeTokensOf,
  type Token,
  tokenizeText,
} from "../recognise.ts";
import { type Lang, recogniseDateSpan, recogniseMeasures, type Span } from "./understand.ts";

export type EntityType = "quantity" | "size" | "machine" | "sku" | "date" | "po";

export interface Entity {
  type: EntityType;
  /**
   * quantity: "3" or "3 BOX" (with the catalog unit code the buyer named); size: "63 Millimeter"; machine: its id;
   * sku: the SKU; date: ISO date; po: the reference.
   */
  value: string;
  /** Where in the text; absent for a date (read from the whole text). */
  span?: Span;
}

const NUMBER_TOKEN =
  /^(?:\d+(?:[.,]\d+)?|a|an|ein|eine|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty|hundred|dozen|pair|couple|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|fünfzig|hundert|dutzend|paar)$/;

function spanOfTokens(text: string, tokens: Token[], indices: number[]): Span | undefined {
  if (!indices.length) return undefined;
  const first = tokens[Math.min(...indices)]!;
  const last = tokens[Math.max(...indices)]!;
  const start = first.start;
  const end = last.start + last.text.length;
  return { start, end, text: text.slice(start, end) };
}

export function recogniseEntities(
  text: string,
  lang: Lang,
  k: Knowledge,
  machines: MachineView[],
  now?: Date,
): Entity[] {
  const out: Entity[] = [];
  const tokens = tokenizeText(text);
  const measures = recogniseMeasures(text);
  const taken = new Set<number>(sizeTokensOf(tokens, measures, k));
  // A measure in a unit the catalog sells in ("20 metres" of hose) is the quantity, not a size.
  for (const m of measures)
    if (tokens.some((t) => taken.has(t.index) && t.start >= m.start && t.start < m.end))
      out.push({ type: "size", value: `${m.value} ${m.unit}`, span: { start: m.start, end: m.end, text: m.text } });
  const found = findMachines(tokens, machines, k.common, k.phraseGroups);
  for (const m of found) {
    for (const i of m.tokens) taken.add(i);
    const span = spanOfTokens(text, tokens, m.tokens);
    out.push({ type: "machine", value: m.machine.machineId, ...(span ? { span } : {}) });
  }
  for (const t of tokens) {
    if (taken.has(t.index) || !/\d/.test(t.text) || !/\p{L}/u.test(t.text) || !/[-/.]/.test(t.text)) continue;
    const exact = k.search.search({ query: t.text, limit: 1 }).find((h) => h.match === "sku_exact");
    if (!exact) continue;
    taken.add(t.index);
    out.push({ type: "sku", value: exact.sku, span: spanOfTokens(text, tokens, [t.index])! });
  }
  // A date ("by 15 December", "10.12.2026") and a PO reference are read first: their numbers are no quantity.
  const date = recogniseDateSpan(text, lang, now, measures);
  const po = findPoReference(text);
  const poAt = po ? text.indexOf(po) : -1;
  for (const t of tokens)
    if (
      (date && t.start >= date.start && t.start < date.end) ||
      (po && poAt >= 0 && t.start >= poAt && t.start < poAt + po.length)
    )
      taken.add(t.index);
  for (const q of findQuantities(tokens, k, taken)) {
    // The span is the number ("3", "zwei", "a dozen"); the unit word the buyer named is in the value.
    const number = q.tokens.filter((i) => NUMBER_TOKEN.test(tokens[i]!.lower));
    const span = spanOfTokens(text, tokens, number.length ? number : q.tokens);
    out.push({ type: "quantity", value: q.unit ? `${q.value} ${q.unit}` : `${q.value}`, ...(span ? { span } : {}) });
  }
  if (date) out.push({ type: "date", value: date.iso });
  if (po)
    out.push({
      type: "po",
      value: po,
      ...(poAt >= 0 ? { span: { start: poAt, end: poAt + po.length, text: po } } : {}),
    });
  return out;
}
