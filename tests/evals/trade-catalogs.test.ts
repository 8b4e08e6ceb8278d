/**
 * The trade catalogs written for the consultant's generalisation proof (evals/catalogs/hvac, .../automation, and
 * .../fluidpower, written after the consultant's work on the first two as an unseen trade, .../powertrans, a fourth
 * trade written by an outside author, .../intralogistics, a fifth one by an outside author in session 8, and
 * .../agriparts, a sixth one by an outside author in session 9, whose shop never translated its catalog, and
 * .../foodtech, a seventh one by an outside author in session 10, whose German shop never translated its catalog, and
 * .../watertreat, an eighth one by an outside author in session 11, a bilingual shop's water-treatment spares, and
 * .../packaging, a ninth one by an outside author in session 12, a partly translated shop's packaging-line spares, and
 * .../woodwork, a tenth one by an outside author in session 13, a German shop's woodworking and sawmill machinery spares
 * with English texts for about a third of its products, and .../welding, an eleventh one by an outside author in session 14, a
 * welding-equipment spares and consumables shop with English base texts and German texts for about half its products, and
 * .../printing, a twelfth one by an outside author in session 15, a German shop's commercial-printing spares and
 * consumables with English names for about half its products): they
 * import cleanly and all or nothing, every scenario file over them validates, and what the scenarios expect
 * follows from the catalog's data — the SKUs, customers, machines and options exist, an expected order passes the
 * engine (clean, or held only for a rep's approval where the scenario has the rep decide), and a pinned unit price is
 * the engine's price. The consultant's pass rates are measured by `npm run evals`, not here.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { openDatabase } from "../../catalog/db.ts";
import { ImportError, importCatalog } from "../../catalog/import/index.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO_NOW } from "../../catalog/seed/index.ts";
import { loadScenarios, type Scenario } from "../../evals/index.ts";
import { validateDraft } from "../../tools/engine.ts";

const TRADES = [
  "hvac",
  "automation",
  "fluidpower",
  "powertrans",
  "intralogistics",
  "agriparts",
  "foodtech",
  "watertreat",
  "packaging",
  "woodwork",
  "welding",
  "printing",
] as const;
type Trade = (typeof TRADES)[number];
/**
 * Held-out scenarios per catalog at least: powertrans was written in one go with exactly 10 of its 30 held out,
 * intralogistics with 15 of its 30 (split by alternation before writing: the one-shot measure of session 8), agriparts
 * likewise (session 9), foodtech likewise (session 10), watertreat likewise (session 11), packaging likewise (session 12),
 * woodwork likewise (session 13), welding likewise (session 14), printing likewise (session 15).
 */
const MIN_HELDOUT: Record<Trade, number> = {
  hvac: 15,
  automation: 15,
  fluidpower: 15,
  powertrans: 10,
  intralogistics: 15,
  agriparts: 15,
  foodtech: 15,
  watertreat: 15,
  packaging: 15,
  woodwork: 15,
  welding: 15,
  printing: 15,
};
/**
 * The held-out share of the sets that mix visible and held-out scenarios stays below this (intralogistics, agriparts,
 * foodtech: half; welding and printing a little over half since voices16 held out two of its three per world, and
 * packaging and woodwork since voices17 did the same; every trade a point more since voices18 did the same again, and
 * a point more again since voices19, since voices20 and since voices21).
 */
const MAX_HELDOUT_SHARE: Record<Trade, number> = {
  hvac: 0.44,
  automation: 0.44,
  fluidpower: 0.44,
  powertrans: 0.44,
  intralogistics: 0.55,
  agriparts: 0.55,
  foodtech: 0.55,
  watertreat: 0.55,
  packaging: 0.57,
  woodwork: 0.57,
  welding: 0.57,
  printing: 0.57,
};
/**
 * Catalogs whose shop never translated them: English texts only (no German names, keywords, option labels or
 * synonyms), while half their buyers write German — the product must serve them with the trade words nobody prepared.
 */
const ENGLISH_ONLY: readonly Trade[] = ["agriparts"];
/**
 * Catalogs of a German shop that never translated them: German is the only (and default) language, so the base texts
 * are German and there is no other language's name, keyword, option label, feature name or synonym — while half their
 * buyers write English.
 */
const GERMAN_ONLY: readonly Trade[] = ["foodtech"];
/**
 * Catalogs of a shop that translated only part of its catalog: English base texts, German names for about half the
 * products (between 40 and 60 %), the rest in English only — a German buyer meets both.
 */
const PARTLY_TRANSLATED: readonly Trade[] = ["packaging", "welding"];
/**
 * Catalogs of a German shop that translated only part of its catalog: German is the default language and the base
 * texts are German, with English names for about a third of the products (between 25 and 45 %) — an English buyer
 * meets both.
 */
const GERMAN_PARTLY_TRANSLATED: readonly Trade[] = ["woodwork"];
/**
 * Catalogs of a German shop that translated about half its catalog: German is the default language and the base texts
 * are German, with English names for between 40 and 60 % of the products — an English buyer meets both.
 */
const GERMAN_HALF_TRANSLATED: readonly Trade[] = ["printing"];
/** Plain English words that a product name, description or option label of a German-only catalog never holds. */
const ENGLISH_WORDS = [
  "the",
  "and",
  "for",
  "with",
  "seal",
  "belt",
  "blade",
  "hook",
  "bowl",
  "oven",
  "door",
  "heating",
  "bearing",
  "gasket",
  "grease",
  "conveyor",
  "stainless",
  "food",
  "approved",
  "replaced",
  "successor",
];
/** Author batches held out whole (evals/README.md, "Scenario sets"). */
const BLIND_BATCHES = ["voices7"];
const catalogDir = (trade: string) => resolve("evals/catalogs", trade);
const all = loadScenarios("evals/scenarios");
const scenariosOf = (trade: string) => all.filter((s) => s.tags.includes(trade));

function openCatalog(trade: string) {
  const db = openDatabase(":memory:");
  const summary = importCatalog(db, catalogDir(trade));
  return { db, summary };
}

describe.each(TRADES)("trade catalog %s", (trade) => {
  const { db, summary } = openCatalog(trade);
  const data = createCatalogReader(db);
  const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  test("imports cleanly, in English and German (or English only, or German only), with machines, rules, configuration models and kits", () => {
    expect(summary.warnings).toEqual([]);
    expect(summary.counts.products).toBeGreaterThanOrEqual(80);
    expect(summary.counts.machines).toBeGreaterThanOrEqual(10);
    expect(summary.counts.rules).toBeGreaterThanOrEqual(10);
    expect(summary.counts.configModels).toBe(2);
    expect(summary.counts.contractPrices).toBeGreaterThan(0);
    expect(summary.counts.synonyms).toBeGreaterThan(20);
    const germanNames = db.$client
      .prepare("select count(*) as n from product_texts where lang = 'de' and name is not null")
      .get() as { n: number };
    // A German-only catalog has its German names as the base texts (products.name), not beside them.
    if (PARTLY_TRANSLATED.includes(trade)) {
      expect(germanNames.n).toBeGreaterThanOrEqual((summary.counts.products ?? 0) * 0.4);
      expect(germanNames.n).toBeLessThanOrEqual((summary.counts.products ?? 0) * 0.6);
    } else if (GERMAN_PARTLY_TRANSLATED.includes(trade) || GERMAN_HALF_TRANSLATED.includes(trade)) {
      const languages = db.$client.prepare("select code, is_default as d from catalog_languages order by code").all();
      expect(languages).toEqual([
        { code: "de", d: 1 },
        { code: "en", d: 0 },
      ]);
      expect(germanNames.n).toBe(0);
      const englishNames = db.$client
        .prepare("select count(*) as n from product_texts where lang = 'en' and name is not null")
        .get() as { n: number };
      const [low, high] = GERMAN_HALF_TRANSLATED.includes(trade) ? [0.4, 0.6] : [0.25, 0.45];
      expect(englishNames.n).toBeGreaterThanOrEqual((summary.counts.products ?? 0) * low);
      expect(englishNames.n).toBeLessThanOrEqual((summary.counts.products ?? 0) * high);
    } else
      expect(germanNames.n).toBe(
        ENGLISH_ONLY.includes(trade) || GERMAN_ONLY.includes(trade) ? 0 : summary.counts.products,
      );
    if (ENGLISH_ONLY.includes(trade)) {
      const german = db.$client
        .prepare(
          "select (select count(*) from catalog_languages where code <> 'en') + (select count(*) from product_texts where lang <> 'en') + (select count(*) from config_texts where lang <> 'en') + (select count(*) from synonyms where lang <> 'en') as n",
        )
        .get() as { n: number };
      expect(german.n).toBe(0);
    }
    if (GERMAN_ONLY.includes(trade)) {
      const languages = db.$client.prepare("select code, is_default as d from catalog_languages").all();
      expect(languages).toEqual([{ code: "de", d: 1 }]);
      const other = db.$client
        .prepare(
          "select (select count(*) from product_texts where lang <> 'de') + (select count(*) from category_texts where lang <> 'de') + (select count(*) from feature_names where lang <> 'de') + (select count(*) from config_texts where lang <> 'de') + (select count(*) from synonyms where lang <> 'de') as n",
        )
        .get() as { n: number };
      expect(other.n).toBe(0);
      // The base texts themselves are German: no English word in a product's name or description, a category's or
      // machine model's name, or a configuration label.
      const texts = [
        ...(db.$client.prepare("select name || ' ' || description as t from products").all() as { t: string }[]),
        ...(db.$client.prepare("select name as t from categories").all() as { t: string }[]),
        ...(db.$client.prepare("select name as t from machine_models").all() as { t: string }[]),
      ].map((r) => r.t);
      const doc = JSON.parse(readFileSync(join(catalogDir(trade), "configModels.json"), "utf8")) as {
        groups: { label: string; options: { label: string }[] }[];
      }[];
      for (const m of doc) for (const g of m.groups) texts.push(g.label, ...g.options.map((o) => o.label));
      const english = texts.filter((t) =>
        (t.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => ENGLISH_WORDS.includes(word)),
      );
      expect(english).toEqual([]);
    }
    const relationTypes = new Set(
      (db.$client.prepare("select distinct type from product_relations").all() as { type: string }[]).map(
        (r) => r.type,
      ),
    );
    expect([...relationTypes]).toEqual(expect.arrayContaining(["mandatory", "consists_of", "followup", "select"]));
  });

  test("is rejected whole when one row is wrong: nothing is written", () => {
    const dir = mkdtempSync(join(tmpdir(), `trade-${trade}-`));
    cpSync(catalogDir(trade), dir, { recursive: true });
    const rules = JSON.parse(readFileSync(join(dir, "rules.json"), "utf8")) as { feature: string }[];
    rules[0]!.feature = "misspeltFeature";
    writeFileSync(join(dir, "rules.json"), JSON.stringify(rules));
    const fresh = openDatabase(":memory:");
    expect(() => importCatalog(fresh, dir)).toThrow(ImportError);
    expect((fresh.$client.prepare("select count(*) as n from products").get() as { n: number }).n).toBe(0);
  });

  test("re-importing updates instead of duplicating", () => {
    const before = count("products");
    importCatalog(db, catalogDir(trade));
    expect(count("products")).toBe(before);
    expect(count("product_relations")).toBe(summary.counts.relations);
  });

  const scenarios = scenariosOf(trade);

  // Visible scenarios grow as classes of buyer behaviour are worked on (each fix brings its own); the held-out part
  // stays as written and never opened, and must stay at least a fifth of the catalog's scenarios.
  test("has at least 30 scenarios, all over this catalog, a fifth to two fifths (intralogistics, agriparts, foodtech, watertreat, packaging, woodwork, welding, printing: half) of them held out", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    for (const s of scenarios) expect(s.catalog).toEqual({ import: `../../catalogs/${trade}` });
    const heldout = scenarios.filter((s) => s.tags.includes("heldout")).length;
    expect(heldout).toBeGreaterThanOrEqual(MIN_HELDOUT[trade]);
    expect(heldout / scenarios.length).toBeGreaterThanOrEqual(0.2);
    // A blind batch from an outside author is held out whole (it measures, nobody tunes on it): the upper bound is
    // for the sets that mix visible and held-out scenarios.
    const mixed = scenarios.filter((s) => !BLIND_BATCHES.some((tag) => s.tags.includes(tag)));
    expect(mixed.filter((s) => s.tags.includes("heldout")).length / mixed.length).toBeLessThan(
      MAX_HELDOUT_SHARE[trade],
    );
  });

  test("every compatibility block a scenario expects is a rule of this catalog or one the engine raises itself", () => {
    const ruleCodes = new Set(
      (db.$client.prepare("select code from compat_rules").all() as { code: string }[]).map((r) => r.code),
    );
    const engineCodes = new Set([
      "compat.fitment",
      "compat.serial_range",
      "compat.missing_mandatory",
      "compat.unknown_machine",
    ]);
    const expected = scenarios.flatMap((s) => s.expect.blocks.filter((c) => c.startsWith("compat.")));
    expect(expected.filter((c) => !ruleCodes.has(c) && !engineCodes.has(c))).toEqual([]);
  });

  test.each(scenarios.map((s) => [s.id, s] as [string, Scenario]))(
    "%s expects what the catalog data allows",
    (_id, s) => {
      const customer = data.customer(s.customer);
      expect(customer, `customer ${s.customer}`).toBeDefined();
      const now = s.now ? new Date(s.now) : DEMO_NOW;
      for (const order of s.expect.orders) {
        const lines = order.lines.map((l, i) => {
          const product = data.products([l.sku]).get(l.sku);
          expect(product, `product ${l.sku}`).toBeDefined();
          if (l.unit) expect(product!.orderUnit).toBe(l.unit);
          if (l.machineId) expect(customer!.machines.map((m) => m.id)).toContain(l.machineId);
          if (l.options) {
            const model = data.configModel(product!.configModelId!);
            expect(model, `configuration model of ${l.sku}`).toBeDefined();
            for (const [group, values] of Object.entries(l.options)) {
              const g = model!.groups.find((x) => x.code === group);
              expect(g, `${l.sku} group ${group}`).toBeDefined();
              for (const v of values) expect(g!.options.map((o) => o.value)).toContain(v);
            }
          }
          return {
            lineId: `L${i + 1}`,
            sku: l.sku,
            quantity: l.quantity,
            ...(l.machineId ? { machineId: l.machineId } : {}),
            ...(l.options ? { options: l.options } : {}),
          };
        });
        const report = validateDraft(
          { lines, ...(order.poReference ? { poReference: order.poReference } : {}) },
          { customerId: s.customer, now, data },
        );
        const blocking = [...report.issues, ...report.lines.flatMap((l) => l.issues)].filter(
          (i) => i.severity === "block",
        );
        expect(blocking.map((i) => i.code)).toEqual([]);
        const repApproves = (s.steps ?? []).some((step) => "rep" in step && step.rep === "approve");
        expect(report.needsApproval).toBe(repApproves);
        for (const l of order.lines)
          if (l.unitPriceCents !== undefined)
            expect(report.lines.find((x) => x.sku === l.sku)?.unitPriceCents).toBe(l.unitPriceCents);
      }
    },
  );
});
