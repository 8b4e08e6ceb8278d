/**
 * Session 33 (helper B), fresh buyers of the food, print and packaging trades: "Need a 12mm blade set for slicer B,
 * and one for slicer A too", "2 Zackenmesser für Schlauchbeutler 1 und eins für Schlauchbeutler 2", "… für Ofen 1 und
 * dasselbe für Ofen 2" — a clause of a count (or a word of sameness) and another machine, naming no product, was read
 * as part of the item before: one item with two machines, and the buyer was asked which machine. It is the item before
 * again for that machine: each machine gets its line, with the product that fits it.
 * Guards: each item said in full, one item for one machine, and a clause that says more than a count and a machine.
 *
 * "Was kostet das HSS-Messer für den Polar?", "what does the HSS-knife … cost?": a hyphenated word that a kit's list of
 * contents writes as it is ("Messerwechselset SC 115 (HSS-Messer, …)") named the kit, not the part whose name carries
 * each of its words ("Schneidmesser 1150 mm HSS …"). A part carries a hyphenated word by its parts, as it carries a
 * compound by its head: the part, tied with its kit, is what was asked for. Guard: the kit asked for by its own name.
 */
import { describe, expect, test } from "vitest";
import {
  chatAfter,
  demoWorld,
  draftLines,
  foodtechWorld,
  lastTurn,
  packagingWorld,
  printingWorld,
  sorted,
} from "./helpers.ts";

const T = 60_000;

describe("a count for another machine asks for the item before again, for that machine", () => {
  for (const [world, customer, text, lines] of [
    [
      foodtechWorld,
      "C-7102",
      "Need a 12mm blade set for slicer B, and one for slicer A too",
      [
        ["GM-BS450-12", 1, "M-7102-04"],
        ["GM-BS450-12", 1, "M-7102-03"],
      ],
    ],
    [
      packagingWorld,
      "PK-2101",
      "2 Zackenmesser für Schlauchbeutler 1 und eins für Schlauchbeutler 2",
      [
        ["KN-FW-180-Z1", 2, "M-2101-01"],
        ["KN-FW-250-Z2", 1, "M-2101-02"],
      ],
    ],
    [
      printingWorld,
      "PR-4101",
      "2 Pack Greiferauflagen für die Speedmaster und eins für die Kleine",
      [
        ["GP-74-10", 2, "M-4101-01"],
        ["GP-52-10", 1, "M-4101-02"],
      ],
    ],
    [
      () => demoWorld(),
      "C-1001",
      "2 impellers for pump 1 and one for pump 2",
      [
        ["SP-IMP-NCP32-160-G1", 2, "M-1001-01"],
        ["SP-IMP-NCP32-160-G2", 1, "M-1001-02"],
      ],
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(chat.turns.at(-1)!.text).not.toMatch(/Which machine|Für welche Maschine/u);
      expect(draftLines(chat)).toEqual(lines);
    });
});

describe("'the same for' another machine asks for the item before again, with its count", () => {
  for (const [world, customer, text, lines] of [
    [
      packagingWorld,
      "PK-2104",
      "need 2 heating bands 280x5 for bagger 1, and the same for the L-sealer",
      [
        ["HB-280-5", 2, "M-2104-02"],
        ["HB-280-5", 2, "M-2104-04"],
      ],
    ],
    [
      foodtechWorld,
      "C-7101",
      "8 Meter Türdichtung P12 Silikon für Ofen 1 und dasselbe für Ofen 2",
      [
        ["TD-P12-SIL", 8, "M-7101-03"],
        ["TD-P12-SIL", 8, "M-7101-04"],
      ],
    ],
    [
      () => demoWorld(),
      "C-1001",
      "2 impellers for pump 1, same for pump 2",
      [
        ["SP-IMP-NCP32-160-G1", 2, "M-1001-01"],
        ["SP-IMP-NCP32-160-G2", 2, "M-1001-02"],
      ],
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      expect(draftLines(await chatAfter(world, customer, text))).toEqual(lines);
    });
});

describe("guards", () => {
  test("each item said in full still gets its own line", { timeout: T }, async () => {
    const chat = await chatAfter(
      packagingWorld,
      "PK-2101",
      "2 Zackenmesser für Schlauchbeutler 1 und 1 Zackenmesser für Schlauchbeutler 2",
    );
    expect(draftLines(chat)).toEqual([
      ["KN-FW-180-Z1", 2, "M-2101-01"],
      ["KN-FW-250-Z2", 1, "M-2101-02"],
    ]);
  });
  test("one item for one machine stays one line", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "2 impellers for pump 1");
    expect(draftLines(chat)).toEqual([["SP-IMP-NCP32-160-G1", 2, "M-1001-01"]]);
  });
  test("two items of their own, each with its machine", { timeout: T }, async () => {
    const chat = await chatAfter(
      printingWorld,
      "PR-4101",
      "Bitte drei Dosen Schwarz 2,5 kg und zwei Dosen Cyan 1 kg für die Speedmaster",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 FK-C-1", "3 FK-K-25"]);
  });
  test("a clause with words of its own beside the count is not the item again", { timeout: T }, async () => {
    const chat = await chatAfter(
      printingWorld,
      "PR-4101",
      "2 Pack Greiferauflagen für die Speedmaster und einen Beutel Saugfüße M8 für die Speedmaster",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 SF-M8-10", "2 GP-74-10"]);
  });
});

describe("a hyphenated word a kit's contents write names the part whose name carries its words", () => {
  for (const [customer, text] of [
    ["PR-4101", "Was kostet das HSS-Messer für den Polar?"],
    ["PR-4101", "Was kostet das HSS-Schneidmesser für den Polar? Und habt ihr das lagernd?"],
    ["PR-4105", "what does the HSS-knife for the cutter cost?"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const turn = await lastTurn(printingWorld, customer, text);
      expect(turn.text).toMatch(/SM-115-HSS/u);
      expect(turn.text).not.toMatch(/SET-SC115-MW/u);
    });
  test('PR-4103: "2 HSS-Messer für die Polar 115 bitte" orders the knives', { timeout: T }, async () => {
    const chat = await chatAfter(printingWorld, "PR-4103", "2 HSS-Messer für die Polar 115 bitte");
    expect(draftLines(chat)).toEqual([["SM-115-HSS", 2, "M-4103-02"]]);
  });
  test("guard: the kit by its own name is the kit", { timeout: T }, async () => {
    const turn = await lastTurn(printingWorld, "PR-4101", "Was kostet das Messerwechselset für den Polar?");
    expect(turn.text).toMatch(/SET-SC115-MW/u);
    const chat = await chatAfter(printingWorld, "PR-4101", "1 Satz Messerwechselset SC 115 bitte");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["SET-SC115-MW"]);
  });
});
