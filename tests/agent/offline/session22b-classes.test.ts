/**
 * Session 22 (fix22b), the weakest catalogs (woodwork, welding, agri parts, printing, water treatment).
 *
 * 1. A count in pieces of a pack that holds a measure — "davon 3 Stück" of a 2.5 kg can, "3 pieces" of a 15 kg spool —
 *    was added in pieces and flagged as a unit mismatch ("wird in Dosen bestellt, nicht in Stück"), which the buyer
 *    then had to answer. A pack of kilograms or litres has no pieces inside: a piece of it is the pack (`ownPackUnit`).
 *    A piece of a pack of counted things ("30 pieces" of a bag of 10) still counts the things.
 * 2. A measure in the product's name — "5 Dosen Skalenschwarz 1 kg", "3 cans of black ink 1 kg for Press 1" — did not tell
 *    the 1 kg can from the 2.5 kg one when the leading candidate was the 1 kg can (its pack holds one unit, so the
 *    "other pack" reading did not apply): a list was shown. A measure that describes the product leaves only the
 *    candidates whose pack holds it or whose name writes it, and on a machine those that fit it (`byMeasure`).
 */
import { describe, expect, test } from "vitest";
import { printingWorld, watertreatWorld, weldingWorld, type World, woodworkWorld, lastTurn } from "./helpers.ts";

const T = 90_000;

const UNIT_ASK = /(?:nicht in Stück|not pieces|Menge auf|change the quantity)/u;

describe("a count in pieces of a pack that holds a measure counts the packs", () => {
  const cases: [() => World, string, string[], string, number][] = [
    [weldingWorld, "WD-4104", ["3 pieces of WR-SG2-10-15 please"], "WR-SG2-10-15", 3],
    [weldingWorld, "WD-4101", ["2 Stück WR-SG2-12-15 bitte"], "WR-SG2-12-15", 2],
    [watertreatWorld, "W-8102", ["4 pcs of CH-AS-25 please"], "CH-AS-25", 4],
    [woodworkWorld, "WW-3101", ["5 Stück LM-EVA-N-25 für die Kanten-Kathi"], "LM-EVA-N-25", 5],
    [
      printingWorld,
      "PR-4101",
      [
        "5 Dosen Skalenschwarz 1 kg für die Speedmaster bitte",
        "nee, doch die 2,5-kg-Dose, davon 3 Stück. Die 1-kg-Dosen nicht.",
      ],
      "FK-K-25",
      3,
    ],
  ];
  for (const [world, customer, says, sku, quantity] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.text).not.toMatch(UNIT_ASK);
      expect(r.lines.map((l) => l.slice(0, 2))).toEqual([[sku, quantity]]);
    });
});

describe("guard: pieces of a pack of counted things still count the things", () => {
  test("100 Stück of plates sold in packs of 50 are 2 packs, not 100", { timeout: T }, async () => {
    const s = await lastTurn(printingWorld, "PR-4101", "100 Stück PL-745-030-T50 für die Speedmaster");
    expect(s.lines.map((l) => l.slice(0, 2))).toEqual([["PL-745-030-T50", 2]]);
  });
});

describe("a measure in the product's name chooses the pack it describes", () => {
  const cases: [() => World, string, string, string, number][] = [
    [printingWorld, "PR-4101", "5 Dosen Skalenschwarz 1 kg für die Speedmaster bitte", "FK-K-1", 5],
    [printingWorld, "PR-4101", "2 Dosen Magenta 1 kg für die Speedmaster", "FK-M-1", 2],
    [printingWorld, "PR-4104", "3 cans of black ink 1 kg for Press 1", "FK-K-1", 3],
  ];
  for (const [world, customer, say, sku, quantity] of cases)
    test(say, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, say);
      expect(r.lines.map((l) => l.slice(0, 2))).toEqual([[sku, quantity]]);
    });
});

describe("guard: a measure that names the pack keeps choosing it", () => {
  const cases: [() => World, string, string, string, number][] = [
    [printingWorld, "PR-4101", "3 Dosen Gelb 2,5 kg für die Speedmaster", "FK-Y-25", 3],
    [woodworkWorld, "WW-3101", "2 Beutel Reinigungsgranulat 1 kg", "RG-PURGE-1", 2],
    [woodworkWorld, "WW-3104", "2 bags of purge granulate 1 kg please", "RG-PURGE-1", 2],
  ];
  for (const [world, customer, say, sku, quantity] of cases)
    test(say, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, say);
      expect(r.lines.map((l) => l.slice(0, 2))).toEqual([[sku, quantity]]);
    });
});

describe("guard: a measure that is how much is ordered, or that names no candidate, changes nothing", () => {
  test("2 canisters of antiscalant 25 kg", { timeout: T }, async () => {
    const r = await lastTurn(watertreatWorld, "W-8102", "2 canisters of antiscalant 25 kg please");
    expect(r.lines.map((l) => l.slice(0, 2))).toEqual([["CH-AS-25", 2]]);
  });
  test("3 Sack Schmelzkleber natur 20 kg", { timeout: T }, async () => {
    const r = await lastTurn(woodworkWorld, "WW-3101", "3 Sack Schmelzkleber natur 20 kg für die Kanten-Kathi");
    expect(r.lines.map((l) => l.slice(0, 2))).toEqual([["LM-APAO-N-20", 3]]);
  });
});
