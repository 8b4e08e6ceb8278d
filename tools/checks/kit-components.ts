/**
 * Kits: the components of a `consists_of` kit are checked against the machine the kit is ordered for, by the same
 * machine rules and medium/material table as a part ordered on its own.
 */
import type { ConfigModel, FeatureValue, MachineRecord, ProductRecord } from "../../catalog/queries/types.ts";
import { msg } from "../messages/index.ts";
import { featureRef } from "./alternatives.ts";
import { machineViolations, ruleRef, type RuleViolation } from "./compat-rules.ts";
import { type LineState, lineIssue, ref, type OrderState } from "./context.ts";
import { lineFeatures } from "./line-features.ts";

const fmt = (v: FeatureValue) => (Array.isArray(v) ? v.join("/") : String(v));

/**
 * A kit (`consists_of`) is what it contains: its components' features are checked against the line's machine as if
 * each were ordered for it (an EPDM seal in a service kit is as wrong in mineral oil as the seal alone). Nested kits
 * are followed a few levels deep; a rule the kit itself already breaks is not repeated per component.
 */
export function checkKitComponents(order: OrderState): void {
  const kits = order.lines.filter(
    (l) => l.product && l.machine && order.relations.some((r) => r.sku === l.sku && r.type === "consists_of"),
  );
  if (kits.length === 0) return;
  for (const l of kits) {
    const machine = l.machine!;
    const reported = new Set(l.issues.map((i) => i.code));
    const seen = new Set([l.sku]);
    let level = [l.sku];
    for (let depth = 0; depth < 3 && level.length > 0; depth++) {
      const rels = order.data.relations(level, ["consists_of"]).filter((r) => !seen.has(r.targetSku));
      const skus = [...new Set(rels.map((r) => r.targetSku))];
      skus.forEach((sku) => seen.add(sku));
      const products = order.data.products(skus);
      const features = order.data.features(skus);
      for (const sku of skus) {
        const c = products.get(sku);
        if (!c) continue;
        const model = c.configModelId ? order.data.configModel(c.configModelId) : undefined;
        if (model) reportOpenConfiguration(order, l, c, features.get(sku) ?? {}, model, machine, reported);
        for (const v of machineViolations(order, c, features.get(sku) ?? {}, machine)) {
          if (reported.has(v.rule.code)) continue;
          reported.add(v.rule.code);
          lineIssue(
            l,
            v.rule.code,
            v.severity,
            v.severity === v.rule.severity
              ? msg("compat.machine_rule", {
                  product: ref(c),
                  kit: ref(l.product!),
                  rule: ruleRef(v.rule),
                  configured: false,
                  feature: featureRef(v.rule.feature, order.featureNames()),
                  value: fmt(v.value),
                  machine: machine.label,
                  machineKey: featureRef(v.rule.otherKey, order.featureNames()),
                  machineValue: fmt(v.other),
                })
              : msg("compat.limited_resistance", {
                  product: ref(c),
                  kit: ref(l.product!),
                  value: fmt(v.value),
                  medium: fmt(v.other),
                  machine: machine.label,
                }),
            // No fix offered: another kit or machine would have to pass every component too, which nothing checks yet.
            [],
            {
              feature: v.rule.feature,
              value: v.value,
              machineKey: v.rule.otherKey,
              machineValue: v.other,
              machineId: machine.id,
              component: sku,
              ...(v.severity !== v.rule.severity ? { rating: "limited" } : {}),
            },
          );
        }
      }
      level = skus;
    }
  }
}

/**
 * A configurable component of a kit: the kit relation chooses no configuration, so each group whose values carry
 * features is open — except an optional group with a default, which is what gets built (line-features.ts). Each open
 * group's values are tried one at a time on the component's fixed features: a rule every value breaks is a fact
 * (reported with the rule's code and severity, `details.configurations: "all"`); a rule only some values break is
 * not decidable from the data, so the kit line goes to a rep (`kit.component_configuration`, approval) naming the
 * values that would break it. Linear in the model's values.
 */
function reportOpenConfiguration(
  order: OrderState,
  l: LineState,
  c: ProductRecord,
  fixed: Record<string, FeatureValue>,
  model: ConfigModel,
  machine: MachineRecord,
  reported: Set<string>,
): void {
  for (const g of model.groups) {
    if (!g.options.some((o) => o.features && Object.keys(o.features).length > 0)) continue;
    const values = g.min === 0 && g.defaultValue !== null ? [g.defaultValue] : g.options.map((o) => o.value);
    const broken = new Map<string, { violation: RuleViolation; values: string[] }>();
    for (const value of values) {
      const { features } = lineFeatures(fixed, model, { [g.code]: [value] });
      for (const v of machineViolations(order, c, features, machine)) {
        if (v.severity !== "block") continue;
        const entry = broken.get(v.rule.code) ?? { violation: v, values: [] };
        entry.values.push(value);
        broken.set(v.rule.code, entry);
      }
    }
    for (const [code, { violation: v, values: bad }] of broken) {
      const every = bad.length === values.length;
      const issueCode = every ? code : "kit.component_configuration";
      if (reported.has(issueCode === code ? code : `${issueCode}:${c.sku}:${g.code}`)) continue;
      reported.add(issueCode === code ? code : `${issueCode}:${c.sku}:${g.code}`);
      const details = {
        feature: v.rule.feature,
        machineKey: v.rule.otherKey,
        machineValue: v.other,
        machineId: machine.id,
        component: c.sku,
        optionGroup: g.code,
        values: bad,
        configurations: every ? "all" : "some",
        rule: code,
      };
      if (every)
        lineIssue(
          l,
          code,
          v.severity,
          msg("compat.kit_every_configuration", {
            kit: ref(l.product!),
            product: ref(c),
            group: g.label,
            rule: ruleRef(v.rule),
            feature: featureRef(v.rule.feature, order.featureNames()),
            machine: machine.label,
            machineKey: featureRef(v.rule.otherKey, order.featureNames()),
            machineValue: fmt(v.other),
          }),
          [],
          details,
        );
      else
        lineIssue(
          l,
          "kit.component_configuration",
          "approval",
          msg("kit.component_configuration", {
            kit: ref(l.product!),
            product: ref(c),
            group: g.label,
            values: bad,
            rule: ruleRef(v.rule),
            feature: featureRef(v.rule.feature, order.featureNames()),
            machine: machine.label,
            machineKey: featureRef(v.rule.otherKey, order.featureNames()),
            machineValue: fmt(v.other),
          }),
          [],
          details,
        );
    }
  }
}
