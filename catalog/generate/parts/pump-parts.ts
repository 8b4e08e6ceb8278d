/** Spare parts inside pumps: seals, impellers, O-rings, wear rings, diaphragms. */
import type { PartTemplate } from "./types.ts";
import { ALL_PUMPS, COMPRESSORS, PUMPS, box, forModel, lead, mediaFor, num } from "./helpers.ts";
import { describe, price, q, upper } from "../text.ts";
import { BRANDS, ELASTOMERS, PRESSURES, SHAFTS, TEMPS } from "../vocabulary.ts";

export const PUMP_PARTS: readonly PartTemplate[] = [
  {
    key: "mechanical_seal",
    category: "PARTS-SEAL",
    prefix: "SEA",
    role: "part",
    weight: 8,
    fits: PUMPS,
    build(r, m) {
      const d = num(m, "shaftDiameter", r.pick(SHAFTS));
      const type = r.pick(["single-spring", "bellows", "cartridge", "multi-spring", "component"]);
      const faces = r.pick(["carbon/SiC", "SiC/SiC", "tungsten carbide/SiC", "carbon/ceramic"]);
      const elastomer = r.pick(["NBR", "EPDM", "FKM", "FFKM", "HNBR"]);
      const brand = r.pick(BRANDS);
      const p = r.pick(PRESSURES),
        t = r.pick(TEMPS);
      return {
        name: `Mechanical seal ${type} ${d} mm, ${faces}, ${elastomer}${forModel(m)}`,
        description: describe(
          r,
          `${brand} ${type} mechanical seal for ${d} mm shafts with ${faces} faces and ${elastomer} secondary seals`,
          [`Rated to ${p} bar and ${t} °C`, `Compatible media: ${mediaFor(r, elastomer)}`],
        ),
        manufacturer: brand,
        features: {
          shaftDiameter: q(d, "mm"),
          material: elastomer,
          faceMaterial: faces,
          sealType: type,
          pressureRating: q(p, "bar"),
          tempRating: q(t, "°C"),
        },
        listPriceCents: price(r, 35, 950),
        leadTimeDays: lead(r, 2, 21),
      };
    },
  },
  {
    key: "impeller",
    category: "PARTS-IMP",
    prefix: "IMP",
    role: "part",
    weight: 4,
    fits: PUMPS,
    build(r, m) {
      const dia = r.pick([125, 139, 160, 174, 200, 219, 250, 268, 315]);
      const material = r.pick(["cast iron", "bronze", "stainless steel 1.4404", "duplex steel"]);
      const type = r.pick(["closed", "semi-open", "vortex", "channel"]);
      return {
        name: `Impeller ${type} Ø${dia} mm, ${material}${forModel(m)}`,
        description: describe(r, `${upper(type)} impeller, ${dia} mm diameter, cast in ${material}`, [
          `Balanced to ISO 21940 G6.3`,
          `Trimmed diameters on request`,
        ]),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { diameter: q(dia, "mm"), material, impellerType: type, blades: r.int(2, 7) },
        listPriceCents: price(r, 90, 2400),
        leadTimeDays: lead(r, 5, 45),
      };
    },
  },
  {
    key: "o_ring_box",
    category: "PARTS-ORING",
    prefix: "ORI",
    role: "consumable",
    weight: 6,
    fits: [...ALL_PUMPS, ...COMPRESSORS],
    build(r, m) {
      const id = r.pick([8, 10, 12, 15, 18, 20, 25, 30, 35, 40, 50, 63, 75, 90, 110]);
      const cs = r.pick([1.5, 2, 2.5, 3, 3.5, 4, 5.3]);
      const material = r.pick(ELASTOMERS);
      const hardness = r.pick([70, 75, 80, 90]);
      const units = box(r, [10, 25, 50, 100]);
      const t = r.pick(TEMPS);
      return {
        name: `O-ring ${id} x ${cs} mm ${material} ${hardness} Shore A, box of ${units.contentQty}${forModel(m)}`,
        description: describe(
          r,
          `O-rings ${id} x ${cs} mm in ${material}, ${hardness} Shore A, sold in boxes of ${units.contentQty} pieces`,
          [`Temperature range up to ${t} °C`, `Resistant to ${mediaFor(r, material)}`],
        ),
        manufacturer: r.pick(BRANDS),
        features: {
          innerDiameter: q(id, "mm"),
          crossSection: q(cs, "mm"),
          material,
          hardness: q(hardness, "Shore A"),
          tempRating: q(t, "°C"),
        },
        listPriceCents: price(r, 4, 120),
        leadTimeDays: lead(r, 1, 10),
        ...units,
      };
    },
  },
  {
    key: "wear_ring",
    category: "PARTS-WEAR",
    prefix: "WRR",
    role: "part",
    weight: 2,
    fits: ["centrifugal_pump"],
    build(r, m) {
      const d = r.pick([80, 95, 110, 125, 140, 160]);
      const material = r.pick(["bronze", "cast iron", "stainless steel 1.4404", "PTFE"]);
      const kind = r.pick(["casing wear ring", "impeller wear ring", "shaft sleeve"]);
      return {
        name: `${upper(kind)} ${d} mm, ${material}${forModel(m)}`,
        description: describe(r, `Replacement ${kind} with ${d} mm diameter in ${material}`, [
          `Restores the original clearance and efficiency`,
        ]),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { diameter: q(d, "mm"), material, partType: kind },
        listPriceCents: price(r, 25, 420),
        leadTimeDays: lead(r, 3, 30),
      };
    },
  },
  {
    key: "pump_diaphragm",
    category: "PARTS-DIAPH",
    prefix: "DIA",
    role: "part",
    weight: 3,
    fits: ["diaphragm_pump", "dosing_pump"],
    build(r, m) {
      const material = r.pick(["PTFE", "EPDM", "NBR", "FKM", "santoprene"]);
      const d = r.pick([40, 52, 65, 80, 100, 125, 160]);
      const t = r.pick(TEMPS.slice(0, 5));
      return {
        name: `Pump diaphragm Ø${d} mm ${material}${forModel(m)}`,
        description: describe(r, `Replacement diaphragm Ø${d} mm in ${material} for diaphragm and dosing pumps`, [
          `Up to ${t} °C`,
        ]),
        manufacturer: m?.manufacturer ?? r.pick(BRANDS),
        features: { diameter: q(d, "mm"), material, tempRating: q(t, "°C") },
        listPriceCents: price(r, 18, 380),
        leadTimeDays: lead(r, 2, 20),
        ...(r.chance(0.3) ? { moq: 2, orderStep: 2 } : {}),
      };
    },
  },
];
