/**
 * Session 23a: the multi-line buyer.
 *
 * 1. A line of the order named by a word of its kind: "make the sensors 6" with an inductive sensor and a sensor cable
 *    on the order changed the cable (both names carry "sensor"); "change the bearings to 3" beside a bearing grease
 *    changed the grease (the pillow block's name says "unit", its category "Bearing units"); "make the belts 6" beside
 *    a "V-belt" searched the catalog for belts. Of the lines whose names carry the buyer's words, the one whose
 *    category carries them too is the one named; a line whose category alone carries them is named as well.
 */
import { describe, expect, test } from "vitest";
import { automationWorld, draftAfter, powertransWorld, type World } from "./helpers.ts";

const T = 120_000;

const sorted = (lines: (string | number | null)[][]) => lines.map((l) => `${l[1]} ${l[0]}`).sort();

describe("a line named by a word of its kind", () => {
  const aOrder = "for line 3: 4 SN-IND-M12-PNP and 4 CBL-M12-4P-5M";
  const ptOrder = "for band 3: 2 UCP-206, 4 VB-XPZ-1400 and 1 LUB-HT2-400";
  // [world, customer, the order, the edit, the lines after it]
  const cases: [() => World, string, string, string, string[]][] = [
    [automationWorld, "A-3001", aOrder, "make the sensors 6", ["6 SN-IND-M12-PNP", "4 CBL-M12-4P-5M"]],
    [automationWorld, "A-3001", aOrder, "die Sensoren bitte auf 6", ["6 SN-IND-M12-PNP", "4 CBL-M12-4P-5M"]],
    [automationWorld, "A-3001", aOrder, "sensors 8 please", ["8 SN-IND-M12-PNP", "4 CBL-M12-4P-5M"]],
    [automationWorld, "A-3001", aOrder, "die Sensoren 8 Stück bitte", ["8 SN-IND-M12-PNP", "4 CBL-M12-4P-5M"]],
    [powertransWorld, "T-7001", ptOrder, "change the bearings to 3", ["3 UCP-206", "4 VB-XPZ-1400", "1 LUB-HT2-400"]],
    [powertransWorld, "T-7001", ptOrder, "make the belts 6", ["2 UCP-206", "6 VB-XPZ-1400", "1 LUB-HT2-400"]],
    [powertransWorld, "T-7001", ptOrder, "die Lager bitte auf 3", ["3 UCP-206", "4 VB-XPZ-1400", "1 LUB-HT2-400"]],
    [powertransWorld, "T-7001", ptOrder, "3 bearings please, not 2", ["3 UCP-206", "4 VB-XPZ-1400", "1 LUB-HT2-400"]],
  ];
  for (const [world, customer, order, edit, want] of cases)
    test(
      edit,
      async () => {
        expect(sorted(await draftAfter(world, customer, order, edit))).toEqual([...want].sort());
      },
      T,
    );
  test(
    "the shutdown list: make the sensors 6 and the cables 6 too",
    async () => {
      const lines = await draftAfter(
        automationWorld,
        "A-3006",
        "for the shutdown in Dortmund: Pal 2 needs 2 x contactor 18A with 230VAC coil and 2 x motor protection breaker 13-18A. Wrapper 5 needs 4 x inductive sensor M12 PNP and 4 x sensor cable M12 5m",
        "make the sensors 6 and the cables 6 too",
      );
      expect(sorted(lines)).toEqual(["2 CT-18-230AC", "2 MP-13-18", "6 SN-IND-M12-PNP", "6 CBL-M12-4P-5M"].sort());
    },
    T,
  );
  test(
    "guard: the cables named by their own word",
    async () => {
      expect(sorted(await draftAfter(automationWorld, "A-3001", aOrder, "make the cables 6"))).toEqual(
        ["4 SN-IND-M12-PNP", "6 CBL-M12-4P-5M"].sort(),
      );
    },
    T,
  );
});
