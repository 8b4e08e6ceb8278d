/**
 * Compatibility: explicit fitment of a part to the target machine's model and serial range; feature rules (from the
 * compat_rules table) between a line and the machine's operating data and between lines of the same order; missing
 * `mandatory` companions unless already on the machine. Fixes: compatible alternatives of the same category that fit
 * the machine (in stock first), other machines of the installed base the part fits, the companion line to add.
 */
import type { CompatRuleRecord, FeatureValue, ProductRecord } from "../../catalog/queries/types.ts";
import type { Fix } from "../types.ts";
import { alternativesFor, configuredSiblings, fittingMachines } from "./alternatives.ts";
import { evaluateRule, fitsCompletely, fitVerdict, machineViolations, ruleRef } from "./compat-rules.ts";
import { valuesIfReopened } from "./configuration.ts";
import { msg } from "../messages/index.ts";
import { featureRef } from "./alternatives.ts";
import { lineIssue, ref, type LineState, type OrderState } from "./context.ts";
import { checkKitComponents } from "./kit-components.ts";
import { lineFeatures } from "./line-features.ts";
import { activeSuccessor, mayBuy } from "./product.ts";
import { validQuantityAtLeast } from "./quantity.ts";

export { alternativesFor } from "./alternatives.ts";
export { compareSerial, evaluateRule, fitVerdict, machineViolations } from "./compat-rules.ts";

export function checkCompatibility(order: OrderState): void {
  for (const l of order.lines) {
    const p = l.product;
    if (!p) continue;
    const fit = order.fitment.get(p.sku);
    if (l.machineId !== undefined && !l.machine) {
      const fixes = fittingMachines(order, l).map(
        (m): Fix => ({ kind: "set_machine", lineId: l.lineId, machineId: m.id }),
      );
      lineIssue(
        l,
        "compat.unknown_machine",
        "block",
        msg("compat.unknown_machine", { machineId: l.machineId }),
        fixes,
        {
          machineId: l.machineId,
        },
      );
      continue;
    }
    const machine = l.machine;
    if (!machine) {
      if (fit && fit.length > 0) {
        const fixes = fittingMachines(order, l).map(
          (m): Fix => ({ kind: "set_machine", lineId: l.lineId, machineId: m.id }),
        );
        lineIssue(l, "compat.no_machine", "warn", msg("compat.no_machine", { product: ref(p) }), fixes, {
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
        msg("compat.fitment", { product: ref(p), machine: machine.label, modelName: machine.modelName }),
        [...alternativesFor(order, l), ...otherMachines()],
        {
          machineId: machine.id,
          model: machine.model,
          fitsModels: [...new Set((fit ?? []).map((f) => f.machineModel))],
        },
      );
    } else if (verdict === "serial_range") {
      const ranges = (fit ?? [])
        .filter((f) => f.machineModel === machine.model)
        .map((f) => ({ from: f.serialFrom, to: f.serialTo }));
      lineIssue(
        l,
        "compat.serial_range",
        "block",
        msg("compat.serial_range", {
          product: ref(p),
          modelName: machine.modelName,
          ranges,
          machine: machine.label,
          serial: machine.serial,
        }),
        [...alternativesFor(order, l), ...otherMachines()],
        { machineId: machine.id, serial: machine.serial, ranges },
      );
    }
    for (const v of machineViolations(order, p, l.features, machine)) {
      const group = l.featureGroups[v.rule.feature];
      const fits = (f: Record<string, FeatureValue>) =>
        machineViolations(order, p, f, machine).every((x) => x.severity !== "block");
      lineIssue(
        l,
        v.rule.code,
        v.severity,
        v.severity === v.rule.severity
          ? msg("compat.machine_rule", {
              product: ref(p),
              rule: ruleRef(v.rule),
              configured: group !== undefined,
              feature: featureRef(v.rule.feature, order.featureNames()),
              value: fmt(v.value),
              machine: machine.label,
              machineKey: featureRef(v.rule.otherKey, order.featureNames()),
              machineValue: fmt(v.other),
            })
          : msg("compat.limited_resistance", {
              product: ref(p),
              value: fmt(v.value),
              medium: fmt(v.other),
              machine: machine.label,
            }),
        v.severity === "block"
          ? replacing(order, l, v.rule.feature, optionFixes(order, l, v.rule.feature, fits), otherMachines)
          : [],
        {
          feature: v.rule.feature,
          value: v.value,
          machineKey: v.rule.otherKey,
          machineValue: v.other,
          machineId: machine.id,
          ...(group ? { optionGroup: group } : {}),
          ...(v.severity !== v.rule.severity ? { rating: "limited" } : {}),
        },
      );
    }
  }
  checkKitComponents(order);
  checkLineRules(order);
  fittingChoices(order);
  checkMandatory(order);
}

/**
 * The values offered for a configuration choice still to be made are those the line can take without breaking a
 * blocking rule with another line of the order: with a 400 V drive on the order, "choose the motor's voltage" offers
 * 400 V, not the 230 V that would block the drive (a fix that trades one block for another is no fix — as for
 * `optionFixes`). The message still names every value the configuration allows. (The machine's rules do not narrow
 * them here: the consultant asks every value and the engine judges the one chosen — narrowing them too made the
 * offline consultant set a condensing unit's refrigerant and application unasked, "the only ones your other options
 * allow", which is not why.)
 */
function fittingChoices(order: OrderState): void {
  const rules = order.data.compatRules().filter((r) => r.scope === "line" && r.severity === "block");
  if (rules.length === 0) return;
  for (const l of order.lines) {
    const p = l.product;
    if (!p?.configModelId || !l.issues.some((i) => i.code === "config.missing_choice")) continue;
    const model = order.data.configModel(p.configModelId);
    if (!model) continue;
    const fixed = order.data.features([p.sku]).get(p.sku);
    for (const i of l.issues) {
      if (i.code !== "config.missing_choice") continue;
      i.fixes = i.fixes.filter((f) => {
        if (f.kind !== "set_option") return true;
        return !breaksLineRule(
          order,
          rules,
          l,
          lineFeatures(fixed, model, { ...l.options, [f.group]: f.values }).features,
        );
      });
    }
  }
}

/** Whether line `a`, with `features`, breaks one of the blocking line `rules` with another line (either side of it). */
function breaksLineRule(
  order: OrderState,
  rules: readonly CompatRuleRecord[],
  a: LineState,
  features: Record<string, FeatureValue>,
): boolean {
  const category = a.product?.category;
  for (const rule of rules) {
    for (const b of order.lines) {
      if (b === a || !b.product) continue;
      if (a.machineId !== undefined && b.machineId !== undefined && a.machineId !== b.machineId) continue;
      const left =
        (rule.category === null || rule.category === category) &&
        (rule.otherCategory === null || rule.otherCategory === b.product.category) &&
        features[rule.feature] !== undefined &&
        b.features[rule.otherKey] !== undefined &&
        evaluateRule(order, rule.operator, features[rule.feature]!, b.features[rule.otherKey]!) === false;
      const right =
        (rule.category === null || rule.category === b.product.category) &&
        (rule.otherCategory === null || rule.otherCategory === category) &&
        b.features[rule.feature] !== undefined &&
        features[rule.otherKey] !== undefined &&
        evaluateRule(order, rule.operator, b.features[rule.feature]!, features[rule.otherKey]!) === false;
      if (left || right) return true;
    }
  }
  return false;
}

/**
 * The fixes of a broken machine rule after the line's own option changes: stock replacements, then the configurable
 * product configured like the line's product with the value the rule asks for (unless a stock one is that
 * configuration), then the other machines the product fits.
 */
function replacing(order: OrderState, l: LineState, feature: string, own: Fix[], otherMachines: () => Fix[]): Fix[] {
  const stock = alternativesFor(order, l);
  return [...own, ...stock, ...configuredSiblings(order, l, feature, stock), ...otherMachines()];
}

const fmt = (v: FeatureValue) => (Array.isArray(v) ? v.join("/") : String(v));

/**
 * `set_option` fixes for a rule broken by a configured value: the values of the group that set `feature` which the
 * configuration model still allows, with which the line's features pass `ok`, and which break no blocking rule of the
 * line's machine (a fix that trades one block for another is no fix). Keeping the product and changing one option is
 * the smallest change that resolves it.
 */
function optionFixes(
  order: OrderState,
  l: LineState,
  feature: string,
  ok: (features: Record<string, FeatureValue>) => boolean,
): Fix[] {
  const group = l.featureGroups[feature];
  const p = l.product;
  const model = group && p?.configModelId ? order.data.configModel(p.configModelId) : undefined;
  if (!group || !p || !model) return [];
  const fixed = order.data.features([p.sku]).get(p.sku);
  const out: Fix[] = [];
  for (const value of valuesIfReopened(model, l.options, group)) {
    if (l.options[group]?.length === 1 && l.options[group]![0] === value) continue;
    const features = lineFeatures(fixed, model, { ...l.options, [group]: [value] }).features;
    if (!ok(features)) continue;
    if (l.machine && machineViolations(order, p, features, l.machine).some((v) => v.severity === "block")) continue;
    out.push({ kind: "set_option", lineId: l.lineId, group, values: [value] });
  }
  return out;
}

/** Rules between two lines of the same order (for the same machine, or without one). */
function checkLineRules(order: OrderState): void {
  const rules = order.data.compatRules().filter((r) => r.scope === "line");
  if (rules.length === 0) return;
  const lines = order.lines.filter((l) => l.product);
  for (const rule of rules) {
    const left = lines.filter(
      (l) =>
        l.features[rule.feature] !== undefined && (rule.category === null || rule.category === l.product!.category),
    );
    if (left.length === 0) continue;
    const right = lines.filter(
      (l) =>
        l.features[rule.otherKey] !== undefined &&
        (rule.otherCategory === null || rule.otherCategory === l.product!.category),
    );
    for (const a of left)
      for (const b of right) {
        if (a === b || (a.machineId !== undefined && b.machineId !== undefined && a.machineId !== b.machineId))
          continue;
        const value = a.features[rule.feature]!;
        const other = b.features[rule.otherKey]!;
        if (evaluateRule(order, rule.operator, value, other) !== false) continue;
        lineIssue(
          a,
          rule.code,
          rule.severity,
          msg("compat.line_rule", {
            product: ref(a.product!),
            rule: ruleRef(rule),
            feature: featureRef(rule.feature, order.featureNames()),
            value: fmt(value),
            otherLineId: b.lineId,
            otherProduct: ref(b.product!),
            otherKey: featureRef(rule.otherKey, order.featureNames()),
            otherValue: fmt(other),
          }),
          rule.severity === "block"
            ? [
                ...optionFixes(
                  order,
                  a,
                  rule.feature,
                  (f) =>
                    f[rule.feature] !== undefined &&
                    evaluateRule(order, rule.operator, f[rule.feature]!, other) === true,
                ),
                ...optionFixes(
                  order,
                  b,
                  rule.otherKey,
                  (f) =>
                    f[rule.otherKey] !== undefined &&
                    evaluateRule(order, rule.operator, value, f[rule.otherKey]!) === true,
                ),
                ...alternativesFor(
                  order,
                  a,
                  3,
                  (_c, f) =>
                    f[rule.feature] !== undefined &&
                    evaluateRule(order, rule.operator, f[rule.feature]!, other) === true,
                ),
                // The other line may be the one to change: a pulley for the belts the buyer already has.
                ...alternativesFor(
                  order,
                  b,
                  2,
                  (_c, f) =>
                    f[rule.otherKey] !== undefined &&
                    evaluateRule(order, rule.operator, value, f[rule.otherKey]!) === true,
                ),
                { kind: "remove_line", lineId: b.lineId },
              ]
            : [],
          {
            feature: rule.feature,
            value,
            otherLineId: b.lineId,
            otherKey: rule.otherKey,
            otherValue: other,
            ...(a.featureGroups[rule.feature] ? { optionGroup: a.featureGroups[rule.feature] } : {}),
            ...(b.featureGroups[rule.otherKey] ? { otherOptionGroup: b.featureGroups[rule.otherKey] } : {}),
          },
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
  const resolved = new Map(
    [...targets].map(([sku, t]) => [sku, t.lifecycle === "active" ? t : activeSuccessor(order, t)]),
  );
  const finalSkus = [
    ...new Set([...resolved.values()].filter((t): t is ProductRecord => t !== undefined).map((t) => t.sku)),
  ];
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
        msg("compat.missing_mandatory", {
          product: ref(l.product!),
          companion: ref({
            sku: r.targetSku,
            name: r.targetSku === target?.sku ? target.name : targets.get(r.targetSku)?.name,
          }),
        }),
        fixes,
        { companion: r.targetSku, perUnit: r.quantity },
      );
    }
}
