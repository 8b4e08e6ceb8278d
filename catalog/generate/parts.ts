/**
 * Templates for everything that is not a machine: spare parts, accessories, components and
 * consumables. A template that `fits` machine kinds is built *for* one machine model, so its features
 * (shaft diameter, connection, voltage, power) agree with the model it is fitted to.
 */
import type { MachineModelInfo } from "./machines.ts";
import type { Rng } from "./rng.ts";
import { describe, price, q, upper, type FeatureInput } from "./text.ts";
import { BRANDS, DN, ELASTOMERS, METALS, MOTOR_KW, PRESSURES, SHAFTS, TEMPS, THREADS, goodMedia } from "./vocabulary.ts";

export type PartRole = "part" | "accessory" | "component" | "consumable";

export interface ProductSpec {
  name: string;
  description: string;
  manufacturer: string;
  features: Record<string, FeatureInput>;
  listPriceCents: number;
  leadTimeDays: number;
  orderUnit?: string;
  contentUnit?: string;
  contentQty?: number;
  moq?: number;
  orderStep?: number;
  maxQty?: number;
  hazardous?: boolean;
  requiresCertification?: string;
  blockedRegions?: string[];
}

/** Feature `material` always means the wetted material (checked against the medium); dry parts use other keys. */
export interface PartTemplate {
  key: string;
  category: string;
  prefix: string;
  role: PartRole;
  weight: number;
  /** Machine kinds this fits; empty = generic (no fitment). */
  fits: readonly string[];
  build(r: Rng, model: MachineModelInfo | undefined): ProductSpec;
}

const PUMPS = ["centrifugal_pump", "submersible_pump"];
const ALL_PUMPS = [...PUMPS, "diaphragm_pump", "dosing_pump"];
const MOTORS = ["ac_motor", "atex_motor"];
const COMPRESSORS = ["screw_compressor", "piston_compressor"];
const ROTATING = [...PUMPS, ...MOTORS, "radial_fan", "helical_gearbox"];

const num = (m: MachineModelInfo | undefined, key: string, fallback: number): number => {
  const v = m?.features[key];
  return typeof v === "number" ? v : fallback;
};
const str = (m: MachineModelInfo | undefined, key: string, fallback: string): string => {
  const v = m?.features[key];
  return typeof v === "string" ? v : fallback;
};
const forModel = (m: MachineModelInfo | undefined) => (m ? `, for ${m.kind.noun} ${m.code}` : "");
const lead = (r: Rng, min: number, max: number) => r.int(min, max);
const box = (r: Rng, sizes: number[]) => {
  const contentQty = r.pick(sizes);
  return { orderUnit: "BOX", contentUnit: "PCE", contentQty };
};
const mediaFor = (r: Rng, material: string) => r.sample(goodMedia(material), 3).join(", ");

export const PART_TEMPLATES: readonly PartTemplate[] = [
  {
    key: "mechanical_seal", category: "PARTS-SEAL", prefix: "SEA", role: "part", weight: 8, fits: PUMPS,
    build(r, m) {
      const d = num(m, "shaftDiameter", r.pick(SHAFTS));
      const type = r.pick(["single-spring", "bellows", "cartridge", "multi-spring", "component"]);
      const faces = r.pick(["carbon/SiC", "SiC/SiC", "tungsten carbide/SiC", "carbon/ceramic"]);
      const elastomer = r.pick(["NBR", "EPDM", "FKM", "FFKM", "HNBR"]);
      const brand = r.pick(BRANDS);
      const p = r.pick(PRESSURES), t = r.pick(TEMPS);
      return {
        name: `Mechanical seal ${type} ${d} mm, ${faces}, ${elastomer}${forModel(m)}`,
        description: describe(r, `${brand} ${type} mechanical seal for ${d} mm shafts with ${faces} faces and ${elastomer} secondary seals`, [
          `Rated to ${p} bar and ${t} °C`, `Compatible media: ${mediaFor(r, elastomer)}`]),
        manufacturer: brand,
        features: { shaftDiameter: q(d, "mm"), material: elastomer, faceMaterial: faces, sealType: type, pressureRating: q(p, "bar"), tempRating: q(t, "°C") },
        listPriceCents: price(r, 35, 950), leadTimeDays: lead(r, 2, 21),
      };
    },
  },
  {
    key: "impeller", category: "PARTS-IMP", prefix: "IMP", role: "part", weight: 4, fits: PUMPS,
    build(r, m) {
      const dia = r.pick([125, 139, 160, 174, 200, 219, 250, 268, 315]);
      const material = r.pick(["cast iron", "bronze", "stainless steel 1.4404", "duplex steel"]);
      const type = r.pick(["closed", "semi-open", "vortex", "channel"]);
      return {
        name: `Impeller ${type} Ø${dia} mm, ${material}${forModel(m)}`,
        description: describe(r, `${upper(type)} impeller, ${dia} mm diameter, cast in ${material}`, [`Balanced to ISO 21940 G6.3`, `Trimmed diameters on request`]),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { diameter: q(dia, "mm"), material, impellerType: type, blades: r.int(2, 7) },
        listPriceCents: price(r, 90, 2400), leadTimeDays: lead(r, 5, 45),
      };
    },
  },
  {
    key: "o_ring_box", category: "PARTS-ORING", prefix: "ORI", role: "consumable", weight: 6, fits: [...ALL_PUMPS, ...COMPRESSORS],
    build(r, m) {
      const id = r.pick([8, 10, 12, 15, 18, 20, 25, 30, 35, 40, 50, 63, 75, 90, 110]);
      const cs = r.pick([1.5, 2, 2.5, 3, 3.5, 4, 5.3]);
      const material = r.pick(ELASTOMERS);
      const hardness = r.pick([70, 75, 80, 90]);
      const units = box(r, [10, 25, 50, 100]);
      const t = r.pick(TEMPS);
      return {
        name: `O-ring ${id} x ${cs} mm ${material} ${hardness} Shore A, box of ${units.contentQty}${forModel(m)}`,
        description: describe(r, `O-rings ${id} x ${cs} mm in ${material}, ${hardness} Shore A, sold in boxes of ${units.contentQty} pieces`, [`Temperature range up to ${t} °C`, `Resistant to ${mediaFor(r, material)}`]),
        manufacturer: r.pick(BRANDS),
        features: { innerDiameter: q(id, "mm"), crossSection: q(cs, "mm"), material, hardness: q(hardness, "Shore A"), tempRating: q(t, "°C") },
        listPriceCents: price(r, 4, 120), leadTimeDays: lead(r, 1, 10), ...units,
      };
    },
  },
  {
    key: "wear_ring", category: "PARTS-WEAR", prefix: "WRR", role: "part", weight: 2, fits: ["centrifugal_pump"],
    build(r, m) {
      const d = r.pick([80, 95, 110, 125, 140, 160]);
      const material = r.pick(["bronze", "cast iron", "stainless steel 1.4404", "PTFE"]);
      const kind = r.pick(["casing wear ring", "impeller wear ring", "shaft sleeve"]);
      return {
        name: `${upper(kind)} ${d} mm, ${material}${forModel(m)}`,
        description: describe(r, `Replacement ${kind} with ${d} mm diameter in ${material}`, [`Restores the original clearance and efficiency`]),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { diameter: q(d, "mm"), material, partType: kind },
        listPriceCents: price(r, 25, 420), leadTimeDays: lead(r, 3, 30),
      };
    },
  },
  {
    key: "pump_diaphragm", category: "PARTS-DIAPH", prefix: "DIA", role: "part", weight: 3, fits: ["diaphragm_pump", "dosing_pump"],
    build(r, m) {
      const material = r.pick(["PTFE", "EPDM", "NBR", "FKM", "santoprene"]);
      const d = r.pick([40, 52, 65, 80, 100, 125, 160]);
      const t = r.pick(TEMPS.slice(0, 5));
      return {
        name: `Pump diaphragm Ø${d} mm ${material}${forModel(m)}`,
        description: describe(r, `Replacement diaphragm Ø${d} mm in ${material} for diaphragm and dosing pumps`, [`Up to ${t} °C`]),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { diameter: q(d, "mm"), material, tempRating: q(t, "°C") },
        listPriceCents: price(r, 18, 380), leadTimeDays: lead(r, 2, 20),
        ...(r.chance(0.3) ? { moq: 2, orderStep: 2 } : {}),
      };
    },
  },
  {
    key: "ball_bearing", category: "BEAR-BALL", prefix: "BRG", role: "part", weight: 7, fits: ROTATING,
    build(r, m) {
      const bore = num(m, "shaftDiameter", r.pick(SHAFTS));
      const series = r.pick(["60", "62", "63", "64"]);
      const code = bore >= 20 ? String(Math.round(bore / 5)).padStart(2, "0") : "0" + r.int(0, 3);
      const seal = r.pick(["2RS", "2Z", "open", "2RSH", "C3"]);
      const outer = Math.round(bore * (1.9 + Number(series.slice(1)) * 0.25));
      const width = Math.round(bore * 0.4 + r.int(4, 10));
      const designation = `${series}${code}${seal === "open" ? "" : `-${seal}`}`;
      return {
        name: `Deep groove ball bearing ${designation}, ${bore}x${outer}x${width} mm${forModel(m)}`,
        description: describe(r, `Single-row deep groove ball bearing ${designation}, bore ${bore} mm, outer diameter ${outer} mm, width ${width} mm`, [seal === "open" ? "Open design, relubricable" : `Sealed (${seal}), greased for life`]),
        manufacturer: r.pick(BRANDS),
        features: { boreDiameter: q(bore, "mm"), outerDiameter: q(outer, "mm"), width: q(width, "mm"), designation, sealing: seal, ringMaterial: "chrome steel" },
        listPriceCents: price(r, 6, 260), leadTimeDays: lead(r, 1, 14),
        ...(r.chance(0.25) ? { moq: 2, orderStep: 2 } : {}),
      };
    },
  },
  {
    key: "roller_bearing", category: "BEAR-ROLL", prefix: "RLB", role: "part", weight: 3, fits: ["helical_gearbox", "radial_fan", "screw_compressor"],
    build(r, m) {
      const bore = num(m, "shaftDiameter", r.pick(SHAFTS));
      const type = r.pick(["cylindrical roller bearing NU", "spherical roller bearing 222", "taper roller bearing 302", "needle roller bearing NK"]);
      const designation = `${type.split(" ").pop()}${Math.max(4, Math.round(bore / 5))}${r.pick(["", "E", "ECP", "CC"])}`;
      return {
        name: `${upper(type.replace(/ \w+$/, ""))} ${designation}, bore ${bore} mm${forModel(m)}`,
        description: describe(r, `${upper(type.replace(/ \w+$/, ""))} ${designation} with ${bore} mm bore for high radial loads`, []),
        manufacturer: r.pick(BRANDS),
        features: { boreDiameter: q(bore, "mm"), designation, ringMaterial: "bearing steel" },
        listPriceCents: price(r, 20, 900), leadTimeDays: lead(r, 2, 28),
      };
    },
  },
  {
    key: "motor_fan", category: "MOTP-FAN", prefix: "MFN", role: "part", weight: 2, fits: MOTORS,
    build(r, m) {
      const frame = m?.code.split("-")[1]?.replace(/^[A-Z]{2}/, "") ?? `${r.pick([71, 80, 90, 100, 112])}`;
      const part = r.pick(["cooling fan", "fan cover", "fan cover with rain canopy"]);
      const material = r.pick(["polypropylene", "aluminium", "steel"]);
      return {
        name: `Motor ${part} frame ${frame}, ${material}${forModel(m)}`,
        description: describe(r, `Replacement motor ${part} for IEC frame size ${frame}, made of ${material}`, []),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { frameSize: frame, fanMaterial: material, partType: part },
        listPriceCents: price(r, 12, 180), leadTimeDays: lead(r, 3, 25),
      };
    },
  },
  {
    key: "terminal_box", category: "MOTP-TB", prefix: "MTB", role: "part", weight: 1, fits: MOTORS,
    build(r, m) {
      const gland = r.pick(["M20", "M25", "M32", "M40"]);
      return {
        name: `Terminal box with ${gland} glands and terminal board${forModel(m)}`,
        description: describe(r, `Complete terminal box for motors, cable glands ${gland}, six-terminal board for star/delta connection`, []),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { cableGland: gland, protection: r.pick(["IP55", "IP66"]) },
        listPriceCents: price(r, 25, 320), leadTimeDays: lead(r, 5, 30),
      };
    },
  },
  {
    key: "air_filter", category: "FILT-AIR", prefix: "FAI", role: "part", weight: 3, fits: [...COMPRESSORS, "radial_fan"],
    build(r, m) {
      const cls = r.pick(["G4", "M5", "F7", "F9", "E11"]);
      const pack = r.pick([1, 1, 3, 5]);
      return {
        name: `Air filter element class ${cls}${pack > 1 ? `, pack of ${pack}` : ""}${forModel(m)}`,
        description: describe(r, `Intake air filter element, filter class ${cls} to ISO 16890`, [`Change at every service interval`]),
        manufacturer: r.pick(BRANDS),
        features: { filterClass: cls, height: q(r.int(80, 400), "mm") },
        listPriceCents: price(r, 9, 210), leadTimeDays: lead(r, 1, 14),
        ...(pack > 1 ? { orderUnit: "PAK", contentUnit: "PCE", contentQty: pack } : {}),
      };
    },
  },
  {
    key: "oil_separator", category: "FILT-OIL", prefix: "FOS", role: "part", weight: 2, fits: ["screw_compressor"],
    build(r, m) {
      const kind = r.pick(["oil separator cartridge", "oil filter", "inline oil filter"]);
      return {
        name: `Compressor ${kind}${forModel(m)}`,
        description: describe(r, `Genuine-quality ${kind} for oil-injected screw compressors`, [`Residual oil content below ${r.pick([1, 2, 3])} mg/m³`]),
        manufacturer: r.pick(BRANDS),
        features: { filterType: kind, pressureRating: q(r.pick([13, 16, 20]), "bar"), thread: r.pick(THREADS) },
        listPriceCents: price(r, 20, 480), leadTimeDays: lead(r, 2, 21),
      };
    },
  },
  {
    key: "strainer", category: "FILT-STR", prefix: "STR", role: "accessory", weight: 2, fits: PUMPS,
    build(r, m) {
      const conn = str(m, "connection", `DN${r.pick(DN)}`);
      const material = r.pick(["cast iron", "stainless steel 1.4404", "bronze"]);
      const mesh = r.pick([100, 250, 500, 800, 1500]);
      const p = r.pick(PRESSURES);
      return {
        name: `Y-strainer ${conn} PN${p}, ${material}, ${mesh} µm screen${forModel(m)}`,
        description: describe(r, `Y-type strainer ${conn}, body in ${material}, ${mesh} µm screen`, [`Protects pumps and valves from debris`, `For ${mediaFor(r, material)}`]),
        manufacturer: r.pick(BRANDS),
        features: { connection: conn, material, meshSize: q(mesh, "µm"), pressureRating: q(p, "bar"), tempRating: q(r.pick(TEMPS), "°C") },
        listPriceCents: price(r, 35, 1200), leadTimeDays: lead(r, 2, 28),
      };
    },
  },
  {
    key: "ball_valve", category: "VALV-BALL", prefix: "VBL", role: "component", weight: 4, fits: [],
    build(r) {
      const threaded = r.chance(0.6);
      const conn = threaded ? r.pick(THREADS) : `DN${r.pick(DN)}`;
      const material = r.pick(["brass", "stainless steel 1.4404", "stainless steel 1.4301", "PVC-U", "ductile iron"]);
      const p = r.pick(PRESSURES), t = r.pick(TEMPS.slice(0, 6));
      const actuation = r.pick(["lever", "T-handle", "gear operator", "pneumatic actuator", "electric actuator"]);
      return {
        name: `Ball valve ${conn} ${threaded ? "female thread" : "flanged"}, ${material}, PN${p}, ${actuation}`,
        description: describe(r, `${threaded ? "Two-piece" : "Three-piece flanged"} ball valve ${conn} in ${material} with PTFE seats and ${actuation}`, [`PN${p}, up to ${t} °C`, `For ${mediaFor(r, material)}`]),
        manufacturer: r.pick(BRANDS),
        features: { connection: conn, material, pressureRating: q(p, "bar"), tempRating: q(t, "°C"), actuation, seatMaterial: "PTFE" },
        listPriceCents: price(r, 8, 1400), leadTimeDays: lead(r, 1, 21),
      };
    },
  },
  {
    key: "check_valve", category: "VALV-CHECK", prefix: "VCK", role: "accessory", weight: 2, fits: PUMPS,
    build(r, m) {
      const conn = str(m, "connection", `DN${r.pick(DN)}`);
      const type = r.pick(["swing check valve", "dual-plate check valve", "ball check valve", "spring check valve"]);
      const material = r.pick(["cast iron", "ductile iron", "stainless steel 1.4404", "bronze"]);
      const p = r.pick(PRESSURES);
      return {
        name: `${upper(type)} ${conn} PN${p}, ${material}${forModel(m)}`,
        description: describe(r, `${upper(type)} ${conn} in ${material} to stop backflow on the pump discharge`, [`PN${p}`, `For ${mediaFor(r, material)}`]),
        manufacturer: r.pick(BRANDS),
        features: { connection: conn, material, pressureRating: q(p, "bar"), tempRating: q(r.pick(TEMPS), "°C"), valveType: type },
        listPriceCents: price(r, 40, 1800), leadTimeDays: lead(r, 3, 35),
      };
    },
  },
  {
    key: "safety_valve", category: "VALV-SAFE", prefix: "VSF", role: "accessory", weight: 1, fits: COMPRESSORS,
    build(r, m) {
      const set = r.pick([6, 8, 10, 11, 13, 16]);
      const thread = str(m, "connection", r.pick(THREADS));
      return {
        name: `Safety relief valve ${thread}, set pressure ${set} bar${forModel(m)}`,
        description: describe(r, `Spring-loaded safety relief valve ${thread}, factory set to ${set} bar, sealed and certified`, [`Required on every pressure vessel`]),
        manufacturer: r.pick(BRANDS),
        features: { connection: thread, setPressure: q(set, "bar"), material: "brass", pressureRating: q(Math.max(set, 16), "bar") },
        listPriceCents: price(r, 25, 380), leadTimeDays: lead(r, 2, 20),
      };
    },
  },
  {
    key: "solenoid_valve", category: "VALV-SOL", prefix: "VSL", role: "component", weight: 2, fits: [],
    build(r) {
      const conn = r.pick(THREADS);
      const coil = r.pick(["24 V DC", "24 V AC", "230 V AC", "110 V AC"]);
      const material = r.pick(["brass", "stainless steel 1.4404"]);
      const nc = r.chance(0.7);
      return {
        name: `Solenoid valve ${conn} 2/2-way ${nc ? "NC" : "NO"}, ${coil} coil, ${material}`,
        description: describe(r, `Servo-assisted 2/2-way solenoid valve ${conn}, normally ${nc ? "closed" : "open"}, body in ${material}, ${coil} coil`, []),
        manufacturer: r.pick(BRANDS),
        features: { connection: conn, coilVoltage: coil, material, pressureRating: q(r.pick([10, 16]), "bar"), normallyClosed: nc },
        listPriceCents: price(r, 30, 450), leadTimeDays: lead(r, 2, 25),
      };
    },
  },
  {
    key: "flange", category: "FITT-FLANGE", prefix: "FLG", role: "component", weight: 3, fits: [],
    build(r) {
      const dn = r.pick(DN), p = r.pick(PRESSURES);
      const type = r.pick(["weld-neck flange", "slip-on flange", "blind flange", "threaded flange", "lap joint flange"]);
      const material = r.pick(["carbon steel", "stainless steel 1.4404", "stainless steel 1.4301"]);
      return {
        name: `${upper(type)} DN${dn} PN${p} EN 1092-1, ${material}`,
        description: describe(r, `${upper(type)} DN${dn} PN${p} to EN 1092-1 in ${material}`, []),
        manufacturer: r.pick(BRANDS),
        features: { connection: `DN${dn}`, pressureRating: q(p, "bar"), material, flangeType: type },
        listPriceCents: price(r, 9, 400), leadTimeDays: lead(r, 2, 21),
      };
    },
  },
  {
    key: "threaded_fitting", category: "FITT-THREAD", prefix: "FTH", role: "consumable", weight: 5, fits: [],
    build(r) {
      const thread = r.pick(THREADS);
      const type = r.pick(["elbow 90°", "equal tee", "hex nipple", "reducing bush", "socket", "union", "plug", "cap"]);
      const material = r.pick(["brass", "stainless steel 1.4401", "galvanised malleable iron"]);
      const units = r.chance(0.6) ? box(r, [5, 10, 25]) : {};
      return {
        name: `${upper(type)} ${thread}, ${material}${"contentQty" in units ? `, box of ${units.contentQty}` : ""}`,
        description: describe(r, `Threaded pipe fitting, ${type}, ${thread} (ISO 228), ${material}`, []),
        manufacturer: r.pick(BRANDS),
        features: { connection: thread, material, fittingType: type, pressureRating: q(r.pick([16, 25, 40]), "bar") },
        listPriceCents: price(r, 2, 90), leadTimeDays: lead(r, 1, 10), ...units,
      };
    },
  },
  {
    key: "shaft_coupling", category: "FITT-COUP", prefix: "CPL", role: "accessory", weight: 3, fits: [...PUMPS, ...MOTORS, "helical_gearbox"],
    build(r, m) {
      const bore = num(m, "shaftDiameter", r.pick(SHAFTS));
      const type = r.pick(["jaw coupling", "gear coupling", "disc coupling", "tyre coupling", "pin-and-bush coupling"]);
      const size = r.pick([14, 19, 24, 28, 38, 42, 48, 55, 65]);
      const spider = r.pick(["92 Shore A", "98 Shore A", "64 Shore D"]);
      return {
        name: `Flexible ${type} size ${size}, bore ${bore} mm${forModel(m)}`,
        description: describe(r, `Flexible ${type} size ${size}, finished bore ${bore} mm with keyway, elastomer ${spider}`, [`Compensates angular and radial misalignment`]),
        manufacturer: r.pick(BRANDS),
        features: { shaftDiameter: q(bore, "mm"), couplingType: type, size, elastomerHardness: spider },
        listPriceCents: price(r, 20, 900), leadTimeDays: lead(r, 2, 25),
      };
    },
  },
  {
    key: "industrial_hose", category: "HOSE-IND", prefix: "HOS", role: "component", weight: 3, fits: [],
    build(r) {
      const id = r.pick([6, 8, 10, 13, 16, 19, 25, 32, 38, 50, 63, 76, 102]);
      const kind = r.pick(["water hose", "suction and delivery hose", "chemical hose", "oil hose", "steam hose", "compressed air hose", "food hose"]);
      const material = kind === "chemical hose" ? "UPE" : kind === "steam hose" ? "EPDM" : kind === "oil hose" ? "NBR" : r.pick(["EPDM", "NBR", "PVC-U", "polyurethane"]);
      const p = kind === "suction and delivery hose" ? 10 : r.pick([10, 16, 20, 25]);
      const t = kind === "steam hose" ? 200 : r.pick(TEMPS.slice(0, 4));
      const roll = r.chance(0.3);
      return {
        name: `${upper(kind)} ${id} mm ID, ${material}, ${p} bar${roll ? ", roll of 25 m" : ", per metre"}`,
        description: describe(r, `${upper(kind)} with ${id} mm inner diameter, ${material} tube, textile reinforced`, [`Working pressure ${p} bar, up to ${t} °C`]),
        manufacturer: r.pick(BRANDS),
        features: { innerDiameter: q(id, "mm"), material, pressureRating: q(p, "bar"), tempRating: q(t, "°C"), hoseType: kind },
        listPriceCents: roll ? price(r, 60, 1200) : price(r, 2, 60), leadTimeDays: lead(r, 1, 14),
        ...(roll
          ? { orderUnit: "ROL", contentUnit: "MTR", contentQty: 25 }
          : { orderUnit: "MTR", contentUnit: "MTR", moq: 5, orderStep: 1, maxQty: 500 }),
      };
    },
  },
  {
    key: "hose_clamp", category: "HOSE-CLAMP", prefix: "HCL", role: "consumable", weight: 3, fits: [],
    build(r) {
      const from = r.pick([8, 12, 16, 20, 25, 32, 40, 50, 60, 70]);
      const to = from + r.pick([4, 6, 10, 15, 20]);
      const type = r.pick(["worm-drive hose clamp", "spring band clamp", "heavy-duty T-bolt clamp", "ear clamp"]);
      const material = r.pick(["W1 zinc-plated steel", "W4 stainless steel", "W5 stainless steel 316"]);
      const units = box(r, [10, 50, 100]);
      return {
        name: `${upper(type)} ${from}-${to} mm, ${material}, box of ${units.contentQty}`,
        description: describe(r, `${upper(type)} for hoses ${from}-${to} mm, band in ${material}`, []),
        manufacturer: r.pick(BRANDS),
        features: { rangeMin: q(from, "mm"), rangeMax: q(to, "mm"), bandMaterial: material, clampType: type },
        listPriceCents: price(r, 4, 80), leadTimeDays: lead(r, 1, 10), ...units,
      };
    },
  },
  {
    key: "pressure_transmitter", category: "INST-PRESS", prefix: "IPT", role: "accessory", weight: 3, fits: [...PUMPS, ...COMPRESSORS],
    build(r, m) {
      const range = r.pick([1, 2.5, 6, 10, 16, 25, 40, 60]);
      const thread = r.pick(["G 1/4", "G 1/2", "NPT 1/4", "NPT 1/2"]);
      const out = r.pick(["4-20 mA", "0-10 V", "IO-Link", "4-20 mA HART"]);
      return {
        name: `Pressure transmitter 0-${range} bar, ${out}, ${thread}${forModel(m)}`,
        description: describe(r, `Piezoresistive pressure transmitter 0-${range} bar, output ${out}, process connection ${thread}`, [`Accuracy ±0.5 % FS`, `Supply 10-30 V DC`]),
        manufacturer: r.pick(BRANDS),
        features: { measuringRange: q(range, "bar"), output: out, supplyVoltage: "24 V DC", processConnection: thread, pressureRating: q(range * 2, "bar") },
        listPriceCents: price(r, 80, 900), leadTimeDays: lead(r, 2, 20),
      };
    },
  },
  {
    key: "temperature_sensor", category: "INST-TEMP", prefix: "ITS", role: "accessory", weight: 2, fits: [...PUMPS, ...MOTORS],
    build(r, m) {
      const element = r.pick(["Pt100", "Pt1000", "PTC thermistor", "type K thermocouple"]);
      const length = r.pick([50, 100, 150, 250]);
      const t = r.pick([150, 200, 400]);
      return {
        name: `Temperature sensor ${element}, ${length} mm probe, up to ${t} °C${forModel(m)}`,
        description: describe(r, `${element} temperature sensor with ${length} mm stainless probe and M12 connector`, [`Measuring range up to ${t} °C`]),
        manufacturer: r.pick(BRANDS),
        features: { element, probeLength: q(length, "mm"), tempRating: q(t, "°C"), supplyVoltage: "24 V DC" },
        listPriceCents: price(r, 30, 420), leadTimeDays: lead(r, 2, 20),
      };
    },
  },
  {
    key: "flow_meter", category: "INST-FLOW", prefix: "IFM", role: "accessory", weight: 1, fits: PUMPS,
    build(r, m) {
      const conn = str(m, "connection", `DN${r.pick(DN)}`);
      const principle = r.pick(["electromagnetic", "ultrasonic", "vortex", "turbine"]);
      return {
        name: `${upper(principle)} flow meter ${conn}${forModel(m)}`,
        description: describe(r, `${upper(principle)} flow meter ${conn} with local display and 4-20 mA output`, [`Accuracy ±0.5 % of reading`]),
        manufacturer: r.pick(BRANDS),
        features: { connection: conn, principle, output: "4-20 mA", supplyVoltage: "24 V DC", pressureRating: q(r.pick([16, 25, 40]), "bar") },
        listPriceCents: price(r, 400, 4200), leadTimeDays: lead(r, 10, 45),
      };
    },
  },
  {
    key: "pressure_gauge", category: "INST-GAUGE", prefix: "IPG", role: "accessory", weight: 3, fits: [...ALL_PUMPS, ...COMPRESSORS],
    build(r, m) {
      const range = r.pick([1, 1.6, 2.5, 4, 6, 10, 16, 25, 40]);
      const dial = r.pick([40, 63, 100, 160]);
      const fill = r.chance(0.5);
      return {
        name: `Pressure gauge 0-${range} bar, Ø${dial} mm${fill ? ", glycerine filled" : ""}, ${r.pick(["bottom", "back"])} connection${forModel(m)}`,
        description: describe(r, `Bourdon tube pressure gauge 0-${range} bar, dial ${dial} mm, stainless case${fill ? ", glycerine filled against vibration" : ""}`, []),
        manufacturer: r.pick(BRANDS),
        features: { measuringRange: q(range, "bar"), dialDiameter: q(dial, "mm"), processConnection: r.pick(["G 1/4", "G 1/2"]), liquidFilled: fill },
        listPriceCents: price(r, 8, 160), leadTimeDays: lead(r, 1, 14),
      };
    },
  },
  {
    key: "frequency_inverter", category: "DRV-VFD", prefix: "DVF", role: "accessory", weight: 3, fits: [...PUMPS, "ac_motor", "radial_fan", "screw_compressor"],
    build(r, m) {
      const kw = num(m, "power", r.pick(MOTOR_KW));
      const rated = MOTOR_KW.find((k) => k >= kw && (r.chance(0.7) || k > kw)) ?? kw;
      const voltage = num(m, "voltage", r.pick([230, 400]));
      const ip = r.pick(["IP20", "IP55", "IP66"]);
      return {
        name: `Frequency inverter ${rated} kW, ${voltage} V ${voltage === 230 ? "1~" : "3~"}, ${ip}${forModel(m)}`,
        description: describe(r, `Variable speed drive for ${voltage} V motors up to ${rated} kW, enclosure ${ip}`, [`Built-in EMC filter and PID controller`, `Saves energy on pumps and fans`]),
        manufacturer: r.pick(BRANDS),
        features: { power: q(rated, "kW"), voltage: q(voltage, "V"), phase: voltage === 230 ? 1 : 3, protection: ip },
        listPriceCents: price(r, 180, 6500), leadTimeDays: lead(r, 3, 30),
      };
    },
  },
  {
    key: "soft_starter", category: "DRV-SOFT", prefix: "DSS", role: "accessory", weight: 1, fits: ["ac_motor"],
    build(r, m) {
      const kw = num(m, "power", r.pick(MOTOR_KW));
      const voltage = num(m, "voltage", 400);
      return {
        name: `Soft starter ${kw} kW, ${voltage} V${forModel(m)}`,
        description: describe(r, `Soft starter for three-phase motors up to ${kw} kW at ${voltage} V with integrated bypass`, []),
        manufacturer: r.pick(BRANDS),
        features: { power: q(kw, "kW"), voltage: q(voltage, "V"), phase: 3 },
        listPriceCents: price(r, 120, 2200), leadTimeDays: lead(r, 3, 25),
      };
    },
  },
  {
    key: "cable", category: "DRV-CABLE", prefix: "CBL", role: "component", weight: 2, fits: [],
    build(r) {
      const sensor = r.chance(0.4);
      const cores = sensor ? r.pick([3, 4, 5, 8]) : r.pick([3, 4, 5, 7]);
      const cs = sensor ? r.pick([0.25, 0.34, 0.5]) : r.pick([1.5, 2.5, 4, 6, 10, 16]);
      const shielded = sensor || r.chance(0.5);
      const kind = sensor ? "sensor cable" : "motor cable";
      return {
        name: `${upper(kind)} ${cores}G${cs} mm²${shielded ? " shielded" : ""}, ${r.pick(["PVC", "PUR", "halogen-free"])} sheath, per metre`,
        description: describe(r, `${upper(kind)} ${cores} cores x ${cs} mm²${shielded ? ", copper braid shield for EMC" : ""}`, [`Sold by the metre, minimum 10 m`]),
        manufacturer: r.pick(BRANDS),
        features: { cores, crossSection: q(cs, "mm²"), shielded, cableType: kind },
        listPriceCents: price(r, 0.6, 18), leadTimeDays: lead(r, 1, 10),
        orderUnit: "MTR", contentUnit: "MTR", moq: 10, orderStep: 5, maxQty: 1000,
      };
    },
  },
  {
    key: "pump_controller", category: "DRV-CTRL", prefix: "DPC", role: "accessory", weight: 1, fits: PUMPS,
    build(r, m) {
      const voltage = num(m, "voltage", 400);
      const pumps = r.pick([1, 2, 3]);
      return {
        name: `Pump control panel for ${pumps} pump${pumps > 1 ? "s" : ""}, ${voltage} V, level control${forModel(m)}`,
        description: describe(r, `Control panel for ${pumps} pump${pumps > 1 ? "s" : ""} with level control, alarms and motor protection, ${voltage} V supply`, []),
        manufacturer: r.pick(BRANDS),
        features: { voltage: q(voltage, "V"), phase: voltage === 230 ? 1 : 3, pumps, protection: "IP54" },
        listPriceCents: price(r, 250, 3800), leadTimeDays: lead(r, 7, 40),
      };
    },
  },
  {
    key: "bolts", category: "FAST-BOLT", prefix: "FBT", role: "consumable", weight: 5, fits: [],
    build(r) {
      const size = r.pick(["M5", "M6", "M8", "M10", "M12", "M16", "M20", "M24"]);
      const length = r.pick([12, 16, 20, 25, 30, 40, 50, 60, 80, 100]);
      const std = r.pick(["DIN 933 hexagon head screw", "DIN 912 socket head cap screw", "DIN 931 hexagon head bolt", "ISO 7380 button head screw"]);
      const grade = r.pick(["8.8 zinc-plated", "10.9 black", "A2-70 stainless", "A4-80 stainless"]);
      const boxed = r.chance(0.6);
      const units = boxed ? box(r, [50, 100, 200]) : { moq: 50, orderStep: 50, maxQty: 10_000 };
      return {
        name: `${upper(std)} ${size} x ${length}, ${grade}${boxed ? `, box of ${(units as { contentQty: number }).contentQty}` : ""}`,
        description: describe(r, `${upper(std)} ${size} x ${length} mm, property class ${grade}`, [boxed ? "Sold in boxes" : "Sold individually in multiples of 50"]),
        manufacturer: r.pick(BRANDS),
        features: { thread: size, length: q(length, "mm"), grade, standard: std.split(" ").slice(0, 2).join(" ") },
        listPriceCents: boxed ? price(r, 5, 90) : price(r, 0.05, 1.5), leadTimeDays: lead(r, 1, 7), ...units,
      };
    },
  },
  {
    key: "nuts_washers", category: "FAST-NUT", prefix: "FNW", role: "consumable", weight: 3, fits: [],
    build(r) {
      const size = r.pick(["M5", "M6", "M8", "M10", "M12", "M16", "M20"]);
      const kind = r.pick(["DIN 934 hexagon nut", "DIN 985 lock nut", "DIN 125 flat washer", "DIN 127 spring washer", "DIN 6923 flange nut"]);
      const grade = r.pick(["zinc-plated", "A2 stainless", "A4 stainless", "hot-dip galvanised"]);
      const units = box(r, [100, 200, 500]);
      return {
        name: `${upper(kind)} ${size}, ${grade}, box of ${units.contentQty}`,
        description: describe(r, `${upper(kind)} ${size}, ${grade}`, []),
        manufacturer: r.pick(BRANDS),
        features: { thread: size, grade, standard: kind.split(" ").slice(0, 2).join(" ") },
        listPriceCents: price(r, 3, 60), leadTimeDays: lead(r, 1, 7), ...units,
      };
    },
  },
  {
    key: "lubricant", category: "CHEM-LUB", prefix: "LUB", role: "consumable", weight: 2, fits: [],
    build(r) {
      const kind = r.pick(["compressor oil", "gear oil", "hydraulic oil", "bearing grease", "food-grade grease", "synthetic turbine oil"]);
      const grade = kind.includes("grease") ? r.pick(["NLGI 2", "NLGI 3", "NLGI 1"]) : `ISO VG ${r.pick([32, 46, 68, 100, 150, 220, 320])}`;
      const pack = r.pick([["CAN", 5], ["CAN", 20], ["DRM", 208], ["CRT", 12]] as const);
      const grease = kind.includes("grease");
      const contentUnit = pack[0] === "CRT" ? "PCE" : grease ? "KG" : "LTR";
      const drum = pack[0] === "DRM";
      return {
        name: `${upper(kind)} ${grade}, ${pack[0] === "CRT" ? "box of 12 cartridges" : `${pack[1]} ${grease ? "kg" : "l"} ${drum ? "drum" : "can"}`}`,
        description: describe(r, `${upper(kind)} ${grade}`, [drum ? "Flammable liquid in bulk packaging: shipped as dangerous goods, not to every region" : "Keep away from ignition sources"]),
        manufacturer: r.pick(BRANDS),
        features: { viscosityGrade: grade, lubricantType: kind, packSize: q(pack[1], pack[0] === "CRT" ? "pcs" : grease ? "kg" : "l") },
        listPriceCents: price(r, 12, drum ? 2400 : 400), leadTimeDays: lead(r, 2, 14),
        orderUnit: pack[0], contentUnit, contentQty: pack[1],
        hazardous: drum || r.chance(0.2),
        ...(drum ? { maxQty: 4, blockedRegions: [r.pick(["east", "south"])] } : {}),
      };
    },
  },
  {
    key: "cleaner", category: "CHEM-CLEAN", prefix: "CHC", role: "consumable", weight: 1, fits: [],
    build(r) {
      const kind = r.pick(["descaler concentrate", "acidic system cleaner", "alkaline degreaser", "glycol antifreeze concentrate", "biocide additive"]);
      const size = r.pick([1, 5, 10, 25]);
      const restricted = kind !== "glycol antifreeze concentrate";
      return {
        name: `${upper(kind)}, ${size} l`,
        description: describe(r, `${upper(kind)} for pumps, heat exchangers and cooling circuits`, [restricted ? "Corrosive: sold only to customers with a hazardous-goods certification" : "Dilute before use"]),
        manufacturer: r.pick(BRANDS),
        features: { chemicalType: kind, packSize: q(size, "l"), unNumber: restricted ? `UN ${r.int(1700, 3300)}` : "none" },
        listPriceCents: price(r, 9, 320), leadTimeDays: lead(r, 2, 14),
        orderUnit: "CAN", contentUnit: "LTR", contentQty: size, maxQty: r.pick([10, 20, 40]),
        hazardous: restricted,
        ...(restricted ? { requiresCertification: "hazmat" } : {}),
      };
    },
  },
];
