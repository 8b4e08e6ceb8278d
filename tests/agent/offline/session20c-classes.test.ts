/**
 * Session 20 (fix20c), found by chatting as a buyer on the agricultural, food-machinery and water-treatment catalogs,
 * checked on power transmission (not in this group).
 *
 * 1. New counts for several lines, each named by its noun ("grease 3, belt 2", "the grease 4 boxes, the belt 3",
 *    "v-belts 4, pillow blocks 6"): only the first line changed. The clause reader cut "grease | 3, belt 2", and "belt"
 *    did not name the "V-belt" line (a hyphenated compound's part). The whole message counts the lines its pieces name.
 * 2. "are they in stock?", "sind die lieferbar?" with two lines on the order answered for the last line only: a plural
 *    pointing back, with no list open, asks about every line.
 * 3. "gut, davon 3 Stück, und dazu 2 Stehlager UCP 206", "ok 2 of those, and 1 v-belt SPB 2500" to a list: the list's
 *    count went on the new item and the list was dropped. The new item keeps its own count; the list's count picks
 *    from the list when it can (the one that fits), else the list is shown again.
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, chatAfter, draftLines, powertransWorld, watertreatWorld, type World } from "./helpers.ts";

const T = 90_000;

async function replyAfter(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  return { text: chat.turns.at(-1)!.text, lines: draftLines(chat) };
}

const qty = (lines: unknown[][]) => Object.fromEntries(lines.map((l) => [l[0], l[1]]));

describe("new counts for several lines, each named by its noun, all change", () => {
  const cases: [() => World, string, string, string, Record<string, number>][] = [
    [agripartsWorld, "A-9001", "2 boxes grease EP2 and 1 V-belt SPB 2000", "grease 3, belt 2", {}],
    [agripartsWorld, "A-9001", "2 boxes grease EP2 and 1 V-belt SPB 2000", "the grease 4 boxes, the belt 3", {}],
    [agripartsWorld, "A-9001", "2 Kartons Fett EP2 und 1 Keilriemen SPB 2000", "fett 5, riemen 4", {}],
    [
      powertransWorld,
      "T-7001",
      "4 pillow blocks UCP 206 for Band 3 and 2 v-belts SPB 2500",
      "v-belts 4, pillow blocks 6",
      {},
    ],
    [
      watertreatWorld,
      "W-8101",
      "2 Kartons Filterkerzen 20 Zoll 5 µm für Vorfilter Brunnen 3 und 2 Beutel Gehäuse-O-Ringe CF 20",
      "o-rings 3, cartridges 5",
      {},
    ],
  ];
  const expected: Record<string, Record<string, number>> = {
    "grease 3, belt 2": { "GRS-EP2-400-12": 3, "VBT-SPB-2000": 2 },
    "the grease 4 boxes, the belt 3": { "GRS-EP2-400-12": 4, "VBT-SPB-2000": 3 },
    "fett 5, riemen 4": { "GRS-EP2-400-12": 5, "VBT-SPB-2000": 4 },
    "v-belts 4, pillow blocks 6": { "UCP-206": 6, "VB-SPB-2500": 4 },
    "o-rings 3, cartridges 5": { "FC-PP5-20": 5, "FH-OR-CF20-EPDM": 3 },
  };
  for (const [world, customer, first, second] of cases)
    test(second, { timeout: T }, async () => {
      const r = await replyAfter(world, customer, first, second);
      expect(qty(r.lines)).toEqual(expected[second]);
    });
});

describe("a plural pointing back asks the stock of every line of the order", () => {
  const cases: [() => World, string, string, string, string[]][] = [
    [
      powertransWorld,
      "T-7001",
      "4 pillow blocks UCP 206 for Band 3 and 2 v-belts SPB 2500",
      "are they in stock?",
      ["UCP-206", "VB-SPB-2500"],
    ],
    [
      agripartsWorld,
      "A-9001",
      "2 boxes grease EP2 and 1 V-belt SPB 2000",
      "are those available?",
      ["GRS-EP2-400-12", "VBT-SPB-2000"],
    ],
    [
      watertreatWorld,
      "W-8101",
      "2 Kartons Filterkerzen 20 Zoll 5 µm für Vorfilter Brunnen 3 und 2 Beutel Gehäuse-O-Ringe CF 20",
      "sind die lieferbar?",
      ["FC-PP5-20", "FH-OR-CF20-EPDM"],
    ],
    [
      powertransWorld,
      "T-7001",
      "4 Stehlager UCP 206 für Band 3 und 2 Keilriemen SPB 2500",
      "sind die auf Lager?",
      ["UCP-206", "VB-SPB-2500"],
    ],
  ];
  for (const [world, customer, first, second, skus] of cases)
    test(second, { timeout: T }, async () => {
      const r = await replyAfter(world, customer, first, second);
      for (const sku of skus) expect(r.text).toContain(sku);
      expect(r.lines).toHaveLength(2);
    });
  // Guard: one line on the order — "sind die …" is about that line, as before.
  test("one line: sind die ab Lager lieferbar", { timeout: T }, async () => {
    const r = await replyAfter(
      powertransWorld,
      "T-7001",
      "4 Stehlager UCP 206 für Band 3",
      "sind die ab Lager lieferbar",
    );
    expect(r.text).toContain("UCP-206");
    expect(qty(r.lines)).toEqual({ "UCP-206": 4 });
  });
});

describe("a count for an open list beside a new item is the list's, not the new item's", () => {
  const cases: [() => World, string, string, string, Record<string, number>, string][] = [
    // Five that fit: the new item with its own count, the list shown again.
    [
      powertransWorld,
      "T-7001",
      "Keilriemen für Band 3",
      "gut, davon 3 Stück, und dazu 2 Stehlager UCP 206",
      { "UCP-206": 2 },
      "VB-SPA-1250",
    ],
    [
      powertransWorld,
      "T-7001",
      "taper bush for Band 3",
      "ok 2 of those, and 1 v-belt SPB 2500",
      { "VB-SPB-2500": 1 },
      "TBU-1610-30",
    ],
    [
      agripartsWorld,
      "A-9001",
      "Scherschrauben für Presse 2",
      "gut, davon 3, und dazu 1 Keilriemen SPB 2000",
      { "VBT-SPB-2000": 1 },
      "SHB-M10-10",
    ],
    // One clause ("… and …" without a comma).
    [
      powertransWorld,
      "T-7001",
      "taper bush for Band 3",
      "2 of those and 1 v-belt SPB 2500",
      { "VB-SPB-2500": 1 },
      "TBU-1610-30",
    ],
    [
      powertransWorld,
      "T-7001",
      "Keilriemen für Band 3",
      "davon 3 und 2 Stehlager UCP 206",
      { "UCP-206": 2 },
      "VB-SPA-1250",
    ],
  ];
  for (const [world, customer, first, second, lines, listed] of cases)
    test(second, { timeout: T }, async () => {
      const r = await replyAfter(world, customer, first, second);
      expect(qty(r.lines)).toEqual(lines);
      expect(r.text).toContain(listed);
    });
});

describe("a pick and a count for the list beside a new item: both lines, each with its own count", () => {
  const cases: [() => World, string, string, string, Record<string, number>][] = [
    [
      agripartsWorld,
      "A-9001",
      "Scherschrauben für Presse 2",
      "die erste, davon 3 Beutel, und dazu 1 Keilriemen SPB 2000",
      { "SHB-M10-10": 3, "VBT-SPB-2000": 1 },
    ],
    [
      powertransWorld,
      "T-7001",
      "Kegelspannbuchse für Band 3",
      "die dritte, davon 2, und dazu 1 Keilriemen SPB 2500",
      { "TBU-1610-30": 2, "VB-SPB-2500": 1 },
    ],
  ];
  for (const [world, customer, first, second, lines] of cases)
    test(second, { timeout: T }, async () => {
      const r = await replyAfter(world, customer, first, second);
      expect(qty(r.lines)).toEqual(lines);
    });
});
