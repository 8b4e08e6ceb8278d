/**
 * Session 34 (lead): dates as buyers write them.
 * - A day and month without a year ("Liefertermin 10.12.", "bis 15.12. bitte", "am 3.1."), a day of this month ("by
 *   the 15th", "bis zum 15."), and the end or middle of a month ("bis Ende des Monats", "Ende Januar", "Mitte Januar",
 *   "mid January") and of a week ("bis Ende nächster Woche" — the Friday, "Anfang nächster Woche" — the Monday) are the
 *   date asked for: they were not read ("Sorry, I did not get that"), or read as the Tuesday.
 * - A date's numbers are never how many, nor words of a product: "bis zum 14. Dezember bitte" changed the drier line
 *   to 14 pieces; "deliver on 12/15 pls" searched the catalog for a 12/15 copper tube.
 * Guards: a size written with a slash after a product word ("2 hoses 10/12", "Dichtsatz 63/36") is no date (it set a
 *   requested date of 2027-10-12); a decimal ("Ventil 3.2") is no date; a date years away or past is none ("MPCB 6.3-10
 *   A" was 2010-06-03, "600W" 2038-06-01); a two-letter word and a count ("ok so 4 Stück") is no Sunday at 4 o'clock;
 *   counts said with a date keep their reading ("actually 3, we need them by the 15th" changes the line to 3).
 */
import { describe, expect, test } from "vitest";
import { DEMO_NOW } from "../../../catalog/seed/index.ts";
import { recogniseDate } from "../../../agent/models/offline/nlu/understand.ts";
import { chatAfter, demoWorld, draftLines, hvacWorld } from "./helpers.ts";

const T = 60_000;

describe("a date as buyers write it is the date asked for", () => {
  const now = new Date("2026-12-01T09:00:00Z");
  test.each([
    ["Liefertermin 10.12.", "de", "2026-12-10"],
    ["Liefern bis 15.12. bitte", "de", "2026-12-15"],
    ["geht das bis 03.01.?", "de", "2027-01-03"],
    ["am 3.1. wäre gut", "de", "2027-01-03"],
    ["by 18.12. please", "en", "2026-12-18"],
    ["by the 15th please", "en", "2026-12-15"],
    ["can you deliver on the 3rd?", "en", "2026-12-03"],
    ["bis zum 15. bitte", "de", "2026-12-15"],
    ["bis Ende des Monats", "de", "2026-12-31"],
    ["Lieferung Ende Januar reicht", "de", "2027-01-31"],
    ["Mitte Januar", "de", "2027-01-15"],
    ["mid January is fine", "en", "2027-01-15"],
    ["by the middle of next month", "en", "2027-01-15"],
    ["bis Mitte nächsten Monats", "de", "2027-01-15"],
    ["end of December", "en", "2026-12-31"],
    ["bis Ende nächster Woche", "de", "2026-12-11"],
    ["end of next week", "en", "2026-12-11"],
    ["bis Ende der Woche", "de", "2026-12-04"],
    ["by end of week", "en", "2026-12-04"],
    ["Anfang nächster Woche", "de", "2026-12-07"],
    ["mid next week", "en", "2026-12-09"],
    ["Ende übernächster Woche", "de", "2026-12-18"],
  ] as const)("%s → %s", (text, lang, iso) => {
    expect(recogniseDate(text, lang, now)).toBe(iso);
  });

  test.each([
    ["2 hoses 10/12 please", "en"],
    ["2 Schläuche 10/12 bitte", "de"],
    ["Dichtsatz 63/36 NBR", "de"],
    ["Ich brauche das Ventil 3.2 nochmal", "de"],
    ["2 Stück vom Typ 4.5", "de"],
    ["the 2nd one please", "en"],
    ["ok so 4 Stück", "de"],
    ["Do 3 Stück, bitte", "de"],
    ["MPCB 6.3-10 A for the palletiser", "en"],
    ["4 heater cartridges 12.5x230 600W", "en"],
    ["Magnetventil EVR 6 3/8 Bördel mit Spule", "de"],
  ] as const)("%s is no date", (text, lang) => {
    expect(recogniseDate(text, lang, now)).toBeUndefined();
  });
});

describe("a date's numbers are never how many nor a product's words", () => {
  const year = DEMO_NOW.toISOString().slice(0, 4);
  for (const [says, lines, day] of [
    [
      ["2 Filtertrockner DML 084 für den Roof chiller", "bis zum 14. Dezember bitte"],
      [["FD-DML-084", 2, "M-2001-03"]],
      "12-14",
    ],
    [
      ["2 filter driers DML 084 for the Roof chiller", "deliver on 12/15 pls"],
      [["FD-DML-084", 2, "M-2001-03"]],
      "12-15",
    ],
    [
      ["2 Filtertrockner DML 084 für den Roof chiller", "Liefertermin 18.12."],
      [["FD-DML-084", 2, "M-2001-03"]],
      "12-18",
    ],
    [["3 Filtertrockner DML 084 für den Roof chiller bis 18.12."], [["FD-DML-084", 3, "M-2001-03"]], "12-18"],
  ] as const)
    test(`H-2001: ${says.join(" / ")}`, { timeout: T }, async () => {
      const chat = await chatAfter(() => hvacWorld(), "H-2001", ...says);
      expect(draftLines(chat)).toEqual(lines);
      expect(chat.turns.at(-1)!.thread.draft.requestedDate).toMatch(new RegExp(`^20\\d\\d-${day}$`));
    });

  for (const [says, count] of [
    [["2 mech seals SE-MS28-CC-EPDM for pump 2", "deliver by Dec 14 please"], 2],
    [["2 mech seals SE-MS28-CC-EPDM for pump 2", "actually 3, we need them by the 15th"], 3],
    [["Wir brauchen 3 Gleitringdichtungen SE-MS28-CC-EPDM für Pumpe 2, Liefertermin 18.12."], 3],
  ] as const)
    test(`C-1001: ${says.join(" / ")}`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1001", ...says);
      expect(draftLines(chat)).toEqual([["SE-MS28-CC-EPDM", count, "M-1001-02"]]);
      expect(chat.turns.at(-1)!.thread.draft.requestedDate?.startsWith(year)).toBe(true);
    });

  test("C-1001: a question whether a day of the month can be met is answered for that day", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      () => demoWorld(),
      "C-1001",
      "2 mech seals SE-MS28-CC-EPDM for pump 2",
      "can you deliver them by the 15th?",
    );
    expect(draftLines(chat)).toEqual([["SE-MS28-CC-EPDM", 2, "M-1001-02"]]);
    expect(chat.turns.at(-1)!.text).toContain(`${year}-12-15`);
  });
});

/**
 * What the consultant has no data for or cannot do — shipping costs, VAT, a quote or data sheet as a document — is
 * said plainly, with what it can do, and the order stays as it was: it answered "Sorry, I did not get that".
 */
describe("a request beyond the consultant's reach is answered plainly, the order kept", () => {
  for (const [says, words] of [
    [["3 SE-MS28-CC-EPDM for pump 2", "what's the total incl. shipping?"], ["shipping costs"]],
    [["3 SE-MS28-CC-EPDM for pump 2", "and the vat?"], ["VAT"]],
    [["3 SE-MS28-CC-EPDM for pump 2", "can you send me a quote as pdf?"], ["documents"]],
    [["3 SE-MS28-CC-EPDM for pump 2", "do you have a datasheet for it?"], ["documents"]],
    [["3 SE-MS28-CC-EPDM für Pumpe 2", "Können Sie mir ein Angebot als PDF schicken?"], ["Dokumente"]],
    [["3 SE-MS28-CC-EPDM für Pumpe 2", "was kommt da noch an Versandkosten dazu?"], ["Versandkosten"]],
  ] as const)
    test(`C-1001: ${says.join(" / ")}`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1001", ...says);
      const last = chat.turns.at(-1)!;
      for (const w of words) expect(last.text).toContain(w);
      expect(last.text).not.toMatch(/did not get that|nicht verstanden/);
      expect(draftLines(chat)).toEqual([["SE-MS28-CC-EPDM", 3, "M-1001-02"]]);
      // The order is still offered for confirmation.
      await chat.confirm();
      expect(chat.turns.at(-1)!.text).toMatch(/placed|aufgegeben/);
    });

  test("guard: an order for a product stays an order", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "3 SE-MS28-CC-EPDM for pump 2", "ok, confirm");
    expect(chat.turns.at(-1)!.text).not.toMatch(/documents|shipping/);
  });
});

/** "ok so bestellen, Bestellnummer 2026-118": the checkout said nothing of the PO the same message put on the order. */
describe("order details given with the word to place the order are said back with it", () => {
  for (const [says, words] of [
    [
      ["3 SE-MS28-CC-EPDM for pump 2", "ok place the order, PO 4711-22"],
      ["PO reference 4711-22", "confirm"],
    ],
    [
      ["3 SE-MS28-CC-EPDM für Pumpe 2", "ok so bestellen, Bestellnummer 2026-118"],
      ["Bestellreferenz 2026-118", "bestätigen"],
    ],
  ] as const)
    test(`C-1001: ${says.join(" / ")}`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1001", ...says);
      for (const w of words) expect(chat.turns.at(-1)!.text).toContain(w);
      expect(chat.turns.at(-1)!.thread.draft.poReference).toBe(words[0].split(" ").at(-1));
    });
});

/** "was kostet das alles zusammen?" with two lines answered the last line's price. */
describe("a price asked of the whole order is answered with the order and its total", () => {
  for (const text of [
    "was kostet das alles zusammen?",
    "what's the total for everything?",
    "how much is that altogether?",
    "und was kostet beides?",
    "what's the grand total?",
  ])
    test(`H-2001: ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(
        () => hvacWorld(),
        "H-2001",
        "für den Roof chiller 2 Filtertrockner DML 084 und 1 Schauglas SGN 12",
        text,
      );
      const last = chat.turns.at(-1)!;
      expect(last.tools).toContain("review_order");
      expect(last.text).toMatch(/63[.,]09/);
      expect(draftLines(chat)).toEqual([
        ["FD-DML-084", 2, "M-2001-03"],
        ["SG-SGN-12", 1, "M-2001-03"],
      ]);
    });

  test("guard: the price of one line named is that line's", { timeout: T }, async () => {
    const chat = await chatAfter(
      () => hvacWorld(),
      "H-2001",
      "für den Roof chiller 2 Filtertrockner DML 084 und 1 Schauglas SGN 12",
      "was kostet das Schauglas?",
    );
    expect(chat.turns.at(-1)!.text).toContain("24,55");
    expect(chat.turns.at(-1)!.text).not.toMatch(/63[.,]09/);
  });

  test("guard: 'bitte alles zusammen bestellen' places the order", { timeout: T }, async () => {
    const chat = await chatAfter(
      () => hvacWorld(),
      "H-2001",
      "für den Roof chiller 2 Filtertrockner DML 084 und 1 Schauglas SGN 12",
      "bitte alles zusammen bestellen",
    );
    await chat.confirm();
    expect(chat.turns.at(-1)!.text).toMatch(/aufgegeben|placed/);
  });
});
