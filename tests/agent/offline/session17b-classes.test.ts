/**
 * Buyer classes closed in session 17 (helper fix17b, agriparts / foodtech / watertreat): each played on more than one
 * catalog, in English and German; every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { agripartsWorld, draftAfter, foodtechWorld, intralogisticsWorld, watertreatWorld } from "./helpers.ts";

const skuAndCount = (lines: unknown[][]) => lines.map(([sku, quantity]) => [sku, quantity]);

describe("numbers said in words: the teens and tens as counts, any number word as a size ('twenty inch, five micron, thirty pieces')", () => {
  for (const [name, world, customer, text, expected] of [
    [
      "watertreat, English: the size and the count in words",
      watertreatWorld,
      "W-8101",
      "For the prefilter on well 3 I need filter cartridges twenty inch, five micron, polypropylene melt-blown, thirty pieces",
      [["FC-PP5-20", 3]],
    ],
    [
      "watertreat, German",
      watertreatWorld,
      "W-8101",
      "Für den Vorfilter Brunnen 3 Filterkerzen zwanzig Zoll, fünf Mikron, schmelzgeblasen, dreißig Stück",
      [["FC-PP5-20", 3]],
    ],
    [
      "intralogistics, German: a voltage in words",
      intralogisticsWorld,
      "L-8001",
      "Für Stapler 7 eine Batterie achtundvierzig Volt 560 Ah",
      [["BAT-48-560-CB", 1]],
    ],
    [
      "agriparts, English: a teen count",
      agripartsWorld,
      "A-9005",
      "The Cultivator needs new points, the 70 mm standard ones, sixteen pieces",
      [["CTP-70-STD", 16]],
    ],
    [
      "foodtech, German: a two-word count of metres",
      foodtechWorld,
      "C-7103",
      "fünfundzwanzig Meter Türdichtung für den Etagenofen",
      [["TD-P9-SIL", 25]],
    ],
  ] as const) {
    it(name, async () => {
      expect(skuAndCount(await draftAfter(world, customer, text))).toEqual(expected);
    });
  }

  it("guard: small counts in words stay counts ('two boxes', 'drei Stück')", async () => {
    expect(
      skuAndCount(
        await draftAfter(watertreatWorld, "W-8101", "Für den Vorfilter Brunnen 3 zwei Kartons Filterkerzen FC-PP5-20"),
      ),
    ).toEqual([["FC-PP5-20", 2]]);
  });
});
