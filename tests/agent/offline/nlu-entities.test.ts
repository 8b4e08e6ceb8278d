/**
 * Entities of the understanding stage as typed spans: sizes, quantities, machines and dates resolve their overlaps
 * the way a buyer means them — "in" after a number is a preposition, "100 x 3 mm" is one size, a unit word follows the
 * catalog's own unit code, a size is never a date.
 */
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../catalog/db.ts";
import { generateCatalog } from "../../../catalog/generate/index.ts";
import { importCatalog } from "../../../catalog/import/index.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";
import { DEMO_NOW, seedDemo } from "../../../catalog/seed/index.ts";
import type { MachineView } from "../../../agent/models/offline/conversation.ts";
import { maskNumbers, sharedClassifier } from "../../../agent/models/offline/nlu/classifier.ts";
import { recogniseEntities } from "../../../agent/models/offline/nlu/entities.ts";
import { recogniseDate, recogniseMeasures, understand } from "../../../agent/models/offline/nlu/understand.ts";
import { buildKnowledge, quantityOf } from "../../../agent/models/offline/recognise.ts";
import { GENERATED_AS_OF } from "./helpers.ts";

function world(db: ReturnType<typeof openDatabase>) {
  const reader = createCatalogReader(db.$client);
  const k = buildKnowledge(reader, createCatalogSearch(db.$client), db.$client);
  const machines = (customerId: string): MachineView[] =>
    (reader.customer(customerId)?.machines ?? []).map((m) => ({
      machineId: m.id,
      label: m.label,
      model: m.model,
      modelName: m.modelName,
      serial: m.serial,
      site: m.site,
    }));
  return { k, machines };
}

const demoDb = openDatabase();
seedDemo(demoDb);
const demo = world(demoDb);
const generatedDb = openDatabase();
importCatalog(generatedDb, generateCatalog({ skus: 400, seed: 7, customers: 20, asOf: GENERATED_AS_OF }));
const generated = world(generatedDb);

const typed = (es: ReturnType<typeof recogniseEntities>) => es.map((e) => [e.type, e.value, e.span?.text]);

describe("sizes and quantities", () => {
  it("reads a number before 'in' as a number, not as inches", () => {
    expect(recogniseMeasures("do you have 5 in stock?")).toEqual([]);
    expect(quantityOf("do you have 5 in stock?", demo.k, recogniseMeasures("do you have 5 in stock?"))).toBe(5);
    expect(recogniseMeasures('a 2" ball valve')).toMatchObject([{ value: 2, unit: "Inch" }]);
  });
  it("keeps every number of a dimension 'A x B mm' out of the quantity", () => {
    const text = "O-ring 100 x 3 mm, 2 pieces";
    expect(recogniseMeasures(text)).toMatchObject([{ text: "100 x 3 mm", value: 3, unit: "Millimeter" }]);
    expect(quantityOf(text, demo.k, recogniseMeasures(text))).toBe(2);
  });
  it("reads a length in the unit the catalog sells in as the quantity, in that catalog's unit code", () => {
    const text = "20 metres of water hose 13 mm";
    expect(typed(recogniseEntities(text, "en", generated.k, []))).toEqual([
      ["size", "13 Millimeter", "13 mm"],
      ["quantity", "20 MTR", "20"],
    ]);
  });
  it("never reads a size as a date", () => {
    expect(recogniseDate("15 m of motor cable", "en", DEMO_NOW)).toBeUndefined();
    expect(recogniseDate("deliver on 15 December 2026", "en", DEMO_NOW)).toBe("2026-12-15");
  });
});

describe("typed entity spans", () => {
  it("a model code of the buyer's machine is the machine, the other number the quantity", () => {
    const es = recogniseEntities("for the NCP 40-200 I need 2 seals", "en", demo.k, demo.machines("C-1003"));
    expect(typed(es)).toEqual([
      ["machine", "M-1003-01", "NCP 40-200"],
      ["quantity", "2", "2"],
    ]);
  });
  it("a SKU, a pack unit and a German number word", () => {
    const es = recogniseEntities("zwei Kartons SE-GK-DN40-EPDM-B10", "de", demo.k, []);
    expect(typed(es)).toEqual([
      ["sku", "SE-GK-DN40-EPDM-B10", "SE-GK-DN40-EPDM-B10"],
      ["quantity", "2 BOX", "zwei"],
    ]);
  });
});

describe("numbers before the intent classifier", () => {
  it("are one placeholder, a lone zero a word of its own, a range no zero", () => {
    expect(maskNumbers("make it 12")).toBe("make it numx");
    expect(maskNumbers("set the price to 0")).toBe("set the price to zero");
    expect(maskNumbers("63 mm 0-16 bar")).not.toContain("zero");
  });
  it("a size range with a zero is no attack on the price", async () => {
    const u = await understand("2 pressure gauges 63 mm 0-16 bar", "en", await sharedClassifier());
    expect(u.attack).toBeUndefined();
    expect(u.cues).toContain("add");
  });
});
