/**
 * Machine kinds: the equipment a distributor sells and its customers run (pumps, motors, compressors,
 * fans, gearboxes). Each generated machine model is also sold as a product, and is the target of
 * spare-part fitment, accessories and the installed base.
 */
import type { Rng } from "./rng.ts";
import { describe, letters, price, q, type FeatureInput } from "./text.ts";
import { BRANDS, DN, METALS, MOTOR_KW, PRESSURES, SHAFTS, TEMPS, THREADS, goodMedia } from "./vocabulary.ts";

export interface MachineKind {
  key: string;
  category: string;
  /** Singular noun used in names: "centrifugal pump". */
  noun: string;
  prefix: string;
  weight: number;
  /** Has an electric motor: voltage/phase/frequency matter. */
  electric: boolean;
  /** Moves a liquid or gas: connection, pressure, temperature and wetted material matter. */
  wetted: boolean;
  euros: [number, number];
  certification?: string;
  /** Option groups for configurable variants (see configs.ts). */
  configurable: boolean;
}

export const MACHINE_KINDS: readonly MachineKind[] = [
  {
    key: "centrifugal_pump",
    category: "PUMPS-CENT",
    noun: "centrifugal pump",
    prefix: "PCN",
    weight: 6,
    electric: true,
    wetted: true,
    euros: [600, 18_000],
    configurable: true,
  },
  {
    key: "submersible_pump",
    category: "PUMPS-SUB",
    noun: "submersible pump",
    prefix: "PSB",
    weight: 3,
    electric: true,
    wetted: true,
    euros: [400, 12_000],
    configurable: true,
  },
  {
    key: "diaphragm_pump",
    category: "PUMPS-DIA",
    noun: "diaphragm pump",
    prefix: "PDI",
    weight: 2,
    electric: false,
    wetted: true,
    euros: [500, 7_000],
    configurable: false,
  },
  {
    key: "dosing_pump",
    category: "PUMPS-DOS",
    noun: "dosing pump",
    prefix: "PDS",
    weight: 2,
    electric: true,
    wetted: true,
    euros: [350, 4_500],
    configurable: true,
  },
  {
    key: "ac_motor",
    category: "MOTORS-AC",
    noun: "three-phase motor",
    prefix: "MAC",
    weight: 5,
    electric: true,
    wetted: false,
    euros: [150, 9_000],
    configurable: true,
  },
  {
    key: "atex_motor",
    category: "MOTORS-EX",
    noun: "explosion-proof motor",
    prefix: "MEX",
    weight: 1,
    electric: true,
    wetted: false,
    euros: [900, 22_000],
    certification: "atex",
    configurable: false,
  },
  {
    key: "screw_compressor",
    category: "COMPR-SCREW",
    noun: "screw compressor",
    prefix: "CSC",
    weight: 2,
    electric: true,
    wetted: true,
    euros: [4_000, 60_000],
    configurable: true,
  },
  {
    key: "piston_compressor",
    category: "COMPR-PISTON",
    noun: "piston compressor",
    prefix: "CPI",
    weight: 2,
    electric: true,
    wetted: true,
    euros: [500, 8_000],
    configurable: false,
  },
  {
    key: "radial_fan",
    category: "FANS-RAD",
    noun: "radial fan",
    prefix: "FRA",
    weight: 2,
    electric: true,
    wetted: false,
    euros: [300, 9_000],
    configurable: false,
  },
  {
    key: "helical_gearbox",
    category: "GEAR-HEL",
    noun: "helical gearbox",
    prefix: "GHE",
    weight: 2,
    electric: false,
    wetted: false,
    euros: [400, 15_000],
    configurable: false,
  },
];

export interface MachineModelInfo {
  code: string;
  kind: MachineKind;
  name: string;
  manufacturer: string;
  /** Plain values, as stored on the machine model and compared by the rules. */
  features: Record<string, string | number | boolean>;
  /** The same values with units, for the product that sells this machine. */
  productFeatures: Record<string, FeatureInput>;
  description: string;
  listPriceCents: number;
}

/** One machine model of a kind; `taken` keeps codes unique. */
export function buildMachineModel(r: Rng, kind: MachineKind, taken: Set<string>): MachineModelInfo {
  const manufacturer = r.pick(BRANDS);
  const series = letters(r, 2);
  // Motor power follows the machine's size: a DN25 pump does not get a 90 kW motor.
  const kwRange: Record<string, [number, number]> = {
    dosing_pump: [0, 3],
    piston_compressor: [2, 11],
    screw_compressor: [7, 19],
  };
  const [lo, hi] = kwRange[kind.key] ?? [0, MOTOR_KW.length - 1];
  let kw = kind.electric || kind.key === "helical_gearbox" ? MOTOR_KW[r.int(lo, hi)]! : 0;
  const f: Record<string, string | number | boolean> = {};
  const pf: Record<string, FeatureInput> = {};
  const set = (key: string, value: string | number | boolean, unit?: string) => {
    f[key] = value;
    pf[key] = unit && typeof value === "number" ? q(value, unit) : value;
  };
  let size: string;
  if (kind.key === "dosing_pump") {
    const flow = r.pick([2, 5, 10, 25, 60, 120, 250, 500]);
    size = `${flow}`;
    set("connection", r.pick(THREADS.slice(0, 5)));
    set("flowRate", flow, "l/h");
  } else if (kind.wetted && !kind.key.endsWith("compressor")) {
    const dnIndex = kind.key === "diaphragm_pump" ? r.int(0, 4) : r.int(0, DN.length - 1);
    const dn = DN[dnIndex]!;
    size = kind.key === "diaphragm_pump" ? `${dn}` : `${dn}-${r.pick([125, 160, 200, 250, 315])}`;
    if (kind.electric) kw = MOTOR_KW[Math.min(MOTOR_KW.length - 1, Math.max(0, dnIndex * 2 + r.int(-1, 3)))]!;
    set("connection", `DN${dn}`);
    set("flowRate", Math.round(dn * dn * (0.01 + r.next() * 0.03)), "m³/h");
    set("head", r.int(8, 120), "m");
  } else if (kind.key.endsWith("compressor")) {
    size = `${r.int(2, 90)}`;
    set("connection", r.pick(THREADS));
    set("freeAirDelivery", Math.round((0.2 + r.next() * 12) * 10) / 10, "m³/min");
  } else {
    size = `${r.pick([63, 71, 80, 90, 100, 112, 132, 160, 180, 200, 225])}${r.pick(["S", "M", "L"])}`;
  }
  if (kind.wetted) {
    set("pressureRating", kind.key.endsWith("compressor") ? r.pick([8, 10, 13, 15]) : r.pick(PRESSURES), "bar");
    set("tempRating", r.pick(TEMPS), "°C");
    set("material", r.pick(METALS));
  }
  if (kind.electric) {
    const singlePhaseOk = !kind.key.endsWith("motor") && kw <= 2.2;
    const voltage = singlePhaseOk && r.chance(0.3) ? 230 : r.chance(0.12) ? 690 : 400;
    set("voltage", voltage, "V");
    set("phase", voltage === 230 ? 1 : 3);
    set("frequency", r.chance(0.88) ? 50 : 60, "Hz");
  }
  if (kw) set("power", kw, "kW");
  if (kind.key !== "dosing_pump" && kind.key !== "diaphragm_pump") set("shaftDiameter", r.pick(SHAFTS), "mm");
  if (kind.key.endsWith("motor")) {
    set("efficiencyClass", r.pick(["IE2", "IE3", "IE3", "IE4"]));
    set("speed", r.pick([750, 1000, 1500, 3000]), "rpm");
    set("mounting", r.pick(["B3", "B5", "B35", "V1"]));
  }
  if (kind.key === "helical_gearbox") {
    set("ratio", r.pick([5, 8, 10, 12.5, 16, 20, 25, 31.5, 40]));
    set("torque", r.int(50, 4000), "Nm");
  }
  if (kind.certification)
    set("exProtection", r.pick(["II 2G Ex db IIB T4", "II 2G Ex db IIC T4", "II 3G Ex ec IIC T3"]));

  let code = `${kind.prefix}-${series}${size}`;
  while (taken.has(code)) code = `${kind.prefix}-${series}${size}-${letters(r, 1)}${r.int(1, 9)}`;
  taken.add(code);

  const label = `${series} ${size}`;
  const specs: string[] = [];
  if (kw) specs.push(`${kw} kW`);
  if (typeof f.voltage === "number") specs.push(`${f.voltage} V ${f.phase === 1 ? "1~" : "3~"}`);
  if (f.connection) specs.push(String(f.connection));
  if (f.material) specs.push(String(f.material));
  const name = `${upper(kind.noun)} ${label}${specs.length ? `, ${specs.join(", ")}` : ""}`;
  const facts: string[] = [];
  if (f.flowRate) facts.push(f.head ? `Up to ${f.flowRate} m³/h at ${f.head} m head` : `Up to ${f.flowRate} l/h`);
  if (f.freeAirDelivery) facts.push(`Free air delivery ${f.freeAirDelivery} m³/min at up to ${f.pressureRating} bar`);
  if (f.material) facts.push(`Wetted parts in ${f.material}, for ${goodMediaSample(r, String(f.material))}`);
  if (f.pressureRating && !f.freeAirDelivery) facts.push(`Rated PN${f.pressureRating}, up to ${f.tempRating} °C`);
  if (f.ratio) facts.push(`Ratio ${f.ratio}:1, output torque ${f.torque} Nm`);
  if (f.efficiencyClass) facts.push(`Efficiency class ${f.efficiencyClass}, ${f.speed} rpm, mounting ${f.mounting}`);
  if (f.exProtection) facts.push(`ATEX marking ${f.exProtection}; buyers need an ATEX certification on file`);
  return {
    code,
    kind,
    name,
    manufacturer,
    features: f,
    productFeatures: pf,
    description: describe(r, `${manufacturer} ${kind.noun} series ${series}, size ${size}`, facts),
    // Bigger machines cost more: mostly the motor size, partly the model.
    listPriceCents: price(
      r,
      kind.euros[0],
      kind.euros[1],
      0.75 * (kw ? MOTOR_KW.indexOf(kw as (typeof MOTOR_KW)[number]) / (MOTOR_KW.length - 1) : r.next()) +
        0.25 * r.next(),
    ),
  };
}

function goodMediaSample(r: Rng, material: string): string {
  const media = goodMedia(material).filter((m) => m !== "compressed air");
  return r.sample(media, 3).join(", ") || "clean water";
}

const upper = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
