/**
 * Session 23 (fix23b), the weakest catalogs (woodwork, welding, agri parts): finding and picking the one item meant.
 *
 * 1. A number with an attribute word — a unit ("1.2 mm") or the word of a feature ("72 teeth", "mit 72 Zähnen") —
 *    states a value of the product. In a request, said beside the feature's name, it narrows the candidates to those
 *    that carry it (it was dropped: the list offered 48-tooth blades beside the ones asked for); to an open list it picks the item that
 *    carries it (it was read as an unknown word, "zähnen", or its unit as a product word: "the 1 kg ones, 4 cans" added
 *    dusting powder sold in 1 kg cans). Several listed items alike but for the value ("the red 4 m one" of red liners
 *    3, 4 and 5 m long) are told apart by it.
 */
import { describe, expect, test } from "vitest";
import { lastTurn, printingWorld, weldingWorld, type World, woodworkWorld } from "./helpers.ts";

const T = 120_000;

describe("a number with an attribute word narrows the search to the products that carry it", () => {
  const cases: [() => World, string, string, RegExp, RegExp][] = [
    [woodworkWorld, "WW-3104", "2 saw blades with 72 teeth", /KS-\d+-\d+-72/, /KS-\d+-\d+-(?:48|36|96|60|84)/],
    [woodworkWorld, "WW-3101", "2 Sägeblätter mit 72 Zähnen", /KS-\d+-\d+-72/, /KS-\d+-\d+-(?:48|36|96|60|84)/],
  ];
  for (const [world, customer, say, carries, lacks] of cases)
    test(say, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, say);
      const shown = `${r.text}\n${r.lines.map((l) => l[0]).join("\n")}`;
      expect(shown).toMatch(carries);
      expect(shown).not.toMatch(lacks);
    });
});

describe("a number with an attribute word picks the item of the open list that carries it", () => {
  const cases: [() => World, string, string[], string, number][] = [
    [woodworkWorld, "WW-3101", ["Sägeblätter bitte", "das mit 72 Zähnen, 2 Stück"], "KS-300-30-72W", 2],
    [printingWorld, "PR-4104", ["cyan ink for Press 1", "the 1 kg ones, 4 cans"], "FK-C-1", 4],
    [printingWorld, "PR-4101", ["Skalenfarbe Cyan für die Speedmaster", "die 1 kg Dosen, 4 Stück"], "FK-C-1", 4],
  ];
  for (const [world, customer, says, sku, quantity] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines.map((l) => l.slice(0, 2))).toEqual([[sku, quantity]]);
    });
});

describe("a value with a unit the catalog also sells in picks among listed items alike but for it", () => {
  test("steel liners / the red 4 m one, 2 pieces (no machine said)", { timeout: T }, async () => {
    const r = await lastTurn(weldingWorld, "WD-4105", "steel liners", "the red 4 m one, 2 pieces");
    // The item is chosen (the machine is asked next, or the line is added): no list of the red ones again.
    expect(r.text).toContain("LN-ST-RD-4");
    expect(r.text).not.toMatch(/LN-ST-RD-[35]\b/);
  });
});

describe("guard: values that picked or narrowed before still do", () => {
  test("Ich brauche Kreissägeblätter mit 96 Zähnen, 3 Stück", { timeout: T }, async () => {
    const r = await lastTurn(woodworkWorld, "WW-3101", "Ich brauche Kreissägeblätter mit 96 Zähnen, 3 Stück");
    expect(`${r.text}\n${r.lines.map((l) => l[0]).join("\n")}`).not.toMatch(/KS-\d+-\d+-(?:48|36|72|60|84)/);
  });
  const cases: [() => World, string, string[], string, number][] = [
    [woodworkWorld, "WW-3104", ["saw blades please", "the one with 72 teeth, 2 pieces"], "KS-300-30-72W", 2],
    [weldingWorld, "WD-4105", ["steel liners for the Blue Arcwell", "the blue 4 m one, 2 pieces"], "LN-ST-BL-4", 2],
    [
      weldingWorld,
      "WD-4104",
      ["Drahtführungsspirale für den Line 2 welder", "die rote mit 4 m, 2 Stück"],
      "LN-ST-RD-4",
      2,
    ],
  ];
  for (const [world, customer, says, sku, quantity] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines.map((l) => l.slice(0, 2))).toEqual([[sku, quantity]]);
    });
});
