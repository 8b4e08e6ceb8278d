/** Piping around the machines: strainers, valves, flanges, fittings, hoses and clamps. */
import type { PartTemplate } from "./types.ts";
import { COMPRESSORS, PUMPS, box, forModel, lead, mediaFor, str } from "./helpers.ts";
import { describe, price, q, upper } from "../text.ts";
import { BRANDS, DN, PRESSURES, TEMPS, THREADS } from "../vocabulary.ts";

export const PIPING: readonly PartTemplate[] = [
  {
    key: "strainer",
    category: "FILT-STR",
    prefix: "STR",
    role: "accessory",
    weight: 2,
    fits: PUMPS,
    build(r, m) {
      const conn = str(m, "connection", `DN${r.pick(DN)}`);
      const material = r.pick(["cast iron", "stainless steel 1.4404", "bronze"]);
      const mesh = r.pick([100, 250, 500, 800, 1500]);
      const p = r.pick(PRESSURES);
      return {
        name: `Y-strainer ${conn} PN${p}, ${material}, ${mesh} µm screen${forModel(m)}`,
        description: describe(r, `Y-type strainer ${conn}, body in ${material}, ${mesh} µm screen`, [
          `Protects pumps and valves from debris`,
          `For ${mediaFor(r, material)}`,
        ]),
        manufacturer: r.pick(BRANDS),
        features: {
          connection: conn,
          material,
          meshSize: q(mesh, "µm"),
          pressureRating: q(p, "bar"),
          tempRating: q(r.pick(TEMPS), "°C"),
        },
        listPriceCents: price(r, 35, 1200),
        leadTimeDays: lead(r, 2, 28),
      };
    },
  },
  {
    key: "ball_valve",
    category: "VALV-BALL",
    prefix: "VBL",
    role: "component",
    weight: 4,
    fits: [],
    build(r) {
      const threaded = r.chance(0.6);
      const conn = threaded ? r.pick(THREADS) : `DN${r.pick(DN)}`;
      const material = r.pick(["brass", "stainless steel 1.4404", "stainless steel 1.4301", "PVC-U", "ductile iron"]);
      const p = r.pick(PRESSURES),
        t = r.pick(TEMPS.slice(0, 6));
      const actuation = r.pick(["lever", "T-handle", "gear operator", "pneumatic actuator", "electric actuator"]);
      return {
        name: `Ball valve ${conn} ${threaded ? "female thread" : "flanged"}, ${material}, PN${p}, ${actuation}`,
        description: describe(
          r,
          `${threaded ? "Two-piece" : "Three-piece flanged"} ball valve ${conn} in ${material} with PTFE seats and ${actuation}`,
          [`PN${p}, up to ${t} °C`, `For ${mediaFor(r, material)}`],
        ),
        manufacturer: r.pick(BRANDS),
        features: {
          connection: conn,
          material,
          pressureRating: q(p, "bar"),
          tempRating: q(t, "°C"),
          actuation,
          seatMaterial: "PTFE",
        },
        listPriceCents: price(r, 8, 1400),
        leadTimeDays: lead(r, 1, 21),
      };
    },
  },
  {
    key: "check_valve",
    category: "VALV-CHECK",
    prefix: "VCK",
    role: "accessory",
    weight: 2,
    fits: PUMPS,
    build(r, m) {
      const conn = str(m, "connection", `DN${r.pick(DN)}`);
      const type = r.pick(["swing check valve", "dual-plate check valve", "ball check valve", "spring check valve"]);
      const material = r.pick(["cast iron", "ductile iron", "stainless steel 1.4404", "bronze"]);
      const p = r.pick(PRESSURES);
      return {
        name: `${upper(type)} ${conn} PN${p}, ${material}${forModel(m)}`,
        description: describe(r, `${upper(type)} ${conn} in ${material} to stop backflow on the pump discharge`, [
          `PN${p}`,
          `For ${mediaFor(r, material)}`,
        ]),
        manufacturer: r.pick(BRANDS),
        features: {
          connection: conn,
          material,
          pressureRating: q(p, "bar"),
          tempRating: q(r.pick(TEMPS), "°C"),
          valveType: type,
        },
        listPriceCents: price(r, 40, 1800),
        leadTimeDays: lead(r, 3, 35),
      };
    },
  },
  {
    key: "safety_valve",
    category: "VALV-SAFE",
    prefix: "VSF",
    role: "accessory",
    weight: 1,
    fits: COMPRESSORS,
    build(r, m) {
      const set = r.pick([6, 8, 10, 11, 13, 16]);
      const thread = str(m, "connection", r.pick(THREADS));
      return {
        name: `Safety relief valve ${thread}, set pressure ${set} bar${forModel(m)}`,
        description: describe(
          r,
          `Spring-loaded safety relief valve ${thread}, factory set to ${set} bar, sealed and certified`,
          [`Required on every pressure vessel`],
        ),
        manufacturer: r.pick(BRANDS),
        features: {
          connection: thread,
          setPressure: q(set, "bar"),
          material: "brass",
          pressureRating: q(Math.max(set, 16), "bar"),
        },
        listPriceCents: price(r, 25, 380),
        leadTimeDays: lead(r, 2, 20),
      };
    },
  },
  {
    key: "solenoid_valve",
    category: "VALV-SOL",
    prefix: "VSL",
    role: "component",
    weight: 2,
    fits: [],
    build(r) {
      const conn = r.pick(THREADS);
      const coil = r.pick(["24 V DC", "24 V AC", "230 V AC", "110 V AC"]);
      const material = r.pick(["brass", "stainless steel 1.4404"]);
      const nc = r.chance(0.7);
      return {
        name: `Solenoid valve ${conn} 2/2-way ${nc ? "NC" : "NO"}, ${coil} coil, ${material}`,
        description: describe(
          r,
          `Servo-assisted 2/2-way solenoid valve ${conn}, normally ${nc ? "closed" : "open"}, body in ${material}, ${coil} coil`,
          [],
        ),
        manufacturer: r.pick(BRANDS),
        features: {
          connection: conn,
          coilVoltage: coil,
          material,
          pressureRating: q(r.pick([10, 16]), "bar"),
          normallyClosed: nc,
        },
        listPriceCents: price(r, 30, 450),
        leadTimeDays: lead(r, 2, 25),
      };
    },
  },
  {
    key: "flange",
    category: "FITT-FLANGE",
    prefix: "FLG",
    role: "component",
    weight: 3,
    fits: [],
    build(r) {
      const dn = r.pick(DN),
        p = r.pick(PRESSURES);
      const type = r.pick([
        "weld-neck flange",
        "slip-on flange",
        "blind flange",
        "threaded flange",
        "lap joint flange",
      ]);
      const material = r.pick(["carbon steel", "stainless steel 1.4404", "stainless steel 1.4301"]);
      return {
        name: `${upper(type)} DN${dn} PN${p} EN 1092-1, ${material}`,
        description: describe(r, `${upper(type)} DN${dn} PN${p} to EN 1092-1 in ${material}`, []),
        manufacturer: r.pick(BRANDS),
        features: { connection: `DN${dn}`, pressureRating: q(p, "bar"), material, flangeType: type },
        listPriceCents: price(r, 9, 400),
        leadTimeDays: lead(r, 2, 21),
      };
    },
  },
  {
    key: "threaded_fitting",
    category: "FITT-THREAD",
    prefix: "FTH",
    role: "consumable",
    weight: 5,
    fits: [],
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
        listPriceCents: price(r, 2, 90),
        leadTimeDays: lead(r, 1, 10),
        ...units,
      };
    },
  },
  {
    key: "industrial_hose",
    category: "HOSE-IND",
    prefix: "HOS",
    role: "component",
    weight: 3,
    fits: [],
    build(r) {
      const id = r.pick([6, 8, 10, 13, 16, 19, 25, 32, 38, 50, 63, 76, 102]);
      const kind = r.pick([
        "water hose",
        "suction and delivery hose",
        "chemical hose",
        "oil hose",
        "steam hose",
        "compressed air hose",
        "food hose",
      ]);
      const material =
        kind === "chemical hose"
          ? "UPE"
          : kind === "steam hose"
            ? "EPDM"
            : kind === "oil hose"
              ? "NBR"
              : r.pick(["EPDM", "NBR", "PVC-U", "polyurethane"]);
      const p = kind === "suction and delivery hose" ? 10 : r.pick([10, 16, 20, 25]);
      const t = kind === "steam hose" ? 200 : r.pick(TEMPS.slice(0, 4));
      const roll = r.chance(0.3);
      return {
        name: `${upper(kind)} ${id} mm ID, ${material}, ${p} bar${roll ? ", roll of 25 m" : ", per metre"}`,
        description: describe(r, `${upper(kind)} with ${id} mm inner diameter, ${material} tube, textile reinforced`, [
          `Working pressure ${p} bar, up to ${t} °C`,
        ]),
        manufacturer: r.pick(BRANDS),
        features: {
          innerDiameter: q(id, "mm"),
          material,
          pressureRating: q(p, "bar"),
          tempRating: q(t, "°C"),
          hoseType: kind,
        },
        listPriceCents: roll ? price(r, 60, 1200) : price(r, 2, 60),
        leadTimeDays: lead(r, 1, 14),
        ...(roll
          ? { orderUnit: "ROL", contentUnit: "MTR", contentQty: 25 }
          : { orderUnit: "MTR", contentUnit: "MTR", moq: 5, orderStep: 1, maxQty: 500 }),
      };
    },
  },
  {
    key: "hose_clamp",
    category: "HOSE-CLAMP",
    prefix: "HCL",
    role: "consumable",
    weight: 3,
    fits: [],
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
        listPriceCents: price(r, 4, 80),
        leadTimeDays: lead(r, 1, 10),
        ...units,
      };
    },
  },
];
