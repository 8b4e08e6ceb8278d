/** Bearings, motor parts, filters for rotating machines and compressors, shaft couplings. */
import type { PartTemplate } from "./types.ts";
import { COMPRESSORS, MOTORS, PUMPS, ROTATING, forModel, lead, num } from "./helpers.ts";
import { describe, price, q, upper } from "../text.ts";
import { BRANDS, SHAFTS, THREADS } from "../vocabulary.ts";

export const DRIVE_TRAIN: readonly PartTemplate[] = [
  {
    key: "ball_bearing",
    category: "BEAR-BALL",
    prefix: "BRG",
    role: "part",
    weight: 7,
    fits: ROTATING,
    build(r, m) {
      const bore = num(m, "shaftDiameter", r.pick(SHAFTS));
      const series = r.pick(["60", "62", "63", "64"]);
      const code = bore >= 20 ? String(Math.round(bore / 5)).padStart(2, "0") : `0${r.int(0, 3)}`;
      const seal = r.pick(["2RS", "2Z", "open", "2RSH", "C3"]);
      const outer = Math.round(bore * (1.9 + Number(series.slice(1)) * 0.25));
      const width = Math.round(bore * 0.4 + r.int(4, 10));
      const designation = `${series}${code}${seal === "open" ? "" : `-${seal}`}`;
      return {
        name: `Deep groove ball bearing ${designation}, ${bore}x${outer}x${width} mm${forModel(m)}`,
        description: describe(
          r,
          `Single-row deep groove ball bearing ${designation}, bore ${bore} mm, outer diameter ${outer} mm, width ${width} mm`,
          [seal === "open" ? "Open design, relubricable" : `Sealed (${seal}), greased for life`],
        ),
        manufacturer: r.pick(BRANDS),
        features: {
          boreDiameter: q(bore, "mm"),
          outerDiameter: q(outer, "mm"),
          width: q(width, "mm"),
          designation,
          sealing: seal,
          ringMaterial: "chrome steel",
        },
        listPriceCents: price(r, 6, 260),
        leadTimeDays: lead(r, 1, 14),
        ...(r.chance(0.25) ? { moq: 2, orderStep: 2 } : {}),
      };
    },
  },
  {
    key: "roller_bearing",
    category: "BEAR-ROLL",
    prefix: "RLB",
    role: "part",
    weight: 3,
    fits: ["helical_gearbox", "radial_fan", "screw_compressor"],
    build(r, m) {
      const bore = num(m, "shaftDiameter", r.pick(SHAFTS));
      const type = r.pick([
        "cylindrical roller bearing NU",
        "spherical roller bearing 222",
        "taper roller bearing 302",
        "needle roller bearing NK",
      ]);
      const designation = `${type.split(" ").pop()}${Math.max(4, Math.round(bore / 5))}${r.pick(["", "E", "ECP", "CC"])}`;
      return {
        name: `${upper(type.replace(/ \w+$/, ""))} ${designation}, bore ${bore} mm${forModel(m)}`,
        description: describe(
          r,
          `${upper(type.replace(/ \w+$/, ""))} ${designation} with ${bore} mm bore for high radial loads`,
          [],
        ),
        manufacturer: r.pick(BRANDS),
        features: { boreDiameter: q(bore, "mm"), designation, ringMaterial: "bearing steel" },
        listPriceCents: price(r, 20, 900),
        leadTimeDays: lead(r, 2, 28),
      };
    },
  },
  {
    key: "motor_fan",
    category: "MOTP-FAN",
    prefix: "MFN",
    role: "part",
    weight: 2,
    fits: MOTORS,
    build(r, m) {
      const frame = m?.code.split("-")[1]?.replace(/^[A-Z]{2}/, "") ?? `${r.pick([71, 80, 90, 100, 112])}`;
      const part = r.pick(["cooling fan", "fan cover", "fan cover with rain canopy"]);
      const material = r.pick(["polypropylene", "aluminium", "steel"]);
      return {
        name: `Motor ${part} frame ${frame}, ${material}${forModel(m)}`,
        description: describe(r, `Replacement motor ${part} for IEC frame size ${frame}, made of ${material}`, []),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { frameSize: frame, fanMaterial: material, partType: part },
        listPriceCents: price(r, 12, 180),
        leadTimeDays: lead(r, 3, 25),
      };
    },
  },
  {
    key: "terminal_box",
    category: "MOTP-TB",
    prefix: "MTB",
    role: "part",
    weight: 1,
    fits: MOTORS,
    build(r, m) {
      const gland = r.pick(["M20", "M25", "M32", "M40"]);
      return {
        name: `Terminal box with ${gland} glands and terminal board${forModel(m)}`,
        description: describe(
          r,
          `Complete terminal box for motors, cable glands ${gland}, six-terminal board for star/delta connection`,
          [],
        ),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { cableGland: gland, protection: r.pick(["IP55", "IP66"]) },
        listPriceCents: price(r, 25, 320),
        leadTimeDays: lead(r, 5, 30),
      };
    },
  },
  {
    key: "air_filter",
    category: "FILT-AIR",
    prefix: "FAI",
    role: "part",
    weight: 3,
    fits: [...COMPRESSORS, "radial_fan"],
    build(r, m) {
      const cls = r.pick(["G4", "M5", "F7", "F9", "E11"]);
      const pack = r.pick([1, 1, 3, 5]);
      return {
        name: `Air filter element class ${cls}${pack > 1 ? `, pack of ${pack}` : ""}${forModel(m)}`,
        description: describe(r, `Intake air filter element, filter class ${cls} to ISO 16890`, [
          `Change at every service interval`,
        ]),
        manufacturer: r.pick(BRANDS),
        features: { filterClass: cls, height: q(r.int(80, 400), "mm") },
        listPriceCents: price(r, 9, 210),
        leadTimeDays: lead(r, 1, 14),
        ...(pack > 1 ? { orderUnit: "PAK", contentUnit: "PCE", contentQty: pack } : {}),
      };
    },
  },
  {
    key: "oil_separator",
    category: "FILT-OIL",
    prefix: "FOS",
    role: "part",
    weight: 2,
    fits: ["screw_compressor"],
    build(r, m) {
      const kind = r.pick(["oil separator cartridge", "oil filter", "inline oil filter"]);
      return {
        name: `Compressor ${kind}${forModel(m)}`,
        description: describe(r, `Genuine-quality ${kind} for oil-injected screw compressors`, [
          `Residual oil content below ${r.pick([1, 2, 3])} mg/m³`,
        ]),
        manufacturer: r.pick(BRANDS),
        features: { filterType: kind, pressureRating: q(r.pick([13, 16, 20]), "bar"), thread: r.pick(THREADS) },
        listPriceCents: price(r, 20, 480),
        leadTimeDays: lead(r, 2, 21),
      };
    },
  },
  {
    key: "shaft_coupling",
    category: "FITT-COUP",
    prefix: "CPL",
    role: "accessory",
    weight: 3,
    fits: [...PUMPS, ...MOTORS, "helical_gearbox"],
    build(r, m) {
      const bore = num(m, "shaftDiameter", r.pick(SHAFTS));
      const type = r.pick(["jaw coupling", "gear coupling", "disc coupling", "tyre coupling", "pin-and-bush coupling"]);
      const size = r.pick([14, 19, 24, 28, 38, 42, 48, 55, 65]);
      const spider = r.pick(["92 Shore A", "98 Shore A", "64 Shore D"]);
      return {
        name: `Flexible ${type} size ${size}, bore ${bore} mm${forModel(m)}`,
        description: describe(
          r,
          `Flexible ${type} size ${size}, finished bore ${bore} mm with keyway, elastomer ${spider}`,
          [`Compensates angular and radial misalignment`],
        ),
        manufacturer: r.pick(BRANDS),
        features: { shaftDiameter: q(bore, "mm"), couplingType: type, size, elastomerHardness: spider },
        listPriceCents: price(r, 20, 900),
        leadTimeDays: lead(r, 2, 25),
      };
    },
  },
];
