/**
 * Session 33 (helper E): a message asking for several items of which no one is identified for sure ("4 bearings 6205
 * and 2 v-belts SPZ", "Wir brauchen 4 Superelastikreifen und 2 Ladegeräte") asked the buyer about one item only — the
 * others vanished. Every item asked for is now either added or asked about: the first one's choices, and a line naming
 * the others still open. Guards: a list whose items are all identified is added; a single unidentified item is asked
 * about as before; identified items beside an open one are added and the open one named.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, hvacWorld, intralogisticsWorld, powertransWorld } from "./helpers.ts";

const T = 60_000;

describe("several items, none identified: every one is asked about", () => {
  for (const [world, customer, text, named] of [
    [powertransWorld, "T-7001", "We need 4 bearings 6205 and 2 v-belts SPZ.", [/6205/u, /SPZ/u]],
    [powertransWorld, "T-7002", "Mir bruuched 2 Zahnriemen und 3 Kettenschlösser.", [/Zahnriemen/u, /kette ?n?schl/iu]],
    [intralogisticsWorld, "L-8001", "Wir brauchen 4 Reifen und 2 Ladegeräte.", [/reifen/iu, /ladeger/iu]],
    [intralogisticsWorld, "L-8004", "please send 2 chargers and 4 tyres", [/charger/iu, /tyre/iu]],
    [hvacWorld, "H-2005", "We need 2 solenoid valves and 3 expansion valves", [/solenoid/iu, /expansion/iu]],
    [hvacWorld, "H-2001", "Bitte 2 Schaugläser und 3 Magnetventile", [/Schaugl/u, /Magnetventil/u]],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      const reply = chat.turns.at(-1)!.text;
      const lines = draftLines(chat).map((l) => String(l[0]));
      // Each item is on the order or named in the reply.
      for (const word of named) expect(reply).toMatch(word);
      expect(lines.length).toBeLessThan(2);
    });
});

describe("guards", () => {
  test("an identified list is added", { timeout: T }, async () => {
    const chat = await chatAfter(powertransWorld, "T-7001", "2 x BRG-6205-2RS and 3 x UCP-205 please");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["BRG-6205-2RS", "UCP-205"]);
  });
  test("a single unidentified item is asked about", { timeout: T }, async () => {
    const chat = await chatAfter(intralogisticsWorld, "L-8001", "Wir brauchen 2 Ladegeräte.");
    expect(chat.turns.at(-1)!.text).toMatch(/ladeger/iu);
    expect(draftLines(chat)).toEqual([]);
  });
  test("the pick from the first list is added, then the next is asked", { timeout: T }, async () => {
    const chat = await chatAfter(powertransWorld, "T-7001", "We need 4 bearings 6205 and 2 v-belts SPZ.", "2");
    const reply = chat.turns.at(-1)!.text;
    expect(draftLines(chat).length).toBe(1);
    expect(reply).toMatch(/6205|SPZ/u);
  });
});
