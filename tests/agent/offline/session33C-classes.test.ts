/**
 * Session 33 (helper C), fresh buyers of three trades.
 *
 * 1. "Need bearings 6205 for …, qty ten", "Spannbuchsen 1610 mit 30er Bohrung, Stückzahl zwei": a number after the
 *    plural of the word the catalog's names write before it ("ball bearing 6205", "Spannbuchse 1610") is the type,
 *    not how many — as it was after the singular. Read as the count it ordered 6205 boxes.
 * 2. "… 4 Lager 22210 und es Dichtigsset fürs Getriebe", "… und e Starterbatterie": the Swiss article "es"/"e" before
 *    a noun is "ein"/"eine" — the item was read as the pronoun "es" pointing back at the item before and was dropped
 *    without a word. Guards: the pronoun ("es soll schnell gehen", "es isch dringend") and English stay as they were.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, hvacWorld, intralogisticsWorld, powertransWorld, sorted } from "./helpers.ts";

const T = 60_000;

describe("a number after the plural of a name's word is the type, not how many", () => {
  for (const [world, customer, text, want] of [
    [powertransWorld, "T-7005", "Need bearings 6205 2RS for Line 2 infeed, qty ten", ["10 BRG-6205-2RS"]],
    [powertransWorld, "T-7005", "bearings 6206 2RS, quantity 4 please", ["4 BRG-6206-2RS"]],
    [powertransWorld, "T-7001", "Spannbuchsen 1610 mit 30er Bohrung für Band 4, Stückzahl zwei", ["2 TBU-1610-30"]],
    [powertransWorld, "T-7005", "taper bushes 1610 with 25 bore, qty 3", ["3 TBU-1610-25"]],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(sorted(draftLines(chat))).toEqual(want);
    });
  test("no count of 6205 from 'bearings 6205 for Line 2 infeed, …, qty ten'", { timeout: T }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7005",
      "Need bearings 6205 for Line 2 infeed, the sealed ones not the shielded, qty ten",
    );
    expect(draftLines(chat).every((l) => l[1] !== 6205)).toBe(true);
    expect(chat.turns.at(-1)!.text).not.toMatch(/6205 (?:boxes|×)/u);
  });
  test("guard: 'ball bearing 6205 2RS, 3 pieces' stays three", { timeout: T }, async () => {
    const chat = await chatAfter(powertransWorld, "T-7005", "ball bearing 6205 2RS, 3 pieces for Line 2 infeed");
    expect(sorted(draftLines(chat))).toEqual(["3 BRG-6205-2RS"]);
  });
  test("guard: 'make the driers 3 pls' after 2 driers DML 084 makes them three", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2005",
      "for the MS Elbe chiller i need 2 filter driers DML 084",
      "make the driers 3 pls",
    );
    expect(sorted(draftLines(chat))).toEqual(["3 FD-DML-084"]);
  });
  test("guard: '2 Lager 6205 2RS' stays two", { timeout: T }, async () => {
    const chat = await chatAfter(powertransWorld, "T-7001", "2 Lager 6205 2RS für Band 3");
    expect(sorted(draftLines(chat))).toEqual(["2 BRG-6205-2RS"]);
  });
});

describe("the Swiss article 'es'/'e' before a noun opens an item", () => {
  test("'… 4 Lager 22210 und es Dichtigsset fürs Getriebe' serves the seal kit", { timeout: T }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7002",
      "Für de Mischer 2 bruuched mir 4 Lager 22210 und es Dichtigsset fürs Getriebe",
    );
    expect(sorted(draftLines(chat))).toContain("4 BRG-22210-E");
    expect(chat.turns.at(-1)!.text).toMatch(/KIT-MX2-SEAL/u);
  });
  test("'… zwei Luftfilter und e Starterbatterie' orders both", { timeout: T }, async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8002",
      "Für de Hof-Diesel bruuched mir zwei Luftfilter und e Starterbatterie",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 BAT-12-100-STR", "2 FLT-AIR-DF425"]);
  });
  test("guard: the pronoun 'es soll schnell gehen' adds nothing more", { timeout: T }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7002",
      "Für de Mischer 2 bruuched mir 4 Lager 22210, es soll schnell gehen",
    );
    expect(sorted(draftLines(chat))).toEqual(["4 BRG-22210-E"]);
  });
  test("guard: 'es Paar Gabelzinke' is still a pair", { timeout: T }, async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8002",
      "Grüezi, für de Hof-Diesel bruchemer es Paar Gabelzinke 3A, 1200 lang, und 2 Luftreife 7.00-12.",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 FRK-3A-1200-125x45", "2 TYR-PN-700-12"]);
  });
  test("guard: 'es isch dringend' after an item adds nothing more", { timeout: T }, async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8002",
      "Für de Hof-Diesel bitte zwöi 500h Servicekits, es isch dringend",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 KIT-DF425-500H"]);
  });
});
