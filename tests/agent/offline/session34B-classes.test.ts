/**
 * Session 34 (helper B): three classes.
 * 1. A machine kind word in the other language names the buyer's machine labelled by it: "truck 7" / "forklift 7" for
 *    "Stapler 7", "Stapler 4" / "Gabelstapler 4" for "Truck 4", "Hubwagen 9" for "Pallet jack 9" (glossary words).
 * 2. A German compound joined by a hyphen that the search finds nothing for ("Rücklauffilter-Elemente",
 *    "Superelastik-Reifen für Stapler 7", "Säge-Blätter", "Kegel-Spannbuchsen") is read as the one word, else by its
 *    parts — not dropped for the machine's parts list.
 * 3. A type number the buyer states ("bearings 6205 for Line 2 infeed", "Lager 6205 für Band 4") names the products
 *    carrying it even where the word ranks other products first — never silently the machine's own part (a 6004).
 * Guards: the German compound written as one word, "Gabelstapler 7", a hyphenated word the search finds as written.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, fluidWorld, intralogisticsWorld, powertransWorld, woodworkWorld } from "./helpers.ts";

const T = 60_000;

describe("a machine kind word in the other language names the machine", () => {
  for (const [customer, text, machine] of [
    ["L-8001", "for truck 7 2 hydraulic filters", "M-8001-01"],
    ["L-8001", "forklift 7: 2 hydraulic filters please", "M-8001-01"],
    ["L-8001", "für Gabelstapler 7 zwei Hydraulikfilter", "M-8001-01"],
    ["L-8004", "für Stapler 4 2 Hydraulikfilter", "M-8004-01"],
    ["L-8004", "2 hydraulic filters for forklift 4", "M-8004-01"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(intralogisticsWorld, customer, text);
      expect(draftLines(chat)).toEqual([["FLT-HYD-EF", 2, machine]]);
    });
  test('L-8004: "Hubwagen 9 braucht 2 Lenkrollen" is for the pallet jack', { timeout: T }, async () => {
    const chat = await chatAfter(intralogisticsWorld, "L-8004", "Hubwagen 9 braucht 2 Lenkrollen");
    expect(chat.turns.at(-1)!.text).toMatch(/Pallet jack 9/u);
    expect(chat.turns.at(-1)!.text).not.toMatch(/Welche Maschine|Which machine/u);
  });
});

describe("a hyphenated compound the search does not find as written is read as one word or by its parts", () => {
  for (const [world, customer, text, shown, notShown] of [
    [fluidWorld, "F-4001", "4 Rücklauffilter-Elemente für Press 3", /FE-RF-330-10/u, /PUMP-AP-45/u],
    [intralogisticsWorld, "L-8001", "4 Superelastik-Reifen für Stapler 7", /TYR-SE-18x7-8-BK/u, /FLT-HYD-EF/u],
    [woodworkWorld, "WW-3101", "2 Säge-Blätter für die Alte Formatsäge", /KS-250-30-48W/u, /LG-SATZ-FK45|RG-HARZ/u],
    [powertransWorld, "T-7001", "2 Kegel-Spannbuchsen 1610 für Band 3", /TBU-1610-30/u, /BRG-6004/u],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      const last = chat.turns.at(-1)!.text;
      expect(last).toMatch(shown);
      expect(last).not.toMatch(notShown);
      expect(last).not.toMatch(/nicht gefunden|not found/u);
    });
  test("guard: the compound written as one word lists the tyres", { timeout: T }, async () => {
    const chat = await chatAfter(intralogisticsWorld, "L-8001", "4 Superelastikreifen für Stapler 7");
    expect(chat.turns.at(-1)!.text).toMatch(/TYR-SE-18x7-8-BK/u);
  });
  test("guard: 'Bitte 2 Druckfilter-Elemente für Big Bertha' adds the pressure filter", { timeout: T }, async () => {
    const chat = await chatAfter(fluidWorld, "F-4001", "Bitte 2 Druckfilter-Elemente für Big Bertha");
    expect(draftLines(chat)).toEqual([["FE-PF-110-05", 2, "M-4001-01"]]);
  });
});

describe("a stated type number names the products that carry it, not the machine's own part", () => {
  for (const [customer, text] of [
    ["T-7005", "bearings 6205 for Line 2 infeed, 4 pcs"],
    ["T-7001", "4x Lager 6205 für Band 4"],
    ["T-7005", "2 bearings 6205 for the case conveyor"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(powertransWorld, customer, text);
      const last = chat.turns.at(-1)!.text;
      expect(last).toMatch(/BRG-6205-2RS\b/u);
      expect(last).not.toMatch(/BRG-6004/u);
      expect(draftLines(chat).filter((l) => l[0] === "BRG-6004-2RS-B10")).toEqual([]);
    });
  test("guard: 'bearings for Line 2 infeed' still finds the machine's bearing", { timeout: T }, async () => {
    const chat = await chatAfter(powertransWorld, "T-7005", "4 bearings for Line 2 infeed");
    expect(chat.turns.at(-1)!.text).toMatch(/BRG-6004-2RS-B10/u);
  });
});
