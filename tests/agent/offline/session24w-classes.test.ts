/**
 * Session 24w: the weakest catalogs (watertreat, agriparts, woodwork, welding).
 *
 * 1. The one product of a kind that fits the machine: "10 gas nozzles for line 3 welder" put the BT36 nozzle on the
 *    order (the nozzles of four torch series answer the words alike; the first one found led), "1 UV-Lampe für UV
 *    Hochbehälter" ordered the 846 mm lamp for a unit that takes 1554 mm. A product the words led to that does not fit
 *    the machine gives way to the one current product of its kind that fits, when that one carries every word of the
 *    message the lead carries. A word only the lead carries (its code, its series, "PT1000", "120mm", "Edelstahl")
 *    still names the lead (the engine says why it does not fit); two that fit are still shown to choose from.
 * 2. Counts of variants with the kind named after them, or counted in pieces: "12 left and 12 right tines for Harrow
 *    1", "5 linke und 5 rechte Schare für Pflug 5" listed the whole kind (the kind was read only before the run), "50
 *    Stück rechtsdrehend und 50 linksdrehend" was no run ("Stück" between count and variant), "5 linke" was no variant
 *    (its stem is a head word of another language's names: "link"). Each count becomes an item of the kind with its
 *    variant word; of the products that fit the machine, the one whose names (and the glossary's words for them)
 *    carry the item's words best is the item.
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  draftAfter,
  intralogisticsWorld,
  lastTurn,
  watertreatWorld,
  weldingWorld,
  type World,
} from "./helpers.ts";

const T = 120_000;

describe("of the products of a kind the words name alike, the only one that fits the machine is the one ordered", () => {
  const cases: [() => World, string, string, (string | number)[][]][] = [
    [weldingWorld, "WD-4104", "10 gas nozzles for line 3 welder", [["GN-501-CON", 10, "M-4104-02"]]],
    [
      weldingWorld,
      "WD-4104",
      "2 boxes contact tips 1.2 + 10 gas nozzles for line 3 welder",
      [
        ["CT-501-12", 2, "M-4104-02"],
        ["GN-501-CON", 10, "M-4104-02"],
      ],
    ],
    [watertreatWorld, "W-8101", "1 UV-Lampe für UV Hochbehälter", [["UV-AM145-A", 1, "M-8101-03"]]],
  ];
  for (const [world, customer, text, want] of cases)
    test(
      `"${text}"`,
      async () => {
        expect(await draftAfter(world, customer, text)).toEqual(want);
      },
      T,
    );
});

describe("guards: what the words name, and a choice between two that fit, stay as they were", () => {
  for (const [text, want] of [
    ["1 UV lamp for the UV Hochbehälter", [["UV-AM145-A", 1, "M-8101-03"]]],
    ["für die UV Hochbehälter brauchen wir 2 UV-Lampen", [["UV-AM145-A", 2, "M-8101-03"]]],
  ] as const)
    test(
      `"${text}" (the lamp of the unit's length)`,
      async () => {
        expect(await draftAfter(watertreatWorld, "W-8101", text)).toEqual(want);
      },
      T,
    );
  test(
    "a code only the product that does not fit carries names that product (the engine says why it does not fit)",
    async () => {
      const lines = await draftAfter(weldingWorld, "WD-4104", "10 GN-36-CON for line 3 welder");
      expect(lines.map((l) => l[0])).toEqual(["GN-36-CON"]);
    },
    T,
  );
  test(
    "a series only the product that does not fit carries names that product",
    async () => {
      const lines = await draftAfter(weldingWorld, "WD-4104", "10 gas nozzles for BT36 torch, for line 3 welder");
      expect(lines.map((l) => l[0])).toEqual(["GN-36-CON"]);
    },
    T,
  );
  test(
    "a letter only the product that does not fit carries ('series B') names that product",
    async () => {
      const lines = await draftAfter(
        agripartsWorld,
        "A-9001",
        "Der Große: we need a rasp bar set for CX 540, series B.",
      );
      expect(lines.map((l) => l[0])).toEqual(["RSP-CX540-B"]);
    },
    T,
  );
  test(
    "two nozzles that fit the machine are shown to choose from",
    async () => {
      const t = await lastTurn(weldingWorld, "WD-4105", "5 nozzles for the blue arcwell");
      expect(t.lines).toEqual([]);
      expect(t.text).toContain("GN-24-CON");
      expect(t.text).toContain("GN-24-CYL");
    },
    T,
  );
  test(
    "a question which ones fit is answered with the list",
    async () => {
      const t = await lastTurn(weldingWorld, "WD-4104", "welche Gasdüsen passen an den Line 3 welder?");
      expect(t.lines).toEqual([]);
      expect(t.text).toContain("GN-501-CON");
    },
    T,
  );
});

describe("counts of variants with the kind after them, or counted in pieces, are one line each", () => {
  const harrow = [
    ["PHT-BO-L", 12, "M-9005-02"],
    ["PHT-BO-R", 12, "M-9005-02"],
  ];
  const plough = [
    ["PSH-16-BO-L", 5, "M-9001-05"],
    ["PSH-16-BO-R", 5, "M-9001-05"],
  ];
  const cases: [string, string, (string | number)[][]][] = [
    ["A-9005", "12 left and 12 right tines for Harrow 1", harrow],
    ["A-9005", "12 linke und 12 rechte Zinken für Harrow 1", harrow],
    ["A-9005", "for Harrow 1 pls 12 left + 12 right tines", harrow],
    ["A-9001", "5 linke und 5 rechte Schare für Pflug 5", plough],
    ["A-9001", "Für Pflug 5 brauchen wir neue Schare, 5 linke und 5 rechte", plough],
  ];
  for (const [customer, text, want] of cases)
    test(
      `"${text}"`,
      async () => {
        expect(await draftAfter(agripartsWorld, customer, text)).toEqual(want);
      },
      T,
    );
  test(
    "a kind whose name writes two words joined ('quick fit tines' of 'quick-fit'): the whole kind, not its first word",
    async () => {
      const lines = await draftAfter(agripartsWorld, "A-9005", "hej. 12 left + 12 right quick fit tines for Harrow 1");
      expect(lines.map((l) => l[0])).toEqual(["PHT-QF-L", "PHT-QF-R"]);
    },
    T,
  );
  test(
    "another catalog: '2 black and 2 grey superelastic tyres 18x7-8' (the kind with its size after the run)",
    async () => {
      expect(
        await draftAfter(intralogisticsWorld, "L-8004", "Truck 4 needs 2 black and 2 grey superelastic tyres 18x7-8"),
      ).toEqual([
        ["TYR-SE-18x7-8-BK", 2, "M-8004-01"],
        ["TYR-SE-18x7-8-NM", 2, "M-8004-01"],
      ]);
    },
    T,
  );
});
