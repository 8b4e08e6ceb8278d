/**
 * "actually give me 2 boxes of 5 m instead" about 10 m of chain sold by the metre, "dann lieber 2 Kartons à 12" about
 * loose pieces: the buyer keeps the product and changes the pack it comes in. The line whose product has exactly one
 * sibling sold in the unit the count names (and holding the measure said after it) — the same product otherwise: same
 * category, same measured unit, the same features except those stating what one pack holds — is switched to it.
 */
import { unitCodesLike } from "../../../tools/messages/units.ts";
import type { Ctx } from "./context.ts";
import { FILLER } from "./language.ts";
import { findQuantities, tokenizeText } from "./recognise.ts";

/** Whether two catalog unit codes are one unit ("RL" and "ROL", "BOX" and "KAR"). */
function sameUnit(a: string, b: string): boolean {
  return unitCodesLike(a).includes(b.trim().toUpperCase());
}

/** The words of a name that tell the product: not its fillers, unit words or ordinary language. */
function nameWords(ctx: Ctx, name: string, telling = true): Set<string> {
  const words = tokenizeText(name).map((t) => t.lower);
  if (!telling) return new Set(words.map((w) => w.replace(/(?:e?s|n)$/u, "")));
  return new Set(words.filter((w) => w.length > 2 && !FILLER.has(w) && !ctx.k.unitCodes.has(w) && !ctx.k.ordinary(w)));
}

/** Words of a switch ("instead", "actually", "rather", "lieber", "stattdessen", "doch"). */
const SWITCHING =
  /(?<![\p{L}])(?:instead|rather|actually|switch|swap|change|stattdessen|statt|lieber|doch|eigentlich|wechseln|tauschen)(?![\p{L}])/iu;

export interface PackSwitch {
  lineId: string;
  sku: string;
  quantity: number;
  unit: string;
  /** Where in the text the new count stands. */
  at: number;
}

interface PackProduct {
  sku: string;
  category: string;
  orderUnit: string;
  contentUnit: string;
  contentQty: number;
  lifecycle: string;
}

/** The one line of the order the message moves to another pack of its product, with the new count. */
export function packSwitch(ctx: Ctx, text = ctx.conv.text): PackSwitch | undefined {
  const lines = ctx.conv.draft.lines;
  if (lines.length === 0 || !SWITCHING.test(text) || text.includes("?")) return undefined;
  const tokens = tokenizeText(text);
  const amounts = findQuantities(tokens, ctx.k, new Set()).filter((q) => !!q.unit);
  // "50 m is far too much — 12 m then": amounts in one unit say it again, and the last one stands.
  const again = amounts.length > 1 && sameUnit(amounts[0]!.unit!, amounts[1]!.unit!);
  const quantities = again ? amounts.slice(1) : amounts;
  const count = quantities[0];
  if (!count?.unit || !Number.isInteger(count.value)) return undefined;
  // "2 boxes of 5 m": the measure right after the count is what one pack holds.
  const next = quantities[1];
  const held =
    next && Math.min(...next.tokens) - Math.max(...count.tokens) <= 2 && !sameUnit(next.unit!, count.unit)
      ? next
      : undefined;
  // "1 reel" where the catalog's code for a reel is another than the word's: the pack's name says the word.
  const word = count.tokens.map((i) => tokens[i]?.lower ?? "").find((w) => ctx.k.unitCodes.has(w)) ?? "";
  const said = word.replace(/(?:e?s|n)$/u, "");
  const inUnit = (p: PackProduct, name: string) =>
    sameUnit(p.orderUnit, count.unit!) || (said.length > 2 && nameWords(ctx, name, false).has(said));
  const found: PackSwitch[] = [];
  for (const line of lines) {
    const own = ctx.k.reader.products([line.sku]).get(line.sku) as PackProduct | undefined;
    if (!own || sameUnit(own.orderUnit, count.unit)) continue;
    const hits = ctx.k.search
      .search({ query: "", category: own.category, limit: 100 })
      .filter((h) => h.sku !== line.sku && h.lifecycle === "active");
    if (hits.length === 0) continue;
    const skus = hits.map((h) => h.sku);
    // (One read of the line's product and the others: their units and their names.)
    const products = ctx.k.reader.products([line.sku, ...skus]);
    const features = ctx.k.reader.features([line.sku, ...skus]);
    const ownFeatures = features.get(line.sku) ?? {};
    const ownWords = nameWords(ctx, products.get(line.sku)?.name ?? "");
    const packs = skus.filter((sku) => {
      const p = products.get(sku) as PackProduct | undefined;
      // The same product by name: most words of the line's name (besides its pack words) name the other pack too.
      const theirs = nameWords(ctx, products.get(sku)?.name ?? "");
      if ([...ownWords].filter((w) => theirs.has(w)).length < Math.max(2, 0.6 * ownWords.size)) return false;
      if (!p || !inUnit(p, products.get(sku)?.name ?? "") || p.contentUnit !== own.contentUnit) return false;
      if (held && !(sameUnit(held.unit!, p.contentUnit) && held.value === p.contentQty)) return false;
      const f = features.get(sku) ?? {};
      return [...new Set([...Object.keys(ownFeatures), ...Object.keys(f)])].every(
        (key) =>
          String(ownFeatures[key]) === String(f[key]) ||
          (Number(ownFeatures[key]) === own.contentQty && Number(f[key]) === p.contentQty),
      );
    });
    if (packs.length === 1)
      found.push({
        lineId: line.lineId,
        sku: packs[0]!,
        quantity: count.value,
        unit: count.unit,
        at: tokens[count.tokens[0]!]?.start ?? 0,
      });
  }
  return found.length === 1 ? found[0] : undefined;
}
