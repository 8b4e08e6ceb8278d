/**
 * References to the focus: "the first", "the cheaper one", "the one with the X seal", "the high-temperature one".
 * Resolved against the items the consultant listed last, by ordinal, by the customer's price (from get_price results
 * of this turn — asked for when missing, never estimated) or by the listed items' own feature values and feature
 * names. The comparison words are ordinary language (English and German); every value compared comes from the
 * catalog or a tool result.
 */
import { z } from "zod";
import type { FeatureValue } from "../../../catalog/queries/types.ts";
import { tiedByWords, type Ctx, type ToolCallPlan } from "./context.ts";
import { FILLER } from "./language.ts";
import { findChoice } from "./recognise.ts";

export type Resolution =
  | { kind: "one"; sku: string; by: "ordinal" | "price" | "feature" }
  /** Several listed items match equally: narrow the list to them. */
  | { kind: "some"; skus: string[] }
  /** The comparison needs facts not fetched yet (prices): call these tools, then decide again. */
  | { kind: "fetch"; calls: ToolCallPlan[] };

const LOWER_PRICE =
  /\b(cheap|cheaper|cheapest|least expensive|lowest price|inexpensive|günstig\w*|billig\w*|preiswert\w*)\b/iu;
const HIGHER_PRICE = /\b(more expensive|most expensive|pricier|priciest|dearer|teure\w*|teuerst\w*)\b/iu;
const MORE = new Set(
  "high higher highest max maximum more most bigger biggest larger largest greater greatest strong stronger strongest hoch hohe hoher hohen höher höhere höheren höchste höchsten größer größere größte größten stärker stärkere stärkste".split(
    " ",
  ),
);
const LESS = new Set(
  "low lower lowest min minimum less least smaller smallest lighter weaker niedrig niedrige niedrigere niedrigste kleiner kleinere kleinste kleinsten geringer geringere geringste schwächer".split(
    " ",
  ),
);

/** get_price as the references read it: the tool result is checked, not trusted. */
const priceResult = z.object({ sku: z.string().optional(), unitPriceCents: z.number() });

/** The SKU of the listed items the buyer's words point at, if they point at one. */
export function resolveReference(
  ctx: Ctx,
  skus: string[],
  quantity?: number,
  options: { ordinals?: boolean } = {},
): Resolution | undefined {
  if (skus.length === 0) return undefined;
  const choice = findChoice(ctx.tokens);
  if (choice !== undefined && options.ordinals === false) return undefined;
  if (choice !== undefined) {
    const sku = choice === -1 ? skus.at(-1) : skus[choice - 1];
    return sku ? { kind: "one", sku, by: "ordinal" } : undefined;
  }
  const text = ctx.conv.text;
  const cheaper = LOWER_PRICE.test(text);
  if ((cheaper || HIGHER_PRICE.test(text)) && skus.length > 1) return byPrice(ctx, skus, cheaper ? 1 : -1, quantity);
  return byFeature(ctx, skus);
}

function byPrice(ctx: Ctx, skus: string[], sign: 1 | -1, quantity?: number): Resolution | undefined {
  const prices = new Map<string, number>();
  for (const r of ctx.conv.results) {
    if (r.name !== "get_price" || r.error) continue;
    const p = priceResult.safeParse(r.data);
    const sku = String(r.args.sku ?? "");
    if (p.success && skus.includes(sku)) prices.set(sku, p.data.unitPriceCents);
  }
  const missing = skus.filter(
    (s) => !prices.has(s) && !ctx.conv.results.some((r) => r.name === "get_price" && r.args.sku === s),
  );
  if (missing.length && ctx.tools.has("get_price")) {
    const moq = ctx.k.reader.products(missing);
    return {
      kind: "fetch",
      calls: missing.map((sku) => ({ name: "get_price", args: { sku, quantity: quantity ?? moq.get(sku)?.moq ?? 1 } })),
    };
  }
  return extreme(
    skus.flatMap((s) => (prices.has(s) ? [{ sku: s, v: prices.get(s)! }] : [])),
    -sign,
    "price",
  );
}

/** The item with the highest (dir 1) or lowest (dir -1) value, when one stands alone there. */
function extreme(values: { sku: string; v: number }[], dir: number, by: "price" | "feature"): Resolution | undefined {
  if (values.length < 2) return undefined;
  const best = Math.max(...values.map((x) => dir * x.v));
  const top = values.filter((x) => dir * x.v === best);
  return top.length === 1 ? { kind: "one", sku: top[0]!.sku, by } : { kind: "some", skus: top.map((x) => x.sku) };
}

const scalarTexts = (v: FeatureValue): string[] =>
  Array.isArray(v) ? v : typeof v === "string" ? [v] : typeof v === "boolean" ? [] : [];

/** Words split at every non-letter ("high-temperature" → high, temperature). */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
/** camelCase keys and feature names as words: "tempRating" → temp, rating. */
const keyWords = (key: string) => wordsOf(key.replace(/([a-z])([A-Z])/g, "$1 $2"));

/** Two words name the same thing when one starts the other ("temp" / "temperature", "Temperatur" / "temperature"). */
const sameStem = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));

function byFeature(ctx: Ctx, skus: string[]): Resolution | undefined {
  const features = ctx.k.reader.features(skus);
  const text = ` ${ctx.conv.text.toLowerCase()} `;
  const words = wordsOf(ctx.conv.text).filter((w) => w.length > 1);
  // A value the buyer names ("the one with FKM", "die mit Edelstahl"): the items that carry it.
  const carrying = new Map<string, number>();
  for (const sku of skus) {
    for (const v of Object.values(features.get(sku) ?? {}))
      for (const t of scalarTexts(v)) {
        const value = t.toLowerCase().trim();
        // Ordinary words ("yes", "none", "with") name no item, whatever a feature says.
        if (value.length < 2 || /^\d+([.,]\d+)?$/.test(value) || ctx.k.ordinary(value) || FILLER.has(value)) continue;
        const at = text.indexOf(value);
        const bounded =
          at > 0 && !/[\p{L}\p{N}]/u.test(text[at - 1]!) && !/[\p{L}\p{N}]/u.test(text[at + value.length] ?? " ");
        // Each value named counts: "the carbon/ceramic EPDM one" is the item carrying both.
        if (bounded) carrying.set(sku, (carrying.get(sku) ?? 0) + 1);
      }
  }
  if (carrying.size > 0 && carrying.size < skus.length) {
    const most = Math.max(...carrying.values());
    let top = [...carrying].filter(([, n]) => n === most).map(([s]) => s);
    // "the DML 083, flare": the value leaves several; the name or code the buyer also wrote tells them apart.
    if (top.length > 1) top = tiedByWords(ctx, top).length ? tiedByWords(ctx, top) : top;
    return top.length === 1 ? { kind: "one", sku: top[0]!, by: "feature" } : { kind: "some", skus: top };
  }
  // A comparison on a named feature ("the high-temperature one", "die mit der höchsten Leistung").
  const more = words.some((w) => MORE.has(w));
  const less = words.some((w) => LESS.has(w));
  if (more === less) return undefined;
  const names = ctx.k.reader.featureNames?.("en") ?? {};
  const localNames = ctx.k.reader.featureNames?.(ctx.lang) ?? {};
  const numericKeys = new Set<string>();
  for (const sku of skus)
    for (const [key, v] of Object.entries(features.get(sku) ?? {})) if (typeof v === "number") numericKeys.add(key);
  const named = [...numericKeys].filter((key) => {
    const have = [...keyWords(key), ...wordsOf(names[key] ?? ""), ...wordsOf(localNames[key] ?? "")];
    return words.some((w) => !MORE.has(w) && !LESS.has(w) && have.some((h) => sameStem(w, h)));
  });
  if (named.length !== 1) return undefined;
  const key = named[0]!;
  return extreme(
    skus.flatMap((sku) => {
      const v = features.get(sku)?.[key];
      return typeof v === "number" ? [{ sku, v }] : [];
    }),
    more ? 1 : -1,
    "feature",
  );
}
