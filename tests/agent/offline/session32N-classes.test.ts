/**
 * Session 32 (lead): two readings of southern German buyers that lost an item or its count.
 * - A machine label of words and a number, said as one compound in the buyer's language ("Milchpumpe 1" for "Milk
 *   pump 1"), is that machine — its number the label's, not how many. The compound was not read as the machine, and
 *   its number became the count: "An der Milchpumpe 1 brauchen wir 3 Gleitringdichtungen" ordered one seal (found over
 *   HTTP, the two-customer check of session 31).
 * - The southern article "a" ("Mia bräuchten a neue", "a Schauglas SGN 12") counts one, as "eine" does: it was read as
 *   nothing, so the item was dropped or took the count of the next one ("a Schauglas SGN 12 und 2 Filtertrockner"
 *   ordered 2 sight glasses and no drier).
 * - A word of the catalog's names in capitals ends its sentence ("…, die hygienische mit EPDM. Dazu eine Packung …"):
 *   it was read as an abbreviation, the next sentence joined the item and the seal it described was listed, not added.
 * - "half a dozen", "ein halbes Dutzend" are six (they ordered twelve).
 * - A count the buyer corrects in the same message ("4 filter driers DML 084 – actually make that 5", "nein, 5", "sorry
 *   I meant 2", "äh, 2 Stück") is the corrected count: the first was ordered, the correction ignored.
 * - "line 1 to 5", "change line 1 to 5", "Zeile 1 auf 5": the number after a line's number is its new count, not the end
 *   of a range "1 to 5" (the message was not understood).
 * Guards: the label said as written keeps its count; "Typ A" stays a letter; "a bissl" is no count.
 */
import { describe, expect, test } from "vitest";
import { standardSpelling } from "../../../agent/models/offline/dialect.ts";
import { chatAfter, demoWorld, draftLines, fluidWorld, hvacWorld } from "./helpers.ts";

const T = 60_000;

describe("a label's compound with its number names the machine; the number counts nothing", () => {
  for (const [text, count] of [
    ["An der Milchpumpe 1 brauchen wir 3 Gleitringdichtungen, die EPDM mit FDA", 3],
    ["Bei der Milchpumpe 1 tropft die Gleitringdichtung, wir brauchen 2 neue, die EPDM mit FDA", 2],
    ["Bei der Milk pump 1 tropft die Gleitringdichtung, wir brauchen 2 neue, die EPDM mit FDA", 2],
  ] as const)
    test(text, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1006", text);
      expect(draftLines(chat)).toEqual([["SE-HS40-SIC-EPDM", count, "M-1006-01"]]);
    });
});

describe("the southern article 'a' counts one", () => {
  test("C-1006: 'Mia bräuchten a neue, die EPDM mit FDA' after the dripping seal of Milk pump 1", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      () => demoWorld(),
      "C-1006",
      "Bei der Milk pump 1 tropft die Gleitringdichtung. Mia bräuchten a neue, die EPDM mit FDA.",
    );
    expect(draftLines(chat)).toEqual([["SE-HS40-SIC-EPDM", 1, "M-1006-01"]]);
  });
  test("C-1006: the compound label, 'a neue' and 'an Karton' in one message", { timeout: T }, async () => {
    const chat = await chatAfter(
      () => demoWorld(),
      "C-1006",
      "Bei der Milchpumpe 1 in der Annahme tropft die Gleitringdichtung. Mia bräuchten a neue, die EPDM mit FDA, und an Karton Dichtringe DIN 11851 DN40 für die Verschraubungen.",
    );
    expect(draftLines(chat)).toEqual([
      ["SE-HS40-SIC-EPDM", 1, "M-1006-01"],
      ["SE-DIN11851-DN40-EPDM-B50", 1, "M-1006-01"],
    ]);
  });
  test("H-2005: 'a Schauglas SGN 12 und 2 Filtertrockner DML 084' is one glass and two driers", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2005",
      "Servus, mia bräuchten a Schauglas SGN 12 und 2 Filtertrockner DML 084",
    );
    expect(draftLines(chat)).toEqual([
      ["SG-SGN-12", 1, "M-2005-01"],
      ["FD-DML-084", 2, "M-2005-01"],
    ]);
  });

  const lexicon = { knows: (w: string) => ["neue", "dichtung", "bitte"].includes(w), nameWords: new Set<string>() };
  test.each([
    ["Mia bräuchten a neue, die EPDM", "Mia bräuchten eine neue, die EPDM"],
    ["I brauch a neuen Riemen", "I brauch einen neuen Riemen"],
    ["A Dichtung bitte", "Ein Dichtung bitte"],
    // Guards: a capital letter inside a sentence is a value; "a bissl" an amount.
    ["Spule Typ A bitte", "Spule Typ A bitte"],
    ["Dichtung Form A bitte", "Dichtung Form A bitte"],
    ["und a bissl Fett", "und a bissl Fett"],
    ["händ ihr s Schauglas no a Lager?", "händ ihr s Schauglas noch auf Lager?"],
    ["i bräucht a Lager 6205 2RS", "i bräucht ein Lager 6205 2RS"],
  ])("standardSpelling(%s) → %s", (text, standard) => expect(standardSpelling(text, lexicon)).toBe(standard));
});

describe("a catalog word in capitals ends its sentence", () => {
  for (const text of [
    "Für die Milchpumpe 1 in der Annahme brauch ma eine neue Gleitringdichtung, die hygienische mit EPDM. Dazu eine Packung Dichtringe DIN 11851 DN40 und 8 Kanister vom alkalischen CIP-Reiniger.",
    "For Milk pump 1 we need a new mechanical seal, the one with EPDM. Also a box of DIN 11851 DN40 rings and 8 cans of the alkaline CIP cleaner.",
  ])
    test(`C-1006: ${text.slice(0, 70)}…`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1006", text);
      expect(draftLines(chat)).toEqual([
        ["SE-HS40-SIC-EPDM", 1, "M-1006-01"],
        ["SE-DIN11851-DN40-EPDM-B50", 1, "M-1006-01"],
        ["CO-CLEAN-CIP-ALK-25KG", 8, "M-1006-01"],
      ]);
    });
  test("F-4001: 'einen neuen Hauptzylinder-Dichtsatz, den mit FKM. Dazu 2 Kanister …' keeps the seal kit", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "Für die Hot press brauchen wir einen neuen Hauptzylinder-Dichtsatz, den mit FKM. Dazu 2 Kanister Hydrauliköl HLP 46.",
    );
    expect(draftLines(chat)).toContainEqual(["SK-PR250-MAIN-FKM", 1, "M-4001-03"]);
  });
});

describe("half a dozen is six", () => {
  for (const [text, count] of [
    ["half a dozen filter driers DML 084", 6],
    ["ein halbes Dutzend Filtertrockner DML 084", 6],
    // Guards.
    ["a dozen filter driers DML 084", 12],
    ["two dozen filter driers DML 084", 24],
  ] as const)
    test(`H-2005: ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2005", text);
      expect(draftLines(chat)).toEqual([["FD-DML-084", count, "M-2005-01"]]);
    });
});

describe("a count corrected in the message that says it is the corrected count", () => {
  for (const [text, count] of [
    ["we need 4 filter driers DML 084 - actually make that 5", 5],
    ["4 Filtertrockner DML 084, nein, 5", 5],
    ["4 filter driers DML 084 ... sorry I meant 5", 5],
    ["4 filter driers DML 084, no wait, 6", 6],
    // Guards: "no" before no count; a count of something else after the correcting word.
    ["4 filter driers DML 084, no rush", 4],
    ["4 filter driers DML 084 for the service van no 5", 4],
    ["4 Filtertrockner DML 084, Lieferung morgen um 10", 4],
  ] as const)
    test(`H-2005: ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2005", text);
      expect(draftLines(chat)).toEqual([["FD-DML-084", count, "M-2005-01"]]);
    });
  for (const text of [
    "4 mech seals SE-MS28-CC-EPDM for pump 2 – sorry, I meant 2",
    "Für Pumpe 2 bräucht ma 3 Gleitringdichtungen SE-MS28-CC-EPDM, äh, 2 Stück",
  ])
    test(`C-1001: ${text} (the label's number is no count)`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1001", text);
      expect(draftLines(chat)).toEqual([["SE-MS28-CC-EPDM", 2, "M-1001-02"]]);
    });
});

describe("a line's number and 'to' a count set the line's count", () => {
  for (const text of ["line 1 to 5 please", "change line 1 to 5", "Zeile 1 auf 5", "pos 1 to 5 pcs"])
    test(`C-1001: ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1001", "2 mech seals SE-MS28-CC-EPDM for pump 2", text);
      expect(draftLines(chat)).toEqual([["SE-MS28-CC-EPDM", 5, "M-1001-02"]]);
    });
});
