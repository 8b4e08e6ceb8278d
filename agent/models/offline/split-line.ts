/**
 * "mach 8 Rollen, 4 für Presse 2 und 4 für Presse 3", "ne mach 6 draus, 2 davon sind für Band 4", "make it 10, 4 of them
 * for line 2": a line of the order split over machines — counts said each for a machine, with the whole said or not
 * (`splitLine`).
 */
import { analyse, type Ctx } from "./context.ts";

/** What separates the pieces of a split ("4 für Presse 2 und 4 für Presse 3", "make it 6, 2 of them for line 4"). */
const PIECE = /[,.](?!\p{N})|(?<!\p{N})[,.]|[;!?]|\s[-–—]\s|(?<![\p{L}])(?:and|und|plus|sowie)(?![\p{L}])/giu;
/** A piece that leaves out what it names ("Kette diesmal nicht", "no chain this time") counts nothing of the split. */
const LEAVES_OUT = /(?<![\p{L}])(?:without|not|no|nicht|kein\w*|ohne)(?![\p{L}])(?!\s*\d)/iu;

export interface Split {
  lineId: string;
  sku: string;
  /** The line's own count now (its machine's share). */
  keep: number;
  /** The counts for the other machines, each a line of its own. */
  moved: { machineId: string; quantity: number; unit?: string }[];
}

/**
 * The split of one line of the order over machines the message says: two counted pieces or more, each naming no
 * product but that line's (and no other line), of them one or more for a machine of the buyer other than the line's
 * own, at most one for no machine (the whole). The line is the one on a machine named, else the only line of the order;
 * its machine keeps its share said, else what the whole leaves. Undefined when the counts do not add up.
 */
export function splitLine(ctx: Ctx): Split | undefined {
  const lines = ctx.conv.draft.lines;
  if (lines.length === 0 || ctx.conv.text.includes("?")) return undefined;
  const pieces = ctx.conv.text
    .split(PIECE)
    .map((p) => p?.trim())
    .filter((p): p is string => !!p && !LEAVES_OUT.test(p));
  const shares: { machineId: string; quantity: number; unit?: string }[] = [];
  let whole: number | undefined;
  let unit: string | undefined;
  const skus = new Set<string>();
  for (const piece of pieces) {
    const a = analyse(ctx, piece);
    if (!a.quantity) continue;
    if (!Number.isInteger(a.quantity.value) || a.quantity.value <= 0) return undefined;
    if (a.guess?.confident) for (const h of a.guess.hits.slice(0, 1)) skus.add(h.sku);
    if (a.machineCandidates.length > 1) return undefined;
    if (a.machine) {
      if (shares.some((x) => x.machineId === a.machine!.machineId)) return undefined;
      shares.push({
        machineId: a.machine.machineId,
        quantity: a.quantity.value,
        ...(a.quantity.unit ? { unit: a.quantity.unit } : {}),
      });
    } else if (whole === undefined) {
      whole = a.quantity.value;
      unit = a.quantity.unit;
    } else return undefined;
  }
  if (shares.length === 0 || shares.length + (whole === undefined ? 0 : 1) < 2) return undefined;
  // The line: the one the words name, else the one on a machine named, else the only one.
  const named = lines.filter((l) => skus.has(l.sku));
  if (skus.size > 0 && named.length === 0) return undefined;
  const onNamed = lines.filter((l) => l.machineId && shares.some((x) => x.machineId === l.machineId));
  const all = named.length ? named : onNamed.length ? onNamed : lines;
  // (Of several, the one sold in the unit a count is said in: "8 Rollen" of the net by the roll, not the twine.)
  const units = new Set([...shares.map((x) => x.unit), unit].filter(Boolean));
  const products = ctx.k.reader.products(all.map((l) => l.sku));
  const unitOf = (l: (typeof all)[number]) => l.unit ?? products.get(l.sku)?.orderUnit;
  const inUnit = all.length > 1 && units.size ? all.filter((l) => units.has(unitOf(l))) : [];
  const pool = inUnit.length ? inUnit : all;
  if (pool.length !== 1) return undefined;
  const line = pool[0]!;
  if (!line.machineId) return undefined;
  const own = shares.find((x) => x.machineId === line.machineId);
  const moved = shares.filter((x) => x !== own);
  if (moved.length === 0) return undefined;
  const others = moved.reduce((t, x) => t + x.quantity, 0);
  const keep = own ? own.quantity : whole !== undefined ? whole - others : undefined;
  if (keep === undefined || keep <= 0) return undefined;
  if (whole !== undefined && keep + others !== whole) return undefined;
  // (Another machine's share already on the order as a line of its own: not this split.)
  if (lines.some((l) => l !== line && l.sku === line.sku && moved.some((x) => x.machineId === l.machineId)))
    return undefined;
  return { lineId: line.lineId, sku: line.sku, keep, moved };
}
