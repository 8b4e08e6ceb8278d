/**
 * `--catalog-languages` (and a scenario's `catalogLanguages`): a trade catalog played with only some of its languages.
 * `en` drops the German texts (an English-only shop); `de` makes German the default and only language where the
 * catalog has German texts — the base texts replaced by the German ones — so the English buyers of the trade catalogs
 * meet what a German shop that never translated its catalog has.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { keepLanguages } from "../../catalog/import/languages.ts";
import { readCatalogLanguages } from "../../catalog/queries/language.ts";
import { createCatalogSearch } from "../../catalog/queries/search.ts";
import { createCatalogCache, loadScenarios } from "../../evals/index.ts";

const CATALOGS = join(import.meta.dirname, "../../evals/catalogs");

function only(trade: string, languages: string[]): Db {
  const db = openDatabase(":memory:");
  importCatalog(db, join(CATALOGS, trade));
  keepLanguages(db, languages);
  return db;
}

const all = (db: Db, sql: string) => db.$client.prepare(sql).pluck().all() as string[];

describe("--catalog-languages de: a German-only shop", () => {
  it.each(["hvac", "powertrans"])("%s: German is the default and only language, every base text German", (trade) => {
    const full = openDatabase(":memory:");
    importCatalog(full, join(CATALOGS, trade));
    const germanNames = new Map(
      full.$client.prepare("SELECT sku, name FROM product_texts WHERE lang = 'de'").raw().all() as [string, string][],
    );
    const db = only(trade, ["de"]);
    expect(readCatalogLanguages(db.$client)).toEqual({ defaultLanguage: "de", languages: ["de"] });
    const products = db.$client.prepare("SELECT sku, name, description FROM products").all() as {
      sku: string;
      name: string;
      description: string;
    }[];
    for (const p of products) expect(p.name).toBe(germanNames.get(p.sku));
    // A description without a German text is dropped, not left in English.
    for (const p of products) expect(p.description).not.toMatch(/\b(the|and|for|with)\b/i);
    for (const table of ["feature_names", "config_texts", "synonyms", "product_texts", "category_texts"])
      expect(all(db, `SELECT DISTINCT lang FROM ${table}`).filter((l) => l !== "de")).toEqual([]);
    const labels = [...all(db, "SELECT label FROM config_groups"), ...all(db, "SELECT name FROM categories")];
    expect(labels.join(" ")).not.toMatch(/\b(Refrigerant|Application|Power|Mounting|Compressors|Bearings)\b/);
  });

  it("option labels are the German ones where the catalog has them", () => {
    const db = only("powertrans", ["de"]);
    expect(all(db, "SELECT label FROM config_groups WHERE model_id = 'CM-GM' AND code = 'brake'")).toEqual(["Bremse"]);
  });

  it("the English words of the catalog's own texts find nothing by themselves", () => {
    // With the English texts gone, whatever an English buyer finds comes from the German texts (and the glossary).
    const db = only("powertrans", ["de"]);
    expect(all(db, "SELECT sku FROM product_search WHERE product_search MATCH 'groove'")).toEqual([]);
    const hits = createCatalogSearch(db).search({ query: "Rillenkugellager 6205", language: "de", limit: 1 });
    expect(hits[0]?.name).toMatch(/^Rillenkugellager 6205/);
  });

  it("a catalog without German texts stays as it is; en keeps the English default", () => {
    expect(readCatalogLanguages(only("agriparts", ["de"]).$client).defaultLanguage).toBe("en");
    expect(readCatalogLanguages(only("hvac", ["en"]).$client)).toEqual({ defaultLanguage: "en", languages: ["en"] });
  });

  it("a scenario's catalogLanguages plays its catalog German-only", () => {
    const scenario = loadScenarios(join(import.meta.dirname, "../../evals/scenarios/powertrans")).find(
      (s) => !s.tags.includes("german"),
    )!;
    const { db } = createCatalogCache().open({ ...scenario, catalogLanguages: ["de"] });
    expect(readCatalogLanguages(db.$client).defaultLanguage).toBe("de");
    const { db: normal } = createCatalogCache().open(scenario);
    expect(readCatalogLanguages(normal.$client).defaultLanguage).toBe("en");
  });
});
