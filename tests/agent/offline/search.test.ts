/** Catalog search on the demo world and a generated catalog: SKUs (exact, partial, misspelt), words, filters, index sync. */
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../catalog/db.ts";
import { generateCatalog } from "../../../catalog/generate/index.ts";
import { importCatalog } from "../../../catalog/import/index.ts";
import {
  createCatalogSearch,
  editDistance,
  rebuildSearchIndex,
  substringEditDistance,
} from "../../../catalog/queries/search.ts";
import { seedDemo } from "../../../catalog/seed/index.ts";
import { importedDatabase } from "../../support/db-images.ts";

const demo = (() => {
  const db = openDatabase();
  seedDemo(db);
  return { db, search: createCatalogSearch(db) };
})();

describe("catalog search (demo world)", () => {
  const { search } = demo;
  it("finds an exact SKU first, case-insensitively", () => {
    expect(search.search({ query: "se-ms28-cc-epdm" })[0]).toMatchObject({
      sku: "SE-MS28-CC-EPDM",
      match: "sku_exact",
    });
  });
  it("finds partial SKUs", () => {
    const hits = search.search({ query: "MS28-SIC" });
    expect(hits[0]).toMatchObject({ sku: "SE-MS28-SIC-FKM", match: "sku_partial" });
  });
  it("finds misspelt SKUs (transposition, missing and wrong characters), nearest first", () => {
    expect(search.search({ query: "SE-MS28-CC-EPMD" })[0]!.sku).toBe("SE-MS28-CC-EPDM");
    expect(search.search({ query: "SE-MS28-CC-EPD" })[0]!.sku).toBe("SE-MS28-CC-EPDM");
    expect(search.search({ query: "SE-MS28-CX-EPDM" })[0]!.sku).toBe("SE-MS28-CC-EPDM");
    expect(search.suggestSkus("SE-MS26-CC-EPDM")).toEqual(
      expect.arrayContaining(["SE-MS24-CC-EPDM", "SE-MS28-CC-EPDM"]),
    );
  });
  it("finds products by words, plurals and words with typos from the catalog's own vocabulary", () => {
    const words = search.search({ query: "mechanical seal epdm" });
    expect(words.length).toBeGreaterThan(0);
    for (const h of words.slice(0, 2)) expect(h.name.toLowerCase()).toMatch(/mechanical seal.*epdm/);
    expect(search.search({ query: "mechanical seals" }).map((h) => h.sku)).toEqual(
      expect.arrayContaining(["SE-MS28-CC-EPDM"]),
    );
    expect(search.search({ query: "mechanicl seel" }).map((h) => h.sku)).toEqual(
      expect.arrayContaining(["SE-MS28-CC-EPDM"]),
    );
    expect(search.correctWord("mechancal")).toBe("mechanical");
  });
  it("filters by category (code or name) and ranks parts listed for a machine model first, excluding parts for other models", () => {
    const valves = search.search({ query: "DN40", category: "valves", limit: 20 });
    expect(valves.length).toBeGreaterThan(0);
    for (const h of valves) expect(h.category).toBe("valves");
    const forGen2 = search.search({ query: "mechanical seal", machineModel: "NCP-32-160", serial: "21877", limit: 20 });
    expect(forGen2[0]!.fitsExplicitly).toBe(true);
    expect(forGen2.map((h) => h.sku)).toContain("SE-MS28-CC-EPDM");
    expect(forGen2.map((h) => h.sku)).not.toContain("SE-MS24-CC-EPDM"); // serial range 10000–19999 only
  });
  it("returns nothing for text that matches nothing, and never throws on odd input", () => {
    expect(search.search({ query: "zzqqxx" })).toEqual([]);
    for (const q of ["", "   ", '"', "*", "AND OR NOT", "%_%", "-", "a".repeat(500), "SELECT * FROM products;"])
      expect(() => search.search({ query: q })).not.toThrow();
  });
});

describe("search index stays in sync with the catalog", () => {
  it("follows inserts, renames and deletes through triggers, and a rebuild restores it", () => {
    const db = openDatabase();
    const s = db.$client;
    s.prepare("INSERT INTO categories (code, name) VALUES ('widgets', 'Widgets')").run();
    s.prepare(
      "INSERT INTO products (sku, name, category, list_price_cents) VALUES ('WID-001', 'Sprocket widget blue', 'widgets', 100)",
    ).run();
    const search = createCatalogSearch(db);
    expect(search.search({ query: "sprocket" }).map((h) => h.sku)).toEqual(["WID-001"]);
    s.prepare("UPDATE products SET name = 'Gear widget red' WHERE sku = 'WID-001'").run();
    expect(search.search({ query: "sprocket" })).toEqual([]);
    expect(search.search({ query: "gear red" }).map((h) => h.sku)).toEqual(["WID-001"]);
    s.exec("DELETE FROM product_search");
    expect(search.search({ query: "gear" })).toEqual([]);
    rebuildSearchIndex(db);
    expect(search.search({ query: "gear" }).map((h) => h.sku)).toEqual(["WID-001"]);
    s.prepare("DELETE FROM products WHERE sku = 'WID-001'").run();
    expect(search.search({ query: "gear" })).toEqual([]);
    expect(search.search({ query: "WID-001" })).toEqual([]);
  });
});

describe("catalog search on a generated catalog", () => {
  it("finds every sampled SKU exactly, by a fragment and with one typo", () => {
    const db = openDatabase();
    importCatalog(db, generateCatalog({ skus: 600, seed: 3, customers: 5, asOf: "2026-06-01" }));
    const search = createCatalogSearch(db);
    const all = (db.$client.prepare("SELECT sku FROM products ORDER BY sku").all() as { sku: string }[]).map(
      (r) => r.sku,
    );
    const exists = new Set(all);
    const skus = all.filter((_, i) => i % 60 === 0);
    for (const sku of skus) {
      expect(search.search({ query: sku })[0]!.sku).toBe(sku);
      const slip = sku.slice(0, -2) + sku.at(-1) + sku.at(-2);
      // Numeric SKUs have several neighbours one edit away; the intended one must be among them.
      // (A slip that is itself another SKU is that SKU, not a typo.)
      if (slip !== sku && !exists.has(slip))
        expect(search.search({ query: slip, limit: 10 }).map((h) => h.sku)).toContain(sku);
    }
  });
});

describe("catalog search on the trade catalogs: buyer words the catalog lacks", () => {
  const hvac = createCatalogSearch(importedDatabase("evals/catalogs/hvac"));
  const fluid = createCatalogSearch(importedDatabase("evals/catalogs/fluidpower"));
  it("splits a hyphenated word the catalog does not write that way into its parts", () => {
    // "EC-Lüfter": the name says "EC-Axialventilator", the keywords "Lüftermotor".
    expect(hvac.search({ query: "ec-lüfter" })[0]).toMatchObject({ sku: "FM-EC450-400", match: "text" });
  });
  it("ranks by the words that match: filler words (Swiss German) neither drop the product nor pull others in", () => {
    // "händ" begins "Handrückstellung", "de" begins many words: with the machine's fitment the fan must still lead.
    const forFreezer = hvac.search({ query: "händ de ec-lüfter", machineModel: "CR-450", serial: "4502950" });
    expect(forFreezer[0]!.sku).toBe("FM-EC450-400");
    expect(forFreezer.map((h) => h.sku)).not.toContain("PS-KP5");
    // Another catalog: the shot-cylinder seal kit in FKM, well ahead of other FKM seal kits (so it can be chosen).
    const [first, second] = fluid.search({ query: "gits de schuss-dichtsatz fkm" });
    expect(first!.sku).toBe("SK-DC400-SHOT-FKM");
    if (second) expect(first!.score - second.score).toBeGreaterThanOrEqual(3);
  });
  it("still reads a typo when it is the only word", () => {
    expect(hvac.search({ query: "ventilatr" })[0]?.match).toBe("text_fuzzy");
  });
});

describe("edit distances", () => {
  it("counts transpositions as one edit and allows free ends for partial SKUs", () => {
    expect(editDistance("epdm", "epmd")).toBe(1);
    expect(editDistance("seal", "seel")).toBe(1);
    expect(substringEditDistance("ms28-cc", "se-ms28-cc-epdm")).toBe(0);
    expect(substringEditDistance("ms82-cc", "se-ms28-cc-epdm")).toBe(1);
  });
});
