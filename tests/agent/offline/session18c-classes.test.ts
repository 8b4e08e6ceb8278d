/**
 * Buyer classes closed in session 18 (helper fix18c), found on the packaging catalog. Each case
 * failed on main (7ddeaf0) unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { draftAfter, packagingWorld } from "./helpers.ts";

const skus = (lines: unknown[][]) => lines.map(([sku, quantity]) => [sku, quantity]);

describe("a yes that names one of the offered fixes in words takes that fix, not the first one offered", () => {
  it("packaging (de): 'Ja, das Polster-Set kommt mit drauf' adds the pad set the tool needs", async () => {
    expect(
      skus(
        await draftAfter(
          packagingWorld,
          "PK-2101",
          "1 Siegelwerkzeug 187 x 137 für den Schalensiegler",
          "Ja, das Polster-Set kommt mit drauf",
        ),
      ),
    ).toEqual([
      ["ST-TS40-187", 1],
      ["ST-TS40-187-SP", 1],
    ]);
  });

  it("packaging (en): 'yes, the pad set goes on the order'", async () => {
    expect(
      skus(
        await draftAfter(
          packagingWorld,
          "PK-2101",
          "we need a sealing tool 187x137 for the tray sealer",
          "yes, the pad set goes on the order",
        ),
      ),
    ).toEqual([
      ["ST-TS40-187", 1],
      ["ST-TS40-187-SP", 1],
    ]);
  });

  it("packaging (en, guard): a plain 'yes' still takes the first fix offered", async () => {
    const lines = await draftAfter(
      packagingWorld,
      "PK-2101",
      "we need a sealing tool 187x137 for the tray sealer",
      "yes",
    );
    expect(lines.length).toBeGreaterThan(0);
  });
});
