/**
 * What "the same kind of product" means in a catalog, taken from the data model rather than from trade words:
 *
 * - the **category** (the leaf the catalog files the product under) — necessary, never enough on its own: a
 *   distributor's "consumables" holds cable ties and sodium hypochlorite;
 * - the **type phrase** of the name: the words that say what it is ("Butterfly valve" in "Butterfly valve DN40 PN16,
 *   EPDM liner"; "end-suction pump" in "NCP 40-200 end-suction pump, 5.5 kW") — catalogs name a product by its type,
 *   then its series code and its sizes — and its head noun ("valve", "pump");
 * - the **feature keys**: an ETIM-like class is the set of features its products carry (a pressure transmitter has
 *   `output` and `rangeBar`, a gauge only `rangeBar`), and how many of the original's values a candidate shares.
 *
 * Two products are of the same type when they share the category, the head noun and most of the type phrase (or, for
 * names that say nothing — codes only — most of their feature keys): a pressure gauge is not a pressure transmitter,
 * a screen for a Y-strainer is not a Y-strainer, an end-suction pump is not a vertical multistage pump. An explicit catalog statement (`similar`, `followup`) says
 * so on its own.
 */
import type { FeatureValue } from "../../catalog/queries/types.ts";

/**
 * Words after which a name says what the product is for or comes with, not what it is ("EMC filter for frequency
 * converter", "Butterfly valve with limit switch box"); English and German, the languages the shield speaks.
 */
const PURPOSE = new Set(["for", "with", "without", "incl", "including", "für", "mit", "ohne", "inkl", "zum", "zur"]);

export interface TypePhrase {
  /** The words of the phrase, lower-cased, in order. */
  words: readonly string[];
  /** Its last word: the head noun of an English phrase, the whole compound of a German one ("Gleitringdichtung"). */
  head: string | undefined;
}

/** Attribute nouns that introduce a value ("coupling size 38", "filter element class E11"): not part of the type. */
const ATTRIBUTE = new Set(["size", "type", "class", "grade", "series", "model", "größe", "typ", "klasse", "baureihe"]);

const cache = new Map<string, TypePhrase>();

/**
 * The phrase of a product name that names its type: the longest run of plain words (letters only, at least three, not
 * an all-capital code such as "NCP", "DIN", "EPDM") in the name's first part — before the first comma or bracket and
 * before a purpose word ("for", "with"); attribute nouns ("size 38") end a run. "NCP 40-200 end-suction pump, 5.5 kW"
 * → `end-suction pump`; "FM 112M Ex db motor 4.0 kW" → `motor`; "Screen for Y-strainer DN40" → `screen`. A name in
 * capitals only uses its capital words.
 */
export function typePhrase(name: string): TypePhrase {
  const hit = cache.get(name);
  if (hit) return hit;
  const first = name.split(/[,;(]/, 1)[0] ?? "";
  const tokens = first.split(/[\s/]+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
  const cut = tokens.findIndex((t) => PURPOSE.has(t.toLowerCase()));
  const head = cut >= 0 ? tokens.slice(0, cut) : tokens;
  const plain = (t: string) => t.length >= 3 && /^\p{L}[\p{L}-]*$/u.test(t);
  const lowerCase = head.some((t) => plain(t) && t !== t.toUpperCase());
  const isWord = (t: string) => plain(t) && (!lowerCase || t !== t.toUpperCase()) && !ATTRIBUTE.has(t.toLowerCase());
  let best: string[] = [];
  let run: string[] = [];
  for (const t of [...head, ""]) {
    if (isWord(t)) run.push(t.toLowerCase());
    else {
      if (run.length > best.length) best = run;
      run = [];
    }
  }
  const out: TypePhrase = { words: best, head: best[best.length - 1] };
  if (cache.size > 50_000) cache.clear();
  cache.set(name, out);
  return out;
}

/** |A ∩ B| / min(|A|, |B|): 1 when the shorter phrase is contained in the longer one. */
function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(b);
  let n = 0;
  for (const w of new Set(a)) if (set.has(w)) n++;
  return n / Math.min(new Set(a).size, set.size);
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
 * How sure we are that `b` is the same kind of product as `a`: 0 (another type) to 1. Names decide when both name a
 * type: the same head noun, and the share of the shorter type phrase the other one has. Names without type words
 * (codes only) fall back to the feature classes.
 */
export function typeSimilarity(a: TypedProduct, b: TypedProduct): number {
  if (a.category !== b.category) return 0;
  const pa = typePhrase(a.name);
  const pb = typePhrase(b.name);
  if (pa.head !== undefined && pb.head !== undefined) return pa.head === pb.head ? overlap(pa.words, pb.words) : 0;
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
