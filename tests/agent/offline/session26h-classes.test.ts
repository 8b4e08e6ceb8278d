/**
 * Session 26 (lead): an earlier order repeated with changes, in one message — found in visible woodwork, packaging,
 * welding and powertrans transcripts ("like our last order, but without the router bits this time", "but 30 m of
 * chain this time", "but wire 16 spools this time (not 12)", "wie letztes Mal, aber diesmal 6 Sack Leim").
 *
 * An earlier order named by its month had one reading of its changes (`orderOfMonth`: lines left out, a count that
 * replaces another); an order named as the last one ("last order", "last time", "letzte Bestellung", "letztes Mal")
 * had none — it took one line the words named, with any count of the message. Now both are the same reading: which
 * order (the latest of the month, or the latest; for the machine named when one is), which of its lines (those the
 * words name, without those a negated piece names), each line's count (a count said with the words of one line, a
 * count that replaces another, else the earlier one), and the counted items beside it that name no line of it.
 */
import { describe, expect, test } from "vitest";
import {
  chatAfter,
  demoWorld,
  draftLines,
  hvacWorld,
  packagingWorld,
  powertransWorld,
  sorted,
  weldingWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

const T = 60_000;

describe("an earlier order repeated with changes", () => {
  const cases: [() => World, string, string, string[]][] = [
    // Lines left out of the last order.
    [
      woodworkWorld,
      "WW-3106",
      "same as our last order, but without the router bits this time",
      ["3 LM-PUR-N-2KP@M-3106-02"],
    ],
    [
      demoWorld,
      "C-1001",
      "same as last time but without the grease please",
      ["1 SE-HS40-SIC-EPDM@M-1001-03", "2 SE-MS24-CC-EPDM@M-1001-01"],
    ],
    [
      demoWorld,
      "C-1001",
      "wie letztes Mal, aber ohne das Fett",
      ["1 SE-HS40-SIC-EPDM@M-1001-03", "2 SE-MS24-CC-EPDM@M-1001-01"],
    ],
    [
      powertransWorld,
      "T-7001",
      "bitte nochmal wie bei der letzten Bestellung für Band 3, aber ohne die Kette",
      ["4 UCP-206@M-7001-01"],
    ],
    // A count said with the words of one line of it.
    [
      packagingWorld,
      "PK-2104",
      "like our last order for Conveyor 7, the chain and 2 bags of pins, but 30 m of chain this time",
      ["2 CC-PIN-103@M-2104-06", "30 CC-103-FT@M-2104-06"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      "wie letztes Mal, aber diesmal 6 Sack Leim",
      ["2 KS-300-30-96FT@M-3101-01", "2 VR-120-20-24K@M-3101-01", "6 LM-EVA-N-25@M-3101-03"],
    ],
    // A count that replaces the earlier one, the words between them many.
    [
      weldingWorld,
      "WD-4104",
      "same as in April for the line 3 welder but 16 spools of wire this time instead of 12",
      ["16 WR-FCW-12-16@", "2 FR37-VK12@M-4104-02"],
    ],
    [
      weldingWorld,
      "WD-4104",
      "same like in april for line 3 welder, but wire 16 spools this time (not 12)",
      ["16 WR-FCW-12-16@", "2 FR37-VK12@M-4104-02"],
    ],
    [
      hvacWorld,
      "H-2001",
      "wie bei der letzten Bestellung für den Edeka-Tiefkühler, aber 3 Flaschen Kältemittel statt 2",
      ["1 FD-DML-084@M-2001-02", "3 REF-R449A-10@M-2001-02"],
    ],
    // Counts said for its lines, item by item.
    [
      packagingWorld,
      "PK-2104",
      "like last time for Conveyor 7: 25 m of the chain and 3 bags of pins",
      ["25 CC-103-FT@M-2104-06", "3 CC-PIN-103@M-2104-06"],
    ],
    [
      hvacWorld,
      "H-2001",
      "für den Edeka-Tiefkühler wie beim letzten Mal: 3 Flaschen Kältemittel und einen Filtertrockner",
      ["1 FD-DML-084@M-2001-02", "3 REF-R449A-10@M-2001-02"],
    ],
    // Counted items beside the earlier order.
    [
      woodworkWorld,
      "WW-3106",
      "same as last time but without the router bits, plus 2 sanding belts grit 150 for the sander",
      ["2 SBB-1350-2620-K150@M-3106-05", "3 LM-PUR-N-2KP@M-3106-02"],
    ],
    [
      packagingWorld,
      "PK-2104",
      "wie bei der letzten Bestellung für Conveyor 7, aber 30 m Kette, und dazu 2 Gegenleisten für den L-Sealer",
      ["2 CC-PIN-103@M-2104-06", "2 SR-SW-600@M-2104-04", "30 CC-103-FT@M-2104-06"],
    ],
  ];
  for (const [world, customer, text, want] of cases)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(
        draftLines(chat)
          .map((l) => `${l[1]} ${l[0]}@${l[2] ?? ""}`)
          .sort(),
      ).toEqual(want);
    });

  // Guards: what worked before keeps working.
  test("guard: the last order for a machine, unchanged", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "same as last time for the Edeka freezer");
    expect(sorted(draftLines(chat))).toEqual(["1 FD-DML-084", "2 REF-R449A-10"]);
  });
  test("guard: one line of the last order, by its words", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "the same filter drier as last time, for the edeka freezer");
    expect(sorted(draftLines(chat))).toEqual(["1 FD-DML-084"]);
  });
  test("guard: a month's order with a line left out", { timeout: T }, async () => {
    const chat = await chatAfter(powertransWorld, "T-7001", "die Stehlager wie im April für Band 3, die Kette nicht");
    expect(sorted(draftLines(chat))).toEqual(["4 UCP-206"]);
  });
});
