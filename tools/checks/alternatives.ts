/**
 * Replacements for a blocked line — alternatives for a restricted, region-blocked, inactive, discontinued or
 * non-fitting product, the successor of a discontinued one — and the machines of the installed base a part fits.
 *
 * A replacement is offered only when the buyer can use it ("a fix the buyer can't use is not a fix"):
 * - it is the same kind of product (./product-type.ts: category, type phrase of the name, feature class), or the
 *   catalog names it as the successor (`followup`); a `similar` relation ranks a same-type product first;
 * - the draft with the replacement applied passes the engine's own line checks — product (lifecycle, certification,
 *   region), quantity, configuration, compatibility with the machine and with the other lines, availability: each
 *   candidate is probed by running those checks on the line with the candidate in its place, and one with any
 *   blocking issue is dropped (only a missing companion part is tolerated, ranked last, as the fix adds it).
 *
 * Candidates are ranked like search results: by the engine's verdict on them (../fit-rank.ts — fits, fits with a
 * caution such as a backorder or a limited material rating, needs a companion), then by likeness to the original.
 */
import type {
  ConfigModel,
  FeatureValue,
  FitmentRecord,
  MachineRecord,
  ProductRecord,
  RelationRecord,
  StockPosition,
} from "../../catalog/queries/types.ts";
import { type FitRank, fitRank } from "../fit-rank.ts";
import type { DraftLine, Fix, Issue } from "../types.ts";
import { checkAvailability } from "./availability.ts";
import { fitsCompletely } from "./compat-rules.ts";
import { checkCompatibility } from "./compatibility.ts";
import { checkConfiguration } from "./configuration.ts";
import { configuredFeatures, lineFeatures, withOptionalDefaults } from "./line-features.ts";
import type { z } from "zod";
import { msg, nested, renderMessage, type replacementWhy } from "../messages/index.ts";
import { ref, type LineState, type OrderState } from "./context.ts";
import { checkProduct, mayBuy } from "./product.ts";
import { featureLikeness, keySimilarity, SAME_TYPE, sameValue, typeSimilarity } from "./product-type.ts";
import { checkQuantity } from "./quantity.ts";

/** The orders a probe runs the checks on: no fixes are searched there (a probe of a probe would never end). */
const probing = new WeakSet<OrderState>();

/** Candidates probed per blocked line at most (the most alike first). */
const MAX_PROBES = 8;

/** What the engine says about a line with another product in its place. */
export interface ReplacementVerdict {
  rank: FitRank;
  /** The issue that decided the rank (the block, the missing companion, the caution). */
  reason?: Issue;
  /** Every unit ships from stock on hand. */
  inStock: boolean;
  /** Codes of the non-blocking issues the line has with this product. */
  cautions: string[];
}

/**
 * The options a line keeps when its product is replaced: all of them when both products share a configuration
 * model, none otherwise (they were choices in the old product's model).
 */
export function optionsAfterReplace(
  from: Pick<ProductRecord, "configModelId"> | undefined,
  to: Pick<ProductRecord, "configModelId"> | undefined,
  options: Record<string, string[]> | undefined,
): Record<string, string[]> | undefined {
  if (!options) return undefined;
  return from?.configModelId && from.configModelId === to?.configModelId ? options : undefined;
}

/** Rows a probe needs beyond the order's own: the candidates' products, fitment, relations and stock. */
interface Pool {
  products: Map<string, ProductRecord>;
  fitment: Map<string, FitmentRecord[]>;
  relations: RelationRecord[];
  stock: Map<string, StockPosition>;
}

function loadPool(order: OrderState, candidates: readonly ProductRecord[]): Pool {
  const skus = candidates.map((c) => c.sku).filter((s) => !order.products.has(s) || !order.stock.has(s));
  const products = new Map(order.products);
  for (const c of candidates) products.set(c.sku, c);
  if (skus.length === 0) return { products, fitment: order.fitment, relations: order.relations, stock: order.stock };
  const fitment = new Map(order.fitment);
  for (const [k, v] of order.data.fitment(skus)) fitment.set(k, v);
  const stock = new Map(order.stock);
  for (const [k, v] of order.data.stock(skus, order.now.toISOString())) stock.set(k, v);
  return { products, fitment, relations: [...order.relations, ...order.data.relations(skus)], stock };
}

/** Other lines a line-scope rule can pair with `c` (same machine or none): the probe checks the pair both ways. */
function pairingLines(order: OrderState, l: LineState, c: ProductRecord, f: Record<string, FeatureValue>) {
  const rules = order.data.compatRules().filter((r) => r.scope === "line");
  if (rules.length === 0) return [];
  return order.lines.filter((o) => {
    if (o === l || !o.product) return false;
    if (l.machineId !== undefined && o.machineId !== undefined && o.machineId !== l.machineId) return false;
    const op = o.product;
    return rules.some(
      (r) =>
        ((r.category === null || r.category === c.category) &&
          f[r.feature] !== undefined &&
          (r.otherCategory === null || r.otherCategory === op.category) &&
          o.features[r.otherKey] !== undefined) ||
        ((r.category === null || r.category === op.category) &&
          o.features[r.feature] !== undefined &&
          (r.otherCategory === null || r.otherCategory === c.category) &&
          f[r.otherKey] !== undefined),
    );
  });
}

/**
 * Runs the engine's line checks on `l` with `c` in its place — exactly the line the fix would produce — and ranks
 * the result. Other lines take part where a rule pairs them with the line; a companion already on the order counts.
 */
function probe(
  order: OrderState,
  l: LineState,
  c: ProductRecord,
  f: Record<string, FeatureValue>,
  pool: Pool,
  expected: () => ReadonlySet<string> = () => new Set(),
  dropIfBlocked = false,
  configured?: Record<string, string[]>,
): ReplacementVerdict {
  const line: DraftLine = { ...l.line, sku: c.sku };
  const options = configured ?? optionsAfterReplace(l.product, c, l.line.options);
  if (options) line.options = options;
  else delete line.options;
  const pl: LineState = {
    ...l,
    sku: c.sku,
    line,
    product: c,
    features: f,
    orderQty: undefined,
    unit: line.unit ?? c.orderUnit,
    options: line.options ?? {},
    configDeltaCents: 0,
    components: undefined,
    issues: [],
    unitPriceCents: undefined,
    priceSource: undefined,
    amountCents: undefined,
    schedule: [],
    promiseDate: undefined,
    fulfilment: undefined,
    changed: false,
  };
  const alone: OrderState = {
    ...order,
    products: pool.products,
    fitment: pool.fitment,
    relations: pool.relations,
    stock: pool.stock,
    lines: [pl],
    issues: [],
    consumed: new Map(),
    netCents: 0,
  };
  const others = pairingLines(order, l, c, f).map((o): LineState => ({ ...o, issues: [] }));
  const withOthers: OrderState = { ...alone, lines: [pl, ...others] };
  probing.add(alone);
  probing.add(withOthers);
  // A candidate the caller drops at any blocking issue (rank 3) is not checked further once one is found: the later
  // checks could only add issues, and a block already decides the rank. Companion and discontinued blocks do not
  // decide it (fitRank's ORDER_ONLY), so they never stop the probe.
  const decided = () => dropIfBlocked && fitRank(pl.issues).rank === 3;
  checkProduct(alone, () => []);
  if (decided()) return DROPPED;
  checkQuantity(alone);
  if (decided()) return DROPPED;
  checkConfiguration(alone);
  if (decided()) return DROPPED;
  checkCompatibility(withOthers);
  if (decided()) return DROPPED;
  checkAvailability(alone);
  const onOrder = new Set(order.lines.filter((x) => x !== l).map((x) => x.sku));
  const issues = [
    ...pl.issues,
    // A rule of another line against this one is raised on the other line, naming this one.
    ...others.flatMap((o) => o.issues.filter((i) => i.details?.otherLineId === pl.lineId)),
  ]
    .filter((i) => !(i.code === "compat.missing_mandatory" && onOrder.has(String(i.details?.companion))))
    // A caution the original carries too (no machine named, a backorder) is not one the replacement adds.
    .filter(
      (i, _, all) => i.severity === "block" || !(all.some((x) => x.severity !== "block") && expected().has(i.code)),
    );
  const { rank, reason } = fitRank(issues);
  return {
    rank,
    ...(reason ? { reason } : {}),
    inStock: pl.schedule.length > 0 && pl.schedule.every((s) => s.source === "on_hand"),
    cautions: pl.issues.filter((i) => i.severity !== "block").map((i) => i.code),
  };
}

/** What a probe that stopped at its first deciding block returns: not a fit (its caller drops it, reads nothing else). */
const DROPPED: ReplacementVerdict = Object.freeze({ rank: 3, inStock: false, cautions: [] }) as ReplacementVerdict;

/** The engine's verdict on `l` with product `c` in its place (the successor of a discontinued product, say). */
export function replacementVerdict(order: OrderState, l: LineState, c: ProductRecord): ReplacementVerdict {
  // Inside a probe nobody reads the fixes: don't probe again.
  if (probing.has(order)) return { rank: 0, inStock: false, cautions: [] };
  const f = order.data.features([c.sku]).get(c.sku) ?? {};
  const pool = loadPool(order, l.product ? [c, l.product] : [c]);
  return probe(order, l, c, f, pool, () => cautionsOf(order, l, pool));
}

/** Codes of the cautions (non-blocking issues) the line has with its own product. */
function cautionsOf(order: OrderState, l: LineState, pool: Pool): Set<string> {
  if (!l.product) return new Set();
  const own = probe(order, l, l.product, l.features, pool);
  return new Set(own.cautions);
}

interface Candidate {
  c: ProductRecord;
  f: Record<string, FeatureValue>;
  /** The catalog names it: `similar` or `followup` of the original. */
  named: string | undefined;
  type: number;
  like: number;
  keys: number;
  free: number;
  prefix: number;
}

export interface AlternativesOptions {
  limit?: number;
  /** An extra condition (the rule that blocked, for line rules); the probe checks every rule anyway. */
  accept?: (p: ProductRecord, features: Record<string, FeatureValue>) => boolean;
  /** SKUs not to offer (a successor already judged). */
  exclude?: ReadonlySet<string>;
}

/**
 * Replacement SKUs for a line, as `replace_sku` fixes: same type (or named by the catalog), active, not
 * configurable, buyable by this customer for the ship-to's region, in the order's currency, fitting the line's
 * machine, and passing the engine's line checks with the replacement applied. Ranked by the engine's verdict, then
 * by likeness (the catalog's own statement, type, feature values, feature class, stock, SKU).
 */
export function alternativesFor(
  order: OrderState,
  l: LineState,
  limitOrOptions: number | AlternativesOptions = 3,
  accept?: AlternativesOptions["accept"],
): Fix[] {
  const o: AlternativesOptions =
    typeof limitOrOptions === "number" ? { limit: limitOrOptions, ...(accept ? { accept } : {}) } : limitOrOptions;
  const p = l.product;
  if (!p || probing.has(order)) return [];
  const limit = o.limit ?? 3;
  const machine = l.machine;
  // A part with fitment rows is replaced by parts listed for the machine's model; others by any of the category.
  const hasFitment = (order.fitment.get(p.sku)?.length ?? 0) > 0;
  const rows = order.data.alternatives(p.category, machine && hasFitment ? machine.model : null, 60, p.sku);
  const named = new Map(
    order.relations
      .filter((r) => r.sku === p.sku && (r.type === "similar" || r.type === "followup"))
      .map((r) => [r.targetSku, r.type]),
  );
  const skus = [...new Set([...named.keys(), ...rows.map((r) => r.sku)])].filter(
    (s) => s !== p.sku && !o.exclude?.has(s),
  );
  if (skus.length === 0) return [];
  const free = new Map(rows.map((r) => [r.sku, r.freeStock]));
  const products = order.data.products(skus);
  const features = order.data.features(skus);
  const fitment = machine ? order.data.fitment(skus) : undefined;
  const me = { name: p.name, category: p.category, features: l.features };
  const found: Candidate[] = [];
  for (const sku of skus) {
    const c = products.get(sku);
    if (c?.lifecycle !== "active" || c.configModelId !== null || !mayBuy(order, c)) continue;
    if (c.currency !== order.currency) continue;
    const f = features.get(sku) ?? {};
    const type = typeSimilarity(me, { name: c.name, category: c.category, features: f });
    // The catalog's successor designation stands on its own; `similar` is only a hint (catalogs and generators link
    // whole product families with it: an oil "similar" to a grease), so it must be the same type too.
    if (named.get(sku) !== "followup" && type <= SAME_TYPE) continue;
    if (machine && !fitsCompletely(order, c, f, fitment?.get(sku), machine)) continue;
    if (o.accept && !o.accept(c, f)) continue;
    let prefix = 0;
    while (prefix < sku.length && sku[prefix] === p.sku[prefix]) prefix++;
    found.push({
      c,
      f,
      named: named.get(sku),
      type,
      like: featureLikeness(l.features, f),
      keys: keySimilarity(l.features, f),
      free: free.get(sku) ?? 0,
      prefix,
    });
  }
  if (found.length === 0) return [];
  found.sort(
    (a, b) =>
      Number(b.named !== undefined) - Number(a.named !== undefined) ||
      b.type + b.like + b.keys - (a.type + a.like + a.keys) ||
      Number(b.free > 0) - Number(a.free > 0) ||
      b.prefix - a.prefix ||
      b.free - a.free ||
      (a.c.sku < b.c.sku ? -1 : 1),
  );
  const tried = found.slice(0, MAX_PROBES);
  const pool = loadPool(order, [...tried.map((x) => x.c), p]);
  // Probed only when a candidate has a caution to compare (most fit cleanly).
  let expected: Set<string> | undefined;
  const cautions = () => (expected ??= cautionsOf(order, l, pool));
  const usable: { x: Candidate; v: ReplacementVerdict; at: number }[] = [];
  for (const [at, x] of tried.entries()) {
    const v = probe(order, l, x.c, x.f, pool, cautions, true);
    if (v.rank < 3) usable.push({ x, v, at });
    // Later candidates are less alike: once enough fit cleanly, none of them can rank higher.
    if (usable.filter((u) => u.v.rank === 0).length >= limit) break;
  }
  usable.sort((a, b) => a.v.rank - b.v.rank || a.at - b.at);
  return usable
    .slice(0, limit)
    .map(({ x, v }) =>
      replaceFix(
        l,
        x.c,
        { why: x.named === "followup" ? "followup" : x.named ? "similar" : "same_type" },
        v,
        x.f,
        order.featureNames(),
      ),
    );
}

const show = (v: FeatureValue) => (Array.isArray(v) ? v.join("/") : String(v));

/**
 * The configurable product of the same kind, configured like the line's stock product with the one value changed that
 * the broken rule asks for: a stock gear motor without a brake on a drive that needs one is the configurable gear motor
 * with the same power, ratio, supply and mounting and a brake. The stock product's features must choose one value in
 * every group that has no default (else the configuration would be a guess); each value of the rule's group with
 * which the configured line passes the engine's line checks is one `replace_sku` fix carrying its options.
 */
export function configuredSiblings(
  order: OrderState,
  l: LineState,
  feature: string,
  offered: readonly Fix[] = [],
  limit = 3,
): Fix[] {
  const p = l.product;
  if (!p || p.configModelId !== null || probing.has(order)) return [];
  // A configuration a stock product already offered as a replacement has (every feature the options set alike) is
  // that stock product: not offered again as one to build.
  const stockSkus = offered.flatMap((f) => (f.kind === "replace_sku" && !f.options ? [f.sku] : []));
  const stockFeatures = [...order.data.features(stockSkus).values()];
  const inStock = (set: Record<string, FeatureValue>) =>
    stockFeatures.some((sf) => Object.entries(set).every(([k, v]) => sf[k] !== undefined && sameValue(sf[k]!, v)));
  const rows = order.data.alternatives(p.category, null, 60, p.sku);
  const products = order.data.products(rows.map((r) => r.sku));
  const me = { name: p.name, category: p.category, features: l.features };
  const out: Fix[] = [];
  for (const row of rows) {
    const c = products.get(row.sku);
    if (!c?.configModelId || c.lifecycle !== "active" || !mayBuy(order, c) || c.currency !== order.currency) continue;
    if (typeSimilarity(me, { name: c.name, category: c.category, features: {} }) <= SAME_TYPE) continue;
    const model = order.data.configModel(c.configModelId);
    const base = model ? sameConfiguration(model, l.features, feature, p.name) : undefined;
    if (!model || !base) continue;
    const group = model.groups.find((g) => g.options.some((o) => o.features?.[feature] !== undefined));
    if (!group) continue;
    const fixed = order.data.features([c.sku]).get(c.sku) ?? {};
    const pool = loadPool(order, [c]);
    for (const o of group.options) {
      if (base.stock[group.code] === o.value) continue;
      const options = withOptionalDefaults(model, { ...base.options, [group.code]: [o.value] });
      if (inStock(configuredFeatures(model, options).features)) continue;
      const f = lineFeatures(fixed, model, options).features;
      const v = probe(order, l, c, f, pool, () => new Set(), true, options);
      if (v.rank >= 3) continue;
      const fix = replaceFix(l, c, { why: "configured", of: p.sku }, v, undefined, order.featureNames());
      if (fix.kind === "replace_sku") {
        fix.options = options;
        if (fix.reasonText?.key === "fix.replacement")
          fix.reasonText.params.configured = [{ group: group.label, value: o.label }];
        if (fix.reasonText) fix.reason = renderMessage(fix.reasonText);
      }
      out.push(fix);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * The values of a configuration model that reproduce a stock product's features: per group the one value whose own
 * features the product has, all alike — or, in a group whose values set no features, the one value whose code the
 * product's name carries as a word ("…, flange mount" for the value `flange`); a group no value of which it matches
 * keeps its default (or stays open when optional). Undefined when a mandatory group without a default is left open —
 * except the group of `feature`, which the caller sets. `stock` is the value the product itself has in each matched
 * group.
 */
function sameConfiguration(
  model: ConfigModel,
  features: Record<string, FeatureValue>,
  feature: string,
  name: string,
): { options: Record<string, string[]>; stock: Record<string, string> } | undefined {
  const options: Record<string, string[]> = {};
  const stock: Record<string, string> = {};
  const words = new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  for (const g of model.groups) {
    const featureless = g.options.every((o) => Object.keys(o.features ?? {}).length === 0);
    const matching = g.options.filter((o) => {
      if (featureless) return words.has(o.value.toLowerCase());
      const own = Object.entries(o.features ?? {});
      return own.length > 0 && own.every(([k, v]) => features[k] !== undefined && sameValue(features[k]!, v));
    });
    const owns = g.options.some((o) => o.features?.[feature] !== undefined);
    if (matching.length === 1) {
      stock[g.code] = matching[0]!.value;
      if (!owns) options[g.code] = [matching[0]!.value];
    } else if (!owns && g.min > 0 && g.defaultValue === null) return undefined;
  }
  return { options, stock };
}

/** A `replace_sku` fix whose reason says why it is offered, what differs from the original and any caution. */
export function replaceFix(
  l: LineState,
  c: ProductRecord,
  why: { why: z.infer<typeof replacementWhy>; of?: string },
  v: ReplacementVerdict,
  f?: Record<string, FeatureValue>,
  featureNames: Record<string, string> = {},
): Fix {
  const differs = f
    ? Object.entries(l.features)
        .filter(([k, a]) => f[k] !== undefined && !sameValue(a, f[k]!))
        .slice(0, 2)
        .map(([k]) => ({ feature: featureRef(k, featureNames), value: show(f[k]!) }))
    : [];
  const reasonText = msg("fix.replacement", {
    product: ref(c),
    ...why,
    ...(l.machine ? { fitsMachine: l.machine.label } : {}),
    inStock: v.inStock,
    differs,
    ...(v.rank > 0 && v.reason ? { caution: nested(v.reason.text) } : {}),
  });
  return { kind: "replace_sku", lineId: l.lineId, sku: c.sku, reason: renderMessage(reasonText), reasonText };
}

/** A feature as messages name it: its key, and its name in the reader's language when the catalog has one. */
export function featureRef(key: string, names: Record<string, string>): { key: string; name?: string } {
  const name = names[key];
  return name ? { key, name } : { key };
}

/** Machines of the customer's installed base that `l`'s product fits completely. */
export function fittingMachines(order: OrderState, l: LineState): MachineRecord[] {
  const p = l.product;
  if (!p || probing.has(order)) return [];
  return (order.customer?.machines ?? []).filter((m) =>
    fitsCompletely(order, p, l.features, order.fitment.get(p.sku), m),
  );
}
