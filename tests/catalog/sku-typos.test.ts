/**
 * A SKU with a typo is found (letters and digits mixed), but words joined by a hyphen and number ranges are never bent
 * into a SKU one or two edits away: "Plough share 14" bolt-on" is the plough share, not the blade bolt set MBL-BOLT-25.
 * Every case below but the typo guard failed on the search before.
 */
import { describe, expect, it } from "vitest";
import { searchCatalog } from "../../catalog/queries/search.ts";
import { importedDatabase } from "../support/db-images.ts";

const top = (dir: string, query: string) =>
  searchCatalog(importedDatabase(dir), { query, limit: 5, language: "en" }).map((h) => `${h.sku} ${h.match}`);

describe("hyphenated words and number ranges are not SKU typos", () => {
  for (const [dir, query, want, never] of [
    ["evals/catalogs/agriparts", 'Plough share 14" bolt-on', "PSH-14-BO", "MBL-BOLT-25"],
    ["evals/catalogs/agriparts", "LED work light 12-32", "WLT-LED-1232", "CTB-M12-25"],
    ["evals/catalogs/fluidpower", "plug-in relay", undefined, "PLUG-DIN-LED"],
    ["evals/catalogs/intralogistics", "plug-in relay", undefined, "PLUG-REMA160-M"],
  ] as const)
    it(`"${query}" (${dir.split("/").at(-1)})`, () => {
      const hits = top(dir, query);
      expect(hits.some((h) => h.startsWith(never))).toBe(false);
      if (want) expect(hits[0]).toMatch(new RegExp(`^${want}`));
    });

  it("guard: a SKU with a typo in it is still found", () => {
    expect(top("evals/catalogs/agriparts", "WLT-LED-1223")[0]).toBe("WLT-LED-1232 sku_fuzzy");
  });
});
