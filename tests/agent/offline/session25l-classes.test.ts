/**
 * Session 25 (lead), found in a visible agriparts transcript after the merge of session 24's branches.
 *
 * 1. "does the 1.40 m net wrap fit Big Red?" put 1.4 rolls of the net on the order (and the shield then flagged 1.4
 *    as no whole number); "was kostet das 30 m Kapillarrohr 0,8 mm?" priced 30 rolls. A measure that the product's
 *    name states as written ("Round bale net wrap 1.40 m x 3000 m, roll", "…, 30 m roll") in a unit the product is not
 *    sold in is that value of its name, not an amount of it — unless a candidate is sold in that unit ("25 m
 *    Schlauch" of a hose by the metre beside a 25 m roll) or the product is sold by it ("5 m Türdichtung").
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, chatAfter, draftLines, foodtechWorld, hvacWorld, lastTurn, type World } from "./helpers.ts";

const T = 60_000;

describe("a measure the product's name states is no amount of it", () => {
  const asked: [() => World, string, string, RegExp][] = [
    [agripartsWorld, "A-9004", "does the 1.40 m net wrap fit Big Red?", /does not fit/],
    [agripartsWorld, "A-9004", "does the 1.30 m net wrap fit Big Red?", /NET-130-3600/],
    [agripartsWorld, "A-9004", "passt das 1,30 m Netz auf Big Red?", /NET-130-3600/],
  ];
  for (const [world, customer, question, answer] of asked)
    test(`${customer}: "${question}" adds nothing and answers`, { timeout: T }, async () => {
      const turn = await lastTurn(world, customer, question);
      expect(turn.lines).toEqual([]);
      expect(turn.text).toMatch(answer);
    });
  const priced: [() => World, string, string, RegExp][] = [
    [hvacWorld, "H-2001", "was kostet das 30 m Kapillarrohr 0,8 mm?", /1 Rolle × CAP-080-R30/],
    [hvacWorld, "H-2001", "what does the 30 m roll of 0.8 mm capillary tube cost?", /1 roll × CAP-080-R30/],
  ];
  for (const [world, customer, question, answer] of priced)
    test(`${customer}: "${question}" prices one`, { timeout: T }, async () => {
      expect((await lastTurn(world, customer, question)).text).toMatch(answer);
    });
  test("guard: a count beside it still counts", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9004", "10 rolls of the 1.30 m net wrap for Big Red");
    expect(draftLines(chat)).toEqual([["NET-130-3600", 10, "M-9004-01"]]);
  });
  test("guard: metres of a product packed in metres are converted to packs", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "60 m Kapillarrohr 0,8 mm");
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["CAP-080-R30", 2]]);
  });
  test("guard: metres of a product sold by the metre are its amount", { timeout: T }, async () => {
    const chat = await chatAfter(foodtechWorld, "C-7101", "5 m Türdichtung P12 Silikon");
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["TD-P12-SIL", 5]]);
  });
});
