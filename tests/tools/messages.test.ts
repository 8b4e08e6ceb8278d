/**
 * The engine's messages in English and German: every key in both catalogues, and German and English buyers get the
 * same verdicts, codes, keys and fixes — with messages in their language and product names from the catalog's texts
 * in that language (else the default language) — on the demo world, on a generated catalog, and on a catalog with
 * no German texts at all.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { generateCatalog } from "../../catalog/generate/index.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO, DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { createAgentTools, runToolCall } from "../../tools/agent-tools.ts";
import { validateDraft } from "../../tools/engine.ts";
import {
  CATALOGUES,
  engineMessageSchema,
  MESSAGE_KEYS,
  MESSAGE_PARAMS,
  renderMessage,
  type EngineMessage,
} from "../../tools/messages/index.ts";
import type { Draft, Issue, ValidationReport } from "../../tools/types.ts";
import { CASES } from "./demo-cases.ts";

/** Keys whose sentence is only params (a field and the schema's problem; a line and its issue): the same words in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(["draft.invalid_field", "handoff.blocked"]);
/** Params whose sample value says nothing in any language ("X-1"): real values instead. */
const SAMPLE_OVERRIDES: Record<string, object> = {
  "handoff.verdict_changed": { from: "accepted", to: "backordered" },
};
/** English filler words a German message must not contain (outside names and codes, which the checks keep short). */
const ENGLISH = /\b(the|is|are|cannot|must|only|of|with|ordered|choose|not an option)\b/;

/** Sample params from a key's zod schema (zod 4 definitions): every field present, every branch typed. */
function sample(schema: z.ZodType): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, sample(v)]));
    case "string":
      return "X-1";
    case "number":
      return 2.5;
    case "boolean":
      return true;
    case "optional":
    case "nullable":
      return sample(def.innerType as z.ZodType);
    case "array":
      return [sample(def.element as z.ZodType)];
    case "enum":
      return Object.values(def.entries as Record<string, string>)[0];
    case "record":
      return {};
    default:
      throw new Error(`no sample for a ${def.type}`);
  }
}

const allIssues = (r: ValidationReport): Issue[] => [...r.issues, ...r.lines.flatMap((l) => l.issues)];
const productRefs = (m: EngineMessage) =>
  Object.values(m.params as Record<string, unknown>).filter(
    (v): v is { sku: string; name?: string } =>
      typeof v === "object" && v !== null && "sku" in v && typeof (v as { sku: unknown }).sku === "string",
  );

describe("message catalogues", () => {
  it("every key is in every language's catalogue, and nothing else", () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(["de", "en"]);
    for (const [lang, catalogue] of Object.entries(CATALOGUES))
      expect(Object.keys(catalogue).sort(), lang).toEqual([...MESSAGE_KEYS].sort());
  });

  it("every key renders in both languages from params its schema accepts, German differing from English", () => {
    for (const key of MESSAGE_KEYS) {
      const m = {
        key,
        params: { ...(sample(MESSAGE_PARAMS[key]) as object), ...SAMPLE_OVERRIDES[key] },
      } as EngineMessage;
      expect(engineMessageSchema.safeParse(m).success, key).toBe(true);
      const en = renderMessage(m, "en");
      const de = renderMessage(m, "de-DE");
      expect(en.length, key).toBeGreaterThan(0);
      expect(en, key).not.toBe(key);
      expect(de, key).not.toBe(key);
      if (!SAME_IN_EVERY_LANGUAGE.has(key)) expect(de, key).not.toBe(en);
    }
  });

  it("formats numbers, money and dates for the locale; other languages get English", () => {
    const partial: EngineMessage = {
      key: "stock.partial",
      params: {
        product: { sku: "S-1", name: "Dichtung" },
        availableNow: 1.5,
        requested: 1200,
        unit: "MTR",
        firstDate: "2026-12-02",
        lastDate: "2026-12-17",
      },
    };
    expect(renderMessage(partial, "de-DE")).toBe(
      "1,5 von 1.200 m S-1 (Dichtung) gehen ab Lager (02.12.2026); der Rest folgt bis 17.12.2026.",
    );
    expect(renderMessage(partial, "fr")).toBe(
      "1.5 of 1,200 m of S-1 (Dichtung) ship from stock (2026-12-02); the rest follows by 2026-12-17.",
    );
    const credit: EngineMessage = {
      key: "credit.overrun_approval",
      params: { overrun: { cents: 123450, currency: "EUR" } },
    };
    expect(renderMessage(credit, "de")).toMatch(/1\.234,50\s€/);
    expect(renderMessage(credit)).toContain("€1,234.50");
  });

  it("names order units in words in the buyer's language, one or many; a code it has no word for stays the code", () => {
    const moq = (n: number, unit: string, locale?: string) =>
      renderMessage({ key: "qty.below_moq", params: { product: { sku: "S-1" }, moq: n, unit } }, locale);
    expect(moq(1, "PCE")).toBe("The minimum order quantity of S-1 is 1 piece.");
    expect(moq(2, "BOX", "de-DE")).toBe("Die Mindestbestellmenge von S-1 ist 2 Kartons.");
    expect(moq(1, "box", "de-CH")).toBe("Die Mindestbestellmenge von S-1 ist 1 Karton.");
    expect(moq(3, "DRM")).toContain(" 3 drums.");
    expect(moq(3, "DRM", "de")).toContain(" 3 Fässer.");
    expect(moq(25, "MTR", "de")).toContain(" 25 m.");
    expect(moq(4, "RNG", "de")).toContain(" 4 Ringe.");
    expect(moq(2, "CAR")).toContain(" 2 cartridges.");
    expect(moq(4, "XYZ", "de")).toContain(" 4 XYZ.");
    const convert = renderMessage(
      {
        key: "qty.content_unit",
        params: {
          product: { sku: "S-1" },
          orderUnit: "ROL",
          contentQty: 50,
          contentUnit: "M",
          quantity: 120,
          converted: 2.4,
        },
      },
      "de",
    );
    expect(convert).toBe("S-1 wird je Rolle zu 50 m verkauft: 120 m sind 2,4 Rollen.");
  });

  it("keeps every digit of a number, groups large ones, and names a currency code Intl does not know", () => {
    const moq = (n: number): EngineMessage => ({
      key: "qty.below_moq",
      params: { product: { sku: "S-1" }, moq: n, unit: "PCE" },
    });
    expect(renderMessage(moq(7))).toContain(" 7 pieces");
    expect(renderMessage(moq(-12))).toContain(" -12 pieces");
    expect(renderMessage(moq(1234567))).toContain(" 1,234,567 pieces");
    expect(renderMessage(moq(1234567), "de")).toContain(" 1.234.567 Stück");
    expect(renderMessage(moq(2.00000005))).toContain(" 2.00000005 pieces");
    expect(renderMessage(moq(1234.5), "de-AT")).toMatch(/ 1\s?234,5 Stück|1\.234,5 Stück/);
    // A locale with other digits gets them for small numbers too.
    expect(renderMessage(moq(7), "en-u-nu-arab")).toContain(" ٧ pieces");
    const credit = (currency: string): EngineMessage => ({
      key: "credit.overrun_approval",
      params: { overrun: { cents: 123450, currency } },
    });
    expect(renderMessage(credit("POINTS"))).toContain("1,234.50 POINTS");
    expect(renderMessage(credit("EUR"))).toContain("€1,234.50");
    expect(renderMessage(credit("USD"), "de")).toMatch(/1\.234,50\s\$/);
  });
});

/** Validates `draft` for an English and a German buyer and checks they differ in words only. */
function expectSameVerdictsInTwoLanguages(
  validate: (draft: Draft, language?: string) => ValidationReport,
  draft: Draft,
  label: string,
  germanName: (sku: string) => string | undefined,
): Issue[] {
  const en = validate(draft, "en");
  const de = validate(draft, "de-DE");
  const base = validate(draft);
  expect(
    de.lines.map((l) => [l.lineId, l.verdict]),
    label,
  ).toEqual(en.lines.map((l) => [l.lineId, l.verdict]));
  expect(de.totals, label).toEqual(en.totals);
  expect([de.clean, de.needsApproval, de.promiseDate], label).toEqual([en.clean, en.needsApproval, en.promiseDate]);
  const [ie, id] = [allIssues(en), allIssues(de)];
  expect(
    id.map((i) => [i.code, i.severity, i.text.key, i.fixes.map((f) => [f.kind, "sku" in f ? f.sku : ""])]),
    label,
  ).toEqual(ie.map((i) => [i.code, i.severity, i.text.key, i.fixes.map((f) => [f.kind, "sku" in f ? f.sku : ""])]));
  // Without a locale: English messages, as with "en".
  expect(
    allIssues(base).map((i) => i.message),
    label,
  ).toEqual(ie.map((i) => i.message));
  for (const [n, i] of id.entries()) {
    const english = ie[n]!;
    expect(engineMessageSchema.safeParse(i.text).success, `${label} ${i.text.key}`).toBe(true);
    expect(i.message, label).toBe(renderMessage(i.text, "de-DE"));
    expect(english.message, label).toBe(renderMessage(english.text, "en"));
    if (!SAME_IN_EVERY_LANGUAGE.has(i.text.key)) {
      expect(i.message, `${label}: ${i.message}`).not.toBe(english.message);
      expect(i.message.replace(/\([^)]*\)/g, ""), `${label}: ${i.message}`).not.toMatch(ENGLISH);
    }
    for (const p of productRefs(i.text)) {
      const name = germanName(p.sku);
      if (name) expect(p.name, `${label} ${p.sku}`).toBe(name);
    }
    for (const f of i.fixes)
      if (f.kind === "replace_sku" && f.reasonText) expect(f.reason).toBe(renderMessage(f.reasonText, "de"));
    for (const s of i.nextSteps ?? []) if (s.text) expect(s.message).toBe(renderMessage(s.text, "de"));
  }
  return id;
}

const germanNames = (db: Db) => {
  const rows = db.$client
    .prepare("SELECT sku, name FROM product_texts WHERE lang = 'de' AND name IS NOT NULL")
    .all() as {
    sku: string;
    name: string;
  }[];
  const names = new Map(rows.map((r) => [r.sku, r.name]));
  return (sku: string) => names.get(sku);
};

describe("German and English buyers on the demo world", () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase();
    seedDemo(db);
  });

  it("every issue code's case: the same verdicts and fixes, messages in the buyer's language", () => {
    const data = createCatalogReader(db);
    const name = germanNames(db);
    const keys = new Set<string>();
    for (const c of CASES) {
      const validate = (draft: Draft, language?: string) =>
        validateDraft(draft, { customerId: c.customer, now: DEMO_NOW, data, ...(language ? { language } : {}) });
      for (const i of expectSameVerdictsInTwoLanguages(validate, c.draft, c.code, name)) keys.add(i.text.key);
    }
    // The cases say most of the catalogue: a new check's message is covered once it has a demo case.
    expect(keys.size).toBeGreaterThanOrEqual(35);
  });

  it("names the products in German where the catalog has German names", () => {
    const data = createCatalogReader(db);
    const draft: Draft = { lines: [{ lineId: "L1", sku: DEMO.skus.discontinued, quantity: 1 }] };
    const report = validateDraft(draft, { customerId: DEMO.customers.platinum, now: DEMO_NOW, data, language: "de" });
    const [issue] = allIssues(report).filter((i) => i.code === "product.discontinued");
    expect(issue!.message).toMatch(/^SE-MS24-CB-EPDM \(Gleitringdichtung .*\) wird nicht mehr hergestellt/);
    const fix = issue!.fixes.find((f) => f.kind === "replace_sku");
    expect(fix).toMatchObject({
      sku: DEMO.skus.successor,
      reason: expect.stringMatching(/^Gleitringdichtung .* Nachfolger/),
    });
  });

  it("tool results carry the key and params, and errors come in the session's language", async () => {
    const tools = createAgentTools({ db, data: createCatalogReader(db), now: () => DEMO_NOW });
    const call = async (name: string, args: Record<string, unknown>, locale?: string) => {
      const context = { customerId: DEMO.customers.listPrices, channel: "test", ...(locale ? { locale } : {}) };
      const out = await runToolCall(tools, { name, args, id: `c-${name}`, type: "tool_call" }, { context });
      return JSON.parse(String((out as { content: unknown }).content)) as Record<string, unknown>;
    };
    const stock = await call("check_stock", { sku: DEMO.skus.cheapNipple, quantity: 1.5 }, "de");
    expect((stock.issues as unknown[])[0]).toMatchObject({
      code: "qty.not_step",
      message: expect.stringMatching(/wird in ganzen Stück bestellt; 1,5 ist keine ganze Zahl/),
      text: { key: "qty.not_whole", params: { quantity: 1.5, unit: "PCE" } },
    });
    const unknown = await call("get_price", { sku: "NO-SUCH-SKU", quantity: 1 }, "de");
    expect(unknown).toMatchObject({ error: "kein Preis für diese Artikelnummer", text: { key: "tool.no_price" } });
    const english = await call("get_price", { sku: "NO-SUCH-SKU", quantity: 1 });
    expect(english).toMatchObject({ error: "no price for this SKU", text: { key: "tool.no_price" } });
  });
});

describe("German and English buyers on a generated catalog", () => {
  it("the same verdicts and fixes over many lines, messages in the buyer's language", () => {
    const doc = generateCatalog({ skus: 500, seed: 21, customers: 3, asOf: "2026-06-01" });
    const db = openDatabase();
    importCatalog(db, doc);
    const data = createCatalogReader(db);
    const now = new Date("2026-06-01T09:00:00Z");
    const name = germanNames(db);
    const products = doc.products!.slice(0, 120);
    const keys = new Set<string>();
    const machinesOf = (id: string) => (doc.machines ?? []).filter((m) => m.customer === id);
    for (const customer of doc.customers!) {
      const validate = (draft: Draft, language?: string) =>
        validateDraft(draft, { customerId: customer.id, now, data, ...(language ? { language } : {}) });
      for (const [n, p] of products.entries()) {
        // Quantities that hit the MOQ, the step, stock limits and invalid input; some lines name a machine.
        const quantity = [1, 0.5, (p.moq ?? 1) * 7 + 0.3, 500, 0][n % 5]!;
        const machine = machinesOf(customer.id)[n % 3];
        const draft: Draft = {
          lines: [
            {
              lineId: "L1",
              sku: p.sku,
              quantity,
              ...(machine && n % 2 === 0 ? { machineId: machine.id } : {}),
              ...(p.configModel && n % 3 === 0 ? { options: { nonsense: ["x"] } } : {}),
            },
          ],
          ...(n % 11 === 0 ? { requestedDiscountPct: 30 } : {}),
        };
        for (const i of expectSameVerdictsInTwoLanguages(validate, draft, `${customer.id} ${p.sku} ${quantity}`, name))
          keys.add(i.text.key);
      }
    }
    expect(keys.size).toBeGreaterThanOrEqual(10);
  });
});

describe("a catalog with no German texts", () => {
  it("answers a German buyer in German, with the catalog's own names", () => {
    const doc = generateCatalog({ skus: 300, seed: 9, customers: 3, asOf: "2026-06-01" });
    const english: ImportDocument = {
      ...doc,
      languages: undefined,
      featureNames: undefined,
      categories: doc.categories!.map(({ texts: _t, ...c }) => c),
      products: doc.products!.map(({ texts: _t, ...p }) => p),
    };
    const db = openDatabase();
    importCatalog(db, english);
    expect(db.$client.prepare("SELECT count(*) AS n FROM product_texts").get()).toEqual({ n: 0 });
    const data = createCatalogReader(db);
    const now = new Date("2026-06-01T09:00:00Z");
    const customerId = doc.customers![0]!.id;
    const names = new Map(doc.products!.map((p) => [p.sku, p.name]));
    const validate = (draft: Draft, language?: string) =>
      validateDraft(draft, { customerId, now, data, ...(language ? { language } : {}) });
    let seen = 0;
    for (const p of doc.products!.slice(0, 60)) {
      const draft: Draft = { lines: [{ lineId: "L1", sku: p.sku, quantity: 0.5 }] };
      for (const i of expectSameVerdictsInTwoLanguages(validate, draft, p.sku, () => undefined)) {
        for (const ref of productRefs(i.text)) expect(ref.name, ref.sku).toBe(names.get(ref.sku));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(30);
    const [first] = allIssues(validate({ lines: [{ lineId: "L1", sku: doc.products![0]!.sku, quantity: 0.5 }] }, "de"));
    expect(first!.message).toContain(doc.products![0]!.name);
  });
});
