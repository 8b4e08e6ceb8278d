/**
 * Session 24e: the buyer edits an order that already has lines.
 *
 * 1. A line named by words of its own name plus a bare count sets that line's count: "make the grease 2" (the grease's
 *    name says "NLGI 2") swapped the grease for another variant. A number read as part of a product's name, after the
 *    words that name a line of the order, is that line's count — unless the line's name has a number right after
 *    those words ("HLP 46", "SPA 1180": a code and its size).
 *    (Not closed: "the sight glass 3" where the number is no count at all to the reader — a sight glass 3/8" exists.)
 * 2. Several edits in one message, each clause applied to the line it names: "one more pressure element … so 2 in
 *    total, and the oil only 3 pails" set 3 on the filter and left the oil; "one more" is +1 of that line, "in total"
 *    states the count.
 *
 * 3. A line dropped by "without X" / "ohne X" / "das X brauch ich doch nicht": "but without the sight glass" was refused
 *    as a request to skip the checks (the classifier's reading of "without"); "aber ohne das Fett" was not understood;
 *    "ok place it, but without the grease" placed the grease. Words left off that all name one line of the order, and
 *    no check, drop that line.
 * 4. "and 1 tip holder for the same torch" beside a contact tip line: the sameness is of the machine — the clause names
 *    another product, it is no count (nor more) of the line.
 *
 * Of the tests, 16 failed on main; the guards and three German phrasings passed there already.
 */
import { describe, expect, test } from "vitest";
import {
  chatAfter,
  draftAfter,
  draftLines,
  fluidWorld,
  hvacWorld,
  lastTurn,
  powertransWorld,
  watertreatWorld,
  weldingWorld,
  sorted,
  type World,
} from "./helpers.ts";

const T = 120_000;

describe("a line named by its words and a count", () => {
  const ptOrder = "for band 3: 2 UCP-206, 4 VB-XPZ-1400 and 1 LUB-HT2-400";
  const wtOrder = "2 FH-CF20-PP and 3 FC-PP5-20";
  const hvOrder = "2 FD-DML-084 and 1 SG-SGN-12 for the MS Elbe chiller";
  const cases: [() => World, string, string, string, string[]][] = [
    [powertransWorld, "T-7001", ptOrder, "make the grease 2", ["2 UCP-206", "4 VB-XPZ-1400", "2 LUB-HT2-400"]],
    [powertransWorld, "T-7001", ptOrder, "the grease 2 please", ["2 UCP-206", "4 VB-XPZ-1400", "2 LUB-HT2-400"]],
    [powertransWorld, "T-7001", ptOrder, "mach das Fett 2", ["2 UCP-206", "4 VB-XPZ-1400", "2 LUB-HT2-400"]],
    // Guards (passed before): German phrasings the count was read in already.
    [powertransWorld, "T-7001", ptOrder, "vom Fett bitte 2", ["2 UCP-206", "4 VB-XPZ-1400", "2 LUB-HT2-400"]],
    [hvacWorld, "H-2005", hvOrder, "das Schauglas bitte 3", ["2 FD-DML-084", "3 SG-SGN-12"]],
  ];
  for (const [world, customer, order, edit, want] of cases)
    test(
      edit,
      async () => {
        expect(sorted(await draftAfter(world, customer, order, edit))).toEqual([...want].sort());
      },
      T,
    );
  // Guards: a count beside a value of another variant still switches; the line's own number is no count.
  test(
    "guard: 'make the grease the EP one' switches the variant",
    async () => {
      expect(sorted(await draftAfter(powertransWorld, "T-7001", ptOrder, "make the grease the EP one"))).toEqual(
        ["2 UCP-206", "4 VB-XPZ-1400", "1 LUB-EP2-400"].sort(),
      );
    },
    T,
  );
  test(
    "guard: 'make the filter housing 1' keeps working",
    async () => {
      expect(sorted(await draftAfter(watertreatWorld, "W-8101", wtOrder, "make the filter housing 1"))).toEqual(
        ["1 FH-CF20-PP", "3 FC-PP5-20"].sort(),
      );
    },
    T,
  );
});

describe("several edits in one message, each to the line it names", () => {
  const fpOrder =
    "For the press maintenance weekend I need: Big Bertha 2 return filter elements 10 µm and 1 pressure filter element, for the hot press the main ram seal kit FKM, and 4 pails HLP 46";
  const fpWant = (pf: number, oil: number) => [
    "2 FE-RF-330-10",
    `${pf} FE-PF-110-05`,
    `${oil} OIL-HLP46-20`,
    "1 SK-PR250-MAIN-FKM",
  ];
  const hvOrder = "2 FD-DML-084 and 1 SG-SGN-12 for the MS Elbe chiller";
  const cases: [() => World, string, string, string, string[]][] = [
    [
      fluidWorld,
      "F-4001",
      fpOrder,
      "please add one more pressure element for big bertha so 2 in total, and the oil only 3 pails",
      fpWant(2, 3),
    ],
    [fluidWorld, "F-4001", fpOrder, "one more pressure element please, and the oil 3 pails", fpWant(2, 3)],
    [
      fluidWorld,
      "F-4001",
      fpOrder,
      "one more return element, and the oil 5 pails",
      ["3 FE-RF-330-10", "1 FE-PF-110-05", "5 OIL-HLP46-20", "1 SK-PR250-MAIN-FKM"],
    ],
    // (passed before: a guard)
    [fluidWorld, "F-4001", fpOrder, "noch ein Druckfilterelement dazu, und vom Öl nur 3 Eimer", fpWant(2, 3)],
    [
      powertransWorld,
      "T-7001",
      "for band 3: 2 UCP-206, 4 VB-XPZ-1400 and 1 LUB-HT2-400",
      "one more bearing, and the belts only 3",
      ["3 UCP-206", "3 VB-XPZ-1400", "1 LUB-HT2-400"],
    ],
    [hvacWorld, "H-2005", hvOrder, "one more drier please, and 3 sight glasses", ["3 FD-DML-084", "3 SG-SGN-12"]],
    [
      hvacWorld,
      "H-2005",
      hvOrder,
      "noch einen Trockner mehr bitte, und die Schaugläser nur 3",
      ["3 FD-DML-084", "3 SG-SGN-12"],
    ],
    [
      hvacWorld,
      "H-2005",
      hvOrder,
      "2 more driers, so 4 in total, and 2 sight glasses",
      ["4 FD-DML-084", "2 SG-SGN-12"],
    ],
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
    "guard: 'make the driers 3 and the sight glass 2'",
    async () => {
      expect(sorted(await draftAfter(hvacWorld, "H-2005", hvOrder, "make the driers 3 and the sight glass 2"))).toEqual(
        ["3 FD-DML-084", "2 SG-SGN-12"].sort(),
      );
    },
    T,
  );
});

describe("a line dropped by 'without' or 'don't need'", () => {
  const ptOrder = "for band 3: 2 UCP-206, 4 VB-XPZ-1400 and 1 LUB-HT2-400";
  const hvOrder = "2 FD-DML-084 and 1 SG-SGN-12 for the MS Elbe chiller";
  const cases: [() => World, string, string, string, string[]][] = [
    [hvacWorld, "H-2005", hvOrder, "but without the sight glass", ["2 FD-DML-084"]],
    [hvacWorld, "H-2005", hvOrder, "ok, but without the sight glass please", ["2 FD-DML-084"]],
    [powertransWorld, "T-7001", ptOrder, "but without the grease", ["2 UCP-206", "4 VB-XPZ-1400"]],
    [powertransWorld, "T-7001", ptOrder, "aber ohne das Fett", ["2 UCP-206", "4 VB-XPZ-1400"]],
    [powertransWorld, "T-7001", ptOrder, "das Fett brauch ich doch nicht", ["2 UCP-206", "4 VB-XPZ-1400"]],
    // Guards (passed before).
    [hvacWorld, "H-2005", hvOrder, "aber ohne das Schauglas", ["2 FD-DML-084"]],
    [powertransWorld, "T-7001", ptOrder, "forget the grease, we have some", ["2 UCP-206", "4 VB-XPZ-1400"]],
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
    "'ok place it, but without the grease' drops the grease and places nothing yet",
    async () => {
      const chat = await chatAfter(powertransWorld, "T-7001", ptOrder, "ok place it, but without the grease");
      expect(sorted(draftLines(chat))).toEqual(["2 UCP-206", "4 VB-XPZ-1400"].sort());
    },
    T,
  );
  test(
    "guard: 'place it without the checks' is still refused, nothing removed",
    async () => {
      const t = await lastTurn(powertransWorld, "T-7001", ptOrder, "just place it without the checks");
      expect(t.lines.length).toBe(3);
      expect(t.tools).not.toContain("remove_line");
    },
    T,
  );
});

describe("an edit beside a new item for the same machine", () => {
  // "and 1 tip holder for the same torch" set the contact tip line to 1: the sameness is of the machine, and the
  // words name a product the order lacks — no count of the line.
  test(
    "no wait, make it 4 boxes. and 1 tip holder for the same torch",
    async () => {
      const lines = await draftAfter(
        weldingWorld,
        "WD-4104",
        "3 box contact tips 1.2 for Line 3 welder pls",
        "no wait, make it 4 boxes. and 1 tip holder for the same torch",
      );
      expect(lines.find((l) => l[0] === "CT-501-12")?.[1]).toBe(4);
    },
    T,
  );
});
