/**
 * Session 30 (helper E): to "what would you like to do?" with a switch of a line to another product offered, a reply
 * that picks the switch by its words and orders something else in the same breath ("grand so, the new fine serrated
 * ones will do then, two boxes, and two bags of the rivets", "ok dann die neuen, 5 Schachteln, und dazu 2 Gasdüsen")
 * was read as a list of new items: the offered product was added beside the line it was to replace. An item of such a
 * list that is the product of an offered switch now takes the line's place (with the count said for it; the line's
 * own count when none is said); the other items are added.
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, draftAfter, type World, watertreatWorld, weldingWorld } from "./helpers.ts";

const T = 90_000;

const SECTIONS =
  "we need a couple of boxes of them knife sections for combine two the three inch ones the coarse serrated ones same as we always had the old ones and whatever rivets go with them";

describe("an offered switch picked by its words beside another item replaces the line", () => {
  const cases: [() => World, string, string[], string[]][] = [
    [
      agripartsWorld,
      "A-9004",
      [SECTIONS, "ok the fine serrated ones, 2 boxes, and 2 bags of the rivets"],
      ["2×KRV-50", "2×KSC-76-SER-25"],
    ],
    [
      weldingWorld,
      "WD-4101",
      [
        "3 Schachteln CT-36-12-OLD für Halle 1 Platz 2",
        "ok dann die neuen, 5 Schachteln, und dazu 2 Gasdüsen GN-36-CON",
      ],
      ["2×GN-36-CON", "5×CT-36-12"],
    ],
    [
      watertreatWorld,
      "W-8101",
      ["4 membranes mb-bw4040hr for die erste", "fine, the low energy ones then, 4 pieces, and 1 box FC-PP5-10"],
      ["1×FC-PP5-10", "4×MB-BW4040-LE"],
    ],
    // Without a count for it, the line keeps its own.
    [
      weldingWorld,
      "WD-4101",
      ["3 boxes CT-36-12-OLD for Halle 1 Platz 2", "ok the successor then, and 2 gas nozzles GN-36-CON"],
      ["2×GN-36-CON", "3×CT-36-12"],
    ],
  ];
  for (const [world, customer, says, want] of cases)
    test(`${customer}: "${says.at(-1)}"`, { timeout: T }, async () => {
      const lines = await draftAfter(world, customer, ...says);
      expect(lines.map((l) => `${l[1]}×${l[0]}`).sort()).toEqual(want);
    });
});

describe("guards", () => {
  test("the switch alone still replaces the line", { timeout: T }, async () => {
    const lines = await draftAfter(agripartsWorld, "A-9004", SECTIONS, "the new fine serrated ones will do then");
    expect(lines.map((l) => l[0])).toEqual(["KSC-76-SER-25"]);
  });
  test("a list with no offered product adds beside the line", { timeout: T }, async () => {
    const lines = await draftAfter(
      weldingWorld,
      "WD-4101",
      "3 boxes CT-36-12-OLD for Halle 1 Platz 2",
      "also 2 gas nozzles GN-36-CON and 1 GN-36-CYL",
    );
    expect(lines.map((l) => l[0])).toContain("CT-36-12-OLD");
  });
});
