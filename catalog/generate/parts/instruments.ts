/** Instruments, drives and controls: transmitters, sensors, meters, gauges, inverters, starters, cables, panels. */
import type { PartTemplate } from "./types.ts";
import { ALL_PUMPS, COMPRESSORS, MOTORS, PUMPS, forModel, lead, num, str } from "./helpers.ts";
import { describe, price, q, upper } from "../text.ts";
import { BRANDS, DN, MOTOR_KW } from "../vocabulary.ts";

export const INSTRUMENTS: readonly PartTemplate[] = [
  {
    key: "pressure_transmitter",
    category: "INST-PRESS",
    prefix: "IPT",
    role: "accessory",
    weight: 3,
    fits: [...PUMPS, ...COMPRESSORS],
    build(r, m) {
      const range = r.pick([1, 2.5, 6, 10, 16, 25, 40, 60]);
      const thread = r.pick(["G 1/4", "G 1/2", "NPT 1/4", "NPT 1/2"]);
      const out = r.pick(["4-20 mA", "0-10 V", "IO-Link", "4-20 mA HART"]);
      return {
        name: `Pressure transmitter 0-${range} bar, ${out}, ${thread}${forModel(m)}`,
        description: describe(
          r,
          `Piezoresistive pressure transmitter 0-${range} bar, output ${out}, process connection ${thread}`,
          [`Accuracy ±0.5 % FS`, `Supply 10-30 V DC`],
        ),
        manufacturer: r.pick(BRANDS),
        features: {
          measuringRange: q(range, "bar"),
          output: out,
          supplyVoltage: "24 V DC",
          processConnection: thread,
          pressureRating: q(range * 2, "bar"),
        },
        listPriceCents: price(r, 80, 900),
        leadTimeDays: lead(r, 2, 20),
      };
    },
  },
  {
    key: "temperature_sensor",
    category: "INST-TEMP",
    prefix: "ITS",
    role: "accessory",
    weight: 2,
    fits: [...PUMPS, ...MOTORS],
    build(r, m) {
      const element = r.pick(["Pt100", "Pt1000", "PTC thermistor", "type K thermocouple"]);
      const length = r.pick([50, 100, 150, 250]);
      const t = r.pick([150, 200, 400]);
      return {
        name: `Temperature sensor ${element}, ${length} mm probe, up to ${t} °C${forModel(m)}`,
        description: describe(r, `${element} temperature sensor with ${length} mm stainless probe and M12 connector`, [
          `Measuring range up to ${t} °C`,
        ]),
        manufacturer: r.pick(BRANDS),
        features: { element, probeLength: q(length, "mm"), tempRating: q(t, "°C"), supplyVoltage: "24 V DC" },
        listPriceCents: price(r, 30, 420),
        leadTimeDays: lead(r, 2, 20),
      };
    },
  },
  {
    key: "flow_meter",
    category: "INST-FLOW",
    prefix: "IFM",
    role: "accessory",
    weight: 1,
    fits: PUMPS,
    build(r, m) {
      const conn = str(m, "connection", `DN${r.pick(DN)}`);
      const principle = r.pick(["electromagnetic", "ultrasonic", "vortex", "turbine"]);
      return {
        name: `${upper(principle)} flow meter ${conn}${forModel(m)}`,
        description: describe(r, `${upper(principle)} flow meter ${conn} with local display and 4-20 mA output`, [
          `Accuracy ±0.5 % of reading`,
        ]),
        manufacturer: r.pick(BRANDS),
        features: {
          connection: conn,
          principle,
          output: "4-20 mA",
          supplyVoltage: "24 V DC",
          pressureRating: q(r.pick([16, 25, 40]), "bar"),
        },
        listPriceCents: price(r, 400, 4200),
        leadTimeDays: lead(r, 10, 45),
      };
    },
  },
  {
    key: "pressure_gauge",
    category: "INST-GAUGE",
    prefix: "IPG",
    role: "accessory",
    weight: 3,
    fits: [...ALL_PUMPS, ...COMPRESSORS],
    build(r, m) {
      const range = r.pick([1, 1.6, 2.5, 4, 6, 10, 16, 25, 40]);
      const dial = r.pick([40, 63, 100, 160]);
      const fill = r.chance(0.5);
      return {
        name: `Pressure gauge 0-${range} bar, Ø${dial} mm${fill ? ", glycerine filled" : ""}, ${r.pick(["bottom", "back"])} connection${forModel(m)}`,
        description: describe(
          r,
          `Bourdon tube pressure gauge 0-${range} bar, dial ${dial} mm, stainless case${fill ? ", glycerine filled against vibration" : ""}`,
          [],
        ),
        manufacturer: r.pick(BRANDS),
        features: {
          measuringRange: q(range, "bar"),
          dialDiameter: q(dial, "mm"),
          processConnection: r.pick(["G 1/4", "G 1/2"]),
          liquidFilled: fill,
        },
        listPriceCents: price(r, 8, 160),
        leadTimeDays: lead(r, 1, 14),
      };
    },
  },
  {
    key: "frequency_inverter",
    category: "DRV-VFD",
    prefix: "DVF",
    role: "accessory",
    weight: 3,
    fits: [...PUMPS, "ac_motor", "radial_fan", "screw_compressor"],
    build(r, m) {
      const kw = num(m, "power", r.pick(MOTOR_KW));
      const rated = MOTOR_KW.find((k) => k >= kw && (r.chance(0.7) || k > kw)) ?? kw;
      const voltage = num(m, "voltage", r.pick([230, 400]));
      const ip = r.pick(["IP20", "IP55", "IP66"]);
      return {
        name: `Frequency inverter ${rated} kW, ${voltage} V ${voltage === 230 ? "1~" : "3~"}, ${ip}${forModel(m)}`,
        description: describe(r, `Variable speed drive for ${voltage} V motors up to ${rated} kW, enclosure ${ip}`, [
          `Built-in EMC filter and PID controller`,
          `Saves energy on pumps and fans`,
        ]),
        manufacturer: r.pick(BRANDS),
        features: { power: q(rated, "kW"), voltage: q(voltage, "V"), phase: voltage === 230 ? 1 : 3, protection: ip },
        listPriceCents: price(r, 180, 6500),
        leadTimeDays: lead(r, 3, 30),
      };
    },
  },
  {
    key: "soft_starter",
    category: "DRV-SOFT",
    prefix: "DSS",
    role: "accessory",
    weight: 1,
    fits: ["ac_motor"],
    build(r, m) {
      const kw = num(m, "power", r.pick(MOTOR_KW));
      const voltage = num(m, "voltage", 400);
      return {
        name: `Soft starter ${kw} kW, ${voltage} V${forModel(m)}`,
        description: describe(
          r,
          `Soft starter for three-phase motors up to ${kw} kW at ${voltage} V with integrated bypass`,
          [],
        ),
        manufacturer: r.pick(BRANDS),
        features: { power: q(kw, "kW"), voltage: q(voltage, "V"), phase: 3 },
        listPriceCents: price(r, 120, 2200),
        leadTimeDays: lead(r, 3, 25),
      };
    },
  },
  {
    key: "cable",
    category: "DRV-CABLE",
    prefix: "CBL",
    role: "component",
    weight: 2,
    fits: [],
    build(r) {
      const sensor = r.chance(0.4);
      const cores = sensor ? r.pick([3, 4, 5, 8]) : r.pick([3, 4, 5, 7]);
      const cs = sensor ? r.pick([0.25, 0.34, 0.5]) : r.pick([1.5, 2.5, 4, 6, 10, 16]);
      const shielded = sensor || r.chance(0.5);
      const kind = sensor ? "sensor cable" : "motor cable";
      return {
        name: `${upper(kind)} ${cores}G${cs} mm²${shielded ? " shielded" : ""}, ${r.pick(["PVC", "PUR", "halogen-free"])} sheath, per metre`,
        description: describe(
          r,
          `${upper(kind)} ${cores} cores x ${cs} mm²${shielded ? ", copper braid shield for EMC" : ""}`,
          [`Sold by the metre, minimum 10 m`],
        ),
        manufacturer: r.pick(BRANDS),
        features: { cores, crossSection: q(cs, "mm²"), shielded, cableType: kind },
        listPriceCents: price(r, 0.6, 18),
        leadTimeDays: lead(r, 1, 10),
        orderUnit: "MTR",
        contentUnit: "MTR",
        moq: 10,
        orderStep: 5,
        maxQty: 1000,
      };
    },
  },
  {
    key: "pump_controller",
    category: "DRV-CTRL",
    prefix: "DPC",
    role: "accessory",
    weight: 1,
    fits: PUMPS,
    build(r, m) {
      const voltage = num(m, "voltage", 400);
      const pumps = r.pick([1, 2, 3]);
      return {
        name: `Pump control panel for ${pumps} pump${pumps > 1 ? "s" : ""}, ${voltage} V, level control${forModel(m)}`,
        description: describe(
          r,
          `Control panel for ${pumps} pump${pumps > 1 ? "s" : ""} with level control, alarms and motor protection, ${voltage} V supply`,
          [],
        ),
        manufacturer: r.pick(BRANDS),
        features: { voltage: q(voltage, "V"), phase: voltage === 230 ? 1 : 3, pumps, protection: "IP54" },
        listPriceCents: price(r, 250, 3800),
        leadTimeDays: lead(r, 7, 40),
      };
    },
  },
];
