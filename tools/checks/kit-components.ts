/**
 * Kits: the components of a `consists_of` kit are checked against the machine the kit is ordered for, by the same
 * machine rules and medium/material table as a part ordered on its own.
 */
import type { FeatureValue } from "../../catalog/queries/types.ts";
import { machineViolations } from "./compat-rules.ts";
import { lineIssue, type OrderState } from "./context.ts";

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
        for (const v of machineViolations(order, c, features.get(sku) ?? {}, machine)) {
          if (reported.has(v.rule.code)) continue;
          reported.add(v.rule.code);
          lineIssue(
            l,
            v.rule.code,
            v.severity,
            v.severity === v.rule.severity
              ? `${v.rule.message} (${l.sku} contains ${sku}: ${v.rule.feature} ${fmt(v.value)}; ${machine.label}: ${v.rule.otherKey} ${fmt(v.other)})`
              : `${l.sku} contains ${sku}: ${fmt(v.value)} has only limited resistance to ${fmt(v.other)} (${machine.label}); check the conditions of use.`,
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
