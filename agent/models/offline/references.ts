/**
 * References to the focus: "the first", "the cheaper one", "the one with the X seal", "the high-temperature one".
 * Resolved against the items the consultant listed last, by ordinal, by the customer's price (from get_price results
 * of this turn — asked for when missing, never estimated) or by the listed items' own feature values and feature
 * names. The comparison words are ordinary language (English and German); every value compared comes from the
 * catalog or a tool result.
 */
import { z } from "zod";
import type { FeatureValue } from "../../../catalog/queries/types.ts";
import { carriedWords, tiedByWords, type Ctx, type ToolCallPlan } from "./context.ts";
import { CURRENCY, FILLER, sizeNumber } from "./language.ts";
import { findChoice, findOptions, tokenizeText } from "./recognise.ts";
import { acrossTurns } from "./turn-memo.ts";
import { negatedSpans, splitClauses } from "./nlu/understand.ts";
import type { Fix } from "../../../tools/types.ts";
import { configuredFeatures } from "../../../tools/checks/line-features.ts";

export type Resolution =
  | { kind: "one"; sku: string; by: "ordinal" | "price" | "feature" }
  /** Several listed items match equally: narrow the list to them. */
  | { kind: "some"; skus: string[] }
  /** The comparison needs facts not fetched yet (prices): call these tools, then decide again. */
  | { kind: "fetch"; calls: ToolCallPlan[] };

const LOWER_PRICE =
  /\b(cheap|cheaper|cheapest|less expensive|least expensive|lowest price|inexpensive|günstig\w*|billig\w*|preiswert\w*)\b/iu;
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
  options: { ordinals?: boolean; values?: boolean } = {},
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
  return byFeature(ctx, skus, options.values !== false);
}

/**
 * "the 1 kg ones" of a list of 1 kg and 2.5 kg cans: the listed items whose values the text states, when it states
 * values of several but not of all (one is a reference `resolveReference` reads itself).
 */
export function statedAmong(ctx: Ctx, skus: string[]): Resolution | undefined {
  if (skus.length < 3) return undefined;
  const stated = statedOf(ctx, skus);
  return stated.length > 1 ? { kind: "some", skus: stated } : undefined;
}

/** The items whose values the text states (a number among them: "4 m", "72 Zähne"), when not all: else none. */
export function statedOf(ctx: Ctx, skus: string[]): string[] {
  if (skus.length < 2 || !ctx.tokens.some((t) => /\d/.test(t.lower))) return [];
  const features = ctx.k.reader.features(skus);
  const stated = byStatedValue(
    ctx,
    skus.map((sku) => ({ id: sku, features: features.get(sku) ?? {} })),
  );
  return stated.length < skus.length ? stated : [];
}

/** "which is cheaper?", "die günstigere": the words compare the listed items by price. */
export const comparesPrice = (text: string) => LOWER_PRICE.test(text) || HIGHER_PRICE.test(text);
/** "the cheaper one" (not "the more expensive one"). */
export const asksCheaper = (text: string) => LOWER_PRICE.test(text);

/** The customer's unit prices of these items fetched in this turn (get_price results, checked). */
export function fetchedPrices(ctx: Ctx, skus: string[]): Map<string, number> {
  const prices = new Map<string, number>();
  for (const r of ctx.conv.results) {
    if (r.name !== "get_price" || r.error) continue;
    const p = priceResult.safeParse(r.data);
    const sku = String(r.args.sku ?? "");
    if (p.success && skus.includes(sku)) prices.set(sku, p.data.unitPriceCents);
  }
  return prices;
}

function byPrice(ctx: Ctx, skus: string[], sign: 1 | -1, quantity?: number): Resolution | undefined {
  const prices = fetchedPrices(ctx, skus);
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

/** `values`: also by a value named; without it only by a compared feature ("the high-temperature one"). */
function byFeature(ctx: Ctx, skus: string[], values = true): Resolution | undefined {
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
  if (values && carrying.size > 0 && carrying.size < skus.length) {
    const most = Math.max(...carrying.values());
    let top = [...carrying].filter(([, n]) => n === most).map(([s]) => s);
    // "the DML 083, flare": the value leaves several; the name or code the buyer also wrote tells them apart.
    if (top.length > 1) top = tiedByWords(ctx, top).length ? tiedByWords(ctx, top) : top;
    return top.length === 1 ? { kind: "one", sku: top[0]!, by: "feature" } : { kind: "some", skus: top };
  }
  // A value stated the way specs are written ("the 230 V one", "die PNP-Variante", "D curve"): the items carrying it.
  const focus = ctx.conv.memo.focusSku;
  const base = focus && !skus.includes(focus) ? ctx.k.reader.features([focus]).get(focus) : undefined;
  const stated = byStatedValue(
    ctx,
    skus.map((sku) => ({ id: sku, features: features.get(sku) ?? {} })),
    base,
  );
  // Several alike: the list answer (names, SKUs, the current one of a family) decides, not this.
  if (values && stated.length === 1) return { kind: "one", sku: stated[0]!, by: "feature" };
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

/**
 * A choice stated by a value: "the D curve one", "then the 230 V coil", "dann die PNP-Variante", "take the 1.6-2.5 A
 * one". The buyer's text is read as atoms (runs of letters, numbers) and compared with the candidates' own feature
 * values — exactly, never by a fuzzy correction. A value that could be an ordinary word or a stray letter ("D", "AI")
 * counts only as a whole atom right next to its feature's name ("D curve", "Kurve D", "D-Charakteristik"); a bare
 * number only with a unit of measurement after it ("16 A", "1.6-2.5 A") or next to the feature's name ("IP 68",
 * "230 coil"); a value with a number and letters ("230VAC") also by its number and the start of its letters ("230 V").
 */
interface Atom {
  text: string;
  num?: number;
  start: number;
}

/** Unit words as specs abbreviate them ("24 Volt" is "24 V"). */
const UNIT_WORDS: Record<string, string> = {
  volt: "v",
  volts: "v",
  amp: "a",
  amps: "a",
  ampere: "a",
  amperes: "a",
  watt: "w",
  watts: "w",
  kilowatt: "kw",
  kilowatts: "kw",
  micron: "µm",
  microns: "µm",
  mikron: "µm",
};

function atomsOf(text: string): Atom[] {
  const out: Atom[] = [];
  // A fraction ("3/8") is one atom: "12" is not 1/2.
  for (const m of text.toLowerCase().matchAll(/\d+(?:[.,]\d+)?(?:\/\d+)?|\p{L}+/gu)) {
    const raw = m[0].replace(",", ".");
    const t = out.at(-1)?.num !== undefined ? (UNIT_WORDS[raw] ?? raw) : raw;
    out.push({ text: t, ...(/^[\d.]+$/.test(t) ? { num: Number(t) } : {}), start: m.index ?? 0 });
  }
  return out;
}

const valueAtomMemo = new Map<string, string[]>();
/** A feature value's atoms, once per value (every candidate's every feature is compared with the buyer's text). */
const valueAtoms = (v: string) => {
  let out = valueAtomMemo.get(v);
  if (!out) {
    if (valueAtomMemo.size > 20_000) valueAtomMemo.clear();
    valueAtomMemo.set(v, (out = atomsOf(v).map((a) => a.text)));
  }
  return out;
};

/** A word of the buyer's that names a feature: its key, its name in English or the buyer's language, or a compound of one. */
function namesFeature(word: string | undefined, names: string[]): boolean {
  if (!word || word.length < 2 || /^\d/.test(word)) return false;
  return names.some(
    (h) =>
      sameStem(word, h) ||
      (word.length >= 4 && h.length > word.length && h.endsWith(word)) ||
      // "mit 72 Zähnen" of "Zähnezahl": an inflected word whose bare form starts the feature's compound name.
      startsCompound(word, h) ||
      (h.length >= 4 && word.endsWith(h)),
  );
}

/** The unit a feature key ends in ("linerLengthM" → "m", "canKg" → "kg"), if it ends in a capitalised short part. */
const keyUnit = (key: string) => /[a-z]([A-Z][a-z]?)$/.exec(key)?.[1]?.toLowerCase();

function startsCompound(word: string, name: string): boolean {
  const bare = word.replace(/(?:en|n|s)$/u, "");
  return bare !== word && bare.length >= 4 && name.length > word.length && name.startsWith(bare);
}

/** Positions (atom indexes) of the buyer's text that state `value` of the feature `key`. */
function statedAt(
  ctx: Ctx,
  atoms: Atom[],
  key: string,
  value: FeatureValue,
  names: string[],
  groups: string[][] = [names],
  byName = false,
): number[] {
  // "the one with IO-Link", "geschirmt": a yes/no feature named (not negated) states its yes.
  if (typeof value === "boolean") {
    if (!value) return [];
    const named = groups.find(
      (g) => g.length > 0 && g.every((n) => atoms.some((a) => a.text === n || sameStem(a.text, n))),
    );
    const at = named ? atoms.findIndex((a) => named.some((n) => a.text === n || sameStem(a.text, n))) : -1;
    return at >= 0 ? [at] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v) => statedAt(ctx, atoms, key, v, names, groups, byName));
  // Most values are not in the text at all: no atom with the number, no atom that starts the value.
  if (typeof value === "number" ? !atoms.some((a) => a.num === value) : !startsValue(atoms, value)) return [];
  const near = (from: number, to: number) =>
    namesFeature(atoms[from - 1]?.text, names) || namesFeature(atoms[to + 1]?.text, names);
  const unitAt = (i: number) => {
    const u = atoms[i]?.text;
    // ("4 m" of "linerLengthM": a unit the catalog also sells in states a value where the feature's key ends in it.)
    return !!u && !atoms[i]!.num && !CURRENCY.has(u) && (ctx.k.measureUnits.has(u) || keyUnit(key) === u);
  };
  const out: number[] = [];
  if (typeof value === "number") {
    atoms.forEach((a, i) => {
      if (a.num !== value) return;
      // "16 A", "1.6-2.5 A" (a range shares its unit), "IP 68", "3 poles".
      const unit = !byName && (unitAt(i + 1) || (atoms[i + 1]?.num !== undefined && unitAt(i + 2)));
      if (unit || near(i, i)) out.push(i);
    });
    return out;
  }
  const va = valueAtoms(value);
  if (va.length === 0) return out;
  const whole = va.join("");
  const letters = !/\d/.test(whole);
  for (let i = 0; i < atoms.length; i++) {
    let joined = "";
    for (let j = i; j < atoms.length && joined.length < whole.length; j++) {
      joined += atoms[j]!.text;
      if (!whole.startsWith(joined)) break;
      const span = Array.from({ length: j - i + 1 }, (_, x) => i + x);
      if (joined === whole) {
        // "D", "AI", an ordinary word: only with the feature named next to it.
        const weak = letters && (whole.length <= 2 || ctx.k.ordinary(whole) || FILLER.has(whole));
        if (!weak || near(i, j)) out.push(...span);
        break;
      }
      // "230 V" for "230VAC": the whole number, then the start of the letters that follow it.
      const digits = whole.match(/^[\d./]+/)?.[0];
      if (digits && joined.length > digits.length && !/\d/.test(joined.slice(digits.length))) {
        if (j === atoms.length - 1 || !whole.startsWith(joined + atoms[j + 1]!.text)) {
          out.push(...span);
          break;
        }
      }
      // "230 coil" for "230VAC" of the coil voltage: the number with the feature named.
      if (digits && joined === digits && atoms[j + 1]?.num === undefined && namesFeature(atoms[j + 1]?.text, names)) {
        out.push(...span);
        break;
      }
    }
  }
  return out;
}

/** Whether some atom of the text starts the value's atoms joined (nothing can match the value otherwise). */
function startsValue(atoms: Atom[], value: string): boolean {
  const whole = valueAtoms(value).join("");
  return whole.length > 0 && atoms.some((a) => whole.startsWith(a.text));
}

export interface Valued {
  id: string;
  features: Record<string, FeatureValue>;
  /** Matches found another way (an option value named through its label): added to the score. */
  extra?: number;
}

/**
 * The candidates whose feature values the buyer states, best first: the most value positions stated; equal ones
 * ranked by how little they differ from `base` (the product the buyer is moving away from: "the D curve one" is the
 * D version of the same breaker, not one that also changes the rating). Empty when the text states no value.
 */
/** (`byName`: a number states a value only beside the name of its feature — "72 teeth" —, not by a unit alone.) */
export function byStatedValue(
  ctx: Ctx,
  items: Valued[],
  base?: Record<string, FeatureValue>,
  byName = false,
): string[] {
  if (items.length === 0) return [];
  const inNegated = (a: Atom) => !ctx.u.attack && ctx.u.negated.some((n) => a.start >= n.start && a.start < n.end);
  const atoms = atomsOf(ctx.conv.text).filter((a) => !inNegated(a));
  if (atoms.length === 0) return [];
  const en = ctx.k.reader.featureNames?.("en") ?? {};
  const local = ctx.k.reader.featureNames?.(ctx.lang) ?? {};
  // The words naming each feature, once per feature key (not per candidate).
  const named = new Map<string, { names: string[]; groups: string[][] }>();
  const groupsOf = (key: string) => {
    let g = named.get(key);
    if (!g) {
      const groups = [keyWords(key), wordsOf(en[key] ?? ""), wordsOf(local[key] ?? "")].map((g) =>
        g.filter((w) => w.length > 1 && !FILLER.has(w)),
      );
      named.set(key, (g = { names: groups.flat(), groups }));
    }
    return g;
  };
  const stated = (features: Record<string, FeatureValue>) => {
    const at = new Set<number>();
    for (const [key, v] of Object.entries(features)) {
      const g = groupsOf(key);
      for (const i of statedAt(ctx, atoms, key, v, g.names, g.groups, byName)) at.add(i);
    }
    return at;
  };
  // What the product moved away from carries already ("the M12 one" of an M12 part) chooses nothing.
  const own = base ? stated(base) : new Set<number>();
  const scored = items.map((it) => {
    const at = stated(it.features);
    for (const i of own) at.delete(i);
    const differs = base
      ? new Set([...Object.keys(base), ...Object.keys(it.features)]).size -
        Object.keys(base).filter((k) => k in it.features && String(base[k]) === String(it.features[k])).length
      : 0;
    return { id: it.id, n: at.size + (it.extra ?? 0), differs };
  });
  const best = Math.max(...scored.map((s) => s.n));
  if (best <= 0) return [];
  const top = scored.filter((s) => s.n === best);
  const least = Math.min(...top.map((s) => s.differs));
  return top.filter((s) => s.differs === least).map((s) => s.id);
}

/** Values the text states that `features` do not carry, while some of `others` do: a switch to another variant. */
export function statesOtherValue(ctx: Ctx, own: Record<string, FeatureValue>, others: Valued[]): boolean {
  const mine = byStatedValue(ctx, [{ id: "own", features: own }, ...others]);
  return mine.length > 0 && !mine.includes("own");
}

/** The fix the buyer names by a value: a replacement product's features, an option value (its code, label or features). */
export function statedFix(ctx: Ctx, fixes: Fix[], base?: Record<string, FeatureValue>): Fix | undefined {
  const skus = fixes.flatMap((f) => (f.kind === "replace_sku" ? [f.sku] : []));
  const features = ctx.k.reader.features(skus);
  const items: Valued[] = [];
  fixes.forEach((f, i) => {
    if (f.kind === "replace_sku" && f.options) {
      // A configurable product offered configured: its features are its options', and the values the text names
      // in a group it sets (in any language of the catalog) count like a set_option fix's.
      const p = ctx.k.reader.products([f.sku]).get(f.sku);
      const id = p?.configModelId;
      const models = id
        ? [
            ctx.k.reader.configModel(id),
            ...(["en", "de"] as const).map((l) => ctx.k.reader.inLanguage?.(l).configModel(id)),
          ]
        : [];
      const model = models[0];
      const chosen = f.options;
      const named = models.some(
        (m) =>
          m &&
          Object.entries(findOptions(ctx.conv.text, m, undefined, ctx.k.gloss?.words)).some(([g, vs]) =>
            vs.some((v) => chosen[g]?.includes(v)),
          ),
      );
      items.push({
        id: String(i),
        features: { ...(features.get(f.sku) ?? {}), ...configuredFeatures(model, chosen).features },
        extra: named ? 1 : 0,
      });
    } else if (f.kind === "replace_sku") items.push({ id: String(i), features: features.get(f.sku) ?? {} });
    if (f.kind === "set_option") {
      const line = ctx.conv.draft.lines.find((l) => l.lineId === f.lineId);
      const p = line ? ctx.k.reader.products([line.sku]).get(line.sku) : undefined;
      const model = p?.configModelId ? ctx.k.reader.configModel(p.configModelId) : undefined;
      const group = model?.groups.find((g) => g.code === f.group);
      const opts = group?.options.filter((o) => f.values.includes(o.value)) ?? [];
      const named = model ? (findOptions(ctx.conv.text, model, [f.group], ctx.k.gloss?.words)[f.group] ?? []) : [];
      items.push({
        id: String(i),
        features: Object.assign({}, ...opts.map((o) => o.features ?? {})) as Record<string, FeatureValue>,
        extra: f.values.some((v) => named.includes(v)) ? 1 : 0,
      });
    }
  });
  // A stock replacement that carries the stated value comes before building one to order ("take the lithium charger
  // then": the lithium charger in stock, not the configured one closer to the old charger's other values).
  const configured = (it: Valued) => {
    const f = fixes[Number(it.id)];
    return f?.kind === "replace_sku" && !!f.options;
  };
  if (items.some(configured)) {
    const stock = byStatedValue(
      ctx,
      items.filter((it) => !configured(it)),
      base,
    );
    if (stock.length === 1) return fixes[Number(stock[0])];
  }
  const ids = byStatedValue(ctx, items, base);
  return ids.length === 1 ? fixes[Number(ids[0])] : undefined;
}

/**
 * A product's feature values, with the measures its name states that no feature carries ("Steuerspannung 24 V",
 * "11 mm Schnittbreite" in a catalog that lists no feature for them): a number and the unit after it, keyed by the
 * unit — what tells two variants of one product apart when only their names do.
 */
export function valuedFeatures(ctx: Ctx, skus: string[]): Map<string, Record<string, FeatureValue>> {
  // A product's values depend on the catalog only: read once per catalog version (a copy to each caller).
  const known = acrossTurns(ctx.k, "valuedFeatures", () => new Map<string, Record<string, FeatureValue>>());
  const missing = skus.filter((sku) => !known.has(sku));
  if (missing.length) for (const [sku, v] of readValuedFeatures(ctx, missing)) known.set(sku, v);
  return new Map(skus.map((sku) => [sku, { ...known.get(sku)! }]));
}

function readValuedFeatures(ctx: Ctx, skus: string[]): Map<string, Record<string, FeatureValue>> {
  const features = ctx.k.reader.features(skus);
  const names = ctx.k.namesAndKeywords(skus);
  const out = new Map<string, Record<string, FeatureValue>>();
  for (const sku of skus) {
    const own = features.get(sku) ?? {};
    const atoms = atomsOf(ctx.k.reader.products([sku]).get(sku)?.name ?? names.get(sku) ?? "");
    const measured: Record<string, number[]> = {};
    atoms.forEach((a, i) => {
      const unit = atoms[i + 1]?.text;
      if (a.num === undefined || !unit || !ctx.k.measureUnits.has(unit)) return;
      (measured[`${unit}`] ??= []).push(a.num);
    });
    // A number the features carry already (the rating in both) is not a second value.
    const carried = new Set(Object.values(own).flatMap((v) => (Array.isArray(v) ? v : [String(v)])));
    const extra: Record<string, FeatureValue> = {};
    // One number per unit (a name with "846 mm" and "25 mm" says no one length).
    for (const [unit, nums] of Object.entries(measured))
      if (nums.length === 1 && !carried.has(String(nums[0])) && !(unit in own)) extra[unit] = nums[0]!;
    out.set(sku, { ...extra, ...own });
  }
  return out;
}

/**
 * "Lieber das mit 10 A", "then the 230 V coil": the product of the line's category that carries the values the buyer
 * states and the line's product does not, the one closest to the line's product — when one stands out.
 */
export function variantByValue(ctx: Ctx, line: { sku: string }): string | undefined {
  const p = ctx.k.reader.products([line.sku]).get(line.sku);
  if (!p || p.configModelId) return undefined;
  const hits = ctx.k.search
    .search({ query: "", category: p.category, limit: 100 })
    .filter((h) => h.sku !== line.sku && h.lifecycle === "active");
  if (hits.length === 0) return undefined;
  const features = valuedFeatures(ctx, [line.sku, ...hits.map((h) => h.sku)]);
  const best = byStatedValue(
    ctx,
    hits.map((h) => ({ id: h.sku, features: features.get(h.sku) ?? {} })),
    features.get(line.sku) ?? {},
  );
  if (best.length < 2) return best[0];
  // Equal on the values: the one of the same kind — most words of the line's product's name in its own name.
  const names = ctx.k.namesAndKeywords([line.sku, ...best]);
  const own = new Set(wordsOf(names.get(line.sku) ?? "").filter((w) => w.length > 2 && !/\d/.test(w)));
  const shared = best.map((sku) => ({
    sku,
    n: new Set(wordsOf(names.get(sku) ?? "").filter((w) => own.has(w))).size,
  }));
  const most = Math.max(...shared.map((x) => x.n));
  const top = shared.filter((x) => x.n === most);
  return most > 0 && top.length === 1 ? top[0]!.sku : undefined;
}

/**
 * "2 seal kits for the CD 63/36 cylinder" then "the NBR one", which three listed kits carry: the request that opened
 * the list still speaks — among the items the answer leaves, those carrying the values it stated ("63/36", "10
 * micron") or, failing that, most of its words. The items themselves when it tells them no further apart.
 */
export function byRequest(ctx: Ctx, said: string | undefined, skus: string[]): string[] {
  if (!said || skus.length < 2 || said === ctx.conv.text) return skus;
  const sub: Ctx = {
    ...ctx,
    conv: { ...ctx.conv, text: said },
    // "die konventionellen, nix UV": what the request ruled out is not what it described.
    u: { ...ctx.u, negated: negatedSpans(said, splitClauses(said)) },
    tokens: tokenizeText(said),
    analyses: new Map(),
  };
  const features = ctx.k.reader.features(skus);
  const stated = byStatedValue(
    sub,
    skus.map((sku) => ({ id: sku, features: features.get(sku) ?? {} })),
  );
  if (stated.length > 0 && stated.length < skus.length) return stated;
  const tied = tiedByWords(sub, skus);
  return tied.length > 0 ? tied : skus;
}

/**
 * Words of the buyer's answer that state a spec: with a digit and more than a count ("63/36", "M12", "10µm"), or a
 * text value a listed item's feature has ("FKM").
 */
function specWords(ctx: Ctx, skus: string[]): string[] {
  const values = new Set<string>();
  for (const f of ctx.k.reader.features(skus).values())
    for (const v of Object.values(f)) for (const t of scalarTexts(v)) values.add(t.toLowerCase());
  return [
    ...new Set(
      ctx.tokens
        // "die 2012er": a size said the German way is its number (a count-like number, no spec word of its own).
        .map((t) => sizeNumber(t.lower))
        .filter(
          (w) =>
            (/\d/.test(w) && /[\p{L}/.-]/u.test(w)) ||
            (values.has(w) && w.length > 1 && !FILLER.has(w) && !ctx.k.ordinary(w)),
        ),
    ),
  ];
}

/** Whether a product's names (every language), SKU and text feature values carry every one of the words. */
function carriesAll(ctx: Ctx, sku: string, words: string[]): boolean {
  const f = ctx.k.reader.features([sku]).get(sku) ?? {};
  const text = `${ctx.k.namesAndKeywords([sku]).get(sku) ?? ""} ${sku} ${Object.values(f).flatMap(scalarTexts).join(" ")}`;
  return carriedWords(text, words) === words.length;
}

/**
 * "the 63/36 one in FKM" when the list holds a 63/36 kit in NBR and another kit in FKM: the values are split over the
 * listed items, so the one a reference picked is not meant. The listed item that carries them all; else the one
 * product of the listed items' categories that does (the engine checks its fit); else `ask`. Undefined when the pick
 * carries every value stated.
 */
export function splitPick(ctx: Ctx, skus: string[], picked: string): string | "ask" | undefined {
  const words = specWords(ctx, skus);
  if (words.length < 2 || carriesAll(ctx, picked, words)) return undefined;
  const listed = skus.filter((s) => carriesAll(ctx, s, words));
  if (listed.length === 1) return listed[0];
  if (listed.length > 1) return "ask";
  const categories = new Set([...ctx.k.reader.products(skus).values()].map((p) => p.category));
  const found = [...categories].flatMap((category) =>
    ctx.k.search
      .search({ query: "", category, limit: 100 })
      .filter((h) => h.lifecycle === "active" && carriesAll(ctx, h.sku, words))
      .map((h) => h.sku),
  );
  return found.length === 1 ? found[0] : "ask";
}
