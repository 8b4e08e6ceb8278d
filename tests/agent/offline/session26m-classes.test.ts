/**
 * Session 26m: several items in one message.
 *
 * 1. One count said once for every item of a list: "je 10 Stück Korn 120 und Korn 150", "3 boxes each of X and Y",
 *    "pH electrode 120 mm and redox electrode 120 mm, 3 of each" gave one line or none (the count stood beside the
 *    first item only). The count goes to each item; a bare value of the list ("grit 120 and 150") is the first item's
 *    kind with that value, and the kind named before the count ("sanding belts, 10 each of …") each item's.
 */
import { describe, expect, test } from "vitest";
import { draftAfter, sorted, watertreatWorld, woodworkWorld, type World } from "./helpers.ts";

const T = 120_000;

describe("one count for every item of a list", () => {
  const cases: [() => World, string, string, string[]][] = [
    [
      woodworkWorld,
      "WW-3102",
      "Für die Breitband bräucht ma Schleifbänder, je 10 Stück Korn 150 und Korn 180.",
      ["10 SBB-1350-2620-K150", "10 SBB-1350-2620-K180"],
    ],
    [
      woodworkWorld,
      "WW-3102",
      "For the wide belt sander I need sanding belts, 10 each of grit 120 and grit 150",
      ["10 SBB-1350-2620-K120", "10 SBB-1350-2620-K150"],
    ],
    [
      woodworkWorld,
      "WW-3102",
      "sanding belts grit 120 and 150, 10 of each please",
      ["10 SBB-1350-2620-K120", "10 SBB-1350-2620-K150"],
    ],
    [
      woodworkWorld,
      "WW-3106",
      "we need 3 boxes each of grit 120 and grit 180 sanding belts",
      ["3 SBB-1350-2620-K120", "3 SBB-1350-2620-K180"],
    ],
    [
      watertreatWorld,
      "W-8106",
      "I need 2 boxes each of the 20 inch melt-blown cartridges 5 micron and 10 micron",
      ["2 FC-PP5-20", "2 FC-PP10-20"],
    ],
    [
      watertreatWorld,
      "W-8106",
      "je 2 Karton Filterkerzen 20 Zoll schmelzgeblasen 5 µm und 10 µm",
      ["2 FC-PP5-20", "2 FC-PP10-20"],
    ],
    [
      watertreatWorld,
      "W-8106",
      "pH electrode 120 mm and redox electrode 120 mm, 3 of each",
      ["3 SE-PH-120", "3 SE-RX-120"],
    ],
    [
      watertreatWorld,
      "W-8106",
      "pH-Elektrode 120 mm und Redox-Elektrode 120 mm, je 3 Stück",
      ["3 SE-PH-120", "3 SE-RX-120"],
    ],
    // Guards: counts of their own, and a count said for each machine.
    [watertreatWorld, "W-8106", "3 pH electrodes 120 mm and 2 redox electrodes 120 mm", ["3 SE-PH-120", "2 SE-RX-120"]],
  ];
  for (const [world, customer, say, want] of cases)
    test(
      say,
      async () => {
        expect(sorted(await draftAfter(world, customer, say))).toEqual([...want].sort());
      },
      T,
    );
});
