/**
 * Session 33 (helper F): "Line C softener needs the piston and seal kit. Also five boxes of 25 micron bags for the bag
 * filter." — two sentences, each naming its own machine and items, were read as one: a full stop after a short word
 * ("kit.", "fan.", "set.", "-Set.") was taken for an abbreviation's, so the message stayed one item whose machine was
 * neither (the whole message names two) and the second sentence's items were lost. A short word that says what a
 * product of the catalog is ends its sentence before a capital; each sentence keeps its own machine.
 * Guards: a unit's abbreviation after its count ("2 Stk. Filtertrockner") stays inside its item; one sentence alone
 * reads as before.
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, chatAfter, draftLines, hvacWorld, intralogisticsWorld, watertreatWorld } from "./helpers.ts";

const T = 60_000;

describe("two sentences, each with its own machine and items, keep both", () => {
  for (const [world, customer, text, lines] of [
    [
      watertreatWorld,
      "W-8105",
      "Line C softener needs the piston and seal kit. Also five boxes of 25 micron bags for the bag filter.",
      [["SV-SK-V2", 1, "M-8105-05"]],
    ],
    [
      hvacWorld,
      "H-2001",
      "The roof chiller needs a new condenser fan. Also a sight glass SGN 10 for the Huber cold room.",
      [
        ["FM-AX500-400", 1, "M-2001-03"],
        ["SG-SGN-10", 1, "M-2001-01"],
      ],
    ],
    [
      intralogisticsWorld,
      "L-8001",
      "Stapler 7 needs the 1000 hour service kit. Also 2 load rollers for Ameise 2.",
      [
        ["KIT-EF316-1000H", 1, "M-8001-01"],
        ["WHL-PU-85x95", 2, "M-8001-04"],
      ],
    ],
    [
      agripartsWorld,
      "A-9004",
      "Big Red needs a new belt set. Also 10 blade bolt sets for Mower 1.",
      [["BLT-RB155-SET", 1, "M-9004-01"]],
    ],
    [
      watertreatWorld,
      "W-8104",
      "Der Enthärter Halle 2 braucht das Kolben- und Dichtungs-Set. Außerdem 2 Kerzen 5 µm für den Vorfilter.",
      [["SV-SK-V2", 1, "M-8104-02"]],
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      const draft = draftLines(chat);
      for (const line of lines) expect(draft).toContainEqual([...line]);
      // The second sentence is served for its own machine: a line for it, or a list to pick from — never lost.
      const reply = chat.turns.at(-1)!.text;
      if (lines.length < 2) {
        expect(reply).not.toMatch(/Which machine|Für welche Maschine/u);
        expect(reply).not.toMatch(/Dichtungs-Set\. Außerdem|kit\. Also/u);
      }
    });
  test("the bags of the second sentence are offered for the bag filter", { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8105",
      "Line C softener needs the piston and seal kit. Also five boxes of 25 micron bags for the bag filter.",
    );
    expect(chat.turns.at(-1)!.text).toMatch(/FB-PP25-S2/u);
  });
  test("the blade bolts of the second sentence are for Mower 1", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9004",
      "Big Red needs a new belt set. Also 10 blade bolt sets for Mower 1.",
    );
    expect(draftLines(chat).find((l) => l[0] === "MBL-BOLT-25")?.[2]).toBe("M-9004-02");
  });
  test("guard: one sentence alone reads as before", { timeout: T }, async () => {
    const chat = await chatAfter(watertreatWorld, "W-8105", "Line C softener needs the piston and seal kit.");
    expect(draftLines(chat)).toEqual([["SV-SK-V2", 1, "M-8105-05"]]);
  });
  test("guard: a unit's abbreviation after its count stays in its item", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "Bitte 2 Stk. Filtertrockner DML 083S für den Huber cold room.");
    expect(draftLines(chat)).toEqual([["FD-DML-083S", 2, "M-2001-01"]]);
  });
});
