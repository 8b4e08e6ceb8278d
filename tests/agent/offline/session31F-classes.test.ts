/**
 * Session 31 (helper F): "2 timing belts HTD 8M 1200 long 30 wide for the multipack wrapper" was answered as a
 * delivery question ("No — … later than …") and nothing was added: the word of a size said after its number ("1200
 * long", "30 wide", "800 lang", "1,30 breit") was read as the "long" of "how long", a word asking for something else.
 * A dimension word right after a number is part of the size: the request is an order line.
 * Guards: "how long is delivery" after the line still asks; orders with sizes in other words keep working.
 */
import { describe, expect, test } from "vitest";
import { sizeWordSpans } from "../../../agent/models/offline/nlu/masks.ts";
import { isOrderLine } from "../../../agent/models/offline/nlu/order-line.ts";
import { agripartsWorld, chatAfter, draftLines, powertransWorld } from "./helpers.ts";

const T = 60_000;

describe("a dimension word after its number is part of the size, not a question", () => {
  for (const [world, customer, text, sku, qty] of [
    [
      powertransWorld,
      "T-7005",
      "2 timing belts HTD 8M 1200 long 30 wide for the multipack wrapper",
      "TB-HTD8M-1200-30",
      2,
    ],
    [powertransWorld, "T-7005", "2 timing belts HTD 8M 1200 long for the multipack wrapper", "TB-HTD8M-1200-30", 2],
    [powertransWorld, "T-7005", "hi, 2 timing belts HTD 5M 800 long 15 wide for line 2 infeed", "TB-HTD5M-800-15", 2],
    [powertransWorld, "T-7003", "2 Zahnriemen HTD 8M 1200 lang 30 breit für Linie 2", "TB-HTD8M-1200-30", 2],
    [agripartsWorld, "A-9004", "hiya, 4 net wrap 3600 long 1.30 wide for Big Red", "NET-130-3600", 4],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([[sku, qty]]);
    });

  test("the words of a size after a number ask for nothing (en, de)", () => {
    const product = (text: string, word: string) => {
      const start = text.indexOf(word);
      return { start, end: start + word.length, kind: "product" as const };
    };
    for (const [text, word] of [
      ["2 timing belts 1200 long 30 wide", "timing belts"],
      ["3 hoses 2 m long", "hoses"],
      ["4 Schläuche 1,5 m lang", "Schläuche"],
      ["2 Förderbänder 500 breit 3000 lang", "Förderbänder"],
    ] as const)
      expect(isOrderLine({ text, masks: [product(text, word)], skuLike: false, asked: false })).toBe(true);
  });

  test("guard: a count before an adjective of its product is no size", () => {
    for (const text of [
      "2 long belts for line 2",
      "10 wide rolls please",
      "3 lang gelieferte Teile",
      "how long for 3?",
    ])
      expect(sizeWordSpans(text)).toEqual([]);
    expect(sizeWordSpans("3 hoses 2 m long, 1,30 breit und 500 lang").map((s) => s.start)).toHaveLength(3);
  });

  test("guard: 'how long' without a number before it still asks", () => {
    const text = "2 timing belts, how long for delivery";
    const start = text.indexOf("timing belts");
    const masks = [{ start, end: start + 12, kind: "product" as const }];
    expect(isOrderLine({ text, masks, skuLike: false, asked: false })).toBe(false);
  });

  test("guard: the line, then 'how long is delivery?', answers when it comes", { timeout: T }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7005",
      "2 timing belts HTD 8M 1600 for the case conveyor",
      "how long is delivery?",
    );
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["TB-HTD8M-1600-30", 2]]);
    expect(chat.turns.at(-1)!.text).toMatch(/deliver|2026-/u);
  });
});
