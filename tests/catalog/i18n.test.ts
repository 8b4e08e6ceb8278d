/**
 * The multilingual catalog as buyers notice it: German and English buyers find the same products (demo world and a
 * generated catalog), German plurals and compounds of the catalog's own words find their products, synonyms from
 * the merchant's list, results in the buyer's language, and a catalog without German texts still answers German
 * buyers with its own names.
 */
import { MemorySaver } from "@langchain/langgraph";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createOfflineModel } from "../../agent/models/offline/index.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { generateCatalog } from "../../catalog/generate/index.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { ImportError, importCatalog } from "../../catalog/import/index.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { createCatalogSearch, type CatalogSearch } from "../../catalog/queries/search.ts";
import { catalogVocabulary } from "../../catalog/queries/vocabulary.ts";
import { DEMO, DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { createAgentTools, runToolCall } from "../../tools/agent-tools.ts";
import { validateDraft } from "../../tools/engine.ts";

const skusOf = (search: CatalogSearch, query: string, language: string) =>
  new Set(search.search({ query, language, limit: 100 }).map((h) => h.sku));

/** Products whose English name contains `phrase` (whole words, any case): what an English buyer means by it. */
function namedLike(db: Db, phrase: string): string[] {
  const re = new RegExp(`\\b${phrase}`, "i");
  return (
    db.$client.prepare("SELECT sku, name FROM products WHERE lifecycle <> 'inactive'").all() as {
      sku: string;
      name: string;
    }[]
  )
    .filter((p) => re.test(p.name))
    .map((p) => p.sku);
}

function expectSameProducts(db: Db, pairs: [en: string, de: string, named: string][]) {
  const search = createCatalogSearch(db);
  for (const [en, de, named] of pairs) {
    const expected = namedLike(db, named);
    expect(expected.length, named).toBeGreaterThan(0);
    expect(expected.length, named).toBeLessThanOrEqual(100);
    const english = skusOf(search, en, "en");
    const german = skusOf(search, de, "de");
    for (const sku of expected) {
      expect(english.has(sku), `${en} → ${sku}`).toBe(true);
      expect(german.has(sku), `${de} → ${sku}`).toBe(true);
    }
  }
}

describe("demo world in two languages", () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase();
    seedDemo(db);
  });

  it("German and English buyers find the same products, plural and compound forms included", () => {
    expectSameProducts(db, [
      ["mechanical seals", "Gleitringdichtungen", "mechanical seal"],
      ["ball valves", "Kugelhähne", "ball valve"],
      ["solenoid valve", "Magnetventil", "solenoid valve"],
      ["couplings", "Kupplungen", "coupling"],
      ["ball bearings", "Kugellager", "ball bearing"],
      ["pressure gauges", "Manometer", "pressure gauge"],
      ["check valves", "Rückschlagventile", "check valve"],
    ]);
  });

  it("finds compounds by their head and buyer compounds the catalog does not use, and answers in the buyer's language", () => {
    const search = createCatalogSearch(db);
    const seals = namedLike(db, "mechanical seal");
    // "Dichtungen" is the head of "Gleitringdichtung"; "Pumpendichtung" is no catalog word, its head is.
    for (const q of ["Dichtungen", "Pumpendichtung"]) {
      const hits = skusOf(search, q, "de");
      for (const sku of seals) expect(hits.has(sku), `${q} → ${sku}`).toBe(true);
    }
    const [hit] = search.search({ query: "Kugelhähne", language: "de-DE", limit: 1 });
    expect(hit!.name).toMatch(/^Kugelhahn /);
    const [english] = search.search({ query: "Kugelhähne", limit: 1 });
    expect(english!.name).toMatch(/^Ball valve /);
  });

  it("expands the merchant's synonyms", () => {
    const search = createCatalogSearch(db);
    // "Umrichter" is only in the synonym list (term → Frequenzumrichter, FU).
    const vfd = namedLike(db, "frequency converter");
    const hits = skusOf(search, "Umrichter", "de");
    for (const sku of vfd) expect(hits.has(sku)).toBe(true);
  });

  it("tools and engine speak the buyer's language: names, option labels and feature names", async () => {
    const tools = createAgentTools({ db, data: createCatalogReader(db), now: () => DEMO_NOW });
    const call = async (name: string, args: Record<string, unknown>, locale?: string) => {
      const ctx = { customerId: DEMO.customers.platinum, channel: "test", ...(locale ? { locale } : {}) };
      const msg = await runToolCall(tools, { name, args, id: `c-${name}`, type: "tool_call" }, { context: ctx });
      return JSON.parse(String((msg as { content: unknown }).content)) as Record<string, any>;
    };
    const de = await call("get_product", { sku: "SE-MS28-CC-EPDM" }, "de");
    expect(de.data.name).toBe("Gleitringdichtung 28 mm, Kohle/Keramik, EPDM");
    expect(de.data.featureNames).toMatchObject({ material: "Werkstoff", shaftDiameter: "Wellendurchmesser" });
    const en = await call("get_product", { sku: "SE-MS28-CC-EPDM" });
    expect(en.data.name).toBe("Mechanical seal 28 mm, carbon/ceramic, EPDM");
    const found = await call("search_catalog", { query: "Magnetventil" }, "de");
    expect(found.data[0]).toMatchObject({ sku: "VA-SV-G1-230", name: expect.stringMatching(/^Magnetventil/) });
    const config = await call("get_configuration", { sku: "PU-NCP-CFG" }, "de");
    expect(config.data.groups.find((g: { group: string }) => g.group === "voltage").label).toBe("Motorspannung");

    const data = createCatalogReader(db);
    const draft = { lines: [{ lineId: "L1", sku: "SE-MS24-CB-EPDM", quantity: 1 }] };
    const report = (language?: string) =>
      validateDraft(draft, {
        customerId: DEMO.customers.platinum,
        now: DEMO_NOW,
        data,
        ...(language ? { language } : {}),
      });
    const german = report("de");
    const english = report();
    expect(german.lines[0]!.name).toMatch(/^Gleitringdichtung/);
    // The discontinued seal's successor is named in the buyer's language; facts and codes are the same.
    expect(german.lines[0]!.issues.map((i) => i.message).join(" ")).toContain("Gleitringdichtung 24 mm");
    expect(german.lines[0]!.issues.map((i) => i.code)).toEqual(english.lines[0]!.issues.map((i) => i.code));
    expect(german.totals).toEqual(english.totals);
  });
});

describe("generated catalog in two languages", () => {
  it("German and English buyers find the same products", () => {
    const db = openDatabase();
    importCatalog(db, generateCatalog({ skus: 600, seed: 5, customers: 3, asOf: "2026-06-01" }));
    expectSameProducts(db, [
      ["mechanical seals", "Gleitringdichtungen", "mechanical seal"],
      ["ball valves", "Kugelhähne", "ball valve"],
      ["solenoid valves", "Magnetventile", "solenoid valve"],
      ["couplings", "Kupplungen", "coupling"],
      ["pressure transmitters", "Drucktransmitter", "pressure transmitter"],
    ]);
  });
});

describe("a catalog without German texts", () => {
  it("still answers a German buyer, in German, with the catalog's own names", async () => {
    const doc = generateCatalog({ skus: 300, seed: 9, customers: 3, asOf: "2026-06-01" });
    const english: ImportDocument = {
      ...doc,
      languages: undefined,
      categories: doc.categories!.map(({ texts: _t, ...c }) => c),
      products: doc.products!.map(({ texts: _t, ...p }) => p),
    };
    const db = openDatabase();
    importCatalog(db, english);
    const product = doc.products!.find(
      (p) => (p.lifecycle ?? "active") === "active" && !p.configModel && (p.moq ?? 1) === 1 && (p.orderStep ?? 1) === 1,
    )!;
    const search = createCatalogSearch(db);
    expect(search.search({ query: product.sku, language: "de" })[0]).toMatchObject({
      sku: product.sku,
      name: product.name,
    });

    const now = new Date("2026-06-01T09:00:00Z");
    const agent = createShieldAgent({
      db,
      model: createOfflineModel({ db }),
      checkpointer: new MemorySaver(),
      now: () => now,
    });
    const customerId = doc.customers![0]!.id;
    const ctx = { customerId, channel: "test", locale: "de-DE" };
    const { replies } = await agent.send("t-de", `Ich brauche 1 Stück ${product.sku}`, ctx);
    const text = replies.join("\n");
    expect(text).toContain(product.name);
    expect(text).toMatch(/Hinzugefügt|Bestellung|Artikel/);
  });
});

describe("importing languages", () => {
  const problems = (doc: ImportDocument) => {
    try {
      importCatalog(openDatabase(), doc);
      return [];
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      return e.problems.map((p) => `${p.path} ${p.field} — ${p.reason}`);
    }
  };
  const base: ImportDocument = {
    categories: [{ code: "seals", name: "Seals" }],
    products: [{ sku: "S-1", name: "Seal", category: "seals", listPriceCents: 100 }],
  };

  it("rejects undeclared languages, two defaults and synonyms in unknown categories, and writes nothing", () => {
    expect(
      problems({
        languages: [
          { code: "en", default: true },
          { code: "de", default: true },
        ],
        categories: [{ code: "seals", name: "Seals", texts: { fr: { name: "Joints" } } }],
        products: [{ sku: "S-1", name: "Seal", category: "seals", listPriceCents: 100, texts: { dee: { name: "x" } } }],
        synonyms: [{ language: "de", term: "GLRD", synonyms: ["Gleitringdichtung"], category: "gaskets" }],
      }),
    ).toEqual([
      "languages[1] default — a catalog has one default language; document:languages[0] is the default too",
      'categories[0] texts.fr — language "fr" is not declared in languages (declared: de, en)',
      "products[0] texts.dee — Invalid key in record",
      'synonyms[0] category — unknown category "gaskets" (not in this import nor in the database)',
    ]);
  });

  it("keeps a product's translations when it is re-imported without texts, and replaces them when texts are given", () => {
    const db = openDatabase();
    importCatalog(db, {
      languages: [{ code: "en", default: true }, { code: "de" }],
      ...base,
      products: [{ ...base.products![0]!, texts: { de: { name: "Dichtung" } } }],
    });
    importCatalog(db, base);
    const names = () => db.$client.prepare("SELECT lang, name FROM product_texts").all();
    expect(names()).toEqual([{ lang: "de", name: "Dichtung" }]);
    expect(
      createCatalogSearch(db)
        .search({ query: "Dichtungen", language: "de" })
        .map((h) => h.name),
    ).toEqual(["Dichtung"]);
    importCatalog(db, { products: [{ ...base.products![0]!, texts: { de: { name: "Flachdichtung" } } }] });
    expect(names()).toEqual([{ lang: "de", name: "Flachdichtung" }]);
  });
});

describe("products.csv in two languages", () => {
  it("reads name:<lang> and keywords:<lang> columns into the product's texts", () => {
    const dir = mkdtempSync(join(tmpdir(), "os-i18n-csv-"));
    try {
      const db = openDatabase();
      importCatalog(db, {
        languages: [{ code: "en", default: true }, { code: "de" }],
        categories: [{ code: "valves", name: "Valves" }],
      });
      writeFileSync(
        join(dir, "products.csv"),
        "sku,name,name:de,keywords:de,category,listPriceCents\nV-1,Ball valve G1,Kugelhahn G1,Absperrhahn;Hahn,valves,900\n",
      );
      importCatalog(db, join(dir, "products.csv"));
      expect(db.$client.prepare("SELECT lang, name, keywords FROM product_texts").all()).toEqual([
        { lang: "de", name: "Kugelhahn G1", keywords: '["Absperrhahn","Hahn"]' },
      ]);
      expect(createCatalogSearch(db).search({ query: "Absperrhähne", language: "de" })[0]).toMatchObject({
        sku: "V-1",
        name: "Kugelhahn G1",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the catalog's vocabulary per language (for language understanding outside the catalog)", () => {
  it("lists German words with stems, categories, synonyms, feature names and option labels, else the default's", () => {
    const db = openDatabase();
    seedDemo(db);
    const de = catalogVocabulary(db, "de-AT");
    expect(de).toMatchObject({ language: "de", hasTexts: true, defaultLanguage: "en" });
    expect(de.words).toContainEqual(expect.objectContaining({ word: "kugelhahn", stem: "kugelhahn" }));
    expect(de.categories.find((c) => c.code === "valves")!.name).toBe("Armaturen & Ventile");
    expect(de.synonyms).toContainEqual({ terms: ["Elektroventil", "Magnetventil"] });
    expect(de.featureNames.material).toBe("Werkstoff");
    expect(de.optionLabels).toContain("Motorspannung");
    const fr = catalogVocabulary(db, "fr");
    expect(fr.hasTexts).toBe(false);
    expect(fr.words.map((w) => w.word)).toContain("valve");
  });
});
