/**
 * "Ja, pro Schar einen Schraubensatz", "one bolt set per share", "je Sensor ein Kabel", "a cable for each sensor": one
 * of a line of the order for every piece of the lines the other words name — that line's count becomes their total
 * (5 left and 5 right shares: 10 bolt sets). Said with no count of its own; the lines are told apart by the words, or
 * by what the catalog search finds for them ("Schraubensatz" of a "Share bolt set").
 */
import { analyse, lineWordCounts, type Ctx } from "./context.ts";
import { tokenizeText } from "./recognise.ts";

/** "pro Schar", "je Sensor", "per share", "for each sensor", "für jede Spitze", "zu jedem Sensor": the word counted by. */
const PER =
  /(?<![\p{L}])(?:pro|je|per|für\s+jede[nmrs]?|fuer\s+jede[nmrs]?|zu\s+jede[mnr]|for\s+(?:each|every))\s+(\p{L}[\p{L}-]*)/iu;
/** The one said of the other line: "einen Schraubensatz", "one bolt set", "a cable". */
const ONE = /(?<![\p{L}])(?:ein|eine|einen|einem|one|a|an)(?![\p{L}])/iu;

/** The line's new count, when the message asks for one of it per piece of other lines. */
export function perLineCount(ctx: Ctx): { lineId: string; quantity: number } | undefined {
  const text = ctx.conv.text;
  const lines = ctx.conv.draft.lines;
  const per = PER.exec(text);
  if (!per || lines.length < 2 || /\d/.test(text) || text.includes("?")) return undefined;
  const rest = `${text.slice(0, per.index)} ${text.slice(per.index + per[0].length)}`;
  if (!ONE.test(rest)) return undefined;
  const line = linesNamed(ctx, rest, true)[0];
  if (!line) return undefined;
  // The lines counted by: every other line the word names, all in one unit.
  const counted = linesNamed(ctx, per[1]!, false).filter((l) => l.lineId !== line.lineId);
  if (counted.length === 0 || counted.some((l) => l.unit !== counted[0]!.unit)) return undefined;
  const quantity = counted.reduce((sum, l) => sum + l.quantity, 0);
  return quantity !== line.quantity ? { lineId: line.lineId, quantity } : undefined;
}

/**
 * The lines of the order a phrase names: those whose names carry its words (the one that carries most, for `one`),
 * else those the catalog search finds for it (the first found, for `one`).
 */
function linesNamed(ctx: Ctx, phrase: string, one: boolean) {
  const lines = ctx.conv.draft.lines;
  const sub: Ctx = { ...ctx, conv: { ...ctx.conv, text: phrase }, tokens: tokenizeText(phrase), analyses: new Map() };
  const counts = lineWordCounts(sub);
  const best = Math.max(0, ...counts.map((x) => x.n));
  const named = counts.filter((x) => x.n > 0 && (!one || x.n === best));
  if (named.length > 0 && !(one && named.length > 1)) return lines.filter((l) => named.some((x) => x.id === l.lineId));
  // (Several lines carry the words alike — "einen Schraubensatz" of shares and their bolt sets: the search decides.)
  const hits = analyse(sub, phrase).guess?.hits ?? [];
  const among = named.length > 0 ? lines.filter((l) => named.some((x) => x.id === l.lineId)) : lines;
  const found = hits.flatMap((h) => among.filter((l) => l.sku === h.sku));
  return one ? found.slice(0, 1) : found;
}
