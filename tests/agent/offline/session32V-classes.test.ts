/**
 * Session 32 (helper V): a length said beside a count of a product sold by the piece is its size, not how much —
 * "12 Kabel 5 m" among cables by the metre and ready-made sensor cables of 2, 5 and 10 m was read as 5 metres of the
 * leading cable (sold by the metre), and the line asked which one. Beside a plain count, a measure that a candidate
 * sold by the piece has (a numeric feature in that unit, or its name writing the amount) names that candidate; the
 * count says how many. Guards: a product named confidently with its length, and an amount of a product sold by the
 * metre, keep their readings.
 */
import { describe, expect, test } from "vitest";
import { automationWorld, draftAfter, hvacWorld, sorted } from "./helpers.ts";

const T = 60_000;

describe("a length beside a count of a product sold by the piece is its size", () => {
  for (const [world, customer, text, lines] of [
    [automationWorld, "A-3001", "Ich brauche 12 Kabel 5 m", ["12 CBL-M12-4P-5M"]],
    [automationWorld, "A-3001", "we need 4 cables 10 m", ["4 CBL-M12-4P-10M"]],
    [automationWorld, "A-3001", "bitte 6 Kabel 2 m", ["6 CBL-M12-4P-2M"]],
    [
      automationWorld,
      "A-3001",
      "Ich brauche 12 Sensoren SN-IND-M12-PNP und 12 Kabel 5 m",
      ["12 CBL-M12-4P-5M", "12 SN-IND-M12-PNP"],
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      expect(sorted(await draftAfter(world, customer, text))).toEqual(lines);
    });
  test("guard: a product named with its length keeps it", { timeout: T }, async () => {
    expect(sorted(await draftAfter(automationWorld, "A-3001", "20 Sensorkabel 5 m"))).toEqual(["20 CBL-M12-4P-5M"]);
  });
  test("guard: a coil named with its length", { timeout: T }, async () => {
    expect(sorted(await draftAfter(hvacWorld, "H-2001", "3 copper tubes 1/2 inch 15 m please"))).toEqual([
      "3 CU-TUBE-12-15",
    ]);
  });
  test("guard: an amount of a cable sold by the metre is how much", { timeout: T }, async () => {
    const lines = await draftAfter(automationWorld, "A-3001", "25 m Steuerleitung 7G1,5");
    expect(sorted(lines)).toEqual(["25 CBL-CTRL-7G1.5"]);
  });
});
