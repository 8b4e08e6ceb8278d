/**
 * Configuration: for configurable products, *complete* (every mandatory choice made, min/max respected) and
 * *consistent* (no requires/excludes violated, and a valid completion still exists) as two verdicts, plus, for
 * each open group, the values that can still lead to a valid configuration (see ./config-solver.ts).
 * `configurationState` is what the agent's configuration tool calls to offer only valid options.
 */
import type { ConfigConstraint, ConfigModel } from "../../catalog/queries/types.ts";
import type { Fix, LineComponent } from "../types.ts";
import { compileModel, emptyAssignment, fixGroup, possibleValues, solve, FALSE, TRUE } from "./config-solver.ts";
import { lineIssue, type OrderState } from "./context.ts";

export interface ConfigurationState {
  modelId: string;
  /** Every mandatory choice made and every group within min/max. */
  complete: boolean;
  /** No constraint violated among the choices made, and a valid completion exists. */
  consistent: boolean;
  unknownGroups: string[];
  unknownValues: { group: string; value: string }[];
  tooMany: { group: string; max: number; chosen: string[] }[];
  /** Groups that still need a choice (mandatory, too few values, or required by a choice made). */
  missing: string[];
  /** Constraints violated by the choices made. */
  violations: ConfigConstraint[];
  /** For every group not chosen yet (and every group in `missing`): values that can still lead to a valid configuration. */
  possible: Record<string, string[]>;
  /** One valid configuration extending the choices, when there is one. */
  example?: Record<string, string[]>;
  /** Surcharges of the known chosen values, per unit. */
  priceDeltaCents: number;
}

const memo = new WeakMap<ConfigModel, Map<string, ConfigurationState>>();

/**
 * @example
 *   const s = configurationState(model, { voltage: ["400V"] });
 *   s.complete; s.consistent; s.possible.seal // ["FKM", "EPDM"]
 */
export function configurationState(
  model: ConfigModel,
  chosen: Record<string, readonly string[]> = {},
): ConfigurationState {
  const key = JSON.stringify(
    Object.keys(chosen)
      .sort()
      .map((g) => [g, [...new Set(chosen[g] ?? [])].sort()]),
  );
  let perModel = memo.get(model);
  if (!perModel) memo.set(model, (perModel = new Map()));
  const hit = perModel.get(key);
  if (hit) return hit;
  const state = computeState(model, chosen);
  if (perModel.size > 1000) perModel.clear();
  perModel.set(key, state);
  return state;
}

function computeState(model: ConfigModel, chosen: Record<string, readonly string[]>): ConfigurationState {
  const m = compileModel(model);
  const unknownGroups: string[] = [];
  const unknownValues: { group: string; value: string }[] = [];
  const tooMany: ConfigurationState["tooMany"] = [];
  const missing = new Set<string>();
  const decided = new Map<number, Set<string>>();
  let priceDeltaCents = 0;

  for (const [group, raw] of Object.entries(chosen)) {
    const gi = m.groupIndex.get(group);
    if (gi === undefined) {
      unknownGroups.push(group);
      continue;
    }
    const g = model.groups[gi]!;
    const values = new Set<string>();
    for (const v of new Set(raw)) {
      const opt = g.options.find((o) => o.value === v);
      if (!opt) unknownValues.push({ group, value: v });
      else {
        values.add(v);
        priceDeltaCents += opt.priceDeltaCents;
      }
    }
    if (values.size > g.max) tooMany.push({ group, max: g.max, chosen: [...values] });
    else if (values.size < g.min) missing.add(group);
    decided.set(gi, values);
  }

  // Constraints violated among the choices made (both sides decided).
  const violations = model.constraints.filter((k) => {
    const ifSet = decided.get(m.groupIndex.get(k.ifGroup) ?? -1);
    const thenSet = decided.get(m.groupIndex.get(k.thenGroup) ?? -1);
    if (!ifSet?.has(k.ifValue) || !thenSet) return false;
    return k.kind === "requires" ? !thenSet.has(k.thenValue) : thenSet.has(k.thenValue);
  });

  // The solver fixes the groups decided within their bounds; the others stay open.
  const base = emptyAssignment(m);
  const open: number[] = [];
  m.groups.forEach((g, gi) => {
    const values = decided.get(gi);
    if (values && values.size >= g.min && values.size <= g.max) fixGroup(m, base, gi, values);
    else open.push(gi);
  });
  const { possible: possibleByGroup, witness } = possibleValues(m, base, open);
  const satisfiable = witness !== undefined;

  for (const gi of open) {
    const g = m.groups[gi]!;
    if (decided.has(gi)) continue; // too few / too many: reported already
    if (g.min > 0) missing.add(g.code);
    else if (satisfiable) {
      // An optional group is still needed when no valid completion leaves it empty (a choice made requires it).
      const probe = Int8Array.from(base);
      for (const v of g.vars) probe[v] = FALSE;
      if (!solve(m, probe)) missing.add(g.code);
    }
  }

  const possible: Record<string, string[]> = {};
  for (const gi of open) possible[m.groups[gi]!.code] = possibleByGroup.get(gi) ?? [];

  let example: Record<string, string[]> | undefined;
  if (witness) {
    example = {};
    for (const g of m.groups) example[g.code] = g.vars.filter((v) => witness[v] === TRUE).map((v) => m.vars[v]!.value);
  }

  const state: ConfigurationState = {
    modelId: model.id,
    complete: missing.size === 0 && tooMany.length === 0,
    consistent: violations.length === 0 && satisfiable,
    unknownGroups,
    unknownValues,
    tooMany,
    missing: model.groups.filter((g) => missing.has(g.code)).map((g) => g.code),
    violations,
    possible,
    priceDeltaCents,
  };
  if (example) state.example = example;
  return state;
}

/** The chosen groups and values that `model` knows, in its order and with its labels; anything else is dropped. */
export function resolvedComponents(model: ConfigModel, chosen: Record<string, readonly string[]>): LineComponent[] {
  const out: LineComponent[] = [];
  for (const g of model.groups) {
    const picked = new Set(Object.hasOwn(chosen, g.code) ? chosen[g.code] : []);
    const options = g.options.filter((o) => picked.has(o.value));
    if (options.length > 0)
      out.push({
        group: g.code,
        label: g.label,
        values: options.map((o) => o.value),
        valueLabels: options.map((o) => o.label),
      });
  }
  return out;
}

/** Values of `group` that lead to a valid configuration when that group alone is chosen again. */
export function valuesIfReopened(
  model: ConfigModel,
  chosen: Record<string, readonly string[]>,
  group: string,
): string[] {
  const rest = { ...chosen };
  delete rest[group];
  return configurationState(model, rest).possible[group] ?? [];
}

export function checkConfiguration(order: OrderState): void {
  for (const l of order.lines) {
    const p = l.product;
    if (!p) continue;
    const model = p.configModelId ? order.data.configModel(p.configModelId) : undefined;
    const set = (group: string, values: string[]): Fix => ({ kind: "set_option", lineId: l.lineId, group, values });
    if (!model) {
      // Any key, even with no values: option keys are free text from the model and must never ride along.
      const groups = Object.keys(l.options);
      l.components = [];
      if (groups.length > 0)
        lineIssue(
          l,
          "config.unknown_option",
          "block",
          `${p.sku} has no configuration options.`,
          groups.map((g) => set(g, [])),
          {
            groups,
          },
        );
      continue;
    }
    const s = configurationState(model, l.options);
    l.configDeltaCents = s.priceDeltaCents;
    l.components = resolvedComponents(model, l.options);
    const label = (code: string) => model.groups.find((g) => g.code === code)?.label ?? code;

    for (const g of s.unknownGroups)
      lineIssue(l, "config.unknown_option", "block", `${p.sku} has no option group "${g}".`, [set(g, [])], {
        group: g,
      });
    for (const u of s.unknownValues) {
      const known = (l.options[u.group] ?? []).filter(
        (v) => !s.unknownValues.some((x) => x.group === u.group && x.value === v),
      );
      const allowed = valuesIfReopened(model, l.options, u.group);
      const fixes = known.length > 0 ? [set(u.group, known)] : allowed.map((v) => set(u.group, [v]));
      lineIssue(
        l,
        "config.unknown_option",
        "block",
        `"${u.value}" is not an option for ${label(u.group)} of ${p.sku}.`,
        fixes,
        {
          group: u.group,
          value: u.value,
          allowed,
        },
      );
    }
    for (const t of s.tooMany) {
      const allowed = valuesIfReopened(model, l.options, t.group);
      const fixes = t.chosen.filter((v) => allowed.includes(v)).map((v) => set(t.group, [v]));
      lineIssue(
        l,
        "config.too_many_choices",
        "block",
        `At most ${t.max} value(s) for ${label(t.group)} of ${p.sku}.`,
        fixes,
        {
          group: t.group,
          max: t.max,
          chosen: t.chosen,
        },
      );
    }
    if (s.unknownValues.length > 0 || s.tooMany.length > 0) continue;

    if (!s.consistent) {
      const groups = new Set<string>();
      for (const k of s.violations) groups.add(k.thenGroup).add(k.ifGroup);
      if (groups.size === 0) Object.keys(l.options).forEach((g) => groups.add(g));
      const fixes: Fix[] = [];
      for (const g of groups) for (const v of valuesIfReopened(model, l.options, g)) fixes.push(set(g, [v]));
      const what = s.violations
        .map(
          (k) =>
            `${label(k.ifGroup)} ${k.ifValue} ${k.kind === "requires" ? "requires" : "excludes"} ${label(k.thenGroup)} ${k.thenValue}`,
        )
        .join("; ");
      lineIssue(
        l,
        "config.inconsistent",
        "block",
        `The configuration of ${p.sku} is not valid${what ? `: ${what}` : ": no valid configuration extends these choices"}.`,
        fixes,
        { violations: s.violations },
      );
      continue;
    }
    for (const g of s.missing) {
      const group = model.groups.find((x) => x.code === g)!;
      const values = s.possible[g] ?? [];
      const ordered =
        group.defaultValue && values.includes(group.defaultValue)
          ? [group.defaultValue, ...values.filter((v) => v !== group.defaultValue)]
          : values;
      const fixes = group.min <= 1 ? ordered.map((v) => set(g, [v])) : s.example?.[g] ? [set(g, s.example[g]!)] : [];
      lineIssue(l, "config.missing_choice", "block", `Choose ${label(g)} for ${p.sku}: ${ordered.join(", ")}.`, fixes, {
        group: g,
        min: group.min,
        max: group.max,
        allowed: ordered,
      });
    }
  }
}
