/**
 * A buyer who writes in a language the catalog has no texts in: the built-in glossary (catalog/glossary) lets a German
 * buyer find parts in an English-only catalog — words, plurals, compounds the glossary does not list — and an English
 * buyer in a German-only one, while a catalog that has texts in the buyer's language is searched as before.
 * The English-only catalogs are the trade catalogs of the evals with their German texts dropped (`keepLanguages`),
 * which is also what `npm run evals -- --catalog-languages en` plays.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { keepLanguages } from "../../catalog/import/languages.ts";
import { glossaryEntries, glossaryFor } from "../../catalog/queries/glossary.ts";
import { createCatalogSearch } from "../../catalog/queries/search.ts";

const CATALOGS = join(import.meta.dirname, "../../evals/catalogs");

function englishOnly(trade: string): Db {
  const db = openDatabase(":memory:");
  importCatalog(db, join(CATALOGS, trade));
  keepLanguages(db, ["en"]);
  return db;
}

/** The names of the first `n` hits for a German buyer's words. */
function germanHits(db: Db, query: string, n = 3): string[] {
  return createCatalogSearch(db)
    .search({ query, language: "de", limit: n })
    .map((h) => h.name);
}

describe("a German buyer on an English-only catalog", () => {
  it("keepLanguages leaves no German text: the German words alone found nothing before the glossary", () => {
    const db = englishOnly("fluidpower");
    expect(db.$client.prepare("SELECT count(*) FROM product_texts WHERE lang = 'de'").pluck().get()).toBe(0);
    expect(db.$client.prepare("SELECT group_concat(code) FROM catalog_languages").pluck().get()).toBe("en");
    // No English name holds the German word: whatever is found comes through the glossary.
    expect(db.$client.prepare("SELECT count(*) FROM products WHERE name LIKE '%schlauch%'").pluck().get()).toBe(0);
  });

  it.each([
    ["fluidpower", "Hydraulikschläuche", /hydraulic hose/i],
    ["fluidpower", "Dichtsatz Zylinder", /seal kit/i],
    ["fluidpower", "Zahnradpumpe", /gear pump/i],
    ["fluidpower", "Magnetventil", /solenoid valve/i],
    ["powertrans", "Keilriemen", /v-belt/i],
    ["powertrans", "Kugellager", /ball bearing/i],
    ["hvac", "Filtertrockner", /filter drier/i],
    ["hvac", "Schaugläser", /sight glass/i],
    ["automation", "Motorschutzschalter", /motor protection circuit breaker/i],
    ["automation", "Schütze", /contactor/i],
  ])("%s: %s finds the English-named parts", (trade, query, expected) => {
    const names = germanHits(englishOnly(trade), query);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(expected);
  });

  // Trade words of the configurations, kits and accessories ("Nachrüstset", "Aderendhülsen"), and hyphenated compounds
  // whose parts are glossary words ("Getriebe-Dichtsatz", "EC-Lüfter"): the best hit is the English-named part.
  it.each([
    ["automation", "Nachrüstset", /^retrofit kit/i],
    ["automation", "Aderendhülsen", /wire end ferrules/i],
    ["fluidpower", "Belüftungsfilter", /breather filter/i],
    ["fluidpower", "Filterset", /filter service kit/i],
    ["fluidpower", "Hydraulikzylinder nach Maß", /configure-to-order/i],
    ["hvac", "Lecksuchsprays", /leak detection spray/i],
    ["hvac", "EC-Lüfter", /EC axial fan/i],
    ["powertrans", "Getriebe-Dichtsatz", /gearbox seal kit/i],
  ])("%s: %s is the English-named part first", (trade, query, expected) => {
    const [first] = germanHits(englishOnly(trade), query, 1);
    expect(first).toMatch(expected);
  });

  it("a compound the glossary does not list is read by its head, the modifier ranking", () => {
    // "Zylinderdichtsatz" is in no glossary entry: Zylinder + Dichtsatz → a seal kit, cylinder seal kits first.
    expect(glossaryEntries().some((e) => e.de?.some((w) => w.toLowerCase() === "zylinderdichtsatz"))).toBe(false);
    const names = germanHits(englishOnly("fluidpower"), "Zylinderdichtsatz", 2);
    expect(names.length).toBe(2);
    for (const name of names) expect(name).toMatch(/cylinder seal kit|seal kit for .*cylinder/i);
  });

  it("an everyday German word is not turned into a product", () => {
    // "Kältetechniker" (the refrigeration technician) once stemmed into "refrigeration" and so into the refrigerants.
    for (const query of ["bitte", "morgen", "Lieferung", "Kältetechniker"])
      expect(germanHits(englishOnly("hvac"), query)).toEqual([]);
  });
});

describe("the glossary only adds what the catalog lacks", () => {
  it("a catalog with German and English texts gets no glossary group", () => {
    expect(glossaryFor(["en", "de"]).rows).toEqual([]);
    expect(glossaryFor(["en", "de"]).languages).toEqual([]);
  });

  it("an English-only catalog gets German groups, a German-only catalog English ones", () => {
    expect(glossaryFor(["en"]).languages).toEqual(["de"]);
    expect(glossaryFor(["de"]).languages).toEqual(["en"]);
  });

  it("an English buyer finds parts in a German-only catalog", () => {
    const doc: ImportDocument = {
      languages: [{ code: "de", name: "Deutsch", default: true }],
      categories: [{ code: "dicht", name: "Dichtungen" }],
      products: [
        { sku: "GLRD-28", name: "Gleitringdichtung 28 mm, SiC/SiC", category: "dicht", listPriceCents: 9900 },
        { sku: "OR-20", name: "O-Ring 20x2, NBR", category: "dicht", listPriceCents: 50 },
        { sku: "KL-50", name: "Kugelhahn DN 50, Edelstahl", category: "dicht", listPriceCents: 4500 },
      ],
    };
    const db = openDatabase(":memory:");
    importCatalog(db, doc);
    const search = createCatalogSearch(db);
    const first = (query: string) => search.search({ query, language: "en", limit: 1 })[0]?.sku;
    expect(first("mechanical seal 28")).toBe("GLRD-28");
    expect(first("stainless ball valve")).toBe("KL-50");
  });
});
