/**
 * Session 30 (helper B): two classes of the watertreat, foodtech and agriparts failures.
 *
 * 1. A length said of a kind of product sold both by the metre and as a ready-made set: "door seal for Ofen 2, by the
 *    metre, 5 m" put 5 sets of the ready-made gasket set on the order (the machine's fitment names only the set). An
 *    amount in a measure that the confident product is not sold in, where products named by the same words are sold in
 *    it, chooses among those — the one that fits the machine. Guards: a set counted in sets stays the set.
 * 2. A line left without the machine the order is about: in a message of several items, a part that fits only one of
 *    the buyer's machines ("… die Gleitringdichtung … und an Karton Dichtringe" for the milk pump), and an item beside
 *    it whose catalog rules apply to that machine and pass, go on that machine; "Dazu noch eine Schachtel
 *    Filterkerzen" after a line for the prefilter goes on the prefilter. Guards: an item said to be for stores stays
 *    without a machine; a part that concerns no machine of the order stays without one.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, demoWorld, draftLines, foodtechWorld, watertreatWorld } from "./helpers.ts";

const T = 90_000;

describe("a length said of a product sold in sets takes the one sold by the metre", () => {
  for (const text of [
    "door seal for Ofen 2, by the metre, 5 m",
    "5 m door seal for Ofen 2",
    "5 m Türdichtung für Ofen 2",
    "Für Ofen 2 bitte 5 Meter Türdichtung",
  ])
    test(`C-7101: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(foodtechWorld, "C-7101", text);
      expect(draftLines(chat)).toEqual([["TD-P12-SIL", 5, "M-7101-04"]]);
    });
  test("guard: 'a door seal set for Ofen 2' is the set", { timeout: T }, async () => {
    const chat = await chatAfter(foodtechWorld, "C-7101", "1 door seal set for Ofen 2");
    expect(draftLines(chat)).toEqual([["TD-EO480-SET", 1, "M-7101-04"]]);
  });
  test("guard: '4 Meter Türdichtung für den Etagenofen' (one profile fits) stays", { timeout: T }, async () => {
    const chat = await chatAfter(foodtechWorld, "C-7103", "4 Meter Türdichtung für den Etagenofen");
    expect(draftLines(chat)).toEqual([["TD-P9-SIL", 4, "M-7103-02"]]);
  });
});

describe("a line goes on the machine the order is about", () => {
  test("C-1006: the seal that fits only the milk pump, in a message of two items", { timeout: T }, async () => {
    const chat = await chatAfter(
      demoWorld,
      "C-1006",
      "Bei der Milchpumpe 1 in der Annahme tropft die Gleitringdichtung. Mia bräuchten a neue, die EPDM mit FDA, und an Karton Dichtringe DIN 11851 DN40 für die Verschraubungen.",
    );
    const lines = draftLines(chat);
    expect(lines.find((l) => l[0] === "SE-HS40-SIC-EPDM")?.[2]).toBe("M-1006-01");
  });
  test("W-8101: cartridges and housing O-rings for the one cartridge filter", { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8101",
      "For the prefilter on well 3 I need filter cartridges twenty inch, five micron, polypropylene melt-blown, thirty pieces. Also housing O-rings EPDM for drinking water, ten pieces.",
    );
    expect(draftLines(chat)).toEqual(
      expect.arrayContaining([
        ["FC-PP5-20", 3, "M-8101-05"],
        ["FH-OR-CF20-EPDM", 2, "M-8101-05"],
      ]),
    );
  });
  test("W-8104: 'Dazu noch eine Schachtel Filterkerzen' after the prefilter's housing", { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8104",
      "Für den Vorfilter brauchen wir ein zweites Kerzenfiltergehäuse: 20-Zoll-Kerze, Anschluss 3/4 Zoll Innengewinde, Gehäuse aus PP, Dichtung EPDM, mit Entlüftungsventil, ohne Manometer.",
      "Dazu noch eine Schachtel Filterkerzen 5 µm, 20 Zoll.",
    );
    expect(draftLines(chat).find((l) => l[0] === "FC-PP5-20")?.[2]).toBe("M-8104-04");
  });
  test("W-8101: 'and 2 boxes of filter cartridges 20 inch 5 micron too' after an O-ring line", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8101",
      "2 bags of housing O-rings EPDM for Vorfilter Brunnen 3",
      "and 2 boxes of filter cartridges 20 inch 5 micron melt-blown too",
    );
    expect(draftLines(chat).find((l) => l[0] === "FC-PP5-20")?.[2]).toBe("M-8101-05");
  });
  test("guard: salt for stores stays without a machine", { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8101",
      "Für den Vorfilter Brunnen 3 brauchen wir 2 Kartons Filterkerzen 20 Zoll, 5 µm",
      "außerdem 20 Sack Regeneriersalz-Tabletten, die gehen ans Lager, keine bestimmte Anlage",
    );
    expect(draftLines(chat).find((l) => l[0] === "CH-SALT-25")?.[2] ?? null).toBeNull();
  });
  test("guard: a cartridge alone, no machine in play, stays without one", { timeout: T }, async () => {
    const chat = await chatAfter(watertreatWorld, "W-8102", "3 boxes of filter cartridges 20 inch 5 micron melt-blown");
    expect(draftLines(chat)).toEqual([["FC-PP5-20", 3, null]]);
  });
});
