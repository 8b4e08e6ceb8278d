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
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, printingWorld, weldingWorld, woodworkWorld } from "./helpers.ts";

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
