/**
 * Session 33 (helper D), fresh buyers of the electrical, hydraulic and refrigeration trades.
 *
 * 1. A count taken back with a filler and a "no" that has no stop of its own ("äh nee 6", "ah no 4"), or with the
 *    order unit after the new count ("ne sorry, 4 Eimer", "no wait, 3 boxes"): the count after it is the count.
 *    Guards: "sorry, 2 sight glasses too" says more than a count.
 * 2. A second item that names no product, only a value, counted in words or digits — "2 Dichtsätze 63/36 NBR und
 *    einen in FKM", "2 seals 24mm EPDM for pump 1 and one in FKM", "3 Schütze CI 9 mit 24V Spule und zwo mit 230V" —
 *    is the kind of the item before with that value (the variant that differs least), not a list of everything in
 *    FKM or 230 V: a SKU fragment several SKUs share ("FKM", "230") named no product, and "einen" counted nothing.
 *    Guards: "… und einen SGN 10", "… and one SG-SGN-10" name their own product.
 */
import { describe, expect, test } from "vitest";
import { automationWorld, demoWorld, fluidWorld, hvacWorld, lastTurn } from "./helpers.ts";

const T = 60_000;

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

describe("a second item stating only a value is the item before in that value", () => {
  for (const [world, customer, text, want] of [
    [fluidWorld, "F-4001", "2 Dichtsätze 63/36 NBR und einen in FKM", ["2 SK-CD-63-36-NBR", "1 SK-CD-63-36-FKM"]],
    [
      () => demoWorld(),
      "C-1001",
      "2 seals 24mm EPDM for pump 1 and one in FKM",
      ["2 SE-MS24-CC-EPDM", "1 SE-MS24-CC-FKM"],
    ],
    [hvacWorld, "H-2001", "3 Schütze CI 9 mit 24V Spule und zwo mit 230V", ["3 CT-CI9-24", "2 CT-CI9-230"]],
    [
      automationWorld,
      "A-3006",
      "hi, 2 contactors 18 A with 24 V DC coil for pal 2, and one 25A",
      ["2 CT-18-24DC", "1 CT-25-24DC"],
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const { lines } = await lastTurn(world, customer, text);
      expect(lines.map((l) => `${l[1]} ${l[0]}`)).toEqual(want);
    });
  for (const [world, customer, text, want] of [
    [hvacWorld, "H-2001", "2 DML 083 für die Huber Kühlzelle und einen SGN 10", ["2 FD-DML-083", "1 SG-SGN-10"]],
    [hvacWorld, "H-2001", "2 FD-DML-083 for the huber cold room and one SG-SGN-10", ["2 FD-DML-083", "1 SG-SGN-10"]],
  ] as const)
    test(`guard: ${customer}: "${text}"`, { timeout: T }, async () => {
      const { lines } = await lastTurn(world, customer, text);
      expect(lines.map((l) => `${l[1]} ${l[0]}`)).toEqual(want);
    });
});
