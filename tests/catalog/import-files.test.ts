import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { importCatalog, ImportError, type ImportProblem } from "../../catalog/import/index.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { goodDocument, IMPORTED_TABLES } from "./import-fixture.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "os-import-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeFolder(folder: string, doc: ImportDocument): string {
  mkdirSync(folder, { recursive: true });
  for (const [section, rows] of Object.entries(doc))
    writeFileSync(join(folder, `${section}.json`), JSON.stringify(rows, null, 2));
  return folder;
}

function problemsOf(db: Db, path: string): ImportProblem[] {
  try {
    importCatalog(db, path);
  } catch (err) {
    if (err instanceof ImportError) return err.problems;
    throw err;
  }
  throw new Error("the import was accepted");
}

/** Everything the import wrote, minus the write time stamp on stock rows. */
function dump(db: Db) {
  return IMPORTED_TABLES.map((t) =>
    db.$client
      .prepare(
        t === "stock"
          ? "SELECT sku, warehouse, on_hand, reserved FROM stock ORDER BY 1, 2"
          : `SELECT * FROM ${t} ORDER BY 1, 2`,
      )
      .all(),
  );
}

const { products: _p, stock: _s, prices: _pr, ...withoutCsvSections } = goodDocument();

const PRODUCTS_CSV = `sku,name,category,listPriceCents,moq,orderStep,hazardous,blockedRegions,feature:voltage,feature:material,feature:atex,feature:connections[],feature:power (kW)
P-1,"Pump, 230 V",pumps,12000,1,1,false,us;ca,230,cast iron,true,DN50;G1,1.5
P-2,Seal kit,seals,450,2,2,,,,EPDM,,,
`;

describe("CSV import", () => {
  it("imports products with typed feature columns, stock and prices from CSV next to JSON sections", () => {
    const folder = writeFolder(join(dir, "erp"), withoutCsvSections);
    writeFileSync(join(folder, "products.csv"), PRODUCTS_CSV);
    writeFileSync(join(folder, "stock.csv"), "sku,warehouse,onHand,reserved\nP-1,HAM,4,1\nP-2,MUC,120,\n");
    writeFileSync(join(folder, "prices.csv"), "priceList,sku,minQty,priceCents\nPL-STD,P-2,1,400\nPL-STD,P-2,10,350\n");
    // The JSON sections reference products that exist only in the CSV; adjust them to the CSV's SKUs. The rules read
    // features the two CSV products do not have, and the importer rejects a rule that can never fire.
    for (const f of [
      "relations",
      "fitment",
      "inbound",
      "allocations",
      "contractPrices",
      "machines",
      "orderHistory",
      "rules",
    ])
      rmSync(join(folder, `${f}.json`));
    writeFileSync(join(folder, "README.md"), "not a section, ignored");
    const db = openDatabase();
    const summary = importCatalog(db, folder);
    expect(summary.counts).toMatchObject({ products: 2, stock: 2, prices: 2 });
    const raw = db.$client;
    expect(
      raw
        .prepare(
          "SELECT name, list_price_cents, moq, order_step, hazardous, blocked_regions FROM products ORDER BY sku",
        )
        .all(),
    ).toEqual([
      {
        name: "Pump, 230 V",
        list_price_cents: 12000,
        moq: 1,
        order_step: 1,
        hazardous: 0,
        blocked_regions: '["us","ca"]',
      },
      { name: "Seal kit", list_price_cents: 450, moq: 2, order_step: 2, hazardous: 0, blocked_regions: "[]" },
    ]);
    expect(
      raw
        .prepare(
          "SELECT sku, key, type, num_value, text_value, list_value, bool_value, unit FROM product_features ORDER BY sku, key",
        )
        .all(),
    ).toEqual([
      {
        sku: "P-1",
        key: "atex",
        type: "bool",
        num_value: null,
        text_value: null,
        list_value: null,
        bool_value: 1,
        unit: null,
      },
      {
        sku: "P-1",
        key: "connections",
        type: "list",
        num_value: null,
        text_value: null,
        list_value: '["DN50","G1"]',
        bool_value: null,
        unit: null,
      },
      {
        sku: "P-1",
        key: "material",
        type: "text",
        num_value: null,
        text_value: "cast iron",
        list_value: null,
        bool_value: null,
        unit: null,
      },
      {
        sku: "P-1",
        key: "power",
        type: "num",
        num_value: 1.5,
        text_value: null,
        list_value: null,
        bool_value: null,
        unit: "kW",
      },
      {
        sku: "P-1",
        key: "voltage",
        type: "num",
        num_value: 230,
        text_value: null,
        list_value: null,
        bool_value: null,
        unit: null,
      },
      {
        sku: "P-2",
        key: "material",
        type: "text",
        num_value: null,
        text_value: "EPDM",
        list_value: null,
        bool_value: null,
        unit: null,
      },
    ]);
    expect(raw.prepare("SELECT sku, warehouse, on_hand, reserved FROM stock ORDER BY sku").all()).toEqual([
      { sku: "P-1", warehouse: "HAM", on_hand: 4, reserved: 1 },
      { sku: "P-2", warehouse: "MUC", on_hand: 120, reserved: 0 },
    ]);
    expect(raw.prepare("SELECT min_qty, price_cents FROM price_list_items ORDER BY min_qty").all()).toEqual([
      { min_qty: 1, price_cents: 400 },
      { min_qty: 10, price_cents: 350 },
    ]);
  });

  it("imports a lone CSV file named after its section into an existing catalog", () => {
    const db = openDatabase();
    importCatalog(db, goodDocument());
    writeFileSync(join(dir, "stock.csv"), "sku,warehouse,onHand\nSEAL-EPDM-32,HAM,7\n");
    expect(importCatalog(db, join(dir, "stock.csv")).added).toEqual({ stock: 0 });
    expect(
      db.$client.prepare("SELECT on_hand FROM stock WHERE sku = 'SEAL-EPDM-32' AND warehouse = 'HAM'").get(),
    ).toEqual({ on_hand: 7 });
  });

  it("rejects bad cells, unknown columns and dangling references with file, line and column", () => {
    const folder = writeFolder(join(dir, "bad"), {
      categories: goodDocument().categories!,
      warehouses: goodDocument().warehouses!,
    });
    writeFileSync(
      join(folder, "products.csv"),
      "sku,name,category,listPriceCents,hazardous,colour,feature:power (kW)\nP-1,Pump,pumps,abc,maybe,red,\nP-2,,seals,100,no,blue,1.1\nP-3,Valve,valves,12.5,yes,,high\n",
    );
    writeFileSync(join(folder, "stock.csv"), "sku,warehouse,onHand\nP-1,HAM,1\nP-9,BER,-2\n");
    const db = openDatabase();
    const problems = problemsOf(db, folder);
    expect(problems).toEqual([
      { file: "products.csv", path: "1", field: "colour", reason: expect.stringMatching(/^unknown column/) },
      { file: "products.csv", path: "2", field: "listPriceCents", reason: 'expected a number, got "abc"' },
      { file: "products.csv", path: "2", field: "hazardous", reason: 'expected true or false, got "maybe"' },
      { file: "products.csv", path: "3", field: "name", reason: "required field is missing" },
      { file: "products.csv", path: "4", field: "feature:power (kW)", reason: 'expected a number in kW, got "high"' },
      { file: "products.csv", path: "4", field: "listPriceCents", reason: "expected a whole number" },
      {
        file: "products.csv",
        path: "4",
        field: "category",
        reason: 'unknown category "valves" (not in this import nor in the database)',
      },
      { file: "stock.csv", path: "3", field: "onHand", reason: expect.any(String) },
      { file: "stock.csv", path: "3", field: "sku", reason: expect.stringMatching(/unknown product "P-9"/) },
      { file: "stock.csv", path: "3", field: "warehouse", reason: expect.stringMatching(/unknown warehouse "BER"/) },
    ]);
    expect(db.$client.prepare("SELECT count(*) AS n FROM categories").get()).toEqual({ n: 0 });
  });

  it("reads semicolon-separated files and Windows line ends", () => {
    const db = openDatabase();
    importCatalog(db, goodDocument());
    writeFileSync(
      join(dir, "prices.csv"),
      "priceList;sku;minQty;priceCents\r\nPL-STD;SEAL-EPDM-32;1;4100\r\nPL-STD;SEAL-EPDM-32;50;3000\r\n",
    );
    expect(importCatalog(db, join(dir, "prices.csv")).added).toEqual({ prices: 1 });
    expect(db.$client.prepare("SELECT min_qty, price_cents FROM price_list_items ORDER BY min_qty").all()).toEqual([
      { min_qty: 1, price_cents: 4100 },
      { min_qty: 10, price_cents: 3900 },
      { min_qty: 50, price_cents: 3000 },
    ]);
  });

  it("rejects rows with a wrong number of cells and repeated columns, line by line", () => {
    const folder = writeFolder(join(dir, "cells"), { categories: goodDocument().categories! });
    writeFileSync(
      join(folder, "products.csv"),
      "sku,name,category,listPriceCents,name\nP-1,Pump,pumps,100,Pump\nP-2,Seal,seals,100\nP-3,Valve,pumps,1,Valve,extra\n",
    );
    expect(problemsOf(openDatabase(), folder)).toEqual([
      { file: "products.csv", path: "1", field: "name", reason: "column appears twice" },
      { file: "products.csv", path: "3", field: "", reason: "expected 5 cells like the header, found 4" },
      { file: "products.csv", path: "4", field: "", reason: "expected 5 cells like the header, found 6" },
    ]);
  });

  it("rejects a malformed CSV file", () => {
    writeFileSync(join(dir, "products.csv"), 'sku,name\n"P-1,Pump\n');
    expect(problemsOf(openDatabase(), dir)).toEqual([
      { file: "products.csv", path: expect.any(String), field: "", reason: expect.stringMatching(/^not valid CSV/) },
    ]);
  });
});

describe("folder and single file", () => {
  it("give the same database", () => {
    const doc = goodDocument();
    const folderDb = openDatabase();
    importCatalog(folderDb, writeFolder(join(dir, "catalog"), doc));
    const fileDb = openDatabase();
    writeFileSync(join(dir, "catalog.json"), JSON.stringify(doc));
    const summary = importCatalog(fileDb, join(dir, "catalog.json"));
    expect(summary.files).toEqual([join(dir, "catalog.json")]);
    expect(dump(fileDb)).toEqual(dump(folderDb));
    expect(dump(fileDb)[IMPORTED_TABLES.indexOf("products")]).toHaveLength(6);
  });

  it("name the file and position of a bad row", () => {
    const doc = goodDocument();
    doc.products![1]!.category = "valves";
    writeFileSync(join(dir, "catalog.json"), JSON.stringify(doc));
    expect(problemsOf(openDatabase(), join(dir, "catalog.json"))).toEqual([
      {
        file: "catalog.json",
        path: "products[1]",
        field: "category",
        reason: expect.stringMatching(/unknown category/),
      },
    ]);
    writeFolder(join(dir, "folder"), doc);
    expect(problemsOf(openDatabase(), join(dir, "folder"))).toEqual([
      { file: "products.json", path: "[1]", field: "category", reason: expect.stringMatching(/unknown category/) },
    ]);
  });

  it("reject unreadable sources: invalid JSON, unknown section files, non-array files, missing paths", () => {
    const folder = join(dir, "mixed");
    mkdirSync(folder);
    writeFileSync(join(folder, "products.json"), "[{ sku: 1 }]");
    writeFileSync(join(folder, "produkte.json"), "[]");
    writeFileSync(join(folder, "warehouses.json"), '{ "code": "HAM" }');
    writeFileSync(join(folder, "customers.csv"), "id\nC-1\n");
    const problems = problemsOf(openDatabase(), folder);
    expect(problems).toEqual([
      {
        file: "produkte.json",
        path: "",
        field: "",
        reason: expect.stringMatching(/^not a section of the import format/),
      },
      { file: "products.json", path: "", field: "", reason: expect.stringMatching(/^not valid JSON/) },
      { file: "warehouses.json", path: "", field: "", reason: "expected a JSON array of rows" },
      { file: "customers.csv", path: "", field: "", reason: "only products, stock, prices may come as CSV" },
    ]);
    expect(problemsOf(openDatabase(), join(dir, "nope"))).toEqual([
      { file: join(dir, "nope"), path: "", field: "", reason: "no such file or folder" },
    ]);
  });
});
