/**
 * Session 34 (E): a pick by price ("the cheaper one", "die günstigere", "das billigere") compared across product
 * kinds — a kit or accessory whose name merely carries the word asked for ("PTO shaft guard set" among drive shafts,
 * "Membran-Verbinder" among membranes, "Dichtungssatz Heizelement" among heating elements) stayed in the comparison
 * and, being cheap, was picked. Only the listed items of the kind asked for are compared now.
 * Guards: the cheaper of several items of one kind is still taken; "which is cheaper?" still only answers.
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, chatAfter, draftLines, foodtechWorld, watertreatWorld } from "./helpers.ts";

const T = 90_000;

describe("a pick by price compares only the kind asked for", () => {
  for (const [world, customer, says, sku] of [
    [agripartsWorld, "A-9004", ["we need a PTO drive shaft", "the cheaper one"], "PTO-S4-810-Z6"],
    [agripartsWorld, "A-9004", ["2 PTO drive shafts bitte", "die günstigere"], "PTO-S4-810-Z6"],
    [watertreatWorld, "W-8101", ["zwei Membranen 4040 für die Erste", "die günstigere"], "MB-BW4040-LE"],
    [watertreatWorld, "W-8101", ["two membranes 4040 for die Erste", "the less expensive one"], "MB-BW4040-LE"],
    [foodtechWorld, "C-7104", ["Heizelement für Ofen 1", "das billigere"], "HE-EO360"],
    [foodtechWorld, "C-7104", ["heating element for oven 1", "the cheaper one please"], "HE-EO360"],
  ] as const)
    test(`${customer}: ${says.join(" / ")}`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, ...says);
      const last = chat.turns.at(-1)!.text;
      const lines = draftLines(chat).map((l) => l[0]);
      // The one of the kind asked for is taken (or asked about: which machine it is for), never the accessory.
      expect(lines.filter((s) => /GRD|IC-|HD-/u.test(String(s)))).toEqual([]);
      if (lines.length) expect(lines).toContain(sku);
      else expect(last).toMatch(new RegExp(`${sku}.*(machine|Maschine)`, "u"));
    });
  test("guard: 'welche ist günstiger?' still only answers", { timeout: T }, async () => {
    const chat = await chatAfter(watertreatWorld, "W-8101", "RO membranen 4040 für die Erste", "welche ist günstiger?");
    expect(draftLines(chat)).toEqual([]);
    expect(chat.turns.at(-1)!.text).toMatch(/MB-BW4040-LE/u);
  });
});
