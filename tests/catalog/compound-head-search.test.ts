/**
 * A German word no product name uses alone, but the catalog's compounds end in ("Ventil" of "Magnetventil",
 * "Expansionsventil"), finds those compounds — what the buyer names — before the words it only starts
 * ("Ventilatormotor", "Ventilkörper"), on two trade catalogs.
 */
import { describe, expect, it } from "vitest";
import { createCatalogSearch } from "../../catalog/queries/search.ts";
import { importedDatabase } from "../support/db-images.ts";

describe("a compound head no name uses alone finds the compounds ending in it first", () => {
  for (const [trade, query, head] of [
    ["hvac", "Ventil", /ventil\b/iu],
    ["fluidpower", "Ventil", /ventil\b/iu],
  ] as const)
    it(`"${query}" on ${trade}`, () => {
      const db = importedDatabase(`evals/catalogs/${trade}`);
      const search = createCatalogSearch(db);
      const hits = search.search({ query, language: "de", limit: 5 });
      const de = db.$client.prepare("SELECT name FROM product_texts WHERE sku = ? AND lang = 'de'");
      const names = hits.map((h) => (de.get(h.sku) as { name: string } | undefined)?.name ?? h.name);
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(n).toMatch(head);
    });
});
