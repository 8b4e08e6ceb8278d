/**
 * Configuration: for configurable products, *complete* (every mandatory choice made, min/max respected) and
 * *consistent* (no requires/excludes violated, and a valid completion still exists) as two verdicts, plus, for
 * each open group, the values that can still lead to a valid configuration (see ./config-solver.ts).
 * `configurationState` is what the agent's configuration tool calls to offer only valid options.
 */
import type { ConfigConstraint, ConfigModel } from "../../catalog/queries/types.ts";
import type { Fix, LineComponent } from "../types.ts";
import {
  compileModel,
  emptyAssignment,
  fixGroup,
  possibleValues,
  solve,
  varKey,
  FALSE,
  TRUE,
  type CompiledModel,
} from "./config-solver.ts";
import { msg } from "../messages/index.ts";
import { lineIssue, ref, type OrderState } from "./context.ts";

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

/** What the argument chose, read against the model in one pass: everything after it is bounded by the model's size. */
interface Choices {
  unknownGroups: string[];
  unknownValues: { group: string; value: string }[];
  /** Known values per model group index, deduplicated, in the argument's order (only groups the argument names). */
  decided: Map<number, Set<string>>;
}

/** Everything that follows from the known choices alone: memoised per model on those choices. */
type Verdicts = Omit<ConfigurationState, "modelId" | "unknownGroups" | "unknownValues">;

const memo = new WeakMap<ConfigModel, Map<string, Verdicts>>();

/**
 * @example
 *   const s = configurationState(model, { voltage: ["400V"] });
 *   s.complete; s.consistent; s.possible.seal // ["FKM", "EPDM"]
 */
export function configurationState(
  model: ConfigModel,
  chosen: Record<string, readonly string[]> = {},
): ConfigurationState {
  const m = compileModel(model);
  return stateOf(model, m, readChoices(m, chosen));
}

function stateOf(model: ConfigModel, m: CompiledModel, choices: Choices): ConfigurationState {
  const { unknownGroups, unknownValues } = choices;
  return { modelId: model.id, ...verdicts(model, m, choices.decided), unknownGroups, unknownValues };
}

/**
 * One pass over the argument with Map/Set look-ups: each value is deduplicated and looked up once, never compared
 * with the other values or scanned against the model's option lists (an option list of 1,000 values once made this
 * check cubic). Cost: O(values in the argument), whatever their number.
 */
function readChoices(m: CompiledModel, chosen: Record<string, readonly string[]>): Choices {
  const unknownGroups: string[] = [];
  const unknownValues: Choices["unknownValues"] = [];
  const decided = new Map<number, Set<string>>();
  for (const group of Object.keys(chosen)) {
    const gi = m.groupIndex.get(group);
    if (gi === undefined) {
      unknownGroups.push(group);
      continue;
    }
    const known = new Set<string>();
    const unknown = new Set<string>();
    const raw = chosen[group];
    for (const v of Array.isArray(raw) ? raw : []) {
      if (m.varIndex.has(varKey(group, v))) known.add(v);
      else if (!unknown.has(v)) {
        unknown.add(v);
        unknownValues.push({ group, value: v });
      }
    }
    decided.set(gi, known);
  }
  return { unknownGroups, unknownValues, decided };
}

/** The memo key of the known choices: bounded by the model (known values only), sorted so order does not matter. */
function choicesKey(decided: Map<number, Set<string>>): string {
  return JSON.stringify([...decided.keys()].sort((a, b) => a - b).map((gi) => [gi, [...decided.get(gi)!].sort()]));
}

function verdicts(model: ConfigModel, m: CompiledModel, decided: Map<number, Set<string>>): Verdicts {
  const key = choicesKey(decided);
  let perModel = memo.get(model);
  if (!perModel) memo.set(model, (perModel = new Map()));
  const hit = perModel.get(key);
  if (hit) return hit;
  const out = computeVerdicts(model, m, decided);
  if (perModel.size > 1000) perModel.clear();
  perModel.set(key, out);
  return out;
}

function computeVerdicts(model: ConfigModel, m: CompiledModel, decided: Map<number, Set<string>>): Verdicts {
  const tooMany: ConfigurationState["tooMany"] = [];
  const missing = new Set<string>();
  let priceDeltaCents = 0;

  for (const [gi, values] of decided) {
    const g = model.groups[gi]!;
    for (const v of values) priceDeltaCents += m.vars[m.varIndex.get(varKey(g.code, v))!]!.priceDeltaCents;
    if (values.size > g.max) tooMany.push({ group: g.code, max: g.max, chosen: [...values] });
    else if (values.size < g.min) missing.add(g.code);
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

  const out: Verdicts = {
    complete: missing.size === 0 && tooMany.length === 0,
    consistent: violations.length === 0 && satisfiable,
    tooMany,
    missing: model.groups.filter((g) => missing.has(g.code)).map((g) => g.code),
    violations,
    possible,
    priceDeltaCents,
  };
  if (witness) {
    const example: Record<string, string[]> = {};
    for (const g of m.groups) example[g.code] = g.vars.filter((v) => witness[v] === TRUE).map((v) => m.vars[v]!.value);
    out.example = example;
  }
  return out;
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
  const m = compileModel(model);
  return reopened(model, m, readChoices(m, chosen).decided, group);
}

function reopened(model: ConfigModel, m: CompiledModel, decided: Map<number, Set<string>>, group: string): string[] {
  const gi = m.groupIndex.get(group);
  if (gi === undefined) return [];
  const rest = new Map(decided);
  rest.delete(gi);
  return verdicts(model, m, rest).possible[group] ?? [];
}

/** At most this many unknown values are quoted in one message; `details.values` has them all. */
const QUOTED = 5;

/**
 * Linear in the line's options: one pass reads them (`readChoices`); every issue after that is per group, and every
 * solver call runs on the model's known values only (memoised), so the argument's size never multiplies.
 */
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
          msg("config.no_options", { product: ref(p) }),
          groups.map((g) => set(g, [])),
          {
            groups,
          },
        );
      continue;
    }
    const m = compileModel(model);
    const choices = readChoices(m, l.options);
    const s = stateOf(model, m, choices);
    l.configDeltaCents = s.priceDeltaCents;
    l.components = resolvedComponents(model, l.options);
    const groupOf = (code: string) => model.groups[m.groupIndex.get(code) ?? -1];
    const label = (code: string) => groupOf(code)?.label ?? code;
    const allowedIfReopened = (group: string) => reopened(model, m, choices.decided, group);

    for (const g of s.unknownGroups)
      lineIssue(
        l,
        "config.unknown_option",
        "block",
        msg("config.unknown_group", { product: ref(p), group: g }),
        [set(g, [])],
        {
          group: g,
        },
      );
    // One issue per group, however many unknown values it holds.
    const unknownByGroup = new Map<string, string[]>();
    for (const u of s.unknownValues) {
      const list = unknownByGroup.get(u.group);
      if (list) list.push(u.value);
      else unknownByGroup.set(u.group, [u.value]);
    }
    for (const [group, values] of unknownByGroup) {
      const known = [...(choices.decided.get(m.groupIndex.get(group)!) ?? [])];
      const allowed = allowedIfReopened(group);
      const fixes = known.length > 0 ? [set(group, known)] : allowed.map((v) => set(group, [v]));
      lineIssue(
        l,
        "config.unknown_option",
        "block",
        msg("config.unknown_value", {
          product: ref(p),
          group: label(group),
          values: values.slice(0, QUOTED),
          more: Math.max(0, values.length - QUOTED),
        }),
        fixes,
        { group, value: values[0], values, allowed },
      );
    }
    for (const t of s.tooMany) {
      const allowed = new Set(allowedIfReopened(t.group));
      const fixes = t.chosen.filter((v) => allowed.has(v)).map((v) => set(t.group, [v]));
      lineIssue(
        l,
        "config.too_many_choices",
        "block",
        msg("config.too_many_choices", { product: ref(p), group: label(t.group), max: t.max }),
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
      if (groups.size === 0) for (const g of Object.keys(l.options)) if (groupOf(g)) groups.add(g);
      const fixes: Fix[] = [];
      for (const g of groups) for (const v of allowedIfReopened(g)) fixes.push(set(g, [v]));
      lineIssue(
        l,
        "config.inconsistent",
        "block",
        msg("config.inconsistent", {
          product: ref(p),
          violations: s.violations.map((k) => ({
            ifGroup: label(k.ifGroup),
            ifValue: k.ifValue,
            kind: k.kind,
            thenGroup: label(k.thenGroup),
            thenValue: k.thenValue,
          })),
        }),
        fixes,
        { violations: s.violations },
      );
      continue;
    }
    for (const g of s.missing) {
      const group = groupOf(g)!;
      const values = s.possible[g] ?? [];
      const ordered =
        group.defaultValue && values.includes(group.defaultValue)
          ? [group.defaultValue, ...values.filter((v) => v !== group.defaultValue)]
          : values;
      const fixes = group.min <= 1 ? ordered.map((v) => set(g, [v])) : s.example?.[g] ? [set(g, s.example[g]!)] : [];
      lineIssue(
        l,
        "config.missing_choice",
        "block",
        msg("config.missing_choice", { product: ref(p), group: label(g), values: ordered }),
        fixes,
        {
          group: g,
          min: group.min,
          max: group.max,
          allowed: ordered,
        },
      );
    }
  }
}
