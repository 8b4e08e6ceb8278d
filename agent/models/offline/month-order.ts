/**
 * "Das gleiche wie im März", "the seals like in April", "our March order": an earlier order named by the month it was
 * placed in — the latest order of that month (with a line for the machine named, when one is), and of its lines those
 * the words name (all when they name none; those of the machine named, when it has some).
 */
import type { Analysis, Ctx } from "./context.ts";
import { foldUmlauts } from "./nlu/subwords.ts";
import { stemOf } from "../../../catalog/queries/search.ts";
import { replacedCount, wordsOf } from "./recognise.ts";

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  january: 1,
  jan: 1,
  februar: 2,
  feber: 2,
  february: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  march: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  juli: 7,
  july: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  december: 12,
  dez: 12,
  dec: 12,
};

/**
 * A month after words that point at an earlier order ("wie im März", "like in April", "as in May", "from June", "vom
 * Juli"), or before "order" ("our March order") — not a delivery date ("bis März", "im März liefern").
 */
const MONTH_AFTER =
  /(?<![\p{L}])(?:(?:wie|like|as|same\s+as)\s+(?:in|im|von|vom|from)?|from|vom|of|last|letzten)\s*(?:the\s+|dem\s+)?(\p{L}+)/giu;
const MONTH_BEFORE = /(?<![\p{L}])(\p{L}+)(?:-|\s+)(?:order|bestellung|lieferung|delivery)(?![\p{L}])/giu;

/** The month (1–12) the text places an earlier order in, if it names one. */
export function namedMonth(text: string): number | undefined {
  for (const re of [MONTH_AFTER, MONTH_BEFORE])
    for (const m of text.matchAll(re)) {
      const month = MONTHS[m[1]!.toLowerCase()];
      if (month) return month;
    }
  return undefined;
}

export interface HistoryRow {
  orderId: string;
  orderedAt: string;
  sku: string;
  quantity: number;
  machineId: string | null;
}

/**
 * The lines of the earlier order of the month the text names, with the quantities to order again: a count said
 * beside the count it replaces ("10 statt 6") for the lines that had that count, else a count said for them all.
 * Undefined when the text names no month or the history has no order of it.
 */
export function monthOrderLines(ctx: Ctx, text: string, a: Analysis): (HistoryRow & { again: number })[] | undefined {
  const month = namedMonth(text);
  if (!month || !ctx.conv.history?.length) return undefined;
  const rows = ctx.conv.history as unknown as HistoryRow[];
  const machine = a.machine?.machineId;
  const ofMonth = rows.filter(
    (r) =>
      Number(String(r.orderedAt).slice(5, 7)) === month &&
      (!machine || rows.some((x) => x.orderId === r.orderId && x.machineId === machine)),
  );
  if (ofMonth.length === 0) return undefined;
  const latest = ofMonth.reduce((x, y) => (y.orderedAt > x.orderedAt ? y : x));
  const order = rows.filter((r) => r.orderId === latest.orderId);
  // "…, but 3 bearings instead of 2": the words of the change name the line it changes, not the lines to take.
  const replaced = replacedCount(text);
  const change = replaced ? pieceAround(text, replaced.start, replaced.end) : undefined;
  const rest = change ? text.slice(0, change.start) + text.slice(change.end) : text;
  const named = linesNamedBy(ctx, rest, order);
  const ofMachine = machine ? order.filter((r) => r.machineId === machine) : [];
  // The lines named — not those of another machine than the one named —; else the machine's lines; else the order.
  const namedOfMachine = named.filter((r) => !machine || !r.machineId || r.machineId === machine);
  const pick =
    named.length > 0 ? (namedOfMachine.length > 0 ? namedOfMachine : named) : ofMachine.length > 0 ? ofMachine : order;
  if (!replaced || !change) return pick.map((r) => ({ ...r, again: a.quantity?.value ?? r.quantity }));
  const { now, was } = replaced;
  // The lines the change names, else those that had the replaced count, else all.
  const changedByName = linesNamedBy(ctx, text.slice(change.start, change.end), pick);
  const changedByCount = pick.filter((r) => r.quantity === was);
  const changed = changedByName.length ? changedByName : changedByCount.length ? changedByCount : pick;
  return pick.map((r) => ({ ...r, again: changed.includes(r) ? now : r.quantity }));
}

/** The piece of the text around a span, between separators (",", ";", ".", "but", "aber"). */
function pieceAround(text: string, from: number, to: number): { start: number; end: number } {
  const SEP = /[,;.!?]|(?<![\p{L}])(?:but|aber|jedoch|however)(?![\p{L}])/giu;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SEP)) {
    if (m.index + m[0].length <= from) start = m.index;
    else if (m.index >= to) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

/** The rows of an earlier order whose products the words of `text` name (see `namedLines`); none when they name none. */
export function linesNamedBy<L extends { sku: string }>(ctx: Ctx, text: string, rows: L[]): L[] {
  const norm = (w: string) => stemOf(foldUmlauts(w));
  const said = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 3 && !/\d/.test(w))
    .map(norm);
  const names = ctx.k.allNames(rows.map((l) => l.sku));
  const named = rows.filter((l) => {
    const have = wordsOf(names.get(l.sku) ?? "")
      .filter((x) => x.length > 3 && !/\d/.test(x))
      .map(norm);
    return said.some((w) => have.some((x) => x === w || (w.length >= 4 && x.length > w.length + 2 && x.endsWith(w))));
  });
  return named;
}
