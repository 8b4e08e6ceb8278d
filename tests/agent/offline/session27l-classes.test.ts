/**
 * Session 27 (lead): the last order taken again, read as a whole — found trying session 26's reorders on other
 * catalogs ("sanding belts like last time, 10 of each" ordered one belt; "same belts as last time but only the 150
 * grit" the 120 one; "same as last time for Big Bertha" left the fittings of that order out; "same as last time for the
 * harrow" one tine of three lines).
 *
 * Three readings of an earlier order that held for a month's order or a list, and not for the last order:
 * - one count for each of its lines the words take ("10 of each", "je 8 Stück", "jeweils 3 Schachteln");
 * - "only …" in a change keeps just the lines its words name — a number of the product's name ("150 grit", "Korn 150",
 *   "pH 4") tells apart lines whose other words are the same;
 * - the order for a machine holds its lines for no machine too, when every other line of it is that machine's (the
 *   fittings of the hose, the gasket sets of the heating elements).
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  chatAfter,
  demoWorld,
  draftLines,
  fluidWorld,
  foodtechWorld,
  hvacWorld,
  intralogisticsWorld,
  watertreatWorld,
  type World,
  woodworkWorld,
} from "./helpers.ts";

const T = 60_000;

const lines = (chat: Awaited<ReturnType<typeof chatAfter>>) =>
  draftLines(chat)
    .map((l) => `${l[1]} ${l[0]}@${l[2] ?? ""}`)
    .sort();

describe("the last order taken again, as a whole", () => {
  const cases: [() => World, string, string, string[]][] = [
    // One count for each line.
    [
      woodworkWorld,
      "WW-3104",
      "sanding belts like last time, 10 of each",
      ["10 SBB-1350-2620-K120@M-3104-03", "10 SBB-1350-2620-K150@M-3104-03"],
    ],
    [
      woodworkWorld,
      "WW-3104",
      "Schleifbänder wie beim letzten Mal, je 8 Stück",
      ["8 SBB-1350-2620-K120@M-3104-03", "8 SBB-1350-2620-K150@M-3104-03"],
    ],
    [
      agripartsWorld,
      "A-9004",
      "mower blades like last time, 4 boxes of each",
      ["4 MBL-112-QC-CCW@M-9004-02", "4 MBL-112-QC-CW@M-9004-02"],
    ],
    [
      agripartsWorld,
      "A-9004",
      "Mähklingen wie letztes Mal, jeweils 3 Schachteln",
      ["3 MBL-112-QC-CCW@M-9004-02", "3 MBL-112-QC-CW@M-9004-02"],
    ],
    [watertreatWorld, "W-8103", "buffer solutions like last time, 4 of each", ["4 BU-PH4-250@", "4 BU-PH7-250@"]],
    // "Only" keeps the lines its words name.
    [
      woodworkWorld,
      "WW-3104",
      "same belts as last time but only the 150 grit, 8 pcs",
      ["8 SBB-1350-2620-K150@M-3104-03"],
    ],
    [
      woodworkWorld,
      "WW-3104",
      "wie letztes Mal die Schleifbänder, aber nur Korn 150",
      ["5 SBB-1350-2620-K150@M-3104-03"],
    ],
    [watertreatWorld, "W-8103", "same buffers as last time, but only the pH 4", ["2 BU-PH4-250@"]],
    [watertreatWorld, "W-8103", "die Pufferlösungen wie letztes Mal, aber nur pH 4, 3 Stück", ["3 BU-PH4-250@"]],
    // The order for a machine, with its lines for no machine.
    [fluidWorld, "F-4001", "the same as last time for Big Bertha", ["1 FIT-P-12-M22@", "8 HOSE-2SN-12@M-4001-01"]],
    [
      fluidWorld,
      "F-4001",
      "bitte nochmal das gleiche wie letztes Mal für Big Bertha",
      ["1 FIT-P-12-M22@", "8 HOSE-2SN-12@M-4001-01"],
    ],
    [
      agripartsWorld,
      "A-9005",
      "same as last time for the harrow",
      ["12 PHT-BO-L@M-9005-02", "12 PHT-BO-R@M-9005-02", "24 PHT-BO-BOLT@"],
    ],
    [foodtechWorld, "C-7105", "same as last time for deck oven 1", ["3 HD-10@", "3 HE-EO480-B-230@M-7105-01"]],
  ];
  for (const [world, customer, text, want] of cases)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      expect(lines(await chatAfter(world, customer, text))).toEqual(want);
    });

  // Guards: what worked before keeps working.
  test("guard: one line of the last order by its words, with its count", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9004", "same blades as last time but only the clockwise ones");
    expect(lines(chat)).toEqual(["2 MBL-112-QC-CW@M-9004-02"]);
  });
  test("guard: the last order of two machines, for one of them", { timeout: T }, async () => {
    const chat = await chatAfter(demoWorld, "C-1001", "same as last time for pump 1");
    expect(lines(chat)).toEqual(["2 SE-MS24-CC-EPDM@M-1001-01"]);
  });
  test("guard: the last order for a machine, unchanged", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "same as last time for the Edeka freezer");
    expect(lines(chat)).toEqual(["1 FD-DML-084@M-2001-02", "2 REF-R449A-10@M-2001-02"]);
  });
  test("guard: a month's order with no line for a machine goes to the machine named", { timeout: T }, async () => {
    const chat = await chatAfter(intralogisticsWorld, "L-8003", "das gleiche wie im Oktober für den Rampenstapler");
    expect(lines(chat)).toEqual(["4 WATER-DEMIN-25L@M-8003-02"]);
  });
  test("guard: a count said once for the one line named", { timeout: T }, async () => {
    const chat = await chatAfter(fluidWorld, "F-4001", "the same hose as last time for Big Bertha, 10 m");
    expect(lines(chat)).toEqual(["10 HOSE-2SN-12@M-4001-01"]);
  });
});

/**
 * The last order with items beside it ("same as our last order, plus 2 UV lamps for UV 2", "wie bei der letzten
 * Bestellung, dazu 2 Keilriemen für den alten Kemper"): the machine of an item beside it does not choose the order —
 * the last order stays the last one, the item goes beside it (the order of that machine was taken, or only the item).
 */
describe("the last order with items beside it", () => {
  const cases: [() => World, string, string, string[]][] = [
    [
      watertreatWorld,
      "W-8102",
      "like our last order: 6 membranes and 6 brine seals, plus 2 UV lamps for UV 2",
      ["2 UV-AM145-B@M-8102-02", "6 MB-BS-8040@M-8102-01", "6 MB-BW8040-FR@M-8102-01"],
    ],
    [
      watertreatWorld,
      "W-8102",
      "same as our last order, plus 2 UV lamps for UV 2",
      ["2 UV-AM145-B@M-8102-02", "6 MB-BS-8040@M-8102-01", "6 MB-BW8040-FR@M-8102-01"],
    ],
    [
      agripartsWorld,
      "A-9001",
      "same as last time, plus 6 rolls of net wrap 1.23 for Presse 2",
      ["3 KRV-50@", "3 KSC-76-SER-25-OLD@M-9001-01", "6 NET-123-3600@M-9001-02"],
    ],
    [
      foodtechWorld,
      "C-7101",
      "wie bei der letzten Bestellung, dazu 2 Keilriemen SPZ 1250 für den alten Kemper",
      ["2 HD-10@", "2 HE-EO480-A@M-7101-03", "2 KR-SPZ-1250@M-7101-01", "8 TD-P12-SIL@M-7101-03"],
    ],
    [
      foodtechWorld,
      "C-7101",
      "das gleiche wie letztes Mal und dazu noch 2 Keilriemen SPZ 1250 für den alten Kemper",
      ["2 HD-10@", "2 HE-EO480-A@M-7101-03", "2 KR-SPZ-1250@M-7101-01", "8 TD-P12-SIL@M-7101-03"],
    ],
  ];
  for (const [world, customer, text, want] of cases)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      expect(lines(await chatAfter(world, customer, text))).toEqual(want);
    });

  test("guard: the machine said before the last order chooses it", { timeout: T }, async () => {
    const chat = await chatAfter(fluidWorld, "F-4001", "For Big Bertha, the same hose as last time");
    expect(lines(chat)).toEqual(["8 HOSE-2SN-12@M-4001-01"]);
  });
});
