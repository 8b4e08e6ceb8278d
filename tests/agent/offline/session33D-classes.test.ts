/**
 * Session 33 (helper D), fresh buyers of the electrical, hydraulic and refrigeration trades.
 *
 * 1. A voltage glued to its kind of current — "24VDC", "230VAC", "24Vdc", "24 VDC" — or the kind said in German
 *    words after it ("230 Volt Wechselstrom", "24 V Gleichspannung") states the same value as the catalog's "24 V DC" /
 *    "230 V AC": "2 contactors 18A 24VDC coil" chose the 230 V AC contactor, the glued token named no amount.
 *    Guards: "24 V DC" and "24V" as before; a SKU typed with its code ("WE6-J-24DC") stays that SKU.
 * 2. A count taken back with a filler and a "no" that has no stop of its own ("äh nee 6", "ah no 4"), or with the
 *    order unit after the new count ("ne sorry, 4 Eimer", "no wait, 3 boxes"): the count after it is the count.
 *    Guards: "sorry, 2 sight glasses too" says more than a count; "no 5" inside a name is no correction.
 */
import { describe, expect, test } from "vitest";
import { automationWorld, fluidWorld, hvacWorld, lastTurn } from "./helpers.ts";

const T = 60_000;
const skus = (lines: (string | number | null)[][]) => lines.map((l) => l[0]);

describe("a voltage glued to its kind of current states the catalog's value", () => {
  for (const [world, customer, text, sku] of [
    [automationWorld, "A-3006", "2 contactors 18A 24VDC coil for pal 2", "CT-18-24DC"],
    [automationWorld, "A-3001", "3 Schütze 12 A, Spule 24Vdc, für den Palettierer", "CT-12-24DC"],
    [automationWorld, "A-3006", "need 1 contactor 25A with 24 VDC coil for wrapper 5", "CT-25-24DC"],
    [fluidWorld, "F-4002", "2 Magnetspulen 45 mm 230VAC für die IMM 7", "COIL-45-230AC"],
    [fluidWorld, "F-4002", "zwei Spulen 45 mm, 230 Volt Wechselstrom, für die IMM 9", "COIL-45-230AC"],
    [fluidWorld, "F-4001", "1 Magnetspule 45mm 12 V Gleichspannung für Press 3", "COIL-45-12DC"],
    [hvacWorld, "H-2001", "2 Schütze CI 9 mit 24VAC Spule", "CT-CI9-24"],
  ] as const)
    test(`${customer}: "${text}" → ${sku}`, { timeout: T }, async () => {
      const { lines } = await lastTurn(world, customer, text);
      expect(skus(lines)).toEqual([sku]);
    });
  for (const [world, customer, text, sku] of [
    [automationWorld, "A-3006", "2 contactors 18 A with 24 V DC coil for pal 2", "CT-18-24DC"],
    [hvacWorld, "H-2001", "3 Schütze CI 9 mit 24V Spule", "CT-CI9-24"],
    [fluidWorld, "F-4002", "1 WE6-J-24DC für die IMM 7", "WE6-J-24DC"],
  ] as const)
    test(`guard: ${customer}: "${text}" → ${sku}`, { timeout: T }, async () => {
      const { lines } = await lastTurn(world, customer, text);
      expect(skus(lines)).toEqual([sku]);
    });
});

describe("a count taken back is read as corrected", () => {
  for (const [world, customer, text, sku, count] of [
    [hvacWorld, "H-2001", "5 x DML 083 für die Huber Kühlzelle äh nee 6", "FD-DML-083", 6],
    [fluidWorld, "F-4004", "Wir brauchen 3 Eimer HFC 46 für Zelle 2, ne sorry, 4 Eimer", "OIL-HFC46-20", 4],
    [hvacWorld, "H-2006", "2 boxes of leak spray for freezer 3, no wait, 3 boxes", "SRV-LEAK-B12", 3],
    [automationWorld, "A-3001", "4 Netzteile 24V 5A für Line 3, ähm nein 5 Stück", "PSU-24-5", 5],
  ] as const)
    test(`${customer}: "${text}" → ${count} × ${sku}`, { timeout: T }, async () => {
      const { lines } = await lastTurn(world, customer, text);
      expect(lines.map((l) => [l[0], l[1]])).toEqual([[sku, count]]);
    });
  test("guard: 'sorry, 2 sight glasses too' adds a second item", { timeout: T }, async () => {
    const { lines } = await lastTurn(
      hvacWorld,
      "H-2001",
      "3 DML 083 for the huber cold room, sorry, 2 sight glasses SGN 10 too",
    );
    expect(lines.map((l) => [l[0], l[1]])).toEqual([
      ["FD-DML-083", 3],
      ["SG-SGN-10", 2],
    ]);
  });
});
