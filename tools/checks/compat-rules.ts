/**
 * The compatibility rules themselves: fitment by model and serial range, and feature rules (from the compat_rules
 * table) evaluated between a product and a machine or another line. Pure functions, shared by the check and by the
 * search for alternatives.
 */
import type {
  CompatRuleRecord,
  FeatureValue,
  FitmentRecord,
  MachineRecord,
  ProductRecord,
} from "../../catalog/queries/types.ts";
import type { Severity } from "../types.ts";
import type { OrderState } from "./context.ts";

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
  const num = (v: FeatureValue) =>
    typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
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

/** A catalog rule as messages need it: its code, operator and the catalog's own sentence (default language). */
export const ruleRef = (r: Pick<CompatRuleRecord, "code" | "operator" | "message">) => ({
  code: r.code,
  operator: r.operator,
  message: r.message,
});

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
export function fitsCompletely(
  order: OrderState,
  p: ProductRecord,
  features: Record<string, FeatureValue>,
  fit: FitmentRecord[] | undefined,
  machine: MachineRecord,
): boolean {
  return (
    fitVerdict(fit, machine) === "ok" &&
    machineViolations(order, p, features, machine).every((v) => v.severity !== "block")
  );
}
