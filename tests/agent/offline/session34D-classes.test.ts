/**
 * Session 34 (helper D).
 * 1. An adjective of a machine's label said with its noun left out — "2 für die neue" after "für die alte
 *    Formatsäge", "one for the new one" — names the buyer's machine of that adjective (short adjectives too: "alt",
 *    "neu", "old", "new"), in either language, only where a part is said to be for it. Guards: a weak reference on
 *    both sides ("for the old panel saw and one for the new one") puts no line on the wrong machine and does not fail;
 *    shares naming full labels keep working.
 * 2. Items set aside behind another question (a minimum quantity) are served once it is answered — also when they
 *    name the machine, a count and a unit ("For Halle 1 Platz 2 two boxes of contact tips 1.2"), words the catalog's
 *    search does not know.
 * 3. "je Schlauchbeutler 2 Stück", "pro Schlauchbeutler", "for each of the presses", "per CNC", "für jeden Falzer": a
 *    count per machine of a kind (a label word two or more of the buyer's machines share) is the item once for each.
 *    Guard: "was kostet … je Packung?" stays a price question.
 * 4. "für die Speedmaster das gleiche in 74", "the same in 74 for …", "dasselbe in 1,2": the item before again for
 *    another machine, in another size — the code's part of that shape changed (to the catalog's code where several
 *    parts could be).
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, packagingWorld, printingWorld, weldingWorld, woodworkWorld } from "./helpers.ts";

const T = 60_000;
const sorted = (lines: unknown[][]) => lines.map((l) => l.join(" ")).sort();

describe("an adjective with its machine noun left out names that machine", () => {
  for (const [world, customer, text, want] of [
    [
      woodworkWorld,
      "WW-3101",
      "Bitte 3 Kreissägeblätter KS-300-30-72W für die alte Formatsäge und 2 für die neue",
      ["KS-300-30-72W 3 M-3101-01", "KS-300-30-72W 2 M-3101-02"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      "2 saw blades KS-300-30-72W for the Alte Formatsäge and one for the new one",
      ["KS-300-30-72W 1 M-3101-02", "KS-300-30-72W 2 M-3101-01"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      "2 Keilrippenriemen PV-FK45-1220 für die Neue Formatsäge und einen für die alte bitte",
      ["PV-FK45-1220 1 M-3101-01", "PV-FK45-1220 2 M-3101-02"],
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(sorted(draftLines(chat))).toEqual([...want].sort());
    });
  test("guard: weak references on both sides put nothing on the wrong machine", { timeout: T }, async () => {
    const chat = await chatAfter(
      woodworkWorld,
      "WW-3101",
      "2 saw blades KS-300-30-72W for the old panel saw and one for the new one",
    );
    expect(chat.turns.at(-1)!.text).not.toMatch(/unavailable/u);
    expect(draftLines(chat).filter((l) => l[2] === "M-3101-02" && l[1] === 2)).toEqual([]);
  });
  test("guard: shares over full labels keep working", { timeout: T }, async () => {
    const chat = await chatAfter(
      printingWorld,
      "PR-4101",
      "2 Pack Greiferauflagen GP-52-10 für die Kleine und 1 für die Speedmaster",
    );
    expect(sorted(draftLines(chat))).toEqual(["GP-52-10 1 M-4101-01", "GP-52-10 2 M-4101-02"]);
  });
});

describe("items set aside behind a question are served once it is answered", () => {
  for (const [text, answer] of [
    ["For Halle 1 Platz 2 two boxes of contact tips 1.2 and three gas nozzles", "1"],
    ["Für Halle 1 Platz 2 bitte zwei Schachteln Kontaktrohre 1,2 und drei Gasdüsen konisch", "ja auf 5"],
  ] as const)
    test(`WD-4101: "${text}" / "${answer}"`, { timeout: T }, async () => {
      const chat = await chatAfter(weldingWorld, "WD-4101", text, answer);
      expect(sorted(draftLines(chat))).toEqual(["CT-36-12 2 M-4101-01", "GN-36-CON 5 M-4101-01"]);
    });
});

describe("a count per machine of a kind is the item for each of them", () => {
  for (const [world, customer, text, want] of [
    [
      packagingWorld,
      "PK-2101",
      "Heizpatronen HC-12-160-400: je Schlauchbeutler 2 Stück",
      ["HC-12-160-400 2 M-2101-01", "HC-12-160-400 2 M-2101-02"],
    ],
    [
      packagingWorld,
      "PK-2101",
      "Heizpatronen HC-12-160-400, 2 Stück pro Schlauchbeutler",
      ["HC-12-160-400 2 M-2101-01", "HC-12-160-400 2 M-2101-02"],
    ],
    [
      printingWorld,
      "PR-4104",
      "2 packs of GP-52-10 for each of the presses",
      ["GP-52-10 2 M-4104-01", "GP-52-10 2 M-4104-02"],
    ],
    [
      woodworkWorld,
      "WW-3106",
      "2 VHM compression cutters FR-VHM-12-S12 per CNC",
      ["FR-VHM-12-S12 2 M-3106-03", "FR-VHM-12-S12 2 M-3106-04"],
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(sorted(draftLines(chat))).toEqual([...want].sort());
    });
  test("guard: a price per pack stays a price question", { timeout: T }, async () => {
    const chat = await chatAfter(printingWorld, "PR-4101", "was kostet GP-52-10 je Packung?");
    expect(chat.turns.at(-1)!.text).toMatch(/59,00/u);
    expect(draftLines(chat)).toEqual([]);
  });
});

describe("the same in another size for another machine", () => {
  for (const [world, customer, text, want] of [
    [
      printingWorld,
      "PR-4101",
      "Für die Kleine 4 Gummitücher GT-52-NBR-KS und für die Speedmaster das gleiche in 74",
      ["GT-52-NBR-KS 4 M-4101-02", "GT-74-NBR-SS 4 M-4101-01"],
    ],
    [
      printingWorld,
      "PR-4101",
      "4 blankets GT-52-NBR-KS for die Kleine and the same in 74 for the Speedmaster",
      ["GT-52-NBR-KS 4 M-4101-02", "GT-74-NBR-SS 4 M-4101-01"],
    ],
    [
      weldingWorld,
      "WD-4101",
      "2 Schachteln CT-36-10 für Halle 1 Platz 4 und für Halle 1 Platz 2 das gleiche in 1,2",
      ["CT-36-10 2 M-4101-02", "CT-36-12 2 M-4101-01"],
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(sorted(draftLines(chat))).toEqual([...want].sort());
    });
});
