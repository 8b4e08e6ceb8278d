/** Consumables: fasteners, lubricants and chemicals (hazardous, certification-restricted, region-blocked). */
import type { PartTemplate } from "./types.ts";
import { box, lead } from "./helpers.ts";
import { describe, price, q, upper } from "../text.ts";
import { BRANDS } from "../vocabulary.ts";

export const CONSUMABLES: readonly PartTemplate[] = [
  {
    key: "bolts",
    category: "FAST-BOLT",
    prefix: "FBT",
    role: "consumable",
    weight: 5,
    fits: [],
    build(r) {
      const size = r.pick(["M5", "M6", "M8", "M10", "M12", "M16", "M20", "M24"]);
      const length = r.pick([12, 16, 20, 25, 30, 40, 50, 60, 80, 100]);
      const std = r.pick([
        "DIN 933 hexagon head screw",
        "DIN 912 socket head cap screw",
        "DIN 931 hexagon head bolt",
        "ISO 7380 button head screw",
      ]);
      const grade = r.pick(["8.8 zinc-plated", "10.9 black", "A2-70 stainless", "A4-80 stainless"]);
      const boxed = r.chance(0.6);
      const units = boxed ? box(r, [50, 100, 200]) : { moq: 50, orderStep: 50, maxQty: 10_000 };
      return {
        name: `${upper(std)} ${size} x ${length}, ${grade}${boxed ? `, box of ${(units as { contentQty: number }).contentQty}` : ""}`,
        description: describe(r, `${upper(std)} ${size} x ${length} mm, property class ${grade}`, [
          boxed ? "Sold in boxes" : "Sold individually in multiples of 50",
        ]),
        manufacturer: r.pick(BRANDS),
        features: { thread: size, length: q(length, "mm"), grade, standard: std.split(" ").slice(0, 2).join(" ") },
        listPriceCents: boxed ? price(r, 5, 90) : price(r, 0.05, 1.5),
        leadTimeDays: lead(r, 1, 7),
        ...units,
      };
    },
  },
  {
    key: "nuts_washers",
    category: "FAST-NUT",
    prefix: "FNW",
    role: "consumable",
    weight: 3,
    fits: [],
    build(r) {
      const size = r.pick(["M5", "M6", "M8", "M10", "M12", "M16", "M20"]);
      const kind = r.pick([
        "DIN 934 hexagon nut",
        "DIN 985 lock nut",
        "DIN 125 flat washer",
        "DIN 127 spring washer",
        "DIN 6923 flange nut",
      ]);
      const grade = r.pick(["zinc-plated", "A2 stainless", "A4 stainless", "hot-dip galvanised"]);
      const units = box(r, [100, 200, 500]);
      return {
        name: `${upper(kind)} ${size}, ${grade}, box of ${units.contentQty}`,
        description: describe(r, `${upper(kind)} ${size}, ${grade}`, []),
        manufacturer: r.pick(BRANDS),
        features: { thread: size, grade, standard: kind.split(" ").slice(0, 2).join(" ") },
        listPriceCents: price(r, 3, 60),
        leadTimeDays: lead(r, 1, 7),
        ...units,
      };
    },
  },
  {
    key: "lubricant",
    category: "CHEM-LUB",
    prefix: "LUB",
    role: "consumable",
    weight: 2,
    fits: [],
    build(r) {
      const kind = r.pick([
        "compressor oil",
        "gear oil",
        "hydraulic oil",
        "bearing grease",
        "food-grade grease",
        "synthetic turbine oil",
      ]);
      const grade = kind.includes("grease")
        ? r.pick(["NLGI 2", "NLGI 3", "NLGI 1"])
        : `ISO VG ${r.pick([32, 46, 68, 100, 150, 220, 320])}`;
      const pack = r.pick([
        ["CAN", 5],
        ["CAN", 20],
        ["DRM", 208],
        ["CRT", 12],
      ] as const);
      const grease = kind.includes("grease");
      const contentUnit = pack[0] === "CRT" ? "PCE" : grease ? "KG" : "LTR";
      const drum = pack[0] === "DRM";
      return {
        name: `${upper(kind)} ${grade}, ${pack[0] === "CRT" ? "box of 12 cartridges" : `${pack[1]} ${grease ? "kg" : "l"} ${drum ? "drum" : "can"}`}`,
        description: describe(r, `${upper(kind)} ${grade}`, [
          drum
            ? "Flammable liquid in bulk packaging: shipped as dangerous goods, not to every region"
            : "Keep away from ignition sources",
        ]),
        manufacturer: r.pick(BRANDS),
        features: {
          viscosityGrade: grade,
          lubricantType: kind,
          packSize: q(pack[1], pack[0] === "CRT" ? "pcs" : grease ? "kg" : "l"),
        },
        listPriceCents: price(r, 12, drum ? 2400 : 400),
        leadTimeDays: lead(r, 2, 14),
        orderUnit: pack[0],
        contentUnit,
        contentQty: pack[1],
        hazardous: drum || r.chance(0.2),
        ...(drum ? { maxQty: 4, blockedRegions: [r.pick(["east", "south"])] } : {}),
      };
    },
  },
  {
    key: "cleaner",
    category: "CHEM-CLEAN",
    prefix: "CHC",
    role: "consumable",
    weight: 1,
    fits: [],
    build(r) {
      const kind = r.pick([
        "descaler concentrate",
        "acidic system cleaner",
        "alkaline degreaser",
        "glycol antifreeze concentrate",
        "biocide additive",
      ]);
      const size = r.pick([1, 5, 10, 25]);
      const restricted = kind !== "glycol antifreeze concentrate";
      return {
        name: `${upper(kind)}, ${size} l`,
        description: describe(r, `${upper(kind)} for pumps, heat exchangers and cooling circuits`, [
          restricted ? "Corrosive: sold only to customers with a hazardous-goods certification" : "Dilute before use",
        ]),
        manufacturer: r.pick(BRANDS),
        features: {
          chemicalType: kind,
          packSize: q(size, "l"),
          unNumber: restricted ? `UN ${r.int(1700, 3300)}` : "none",
        },
        listPriceCents: price(r, 9, 320),
        leadTimeDays: lead(r, 2, 14),
        orderUnit: "CAN",
        contentUnit: "LTR",
        contentQty: size,
        maxQty: r.pick([10, 20, 40]),
        hazardous: restricted,
        ...(restricted ? { requiresCertification: "hazmat" } : {}),
      };
    },
  },
];
