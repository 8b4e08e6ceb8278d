/**
 * The features of a line, as every compatibility rule sees them: the product's fixed features, overlaid with the
 * features of the configuration values chosen on the line (a pump configured for 690 V *is* a 690 V pump). One
 * function, used wherever the engine reads a line's features — machine rules, line-vs-line rules, the medium/material
 * table, the machines a part fits and the likeness of alternatives — so no path compares a configured line by the
 * features of its unconfigured base product.
 */
import type { ConfigModel, FeatureValue } from "../../catalog/queries/types.ts";

export interface LineFeatures {
  features: Record<string, FeatureValue>;
  /** Feature key → the option group whose chosen value set it (absent for fixed product features). */
  groupOf: Record<string, string>;
}

const NONE: LineFeatures = { features: {}, groupOf: {} };

/**
 * Features of the chosen values the model knows (unknown groups and values contribute nothing: the configuration
 * check blocks them), with what a value gives together with another group's chosen value (`featuresWhen`). Within one multi-choice group, list values are joined; the importer makes sure one feature key
 * belongs to one group only and that a multi-choice group sets lists, so scalars never compete.
 */
export function configuredFeatures(
  model: ConfigModel | undefined,
  chosen: Readonly<Record<string, readonly string[]>>,
): LineFeatures {
  if (!model) return NONE;
  const features: Record<string, FeatureValue> = {};
  const groupOf: Record<string, string> = {};
  for (const g of model.groups) {
    if (!Object.hasOwn(chosen, g.code)) continue;
    const picked = chosen[g.code];
    if (!Array.isArray(picked) || picked.length === 0) continue;
    for (const o of g.options) {
      if (!picked.includes(o.value)) continue;
      // What the value gives together with another group's chosen value (a drive's current on a single-phase supply)
      // is laid over what it gives alone.
      const given = { ...o.features };
      for (const w of o.featuresWhen ?? [])
        if (chosen[w.ifGroup]?.includes(w.ifValue)) Object.assign(given, w.features);
      for (const [key, value] of Object.entries(given)) {
        const before = features[key];
        features[key] =
          Array.isArray(before) && Array.isArray(value) && groupOf[key] === g.code
            ? [...new Set([...before, ...value])]
            : value;
        groupOf[key] = g.code;
      }
    }
  }
  return { features, groupOf };
}

/**
 * The options a line gets: the chosen ones, plus the default of every optional group (min 0) the draft leaves out —
 * what the product is built with when nobody chooses. Resolved once, before any check, so the features every rule
 * sees, the configuration check, the price and the components sent to the ERP all describe the same product. A group
 * present with no values (`[]`) is an explicit "none" and stays empty; a mandatory group is never filled in (the
 * configuration check asks for it).
 */
export function withOptionalDefaults(
  model: ConfigModel | undefined,
  chosen: Readonly<Record<string, string[]>>,
): Record<string, string[]> {
  if (!model) return { ...chosen };
  const out: Record<string, string[]> = { ...chosen };
  for (const g of model.groups)
    if (g.min === 0 && g.defaultValue !== null && !Object.hasOwn(chosen, g.code)) out[g.code] = [g.defaultValue];
  return out;
}

/**
 * The product's fixed features with the configured ones on top (a chosen value replaces a fixed feature). A feature
 * that a mandatory group still to be chosen decides is undecided: no rule judges the line by the base product's value
 * of it (a configurable 230/400/690 V motor with no voltage chosen is no 690 V motor) — the configuration check asks
 * for the choice, and the rules see the value once it is made.
 */
export function lineFeatures(
  fixed: Readonly<Record<string, FeatureValue>> | undefined,
  model: ConfigModel | undefined,
  chosen: Readonly<Record<string, readonly string[]>>,
): LineFeatures {
  const configured = configuredFeatures(model, chosen);
  const features: Record<string, FeatureValue> = { ...fixed };
  for (const key of undecided(model, chosen)) delete features[key];
  if (configured === NONE || Object.keys(configured.features).length === 0) return { features, groupOf: {} };
  return { features: { ...features, ...configured.features }, groupOf: configured.groupOf };
}

/** Feature keys set by the values of mandatory groups that have no value chosen yet. */
function undecided(model: ConfigModel | undefined, chosen: Readonly<Record<string, readonly string[]>>): string[] {
  if (!model) return [];
  const byGroup = groupFeatureKeys(model);
  return model.groups.flatMap((g) =>
    g.min < 1 || (chosen[g.code]?.length ?? 0) > 0 ? [] : (byGroup.get(g.code) ?? []),
  );
}

/** Per model (the reader hands out one object per model), the feature keys each group's values set. */
const featureKeysOf = new WeakMap<ConfigModel, Map<string, string[]>>();
function groupFeatureKeys(model: ConfigModel): Map<string, string[]> {
  let keys = featureKeysOf.get(model);
  if (!keys) {
    keys = new Map(
      model.groups.map((g) => [
        g.code,
        [
          ...new Set(
            g.options.flatMap((o) => [
              ...Object.keys(o.features ?? {}),
              ...(o.featuresWhen ?? []).flatMap((w) => Object.keys(w.features)),
            ]),
          ),
        ],
      ]),
    );
    featureKeysOf.set(model, keys);
  }
  return keys;
}
