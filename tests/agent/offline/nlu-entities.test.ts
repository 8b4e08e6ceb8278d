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

describe("numbers that are no quantity", () => {
  it("a dimension written 24x70x20 mm or 7/8 x 5/8 inch is one size", () => {
    expect(recogniseMeasures("bearing 24x70x20 mm, 2 of them")).toMatchObject([{ text: "24x70x20 mm", value: 20 }]);
    expect(recogniseMeasures("Lager 25x52x15 mm")).toMatchObject([{ text: "25x52x15 mm", unit: "Millimeter" }]);
    expect(recogniseMeasures("reducer 7/8 x 5/8 inch")).toMatchObject([{ text: "7/8 x 5/8 inch", unit: "Inch" }]);
  });
  it("the other side of a thread size 'M16 x 70' is no quantity", () => {
    expect(typed(recogniseEntities("a dozen M16 x 70 bolts", "en", demo.k, []))).toEqual([
      ["quantity", "12", "a dozen"],
    ]);
    expect(typed(recogniseEntities("zwei Kartons Schrauben M10 x 40", "de", demo.k, []))).toEqual([
      ["quantity", "2 BOX", "zwei"],
    ]);
  });
  it("the day of a date and the number of a PO reference are no quantity", () => {
    expect(typed(recogniseEntities("3 of them by 18 December, PO 4711-88", "en", demo.k, [], DEMO_NOW))).toEqual([
      ["quantity", "3", "3"],
      ["date", "2026-12-18", undefined],
      ["po", "4711-88", "4711-88"],
    ]);
    expect(typed(recogniseEntities("Referenz 5520, Lieferung am 9. Dezember", "de", demo.k, [], DEMO_NOW))).toEqual([
      ["date", "2026-12-09", undefined],
      ["po", "5520", "5520"],
    ]);
  });
  it("a fraction of an inch is a size, never a day and month", () => {
    expect(recogniseDate("2 ball valves G 1/4 by friday", "en", DEMO_NOW)).toBe("2026-12-04");
    expect(recogniseDate("Kugelhahn 3/8 Zoll", "de", DEMO_NOW)).toBeUndefined();
  });
  it("'a pack', 'a box' is one of that order unit", () => {
    expect(typed(recogniseEntities("a box of SE-GK-DN40-EPDM-B10", "en", demo.k, []))).toEqual([
      ["sku", "SE-GK-DN40-EPDM-B10", "SE-GK-DN40-EPDM-B10"],
      ["quantity", "1 BOX", "a"],
    ]);
  });
  it("a machine named by the first part of its site ('in the PM2 hall' of 'PM2 hall, hot water loop')", () => {
    const machines = demo.machines("C-1003");
    expect(typed(recogniseEntities("pump 4 in the PM2 hall needs 2 seals", "en", demo.k, machines))).toEqual([
      ["machine", "M-1003-01", "pump 4 in the PM2 hall"],
      ["quantity", "2", "2"],
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
