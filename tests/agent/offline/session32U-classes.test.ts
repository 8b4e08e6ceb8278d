/**
 * Session 32 (helper U):
 * 1. "what if I order 20?", "and if I take 20?", "und wenn ich 20 bestelle?" after a price was given put the count on
 *    the order: a count the buyer only weighs (a question that opens with a condition, no word that orders outright)
 *    asks the price at that count and the offer stays open. Guards: "ok, 20 then", "20 please", "if it's in stock, 20
 *    please" add.
 * 2. "Und no 2 Kessel …": the southern "no" before a number is "noch" (a "no" that opens the message stays).
 * 3. "24-V-Bremse", "230-V-Spule": an option value written as a hyphenated compound is that value ("24 V Bremse").
 */
import { describe, expect, test } from "vitest";
import { findOptions } from "../../../agent/models/offline/recognise.ts";
import { standardSpelling } from "../../../agent/models/offline/dialect.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { importedDatabase } from "../../support/db-images.ts";
import {
  agripartsWorld,
  automationWorld,
  chatAfter,
  draftLines,
  fluidWorld,
  hvacWorld,
  powertransWorld,
} from "./helpers.ts";

const T = 60_000;

describe("a count weighed after a price is the price at that count", () => {
  for (const [world, customer, ask, weigh] of [
    [hvacWorld, "H-2005", "how much are the DML 084 filter driers?", "what if I order 20?"],
    [hvacWorld, "H-2005", "how much are the DML 084 filter driers?", "and if I take 20?"],
    [hvacWorld, "H-2005", "how much are the DML 084 filter driers?", "say I need 20?"],
    [fluidWorld, "F-4001", "what does OIL-HLP46-20 cost?", "and what if I order 6?"],
    [automationWorld, "A-3001", "was kostet ACC-DIN35-2M?", "und wenn ich 20 bestelle?"],
    [automationWorld, "A-3001", "was kostet ACC-DIN35-2M?", "Angenommen, wir nehmen 20?"],
  ] as const)
    test(`${customer}: "${weigh}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, ask, weigh);
      const last = chat.turns.at(-1)!;
      expect(draftLines(chat)).toEqual([]);
      expect(last.text).toMatch(/(?:price for|Preis für) (?:20|6)(?: \p{L}+)? ×/iu);
    });
  for (const say of ["ok, 20 then", "20 please"])
    test(`guard: "${say}" adds 20`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2005", "how much are the DML 084 filter driers?", say);
      expect(draftLines(chat).map((l) => l[1])).toEqual([20]);
    });
  test("guard: 'if it's in stock, 20 please' is no price question (the stock is checked, as before)", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2005",
      "how much are the DML 084 filter driers?",
      "if it's in stock, 20 please",
    );
    expect(chat.turns.at(-1)!.text).not.toMatch(/price for 20/u);
  });
  test("guard: the weighed price, then 'ok add them', adds 20", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2005",
      "how much are the DML 084 filter driers?",
      "what if I order 20?",
      "ok add them",
    );
    expect(draftLines(chat).map((l) => l[1])).toEqual([20]);
  });
});

describe("the southern 'no' before a number is 'noch'", () => {
  const lexicon = { knows: (w: string) => ["stück", "kessel"].includes(w), nameWords: new Set<string>() };
  test("inside a sentence, before a number", () => {
    expect(standardSpelling("Und no 2 Kessel Öl", lexicon)).toMatch(/Und noch 2 Kessel/u);
    expect(standardSpelling("bräucht ma no 3 Stück", lexicon)).toMatch(/ma noch 3 Stück/u);
  });
  test("guard: a 'no' that opens the message, a capital 'No' before a number", () => {
    expect(standardSpelling("no 2 Stück reichen", lexicon)).toMatch(/^no 2/u);
    expect(standardSpelling("Typ No 3 bitte", lexicon)).toMatch(/Typ No 3/u);
  });
  test("A-9002: 'Und no 2 Kessel Bio-Hydrauliköl HEES' orders two pails (guard)", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9002",
      "Für de Hansi: Und no 2 Kessel Bio-Hydrauliköl HEES, wie s letscht Mal.",
    );
    expect(draftLines(chat).map((l) => l[1])).toEqual([2]);
  });
});

describe("an option value as a hyphenated compound", () => {
  const reader = createCatalogReader(importedDatabase("evals/catalogs/powertrans").$client);
  const gear = () => reader.inLanguage!("de").configModel("CM-GM")!;
  for (const said of ["Dann mit der 24-V-Bremse", "with the 24-V brake", "mit 24-V-DC-Bremse"])
    test(`"${said}" is the 24 V brake`, () => {
      expect(findOptions(said, gear()).brake).toEqual(["br24"]);
    });
  test("guard: '230-V-Bremse' is the 230 V one, '24 V Bremse' still the 24 V one", () => {
    expect(findOptions("die 230-V-Bremse", gear()).brake).toEqual(["br230"]);
    expect(findOptions("Dann mit der 24 V Bremse", gear()).brake).toEqual(["br24"]);
  });
  test("T-7001: 'Dann mit der 24-V-Bremse' after a gear motor without brake", { timeout: T }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7001",
      "Getriebemotor fürs Steigband: 1,1 kW, i=20, 400V 50Hz, Aufsteck (Hohlwelle), ohne Bremse, IP55",
      "ach stimmt, das Band ist ja schräg. Dann mit der 24-V-Bremse",
    );
    const text = chat.turns.at(-1)!.text;
    expect(text).not.toMatch(/Bremse false passt nicht/u);
  });
});
