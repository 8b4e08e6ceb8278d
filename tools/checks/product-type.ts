/**
 * What "the same kind of product" means in a catalog, taken from the data model rather than from trade words:
 *
 * - the **category** (the leaf the catalog files the product under) — necessary, never enough on its own: a
 *   distributor's "consumables" holds cable ties and sodium hypochlorite;
 * - the **type words** of the name: the descriptive words before the specification ("Butterfly valve" in "Butterfly
 *   valve DN40 PN16, EPDM liner"; "end-suction pump" in "NCP 40-200 end-suction pump, 5.5 kW") — catalogs name a product
 *   by its type, then its series code and its sizes;
 * - the **feature keys**: an ETIM-like class is the set of features its products carry (a pressure transmitter has
 *   `output` and `rangeBar`, a gauge only `rangeBar`), and how many of the original's values a candidate shares.
 *
 * Two products are of the same type when they share the category and most of their type words (or, for names that
 * say nothing — codes only — most of their feature keys). An explicit catalog statement (`similar`, `followup`) says
 * so on its own.
 */
import type { FeatureValue } from "../../catalog/queries/types.ts";

/** Function words that say nothing about a type (English and German, the languages the shield speaks). */
const FILLER = new Set([
  "and",
  "for",
  "from",
  "the",
  "with",
  "without",
  "incl",
  "including",
  "type",
  "und",
  "für",
  "mit",
  "ohne",
  "der",
  "die",
  "das",
  "den",
  "dem",
  "des",
  "von",
  "zum",
  "zur",
]);

const cache = new Map<string, ReadonlySet<string>>();

/**
 * The words of a product name that name its type: letters-only words of at least three letters in the name's first
 * part (before the first comma or bracket), lower-cased. All-capital tokens are codes (series, standards, materials:
 * "NCP", "DIN", "EPDM") and are left out unless the name has nothing else.
 */
export function typeWords(name: string): ReadonlySet<string> {
  const hit = cache.get(name);
  if (hit) return hit;
  const head = name.split(/[,;(]/, 1)[0] ?? "";
  const tokens = head
    .split(/[\s/]+/)
    .map((t) => t.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
    .filter((t) => t.length >= 3 && /^\p{L}[\p{L}-]*$/u.test(t));
  const words = tokens.filter((t) => t !== t.toUpperCase());
  const out = new Set(
    (words.length > 0 ? words : tokens).map((t) => t.toLowerCase()).filter((t) => !FILLER.has(t)),
  ) as ReadonlySet<string>;
  if (cache.size > 50_000) cache.clear();
  cache.set(name, out);
  return out;
}

/** |A ∩ B| / min(|A|, |B|): 1 when the shorter name's type is contained in the longer one's. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.min(a.size, b.size);
}

/** |A ∩ B| / |A ∪ B| of two feature-key sets (1 when both are empty). */
export function keySimilarity(a: Record<string, FeatureValue>, b: Record<string, FeatureValue>): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length === 0 && kb.length === 0) return 1;
  let n = 0;
  for (const k of ka) if (b[k] !== undefined) n++;
  return n / (ka.length + kb.length - n);
}

export interface TypedProduct {
  name: string;
  category: string;
  features: Record<string, FeatureValue>;
}

/**
 * How sure we are that `b` is the same kind of product as `a`: 0 (another type) to 1. Names decide when both say
 * something; names without type words (codes only) fall back to the feature classes.
 */
export function typeSimilarity(a: TypedProduct, b: TypedProduct): number {
  if (a.category !== b.category) return 0;
  const wa = typeWords(a.name);
  const wb = typeWords(b.name);
  if (wa.size > 0 && wb.size > 0) return overlap(wa, wb);
  // No words to go by: the same feature class (most keys shared), and only when there are features to compare.
  if (Object.keys(a.features).length === 0 || Object.keys(b.features).length === 0) return 0;
  return keySimilarity(a.features, b.features);
}

/** More than half of the shorter type (or of the feature class) is shared. */
export const SAME_TYPE = 0.5;

export function sameType(a: TypedProduct, b: TypedProduct): boolean {
  return typeSimilarity(a, b) > SAME_TYPE;
}

/**
 * How alike two products' features are, 0 to 1: per feature of the original, 1 when the candidate has the same
 * value, for numbers the closeness of the two values (4 kW vs 5.5 kW: 0.73), else 0; averaged over the original's
 * features (1 when it has none).
 */
export function featureLikeness(original: Record<string, FeatureValue>, c: Record<string, FeatureValue>): number {
  const keys = Object.keys(original);
  if (keys.length === 0) return 1;
  let sum = 0;
  for (const k of keys) {
    const a = original[k]!;
    const b = c[k];
    if (b === undefined) continue;
    if (typeof a === "number" && typeof b === "number") {
      const m = Math.max(Math.abs(a), Math.abs(b));
      sum += m === 0 ? 1 : Math.max(0, 1 - Math.abs(a - b) / m);
    } else if (sameValue(a, b)) sum += 1;
  }
  return sum / keys.length;
}

export function sameValue(a: FeatureValue, b: FeatureValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (typeof a === "string" && typeof b === "string") return a.trim().toLowerCase() === b.trim().toLowerCase();
  return a === b;
}
