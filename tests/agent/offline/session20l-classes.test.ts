/**
 * Session 20 (lead), found by chatting with the product as a buyer who compares before buying, on the water-treatment,
 * HVAC and fluid-power catalogs. None of these was in a scenario.
 *
 * 1. "welche ist günstiger?" to a list of membranes ADDED one — with the count 4040 taken from "RO membranen 4040 für
 *    die Erste" (EUR 1,975,560, stopped only by the credit limit). A question that compares the listed items by price
 *    takes nothing: it names the cheaper (or dearer) of those that fit the machine, with the customer's prices of the
 *    others, and offers that one — "ok 4", "dann 4 davon" then take it.
 * 2. A code number is no count: "Filtertrockner 083 für den Huber Kühlraum" ordered 83 filter driers (a number written
 *    with a leading zero is a code); "RO membranen 4040 für die Erste" read 4040 as the count (a bare number of three
 *    digits or more that the names of the candidates found carry is their size); "2 filter driers 084 for the huber
 *    cold room" added 2 service kits that merely contain a filter drier (the code names the product, the engine then
 *    says it does not fit and offers what does).
 * 3. "ok 4" to a list of one added 1: a number past the list's end picks nothing — it is the count.
 * 4. "what's the difference between the DML 083 and the DCL 083?" asked which machine the first was for (as if adding
 *    it): two products named to be compared are set side by side — the customer's prices and the features where they
 *    differ, from the tool results — and nothing is taken; "the DML then, 2 pcs for the huber cold room" takes one.
 * 5. "the FKM one, 1 for the hot press" to a list asked again which machine: the machine said with a pick by reference
 *    was dropped.
 * 6. Found after the merge: "Antriebsrad 343 für die Ameise 2" ordered 343 drive wheels of the pallet truck (EUR
 *    44,974) — the 343 is the size of another truck's wheel ("343x114"): a measure of three digits or more inside a
 *    name's dimension names that product (the engine says it does not fit and offers what does), and is no count;
 *    "Lüftermotor für den Huber Kühlraum, läuft bei 35 grad" ordered 35 fan motors: a number with a temperature word
 *    ("grad", "degrees", "°C") is a temperature.
 * 7. "the third one, 4 of those" to a list ordered 1: the "one" after an ordinal is a pronoun, as after "the".
 */
import { describe, expect, test } from "vitest";
import {
  chatAfter,
  draftLines,
  fluidWorld,
  hvacWorld,
  intralogisticsWorld,
  watertreatWorld,
  type World,
} from "./helpers.ts";

const T = 90_000;

async function lastReply(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  return { text: chat.turns.at(-1)!.text, lines: draftLines(chat) };
}

describe("a question comparing the listed items by price answers it and takes nothing", () => {
  const cases: [() => World, string, string[], string, string[]][] = [
    [watertreatWorld, "W-8101", ["RO membranen 4040 für die Erste", "welche ist günstiger?"], "MB-BW4040-LE", ["539"]],
    [watertreatWorld, "W-8101", ["RO membranes 4040 for die Erste", "which one is cheaper?"], "MB-BW4040-LE", ["539"]],
    [fluidWorld, "F-4001", ["Dichtsätze für die Press 3", "welcher ist günstiger?"], "SK-CD-50-28-NBR", ["315"]],
  ];
  for (const [world, customer, says, sku, others] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.lines).toEqual([]);
      expect(r.text).toContain(sku);
      for (const o of others) expect(r.text).toContain(o);
      // Only what fits the machine is compared: the 8040 membranes (✗) are not named.
      expect(r.text).not.toContain("8040");
    });

  const takes: [() => World, string, string[], [string, number]][] = [
    [
      watertreatWorld,
      "W-8101",
      ["RO membranes 4040 for die Erste", "which one is cheaper?", "ok 4"],
      ["MB-BW4040-LE", 4],
    ],
    [
      watertreatWorld,
      "W-8101",
      ["RO membranen 4040 für die Erste", "welche ist günstiger?", "gut, dann 4 davon"],
      ["MB-BW4040-LE", 4],
    ],
    [
      fluidWorld,
      "F-4001",
      ["Dichtsätze für die Press 3", "welcher ist günstiger?", "dann 2 davon"],
      ["SK-CD-50-28-NBR", 2],
    ],
  ];
  for (const [world, customer, says, [sku, n]] of takes)
    test(`then: ${says.join(" / ")}`, { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.lines.map((l) => [l[0], l[1]])).toEqual([[sku, n]]);
    });
});

describe("a code number in the request is no count", () => {
  const cases: [() => World, string, string, [string, number] | null][] = [
    [hvacWorld, "H-2001", "Filtertrockner 083 für den Huber Kühlraum", ["FD-DML-083", 1]],
    [hvacWorld, "H-2001", "2 Filtertrockner 083 für den Huber Kühlraum", ["FD-DML-083", 2]],
    [hvacWorld, "H-2001", "2 filter driers 084 for the huber cold room", ["FD-DML-084", 2]],
    [hvacWorld, "H-2001", "2 Filtertrockner 084 für den Huber Kühlraum", ["FD-DML-084", 2]],
    // Several candidates carry the size: they are listed, and the buyer is asked how many.
    [watertreatWorld, "W-8101", "RO membranen 4040 für die Erste", null],
    [watertreatWorld, "W-8101", "RO membranes 4040 for die Zweite", null],
  ];
  for (const [world, customer, said, line] of cases)
    test(said, { timeout: T }, async () => {
      const r = await lastReply(world, customer, said);
      if (line) expect(r.lines.map((l) => [l[0], l[1]])).toEqual([line]);
      else {
        expect(r.lines).toEqual([]);
        expect(r.text).toMatch(/how many|wie viele/i);
      }
    });
});

describe("two products named to be compared are set side by side, nothing is taken", () => {
  const cases: [() => World, string, string, string[]][] = [
    [hvacWorld, "H-2001", "what's the difference between the DML 083 and the DCL 083?", ["13.90", "13.11", "46 / 35"]],
    [
      hvacWorld,
      "H-2001",
      "was ist der Unterschied zwischen DML 083 und DML 083S?",
      ["13,90", "16,63", "flare / solder"],
    ],
    [
      fluidWorld,
      "F-4001",
      "difference between SK-PR250-MAIN and SK-PR250-MAIN-FKM?",
      ["315.00", "457.60", "NBR / FKM"],
    ],
    [fluidWorld, "F-4001", "SK-PR250-MAIN vs SK-PR250-MAIN-FKM – was ist der Unterschied?", ["315,00", "457,60"]],
  ];
  for (const [world, customer, said, shown] of cases)
    test(said, { timeout: T }, async () => {
      const r = await lastReply(world, customer, said);
      expect(r.lines).toEqual([]);
      for (const x of shown) expect(r.text).toContain(x);
      expect(r.text).not.toMatch(/which machine|welche Maschine/i);
    });

  const takes: [() => World, string, string[], [string, number, string]][] = [
    [
      hvacWorld,
      "H-2001",
      ["what's the difference between the DML 083 and the DCL 083?", "the DML then, 2 pcs for the huber cold room"],
      ["FD-DML-083", 2, "M-2001-01"],
    ],
    [
      fluidWorld,
      "F-4001",
      ["difference between SK-PR250-MAIN and SK-PR250-MAIN-FKM?", "the FKM one, 1 for the hot press"],
      ["SK-PR250-MAIN-FKM", 1, "M-4001-03"],
    ],
    [
      fluidWorld,
      "F-4001",
      ["Dichtsätze für die Press 3", "den günstigeren für die Big Bertha, 2 Stück"],
      ["SK-CD-50-28-NBR", 2, "M-4001-01"],
    ],
  ];
  for (const [world, customer, says, line] of takes)
    test(`then: ${says.join(" / ")}`, { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.lines).toEqual([line]);
    });
});

describe("a size inside a name's dimension and a temperature are no count", () => {
  const cases: [() => World, string, string, [string, number]][] = [
    [intralogisticsWorld, "L-8001", "Antriebsrad 343 für die Ameise 2", ["WHL-PU-343x114", 1]],
    [intralogisticsWorld, "L-8001", "drive wheel 343 for Ameise 2", ["WHL-PU-343x114", 1]],
    [
      hvacWorld,
      "H-2001",
      "Lüftermotor für den Huber Kühlraum, läuft bei 35 grad aussentemperatur",
      ["FM-AX350-230", 1],
    ],
    [hvacWorld, "H-2001", "fan motor for the huber cold room, it runs at 35 degrees outside", ["FM-AX350-230", 1]],
    // Guards: a count said beside the temperature or the size stays the count.
    [hvacWorld, "H-2001", "2 fan motors for the huber cold room, 35 °C outside", ["FM-AX350-230", 2]],
    [intralogisticsWorld, "L-8001", "2 Antriebsräder 230x75 für die Ameise 2", ["WHL-PU-230x75", 2]],
  ];
  for (const [world, customer, said, [sku, n]] of cases)
    test(said, { timeout: T }, async () => {
      const r = await lastReply(world, customer, said);
      expect(r.lines.map((l) => [l[0], l[1]])).toEqual([[sku, n]]);
    });
});

describe("'one' after an ordinal is no count", () => {
  const cases: [() => World, string, string[], [string, number]][] = [
    [watertreatWorld, "W-8101", ["RO membranes 4040 for die Erste", "the third one, 4 of those"], ["MB-BW4040-FR", 4]],
    [fluidWorld, "F-4001", ["Dichtsätze für die Press 3", "the fourth one, 2 of those"], ["SK-CD-50-28-NBR", 2]],
    // Guard: without a count the pick is one.
    [watertreatWorld, "W-8101", ["RO membranes 4040 for die Erste", "the first one please"], ["MB-BW4040-LE", 1]],
  ];
  for (const [world, customer, says, [sku, n]] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.lines.map((l) => [l[0], l[1]])).toEqual([[sku, n]]);
    });
});
