import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { importCatalog, ImportError, type ImportProblem } from "../../catalog/import/index.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { goodDocument, IMPORTED_TABLES } from "./import-fixture.ts";

const snapshot = (db: Db) => IMPORTED_TABLES.map((t) => db.$client.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());

/** Imports `doc` into a database that already holds the good document; returns the problems and checks nothing changed. */
function problemsOf(doc: ImportDocument): ImportProblem[] {
  const db = openDatabase();
  importCatalog(db, goodDocument());
  const before = snapshot(db);
  try {
    importCatalog(db, doc);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    expect(snapshot(db)).toEqual(before);
    return err.problems;
  }
  throw new Error("the import was accepted");
}

/** The good document with one change applied. */
function withChange(change: (doc: ImportDocument) => void): ImportDocument {
  const doc = goodDocument();
  change(doc);
  return doc;
}

type Doc = ImportDocument & Record<string, unknown>;
const rows = (doc: ImportDocument, section: keyof ImportDocument) => doc[section] as Record<string, unknown>[];

describe("importCatalog rejects schema violations", () => {
  const cases: [string, (doc: Doc) => void, Partial<ImportProblem>][] = [
    [
      "a negative price",
      (d) => (rows(d, "products")[1]!.listPriceCents = -5),
      { path: "products[1]", field: "listPriceCents" },
    ],
    ["a missing name", (d) => delete rows(d, "products")[2]!.name, { path: "products[2]", field: "name" }],
    [
      "a price that is not a number",
      (d) => (rows(d, "products")[0]!.listPriceCents = "12.50"),
      { path: "products[0]", field: "listPriceCents" },
    ],
    [
      "an unknown lifecycle",
      (d) => (rows(d, "products")[0]!.lifecycle = "retired"),
      { path: "products[0]", field: "lifecycle" },
    ],
    [
      "a MOQ that is not a multiple of the order step",
      (d) => Object.assign(rows(d, "products")[3]!, { moq: 3, orderStep: 2 }),
      { path: "products[3]", field: "moq" },
    ],
    [
      "a max quantity below the MOQ",
      (d) => (rows(d, "products")[3]!.maxQty = 1),
      { path: "products[3]", field: "maxQty" },
    ],
    [
      "a bad feature value",
      (d) => (rows(d, "products")[0]!.features = { voltage: { value: "400" } }),
      { path: "products[0]", field: "features.voltage" },
    ],
    [
      "an unknown field (a typo)",
      (d) => (rows(d, "products")[1]!.sucessor = "SEAL-FKM-32"),
      { path: "products[1]", field: "sucessor", reason: "unknown field" },
    ],
    [
      "a field named like an object method",
      (d) => (rows(d, "products")[1]!.constructor = "x" as never),
      { path: "products[1]", field: "constructor", reason: "unknown field" },
    ],
    [
      "an unknown nested field",
      (d) => ((rows(d, "customers")[0]!.shipTos as Record<string, unknown>[])[0]!.zip = "1"),
      { path: "customers[0]", field: "shipTos[0].zip", reason: "unknown field" },
    ],
    [
      "an invalid e-mail",
      (d) => ((rows(d, "customers")[0]!.contacts as Record<string, unknown>[])[0]!.email = "jo-at-acme"),
      { path: "customers[0]", field: "contacts[0].email" },
    ],
    [
      "an invalid date",
      (d) => (rows(d, "contractPrices")[0]!.validFrom = "01.01.2025"),
      { path: "contractPrices[0]", field: "validFrom" },
    ],
    [
      "a validity that ends before it starts",
      (d) => (rows(d, "contractPrices")[0]!.validTo = "2024-01-01"),
      { path: "contractPrices[0]", field: "validTo" },
    ],
    [
      "an unknown relation type",
      (d) => (rows(d, "relations")[0]!.type = "spare"),
      { path: "relations[0]", field: "type" },
    ],
    [
      "a reversed serial range",
      (d) => Object.assign(rows(d, "fitment")[1]!, { serialFrom: "B", serialTo: "A" }),
      { path: "fitment[1]", field: "serialTo" },
    ],
    [
      "a rule code outside compat.*",
      (d) => (rows(d, "rules")[0]!.code = "voltage"),
      { path: "rules[0]", field: "code" },
    ],
    ["negative stock", (d) => (rows(d, "stock")[0]!.onHand = -1), { path: "stock[0]", field: "onHand" }],
    [
      "an order history without lines",
      (d) => (rows(d, "orderHistory")[0]!.lines = []),
      { path: "orderHistory[0]", field: "lines" },
    ],
    [
      "a discount over 100 %",
      (d) => (rows(d, "policy")[0]!.maxDiscountPct = 150),
      { path: "policy[0]", field: "maxDiscountPct" },
    ],
    [
      "a row that is not an object",
      (d) => (rows(d, "warehouses")[0] = "HAM" as unknown as Record<string, unknown>),
      { path: "warehouses[0]", field: "" },
    ],
    [
      "an unknown section",
      (d) => (d.prodcuts = []),
      { path: "prodcuts", reason: "not a section of the import format" },
    ],
    [
      "a section that is not an array",
      (d) => (d.policy = { maxDiscountPct: 1 } as never),
      { path: "policy", reason: "expected an array of rows" },
    ],
  ];
  it.each(cases)("%s", (_name, change, expected) => {
    const problems = problemsOf(withChange(change as (d: ImportDocument) => void));
    expect(problems).toEqual([expect.objectContaining({ file: "document", ...expected })]);
    expect(problems[0]!.reason.length).toBeGreaterThan(3);
  });
});

describe("importCatalog rejects dangling references", () => {
  const cases: [string, (doc: Doc) => void, string, string, RegExp][] = [
    [
      "a product in an unknown category",
      (d) => (rows(d, "products")[1]!.category = "valves"),
      "products[1]",
      "category",
      /unknown category "valves"/,
    ],
    [
      "an unknown successor",
      (d) => (rows(d, "products")[4]!.successor = "SEAL-XXX"),
      "products[4]",
      "successor",
      /unknown product "SEAL-XXX"/,
    ],
    [
      "an unknown configuration model",
      (d) => (rows(d, "products")[0]!.configModel = "cfg-x"),
      "products[0]",
      "configModel",
      /unknown configuration model/,
    ],
    [
      "an unknown machine model on a product",
      (d) => (rows(d, "products")[0]!.machineModel = "CP-9"),
      "products[0]",
      "machineModel",
      /unknown machine model/,
    ],
    [
      "a category with an unknown parent",
      (d) => (rows(d, "categories")[1]!.parent = "nope"),
      "categories[1]",
      "parent",
      /unknown category/,
    ],
    [
      "a relation to an unknown product",
      (d) => (rows(d, "relations")[0]!.target = "GHOST"),
      "relations[0]",
      "target",
      /unknown product "GHOST"/,
    ],
    [
      "a relation from an unknown product",
      (d) => (rows(d, "relations")[0]!.sku = "GHOST"),
      "relations[0]",
      "sku",
      /unknown product/,
    ],
    [
      "a product related to itself",
      (d) => (rows(d, "relations")[0]!.target = "CP-100-CFG"),
      "relations[0]",
      "target",
      /itself/,
    ],
    [
      "fitment to an unknown machine model",
      (d) => (rows(d, "fitment")[0]!.machineModel = "CP-9"),
      "fitment[0]",
      "machineModel",
      /unknown machine model "CP-9"/,
    ],
    [
      "fitment of an unknown part",
      (d) => (rows(d, "fitment")[0]!.part = "GHOST"),
      "fitment[0]",
      "part",
      /unknown product/,
    ],
    [
      "a rule for an unknown category",
      (d) => (rows(d, "rules")[1]!.category = "gaskets"),
      "rules[1]",
      "category",
      /unknown category/,
    ],
    [
      "stock in an unknown warehouse",
      (d) => (rows(d, "stock")[1]!.warehouse = "BER"),
      "stock[1]",
      "warehouse",
      /unknown warehouse "BER"/,
    ],
    [
      "inbound of an unknown product",
      (d) => (rows(d, "inbound")[0]!.sku = "GHOST"),
      "inbound[0]",
      "sku",
      /unknown product/,
    ],
    [
      "an allocation in an unknown warehouse",
      (d) => (rows(d, "allocations")[0]!.warehouse = "BER"),
      "allocations[0]",
      "warehouse",
      /unknown warehouse/,
    ],
    [
      "a price in an unknown price list",
      (d) => (rows(d, "prices")[0]!.priceList = "PL-X"),
      "prices[0]",
      "priceList",
      /unknown price list/,
    ],
    [
      "a customer with an unknown price list",
      (d) => (rows(d, "customers")[0]!.priceList = "PL-X"),
      "customers[0]",
      "priceList",
      /unknown price list/,
    ],
    [
      "a contract price for an unknown customer",
      (d) => (rows(d, "contractPrices")[0]!.customer = "C-X"),
      "contractPrices[0]",
      "customer",
      /unknown customer/,
    ],
    [
      "a contract price for an unknown SKU",
      (d) => (rows(d, "contractPrices")[1]!.sku = "GHOST"),
      "contractPrices[1]",
      "sku",
      /unknown product/,
    ],
    [
      "a machine of an unknown customer",
      (d) => (rows(d, "machines")[0]!.customer = "C-X"),
      "machines[0]",
      "customer",
      /unknown customer/,
    ],
    [
      "a machine of an unknown model",
      (d) => (rows(d, "machines")[0]!.model = "CP-9"),
      "machines[0]",
      "model",
      /unknown machine model/,
    ],
    [
      "a machine with an unknown component",
      (d) => (rows(d, "machines")[0]!.components = ["GHOST"]),
      "machines[0]",
      "components[0]",
      /unknown product/,
    ],
    [
      "history of an unknown SKU",
      (d) => ((rows(d, "orderHistory")[0]!.lines as Record<string, unknown>[])[1]!.sku = "GHOST"),
      "orderHistory[0]",
      "lines[1].sku",
      /unknown product/,
    ],
    [
      "history on an unknown machine",
      (d) => ((rows(d, "orderHistory")[0]!.lines as Record<string, unknown>[])[0]!.machine = "M-X"),
      "orderHistory[0]",
      "lines[0].machine",
      /unknown machine/,
    ],
    [
      "history for an unknown customer",
      (d) => (rows(d, "orderHistory")[0]!.customer = "C-X"),
      "orderHistory[0]",
      "customer",
      /unknown customer/,
    ],
  ];
  it.each(cases)("%s", (_name, change, path, field, reason) => {
    const problems = problemsOf(withChange(change as (d: ImportDocument) => void));
    expect(problems).toEqual([{ file: "document", path, field, reason: expect.stringMatching(reason) }]);
  });

  it("flags a category cycle on every category in it", () => {
    const problems = problemsOf(withChange((d) => (d.categories![0]!.parent = "seals")));
    expect(problems).toEqual([
      { file: "document", path: "categories[0]", field: "parent", reason: "category cycle: pumps → seals → pumps" },
      { file: "document", path: "categories[1]", field: "parent", reason: "category cycle: seals → pumps → seals" },
    ]);
  });

  it("flags history on another customer's machine", () => {
    const problems = problemsOf({
      orderHistory: [
        {
          id: "H-9",
          customer: "C-BLOCK",
          orderedAt: "2025-01-01",
          lines: [{ sku: "ORING-BOX", quantity: 2, machine: "M-ACME-1" }],
        },
      ],
    });
    expect(problems).toEqual([
      {
        file: "document",
        path: "orderHistory[0]",
        field: "lines[0].machine",
        reason: 'machine "M-ACME-1" belongs to customer "C-ACME", not "C-BLOCK"',
      },
    ]);
  });

  it("checks references of rows that also fail their schema", () => {
    const problems = problemsOf({ products: [{ sku: "X-1", name: "", category: "valves", listPriceCents: 10 }] });
    expect(problems.map((p) => p.field).sort()).toEqual(["category", "name"]);
  });
});

describe("importCatalog rejects duplicates within one import", () => {
  const cases: [string, (doc: Doc) => void, string, string][] = [
    ["a SKU twice", (d) => rows(d, "products").push({ ...rows(d, "products")[1]! }), "products[6]", "sku"],
    ["a relation twice", (d) => rows(d, "relations").push({ ...rows(d, "relations")[0]! }), "relations[3]", "target"],
    [
      "a fitment twice (no serial range)",
      (d) => rows(d, "fitment").push({ part: "SEAL-EPDM-32", machineModel: "CP-100" }),
      "fitment[2]",
      "machineModel",
    ],
    [
      "a stock row twice",
      (d) => rows(d, "stock").push({ sku: "ORING-BOX", warehouse: "HAM", onHand: 1 }),
      "stock[3]",
      "warehouse",
    ],
    [
      "a price break twice",
      (d) => rows(d, "prices").push({ priceList: "PL-STD", sku: "SEAL-EPDM-32", minQty: 10, priceCents: 1 }),
      "prices[2]",
      "minQty",
    ],
    ["a customer twice", (d) => rows(d, "customers").push({ ...rows(d, "customers")[1]! }), "customers[2]", "id"],
    [
      "a warehouse twice",
      (d) => rows(d, "warehouses").push({ code: "HAM", name: "again", region: "north" }),
      "warehouses[2]",
      "code",
    ],
    [
      "a default policy twice",
      (d) => rows(d, "policy").push({ maxOrderValueCents: 1, maxDiscountPct: 1, maxCreditOverrunCents: 1 }),
      "policy[1]",
      "id",
    ],
  ];
  it.each(cases)("%s", (_name, change, path, field) => {
    const problems = problemsOf(withChange(change as (d: ImportDocument) => void));
    expect(problems).toEqual([
      { file: "document", path, field, reason: expect.stringMatching(/^duplicate .*\(first at document:/) },
    ]);
  });

  it("rejects a ship-to id used by two customers and one taken from a customer outside the import", () => {
    const doc = goodDocument();
    const shipTo = doc.customers![0]!.shipTos![0]!;
    doc.customers![1]!.shipTos = [{ ...shipTo, isDefault: false }];
    expect(problemsOf(doc)).toEqual([
      {
        file: "document",
        path: "customers[1]",
        field: "shipTos[0].id",
        reason: 'duplicate ship-to id "ST-ACME-1" (also used by customer "C-ACME")',
      },
    ]);
    const other = { ...goodDocument().customers![1]!, shipTos: [{ ...shipTo }] };
    expect(problemsOf({ customers: [other] })).toEqual([
      {
        file: "document",
        path: "customers[0]",
        field: "shipTos[0].id",
        reason: 'ship-to id "ST-ACME-1" belongs to customer "C-ACME"',
      },
    ]);
  });

  it("rejects two default ship-tos", () => {
    const doc = goodDocument();
    doc.customers![0]!.shipTos![1]!.isDefault = true;
    expect(problemsOf(doc)).toEqual([
      { file: "document", path: "customers[0]", field: "shipTos", reason: "more than one default ship-to" },
    ]);
  });
});

describe("importCatalog rejects bad configuration models", () => {
  const withModel = (change: (m: Record<string, any>) => void) =>
    withChange((d) => change(d.configModels![0] as Record<string, any>));
  const cases: [string, (m: Record<string, any>) => void, string, RegExp][] = [
    [
      "a constraint on an unknown option",
      (m) => (m.constraints[0].then.value = "ptfe"),
      "constraints[0].then",
      /unknown option seal=ptfe/,
    ],
    ["a default that is not an option", (m) => (m.groups[0].default = "110"), "groups[0].default", /not an option/],
    ["min above max", (m) => Object.assign(m.groups[2], { min: 2, max: 1 }), "groups[2].min", /min must be <= max/],
    [
      "more required choices than options",
      (m) => Object.assign(m.groups[2], { min: 2, max: 2 }),
      "groups[2].min",
      /needs 2 choices but has only 1 option/,
    ],
    ["a duplicate group", (m) => m.groups.push({ ...m.groups[0] }), "groups[3].code", /duplicate group "voltage"/],
    [
      "a duplicate option",
      (m) => m.groups[0].options.push({ value: "230", label: "again" }),
      "groups[0].options[2].value",
      /duplicate option "230"/,
    ],
    [
      "an option that excludes itself",
      (m) =>
        (m.constraints = [
          { kind: "excludes", if: { group: "seal", value: "fkm" }, then: { group: "seal", value: "fkm" } },
        ]),
      "constraints[0]",
      /cannot exclude itself/,
    ],
    [
      "requires and excludes the same option",
      (m) =>
        m.constraints.push({
          kind: "excludes",
          if: { group: "atex", value: "yes" },
          then: { group: "seal", value: "fkm" },
        }),
      "constraints[1]",
      /both requires and excludes/,
    ],
    [
      "requires another value of the same single-choice group",
      (m) =>
        (m.constraints = [
          { kind: "requires", if: { group: "seal", value: "fkm" }, then: { group: "seal", value: "epdm" } },
        ]),
      "constraints[0]",
      /can never be chosen/,
    ],
    [
      "defaults that violate a constraint",
      (m) =>
        (m.constraints = [
          { kind: "excludes", if: { group: "voltage", value: "230" }, then: { group: "seal", value: "epdm" } },
        ]),
      "constraints[0]",
      /defaults violate it/,
    ],
    [
      "a duplicate constraint",
      (m) => m.constraints.push(structuredClone(m.constraints[0])),
      "constraints[1]",
      /duplicate of constraints\[0\]/,
    ],
  ];
  it.each(cases)("%s", (_name, change, field, reason) => {
    expect(problemsOf(withModel(change))).toEqual([
      { file: "document", path: "configModels[0]", field, reason: expect.stringMatching(reason) },
    ]);
  });
});

describe("importCatalog lists every problem at once", () => {
  it("collects problems of different kinds and sections in one error, in reading order", () => {
    const doc = goodDocument();
    doc.products![5]!.listPriceCents = -1;
    doc.relations![2]!.target = "GHOST";
    doc.stock!.push({ sku: "ORING-BOX", warehouse: "HAM", onHand: 1 });
    doc.customers![1]!.region = "";
    const problems = problemsOf(doc);
    expect(problems.map((p) => `${p.path} ${p.field}`)).toEqual([
      "products[5] listPriceCents",
      "relations[2] target",
      "stock[3] warehouse",
      "customers[1] region",
    ]);
  });
});
