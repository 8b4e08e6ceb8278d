/**
 * Session 21 (lead), found by chatting with the product as a buyer who asks before buying (power transmission, fluid
 * power, HVAC). None of these was in a scenario.
 *
 * 1. A question about one item of a list — "is the second one in stock?", "was kostet das dritte?", "does the last one
 *    fit band 4 too?" — ADDED the item (English, read as a pick), or answered for every listed item, or listed the
 *    parts of the other machine. It now answers that item's stock, price or fit from the tool results and takes
 *    nothing; "and the first?" asks the same of another item; "ok 4", "2 of the first" then take one. Ordinals "1st" …
 *    "6th" and every German ending ("das zweite", "der erste") pick; "1st" is no count of 1 St.
 * 2. "passt der auch an die hot press?" to an offered item checked the machine it was offered for: a fit question is
 *    about the machine it names.
 * 3. "is the second line in stock?" REMOVED line 2 (the classifier read "remove"): a question with a stock or price word
 *    and no word of taking something off never removes; an ordinal with "line"/"Position" names the line asked about.
 * 5. "what's the difference between the first two?" to a list searched the catalog for "first": two listed items named
 *    by ordinals, digits, "the first two" or "both" are compared side by side (prices, the features that differ) and
 *    nothing is taken.
 * 6. "kannst du die zweite position rausnehmen?" with one line on the order REMOVED that line: an ordinal past the
 *    order's end names no line — nothing is removed, which line is meant is asked.
 * 4. "3 bearings" on a catalog without bearings ordered 3 bags of bonded seals: the search read "bearings" as a German
 *    compound ending in "rings" (the bonded seal's "Usit-Ring"). A head alone is no compound in an English query or
 *    after a modifier of fewer than four letters.
 */
import { describe, expect, test } from "vitest";
import { fluidWorld, hvacWorld, intralogisticsWorld, powertransWorld, type World, lastTurn } from "./helpers.ts";

const T = 90_000;

describe("a question about one listed item answers it and takes nothing", () => {
  // The list: "which bearings do we need for band 3?" lists BRG-6004-2RS-B10, BRG-NU206-E, BRG-6205-2RS-HT,
  // BRG-6205-ZZ (English); the German one lists five, KIT-BC800-DRV second.
  // [world, customer, says, the item asked about, the tools its answer calls, another listed item not answered for]
  const cases: [() => World, string, string[], string, string[], string][] = [
    [
      powertransWorld,
      "T-7001",
      ["which bearings do we need for band 3?", "is the second one in stock?"],
      "BRG-NU206-E",
      ["check_stock"],
      "BRG-6205-ZZ",
    ],
    [
      powertransWorld,
      "T-7001",
      ["which bearings do we need for band 3?", "what does the 3rd cost?"],
      "BRG-6205-2RS-HT",
      ["get_price"],
      "BRG-6205-ZZ",
    ],
    [
      powertransWorld,
      "T-7001",
      ["welche Lager brauchen wir für Band 3?", "ist das zweite lagernd?"],
      "KIT-BC800-DRV",
      ["check_stock"],
      "BRG-6204-2RS",
    ],
    [
      powertransWorld,
      "T-7001",
      ["welche Lager brauchen wir für Band 3?", "was kostet das vierte?"],
      "UCP-206",
      ["get_price"],
      "KIT-BC800-DRV",
    ],
    [
      fluidWorld,
      "F-4001",
      ["welche filter gibts für die big bertha?", "was kostet der erste?"],
      "FE-PF-110-05",
      ["get_price"],
      "FE-RF-330-10",
    ],
    [
      fluidWorld,
      "F-4001",
      ["filters for big bertha", "is the 2nd one in stock?"],
      "FE-RF-330-10",
      ["check_stock"],
      "FE-PF-110-05",
    ],
  ];
  for (const [world, customer, says, sku, tools, other] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines).toEqual([]);
      // One call for the one item asked about, not one per listed item.
      for (const t of tools) expect(r.tools.filter((x) => x === t)).toEqual([t]);
      expect(r.text).toContain(sku);
      expect(r.text).not.toContain(other);
    });

  test("the fit of the last one on another machine: that machine", { timeout: T }, async () => {
    const r = await lastTurn(
      powertransWorld,
      "T-7001",
      "which bearings do we need for band 3?",
      "does the last one fit band 4 too?",
    );
    expect(r.lines).toEqual([]);
    expect(r.tools).toContain("check_compatibility");
    expect(r.text).toContain("BRG-6205-ZZ");
    expect(r.text).toContain("Band 4");
  });

  const again: [() => World, string, string[], string, string][] = [
    [
      powertransWorld,
      "T-7001",
      ["which bearings do we need for band 3?", "what does the 3rd cost?", "and the 1st?"],
      "BRG-6004-2RS-B10",
      "get_price",
    ],
    [
      powertransWorld,
      "T-7001",
      ["welche Lager brauchen wir für Band 3?", "ist das zweite lagernd?", "und das vierte?"],
      "UCP-206",
      "check_stock",
    ],
  ];
  for (const [world, customer, says, sku, tool] of again)
    test(`asked again of another: ${says.join(" / ")}`, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines).toEqual([]);
      expect(r.tools).toContain(tool);
      expect(r.text).toContain(sku);
      // About that one only: not the list again.
      expect(r.text).not.toMatch(/^\s*2\) /m);
    });

  const takes: [() => World, string, string[], [string, number, string]][] = [
    [
      powertransWorld,
      "T-7001",
      ["which bearings do we need for band 3?", "is the second one in stock?", "ok 4 of those"],
      ["BRG-NU206-E", 4, "M-7001-01"],
    ],
    [
      powertransWorld,
      "T-7001",
      ["which bearings do we need for band 3?", "what does the 3rd cost?", "and the 1st?", "ok 2 of the first"],
      ["BRG-6004-2RS-B10", 2, "M-7001-01"],
    ],
    [
      powertransWorld,
      "T-7001",
      ["welche Lager brauchen wir für Band 3?", "ist das zweite lagernd?", "und das vierte?", "gut, davon 3"],
      ["UCP-206", 3, "M-7001-01"],
    ],
  ];
  for (const [world, customer, says, line] of takes)
    test(`then taken: ${says.join(" / ")}`, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines).toEqual([line]);
    });
});

describe("a fit question about an offered item is about the machine it names", () => {
  test("passt der auch an die hot press?", { timeout: T }, async () => {
    const r = await lastTurn(
      fluidWorld,
      "F-4001",
      "welche filter gibts für die big bertha?",
      "was kostet der erste?",
      "passt der auch an die hot press?",
    );
    expect(r.lines).toEqual([]);
    expect(r.text).toContain("Hot press");
    expect(r.text).not.toContain("Big Bertha");
  });
});

describe("a stock or price question about a line never removes it", () => {
  const order = "2 fan motors for the edeka freezer and 1 filter drier for the huber cold room";
  const cases: [string, string, string][] = [
    ["is the second line in stock?", "check_stock", "FD-DML-083"],
    ["what does the second line cost?", "get_price", "FD-DML-083"],
    ["and what does the first one cost?", "get_price", "FM-AX450-400"],
  ];
  for (const [say, tool, sku] of cases)
    test(say, { timeout: T }, async () => {
      const r = await lastTurn(hvacWorld, "H-2001", order, say);
      expect(r.lines).toEqual([
        ["FM-AX450-400", 2, "M-2001-02"],
        ["FD-DML-083", 1, "M-2001-01"],
      ]);
      expect(r.tools).toContain(tool);
      expect(r.text).toContain(sku);
    });

  test("a word of removing still removes", { timeout: T }, async () => {
    const r = await lastTurn(hvacWorld, "H-2001", order, "ok remove the second line");
    expect(r.lines).toEqual([["FM-AX450-400", 2, "M-2001-02"]]);
  });
});

describe("an English word ending in a catalog word is no compound", () => {
  for (const say of ["3 bearings", "bearings for the press"])
    test(say, { timeout: T }, async () => {
      const r = await lastTurn(fluidWorld, "F-4001", say);
      expect(r.lines).toEqual([]);
      expect(r.text).not.toContain("FIT-BS-BSP12");
      expect(r.text).toContain("bearings");
    });

  test("a German compound with a catalog head is still found", { timeout: T }, async () => {
    const r = await lastTurn(fluidWorld, "F-4001", "Rücklauffilterelemente für die Big Bertha?");
    expect(r.text).toContain("FE-RF-330-10");
  });
});

describe("two listed items named by ordinals are compared", () => {
  const cases: [() => World, string, string[], string[]][] = [
    [
      intralogisticsWorld,
      "L-8001",
      ["do you have tyres for the ameise 2? which ones fit?", "what's the difference between the first two?"],
      ["WHL-PU-230x75", "WHL-PU-85x95"],
    ],
    [
      powertransWorld,
      "T-7001",
      ["which bearings do we need for band 3?", "what's the difference between the 1st and the last?"],
      ["BRG-6004-2RS-B10", "BRG-6205-ZZ"],
    ],
    [
      fluidWorld,
      "F-4001",
      ["welche filter gibts für die big bertha?", "was ist der Unterschied zwischen dem ersten und dem zweiten?"],
      ["FE-PF-110-05", "FE-RF-330-10"],
    ],
  ];
  for (const [world, customer, says, skus] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines).toEqual([]);
      expect(r.tools.filter((t) => t === "get_price")).toHaveLength(2);
      for (const sku of skus) expect(r.text).toContain(sku);
    });
});

describe("an ordinal past the order's end removes nothing", () => {
  const cases: [string, string, string][] = [
    ["2 fan motors for the edeka freezer", "remove the second line", "Which line"],
    ["2 fan motors for the edeka freezer", "kannst du die zweite position rausnehmen?", "Welche Position"],
  ];
  for (const [order, say, asks] of cases)
    test(say, { timeout: T }, async () => {
      const r = await lastTurn(hvacWorld, "H-2001", order, say);
      expect(r.lines).toHaveLength(1);
      expect(r.tools).not.toContain("remove_line");
      expect(r.text).toContain(asks);
    });

  test("'remove it' with one line still removes it", { timeout: T }, async () => {
    const r = await lastTurn(hvacWorld, "H-2001", "2 fan motors for the edeka freezer", "remove it");
    expect(r.lines).toEqual([]);
  });
});
