/**
 * Configuration models for configurable machines: option groups with min/max, defaults, and
 * requires/excludes constraints. Constraints only start from non-default values and never forbid a
 * default, so choosing every default is always complete and consistent — a model is never unsatisfiable.
 */
import type { ImportDocument } from "../import/format.ts";
import type { MachineKind } from "./machines.ts";
import type { Rng } from "./rng.ts";

type ConfigModelInput = NonNullable<ImportDocument["configModels"]>[number];
type Option = { value: string; label: string; priceDeltaCents: number; features?: OptionFeatures };
type OptionFeatures = Record<string, string | number | { value: number; unit: string }>;
interface GroupTemplate {
  code: string;
  label: string;
  /** value, label, surcharge, and what choosing it makes the product (the features the compatibility rules read). */
  options: [string, string, number, OptionFeatures?][];
  /** Optional multi-choice group (min 0). */
  multi?: boolean;
}

const G = {
  voltage: {
    code: "voltage",
    label: "Motor voltage",
    options: [
      ["230V", "230 V 1~", 0, { voltage: { value: 230, unit: "V" }, phase: 1 }],
      ["400V", "400 V 3~", 0, { voltage: { value: 400, unit: "V" }, phase: 3 }],
      ["690V", "690 V 3~", 4500, { voltage: { value: 690, unit: "V" }, phase: 3 }],
    ],
  },
  seal: {
    code: "seal",
    label: "Shaft seal material",
    options: [
      ["NBR", "NBR (oils, water)", 0, { sealMaterial: "NBR" }],
      ["EPDM", "EPDM (hot water, glycol)", 0, { sealMaterial: "EPDM" }],
      ["FKM", "FKM (chemicals, high temperature)", 6500, { sealMaterial: "FKM" }],
      ["FFKM", "FFKM (aggressive media)", 24000, { sealMaterial: "FFKM" }],
    ],
  },
  flange: {
    code: "flange",
    label: "Flange standard",
    options: [
      ["PN16", "EN 1092 PN16", 0, { pressureRating: { value: 16, unit: "bar" } }],
      ["PN25", "EN 1092 PN25", 9000, { pressureRating: { value: 25, unit: "bar" } }],
      ["ANSI150", "ASME B16.5 class 150", 12000, { pressureRating: { value: 19.6, unit: "bar" } }],
    ],
  },
  motor: {
    code: "motor",
    label: "Motor size",
    options: [
      ["2_2kW", "2.2 kW", 0, { power: { value: 2.2, unit: "kW" } }],
      ["4kW", "4 kW", 38000, { power: { value: 4, unit: "kW" } }],
      ["7_5kW", "7.5 kW", 91000, { power: { value: 7.5, unit: "kW" } }],
      ["15kW", "15 kW", 185000, { power: { value: 15, unit: "kW" } }],
      ["30kW", "30 kW", 390000, { power: { value: 30, unit: "kW" } }],
    ],
  },
  atex: {
    code: "atex",
    label: "Explosion protection",
    options: [
      ["none", "none", 0],
      ["zone2", "ATEX zone 2", 45000],
      ["zone1", "ATEX zone 1", 120000],
    ],
  },
  casing: {
    code: "casing",
    label: "Casing material",
    options: [
      ["cast_iron", "cast iron", 0, { material: "cast iron" }],
      ["bronze", "bronze", 52000, { material: "bronze" }],
      ["stainless", "stainless steel 1.4404", 98000, { material: "stainless steel 1.4404" }],
      ["duplex", "duplex steel", 160000, { material: "duplex steel" }],
    ],
  },
  coating: {
    code: "coating",
    label: "Coating",
    options: [
      ["standard", "standard paint", 0],
      ["epoxy", "epoxy coating", 18000],
      ["ceramic", "ceramic lining", 64000],
    ],
  },
  monitoring: {
    code: "monitoring",
    label: "Condition monitoring",
    options: [
      ["vibration", "vibration sensor", 42000],
      ["temperature", "bearing temperature sensors", 26000],
      ["leakage", "seal leakage detection", 31000],
    ],
    multi: true,
  },
  extras: {
    code: "extras",
    label: "Accessories",
    options: [
      ["baseplate", "baseplate", 21000],
      ["guard", "coupling guard", 8000],
      ["gauges", "pressure gauge set", 9500],
      ["drain", "drain valve", 4000],
    ],
    multi: true,
  },
  mounting: {
    code: "mounting",
    label: "Mounting",
    options: [
      ["B3", "foot (B3)", 0, { mounting: "B3" }],
      ["B5", "flange (B5)", 3000, { mounting: "B5" }],
      ["B35", "foot and flange (B35)", 5000, { mounting: "B35" }],
      ["V1", "vertical (V1)", 7000, { mounting: "V1" }],
    ],
  },
  efficiency: {
    code: "efficiency",
    label: "Efficiency class",
    options: [
      ["IE3", "IE3", 0, { efficiencyClass: "IE3" }],
      ["IE4", "IE4", 28000, { efficiencyClass: "IE4" }],
    ],
  },
  brake: {
    code: "brake",
    label: "Brake",
    options: [
      ["none", "none", 0],
      ["brake_24v", "spring brake 24 V DC", 22000],
      ["brake_230v", "spring brake 230 V AC", 24000],
    ],
  },
  dryer: {
    code: "dryer",
    label: "Air treatment",
    options: [
      ["none", "none", 0],
      ["refrigerant", "refrigerant dryer", 160000],
      ["desiccant", "desiccant dryer", 390000],
    ],
  },
  tank: {
    code: "tank",
    label: "Receiver tank",
    options: [
      ["none", "no tank", 0],
      ["270l", "270 l tank", 82000],
      ["500l", "500 l tank", 131000],
    ],
  },
  head: {
    code: "head",
    label: "Dosing head",
    options: [
      ["pvdf", "PVDF", 0, { material: "PVDF" }],
      ["ss316", "stainless steel 316", 36000, { material: "stainless steel 1.4404" }],
      ["pp", "polypropylene", 0, { material: "polypropylene" }],
    ],
  },
  control: {
    code: "control",
    label: "Control",
    options: [
      ["manual", "manual", 0],
      ["analog", "4-20 mA", 14000],
      ["pulse", "pulse input", 9000],
      ["fieldbus", "fieldbus", 38000],
    ],
  },
} satisfies Record<string, GroupTemplate>;

const GROUPS_BY_KIND: Record<string, (keyof typeof G)[]> = {
  centrifugal_pump: ["voltage", "seal", "flange", "motor", "atex", "casing", "coating", "monitoring", "extras"],
  submersible_pump: ["voltage", "seal", "motor", "atex", "casing", "coating", "monitoring"],
  dosing_pump: ["voltage", "head", "seal", "control", "extras"],
  ac_motor: ["voltage", "mounting", "efficiency", "brake", "monitoring"],
  screw_compressor: ["voltage", "motor", "dryer", "tank", "monitoring", "extras"],
};

/** Meaningful engineering constraints, applied when both groups and values are present. */
const KNOWN: [kind: "requires" | "excludes", ifG: string, ifV: string, thenG: string, thenV: string][] = [
  ["requires", "atex", "zone1", "seal", "FFKM"],
  ["excludes", "atex", "zone1", "voltage", "230V"],
  ["excludes", "atex", "zone2", "voltage", "230V"],
  ["excludes", "motor", "15kW", "voltage", "230V"],
  ["excludes", "motor", "30kW", "voltage", "230V"],
  ["requires", "casing", "duplex", "seal", "FKM"],
  ["excludes", "coating", "ceramic", "casing", "bronze"],
  ["excludes", "brake", "brake_230v", "voltage", "690V"],
  ["requires", "dryer", "desiccant", "tank", "500l"],
  ["requires", "head", "ss316", "seal", "FKM"],
];

export function buildConfigModel(r: Rng, id: string, kind: MachineKind, seriesName: string): ConfigModelInput {
  const pool = GROUPS_BY_KIND[kind.key] ?? ["voltage", "seal", "extras"];
  const chosen = pool.filter((_, i) => i < 2 || r.chance(0.7));
  const groups = chosen.map((key) => {
    const t: GroupTemplate = G[key];
    const options: Option[] = t.options
      .filter((_, i) => i < 2 || r.chance(0.8))
      .map(([value, label, delta, features]) => ({
        value,
        label,
        priceDeltaCents: delta,
        ...(features ? { features } : {}),
      }));
    if (t.multi) return { code: t.code, label: t.label, min: 0, max: Math.min(options.length, r.int(2, 3)), options };
    // A default only where a sensible one exists (the first, cheapest option); otherwise the buyer must choose.
    const hasDefault = t.code !== "voltage" && t.code !== "motor" && r.chance(0.6);
    return {
      code: t.code,
      label: t.label,
      min: 1,
      max: 1,
      ...(hasDefault ? { default: options[0]!.value } : {}),
      options,
    };
  });

  const values = new Map(groups.map((g) => [g.code, g]));
  const isDefault = (g: string, v: string) => values.get(g)?.default === v;
  const has = (g: string, v: string) => values.get(g)?.options.some((o) => o.value === v) ?? false;
  const constraints: {
    kind: "requires" | "excludes";
    if: { group: string; value: string };
    then: { group: string; value: string };
  }[] = [];
  const seen = new Set<string>();
  const add = (kind: "requires" | "excludes", ifG: string, ifV: string, thenG: string, thenV: string) => {
    if (ifG === thenG || !has(ifG, ifV) || !has(thenG, thenV) || isDefault(ifG, ifV)) return;
    if (kind === "excludes" && isDefault(thenG, thenV)) return;
    // Never both "requires" and "excludes" the same pair, and only one "requires" per trigger and target group.
    const pair = `${ifG}=${ifV}>${thenG}`;
    if (seen.has(pair)) return;
    seen.add(pair);
    constraints.push({ kind, if: { group: ifG, value: ifV }, then: { group: thenG, value: thenV } });
  };
  for (const [k, a, b, c, d] of KNOWN) add(k, a, b, c, d);
  // A few model-specific ones on top, so every model has its own rules to learn.
  const single = groups.filter((g) => g.max === 1);
  for (let i = r.int(0, 2); i > 0 && single.length >= 2; i--) {
    const [from, to] = r.sample(single, 2);
    const ifOpt = r.pick(from!.options),
      thenOpt = r.pick(to!.options);
    add(r.chance(0.5) ? "requires" : "excludes", from!.code, ifOpt.value, to!.code, thenOpt.value);
  }
  return { id, name: `${seriesName} configuration`, groups, constraints };
}
