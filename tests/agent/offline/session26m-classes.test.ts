/**
 * Session 26m: several items in one message.
 *
 * 1. One count said once for every item of a list: "je 10 Stück Korn 120 und Korn 150", "3 boxes each of X and Y",
 *    "pH electrode 120 mm and redox electrode 120 mm, 3 of each" gave one line or none (the count stood beside the
 *    first item only). The count goes to each item; a bare value of the list ("grit 120 and 150") is the first item's
 *    kind with that value, and the kind named before the count ("sanding belts, 10 each of …") each item's.
 * 2. A part that only says the count of the item before with its kind word: "plates for the big one. 1030 size, 0.3 mm
 *    thermal, 300 plates please" put 1 pack of the described plate and 6 packs of another plate on the order (the kind
 *    word alone found a 510 plate). A counted part whose words are all words the last uncounted item was named with
 *    gives that item its count; an item asked for without a count whose words a later counted item carries is that
 *    item (no list to pick from). (English only failed before: the German phrasing found the plate in its own part.)
 * 3. A discontinued product beside its successor, the one that fits the machine: "10 Stück Schleifbänder Korn 120 für
 *    die Breitband" listed the K120 and its predecessor K120-X (both fit) — the predecessor is no other choice.
 * 4. The machine's listed part over the product named: "4 boxes of the 25 micron bags for the bag filter" ordered the
 *    "Lid O-ring for bag filter housing" (the only part the housing's fitment lists; "bags" — a plural of four letters
 *    the stemmer keeps — matched no bag, and a tie went back to the search score, where the listed part leads). The
 *    word is read as its singular, a word of three letters names the parts that are one over a listed part that only
 *    serves it, and ties keep that order: the bags are offered. (Narrowing the list by "25 micron" as names write
 *    "25 µm" cost a held-out fluidpower conversation and was taken out: the buyer still picks among the bags.)
 *    (Only the English phrasings failed before; no second catalog showed the class in the probes made.)
 */
import { describe, expect, test } from "vitest";
import {
  draftAfter,
  foodtechWorld,
  lastTurn,
  printingWorld,
  sorted,
  watertreatWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

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
    [
      foodtechWorld,
      "C-7101",
      "Bitte Türdichtung P12 Silikon, je 5 m für Ofen 1 und Ofen 2.",
      ["5 TD-P12-SIL", "5 TD-P12-SIL"],
    ],
    [
      foodtechWorld,
      "C-7101",
      "door gasket P12 silicone, 5 m each for oven 1 and oven 2",
      ["5 TD-P12-SIL", "5 TD-P12-SIL"],
    ],
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

describe("a part that only says the count of the item before", () => {
  const cases: [() => World, string, string, string[]][] = [
    [
      printingWorld,
      "PR-4105",
      "Hi, we need plates for the big one. 1030 size, 0.3 mm thermal, 300 plates please",
      ["6 PL-1030-030-T50"],
    ],
    [
      printingWorld,
      "PR-4105",
      "Hi, we need plates for the big one: 1030 size, 0.3 mm thermal, 150 plates",
      ["3 PL-1030-030-T50"],
    ],
    // Guards (passed before): the German count where its part found the item, and items asked for once.
    [
      printingWorld,
      "PR-4105",
      "Wir brauchen Platten für the big one. 1030er, 0,3 mm thermal, 300 Platten bitte",
      ["6 PL-1030-030-T50"],
    ],
    [
      woodworkWorld,
      "WW-3104",
      "Wir brauchen Leim für die Kantenanleimmaschine, EVA natur. 3 Sack Leim bitte",
      ["3 LM-EVA-N-25"],
    ],
    [
      woodworkWorld,
      "WW-3104",
      "we need glue for the edge bander, EVA natural. 3 bags of glue please",
      ["3 LM-EVA-N-25"],
    ],
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

describe("a discontinued predecessor beside the one product that fits", () => {
  const cases: [() => World, string, string, string[]][] = [
    [woodworkWorld, "WW-3102", "10 Stück Schleifbänder Korn 120 für die Breitband", ["10 SBB-1350-2620-K120"]],
    [woodworkWorld, "WW-3102", "10 pieces sanding belts grit 120 for the Breitband", ["10 SBB-1350-2620-K120"]],
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

describe("words of the machine's kind do not make its listed part the product", () => {
  // The bags themselves are offered (or ordered), never the lid O-ring the housing's fitment lists.
  const cases: [() => World, string, string][] = [
    [watertreatWorld, "W-8105", "ok 4 boxes of the 25 micron bags for the bag filter at Hull"],
    [watertreatWorld, "W-8105", "5 boxes of filter bags 25 micron for the bag filter"],
    // Guard (passed before): the German phrasing.
    [watertreatWorld, "W-8105", "4 Karton Filterbeutel 25 Mikron für den Beutelfilter"],
  ];
  for (const [world, customer, say] of cases)
    test(
      say,
      async () => {
        const t = await lastTurn(world, customer, say);
        expect(t.lines.map((l) => l[0])).not.toContain("FH-OR-MB2-EPDM");
        expect(t.text).toContain("FB-PP25-S2");
      },
      T,
    );
  test(
    "2 lid O-rings for the bag filter (guard)",
    async () => {
      expect(sorted(await draftAfter(watertreatWorld, "W-8105", "2 lid O-rings for the bag filter"))).toEqual([
        "2 FH-OR-MB2-EPDM",
      ]);
    },
    T,
  );
});
