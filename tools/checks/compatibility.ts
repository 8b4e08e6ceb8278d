/**
 * Compatibility: explicit fitment of a part to the target machine's model and serial range; feature rules (from the
 * compat_rules table) between a line and the machine's operating data and between lines of the same order; missing
 * `mandatory` companions unless already on the machine. Fixes: compatible alternatives of the same category that fit
 * the machine (in stock first), other machines of the installed base the part fits, the companion line to add.
 */
import type {
  CompatRuleRecord,
  FeatureValue,
  FitmentRecord,
  MachineRecord,
  ProductRecord,
} from "../../catalog/queries/types.ts";
import type { Fix, Severity } from "../types.ts";
import { lineIssue, type LineState, type OrderState } from "./context.ts";
import { activeSuccessor, mayBuy } from "./product.ts";
import { isValidQuantity, validQuantityAtLeast } from "./quantity.ts";

type Scalar = string | number | boolean;

/** Serials compare as numbers when both are digits, as strings when of equal shape, else numeric-aware. */
export function compareSerial(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = a.replace(/^0+/, "");
    const y = b.replace(/^0+/, "");
    return x.length !== y.length ? x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.length === b.length) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b, "en", { numeric: true });
}

export type FitVerdict = "ok" | "fitment" | "serial_range";

/** A part without fitment rows fits every machine; otherwise its model must be listed and the serial in range. */
export function fitVerdict(rows: FitmentRecord[] | undefined, machine: MachineRecord): FitVerdict {
  if (!rows || rows.length === 0) return "ok";
  const forModel = rows.filter((r) => r.machineModel === machine.model);
  if (forModel.length === 0) return "fitment";
  const inRange = forModel.some(
    (r) =>
      (r.serialFrom === null || compareSerial(machine.serial, r.serialFrom) >= 0) &&
      (r.serialTo === null || compareSerial(machine.serial, r.serialTo) <= 0),
  );
  return inRange ? "ok" : "serial_range";
}

const norm = (v: Scalar) => (typeof v === "string" ? v.trim().toLowerCase() : v);

/** true = satisfied, false = violated, undefined = the data needed is missing or not comparable. */
export function evaluateRule(
  order: OrderState,
  operator: CompatRuleRecord["operator"],
  feature: FeatureValue,
  other: FeatureValue,
): boolean | undefined {
  const num = (v: FeatureValue) => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN);
  switch (operator) {
    case "eq": {
      if (Array.isArray(feature) || Array.isArray(other)) return undefined;
      const a = num(feature);
      const b = num(other);
      if (Number.isFinite(a) && Number.isFinite(b)) return a === b;
      return norm(feature) === norm(other);
    }
    case "gte":
    case "lte": {
      const a = num(feature as Scalar);
      const b = num(other as Scalar);
      if (!Number.isFinite(a) || !Number.isFinite(b)) return undefined;
      return operator === "gte" ? a >= b : a <= b;
    }
    case "contains": {
      const list = Array.isArray(feature) ? feature : [feature];
      const wanted = Array.isArray(other) ? other : [other];
      return wanted.every((w) => list.some((x) => norm(x as Scalar) === norm(w as Scalar)));
    }
    case "medium_compatible": {
      const materials = Array.isArray(feature) ? feature : [String(feature)];
      if (Array.isArray(other)) return undefined;
      const ratings = materials.map((mat) => order.data.mediaRating(String(mat), String(other)));
      if (ratings.some((r) => r === "no")) return false;
      if (ratings.every((r) => r === undefined)) return undefined;
      return true;
    }
  }
  return undefined;
}

export interface RuleViolation {
  rule: CompatRuleRecord;
  value: FeatureValue;
  other: FeatureValue;
  /** Reported with this severity instead of the rule's (a material rated `limited` for the medium warns). */
  severity: Severity;
}

function limitedForMedium(order: OrderState, material: FeatureValue, medium: FeatureValue): boolean {
  if (Array.isArray(medium)) return false;
  const materials = Array.isArray(material) ? material : [String(material)];
  return materials.some((m) => order.data.mediaRating(String(m), String(medium)) === "limited");
}

/** Machine-scope rules that `p` (with `features`) violates on `machine`. */
export function machineViolations(
  order: OrderState,
  p: ProductRecord,
  features: Record<string, FeatureValue>,
  machine: MachineRecord,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const rule of order.data.compatRules()) {
    if (rule.scope !== "machine" || (rule.category !== null && rule.category !== p.category)) continue;
    const value = features[rule.feature];
    const other = machine.attributes[rule.otherKey];
    if (value === undefined || other === undefined) continue;
    const verdict = evaluateRule(order, rule.operator, value, other);
    if (verdict === false) out.push({ rule, value, other, severity: rule.severity });
    else if (verdict === true && rule.operator === "medium_compatible" && limitedForMedium(order, value, other))
      out.push({ rule, value, other, severity: "warn" });
  }
  return out;
}

/** Whether `p` fits `machine` with no blocking rule violated. */
function fitsCompletely(order: OrderState, p: ProductRecord, features: Record<string, FeatureValue>, fit: FitmentRecord[] | undefined, machine: MachineRecord): boolean {
  return fitVerdict(fit, machine) === "ok" && machineViolations(order, p, features, machine).every((v) => v.severity !== "block");
}

/**
 * Replacement SKUs for a line: same category, active, not configurable, buyable by this customer, the line's
 * quantity valid, fitting the line's machine (model, serial range and rules) and passing `accept` when given.
 * Ranked by likeness to the original (the same kind of part: shared feature keys), then in stock first, then
 * equal feature values and SKU likeness.
 */
export function alternativesFor(
  order: OrderState,
  l: LineState,
  limit = 3,
  accept?: (p: ProductRecord, features: Record<string, FeatureValue>) => boolean,
): Fix[] {
  const p = l.product;
  if (!p) return [];
  const machine = l.machine;
  // A part with fitment rows is replaced by parts listed for the machine's model; others by any of the category.
  const hasFitment = (order.fitment.get(p.sku)?.length ?? 0) > 0;
  const rows = order.data.alternatives(p.category, machine && hasFitment ? machine.model : null, 60).filter((a) => a.sku !== p.sku);
  if (rows.length === 0) return [];
  const skus = rows.map((r) => r.sku);
  const products = order.data.products(skus);
  const features = order.data.features(skus);
  const fitment = machine ? order.data.fitment(skus) : undefined;
  const mine = l.features;
  const myKeys = Object.keys(mine);
  const ranked: { c: ProductRecord; free: number; shared: number; equal: number; prefix: number }[] = [];
  for (const r of rows) {
    const c = products.get(r.sku);
    if (!c || c.lifecycle !== "active" || c.configModelId !== null || !mayBuy(order, c)) continue;
    if (l.orderQty !== undefined && !isValidQuantity(c, l.orderQty)) continue;
    if (c.currency !== order.currency) continue;
    const f = features.get(c.sku) ?? {};
    if (machine && !fitsCompletely(order, c, f, fitment?.get(c.sku), machine)) continue;
    if (accept && !accept(c, f)) continue;
    let shared = 0;
    let equal = 0;
    for (const k of myKeys) {
      if (f[k] === undefined) continue;
      shared++;
      if (JSON.stringify(f[k]) === JSON.stringify(mine[k])) equal++;
    }
    let prefix = 0;
    while (prefix < c.sku.length && c.sku[prefix] === p.sku[prefix]) prefix++;
    ranked.push({ c, free: r.freeStock, shared, equal, prefix });
  }
  ranked.sort(
    (a, b) =>
      b.shared - a.shared || Number(b.free > 0) - Number(a.free > 0) || b.equal - a.equal || b.prefix - a.prefix || b.free - a.free,
  );
  return ranked.slice(0, limit).map(({ c, free }) => ({
    kind: "replace_sku",
    lineId: l.lineId,
    sku: c.sku,
    reason: `${c.name} — same category${machine ? `, fits ${machine.label}` : ""}${free > 0 ? ", in stock" : ""}`,
  }));
}

/** Machines of the customer's installed base that `l`'s product fits completely. */
function fittingMachines(order: OrderState, l: LineState): MachineRecord[] {
  const p = l.product;
  if (!p) return [];
  return (order.customer?.machines ?? []).filter((m) => fitsCompletely(order, p, l.features, order.fitment.get(p.sku), m));
}

export function checkCompatibility(order: OrderState): void {
  for (const l of order.lines) {
    const p = l.product;
    if (!p) continue;
    const fit = order.fitment.get(p.sku);
    if (l.machineId !== undefined && !l.machine) {
      const fixes = fittingMachines(order, l).map((m): Fix => ({ kind: "set_machine", lineId: l.lineId, machineId: m.id }));
      lineIssue(l, "compat.unknown_machine", "block", `Machine "${l.machineId}" is not in your installed base.`, fixes, {
        machineId: l.machineId,
      });
      continue;
    }
    const machine = l.machine;
    if (!machine) {
      if (fit && fit.length > 0) {
        const fixes = fittingMachines(order, l).map((m): Fix => ({ kind: "set_machine", lineId: l.lineId, machineId: m.id }));
        lineIssue(l, "compat.no_machine", "warn", `${p.sku} fits only some machines; say which machine it is for so the fit can be checked.`, fixes, {
          models: [...new Set(fit.map((f) => f.machineModel))],
        });
      }
      continue;
    }
    const verdict = fitVerdict(fit, machine);
    const otherMachines = (): Fix[] =>
      fittingMachines(order, l)
        .filter((m) => m.id !== machine.id)
        .map((m) => ({ kind: "set_machine", lineId: l.lineId, machineId: m.id }));
    if (verdict === "fitment") {
      lineIssue(
        l,
        "compat.fitment",
        "block",
        `${p.sku} does not fit ${machine.label} (${machine.modelName}).`,
        [...alternativesFor(order, l), ...otherMachines()],
        { machineId: machine.id, model: machine.model, fitsModels: [...new Set((fit ?? []).map((f) => f.machineModel))] },
      );
    } else if (verdict === "serial_range") {
      const ranges = (fit ?? []).filter((f) => f.machineModel === machine.model).map((f) => ({ from: f.serialFrom, to: f.serialTo }));
      lineIssue(
        l,
        "compat.serial_range",
        "block",
        `${p.sku} fits ${machine.modelName} only in serial range ${ranges.map((r) => `${r.from ?? "…"}–${r.to ?? "…"}`).join(", ")}; ${machine.label} is serial ${machine.serial}.`,
        [...alternativesFor(order, l), ...otherMachines()],
        { machineId: machine.id, serial: machine.serial, ranges },
      );
    }
    for (const v of machineViolations(order, p, l.features, machine)) {
      lineIssue(
        l,
        v.rule.code,
        v.severity,
        v.severity === v.rule.severity
          ? `${v.rule.message} (${p.sku}: ${v.rule.feature} ${fmt(v.value)}; ${machine.label}: ${v.rule.otherKey} ${fmt(v.other)})`
          : `${p.sku}: ${fmt(v.value)} has only limited resistance to ${fmt(v.other)} (${machine.label}); check the conditions of use.`,
        v.severity === "block" ? [...alternativesFor(order, l), ...otherMachines()] : [],
        {
          feature: v.rule.feature,
          value: v.value,
          machineKey: v.rule.otherKey,
          machineValue: v.other,
          machineId: machine.id,
          ...(v.severity !== v.rule.severity ? { rating: "limited" } : {}),
        },
      );
    }
  }
  checkLineRules(order);
  checkMandatory(order);
}

const fmt = (v: FeatureValue) => (Array.isArray(v) ? v.join("/") : String(v));

/** Rules between two lines of the same order (for the same machine, or without one). */
function checkLineRules(order: OrderState): void {
  const rules = order.data.compatRules().filter((r) => r.scope === "line");
  if (rules.length === 0) return;
  const lines = order.lines.filter((l) => l.product);
  for (const rule of rules) {
    const left = lines.filter((l) => l.features[rule.feature] !== undefined && (rule.category === null || rule.category === l.product!.category));
    if (left.length === 0) continue;
    const right = lines.filter((l) => l.features[rule.otherKey] !== undefined && (rule.otherCategory === null || rule.otherCategory === l.product!.category));
    for (const a of left)
      for (const b of right) {
        if (a === b || (a.machineId !== undefined && b.machineId !== undefined && a.machineId !== b.machineId)) continue;
        const value = a.features[rule.feature]!;
        const other = b.features[rule.otherKey]!;
        if (evaluateRule(order, rule.operator, value, other) !== false) continue;
        lineIssue(
          a,
          rule.code,
          rule.severity,
          `${rule.message} (${a.sku}: ${rule.feature} ${fmt(value)}; line ${b.lineId} ${b.sku}: ${rule.otherKey} ${fmt(other)})`,
          rule.severity === "block"
            ? [
                ...alternativesFor(order, a, 3, (_c, f) => f[rule.feature] !== undefined && evaluateRule(order, rule.operator, f[rule.feature]!, other) === true),
                { kind: "remove_line", lineId: b.lineId },
              ]
            : [],
          { feature: rule.feature, value, otherLineId: b.lineId, otherKey: rule.otherKey, otherValue: other },
        );
      }
  }
}

/** `mandatory` companions must be on the order or already fitted on the machine. */
function checkMandatory(order: OrderState): void {
  const mandatory = order.relations.filter((r) => r.type === "mandatory");
  if (mandatory.length === 0) return;
  const inOrder = new Set(order.lines.map((l) => l.sku));
  const missing = new Map<LineState, typeof mandatory>();
  for (const l of order.lines) {
    if (!l.product) continue;
    const owned = l.machine ? l.machine.components : (order.customer?.machines ?? []).flatMap((m) => m.components);
    const list = mandatory.filter((r) => r.sku === l.sku && !inOrder.has(r.targetSku) && !owned.includes(r.targetSku));
    if (list.length > 0) missing.set(l, list);
  }
  if (missing.size === 0) return;
  const targetSkus = [...new Set([...missing.values()].flat().map((r) => r.targetSku))];
  const targets = order.data.products(targetSkus);
  for (const t of [...targets.values()]) if (t.lifecycle !== "active") order.products.set(t.sku, t);
  const resolved = new Map([...targets].map(([sku, t]) => [sku, t.lifecycle === "active" ? t : activeSuccessor(order, t)]));
  const finalSkus = [...new Set([...resolved.values()].filter((t): t is ProductRecord => t !== undefined).map((t) => t.sku))];
  const targetFeatures = order.data.features(finalSkus);
  const targetFitment = order.data.fitment(finalSkus);
  for (const [l, list] of missing)
    for (const r of list) {
      const target = resolved.get(r.targetSku);
      // The companion goes on the same machine only when it fits it; otherwise it is added without one.
      if (target && target.sku !== r.targetSku && inOrder.has(target.sku)) continue; // its successor is ordered
      const onMachine =
        l.machine !== undefined &&
        target !== undefined &&
        fitsCompletely(order, target, targetFeatures.get(target.sku) ?? {}, targetFitment.get(target.sku), l.machine);
      const fixes: Fix[] =
        target && mayBuy(order, target) && target.currency === order.currency
          ? [
              {
                kind: "add_line",
                sku: target.sku,
                quantity: validQuantityAtLeast(target, r.quantity * (l.orderQty ?? 1)),
                ...(onMachine ? { machineId: l.machine!.id } : {}),
              },
            ]
          : [];
      lineIssue(
        l,
        "compat.missing_mandatory",
        "block",
        `${l.sku} must be ordered with ${r.targetSku}${target ? ` (${target.name})` : ""} unless it is already fitted.`,
        fixes,
        { companion: r.targetSku, perUnit: r.quantity },
      );
    }
}
