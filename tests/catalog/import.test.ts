import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { importCatalog, ImportError } from "../../catalog/import/index.ts";
import { goodDocument, IMPORTED_TABLES } from "./import-fixture.ts";

const all = (db: Db, sql: string, ...args: unknown[]) =>
  db.$client.prepare(sql).all(...args) as Record<string, unknown>[];
const one = (db: Db, sql: string, ...args: unknown[]) =>
  db.$client.prepare(sql).get(...args) as Record<string, unknown> | undefined;
const count = (db: Db, table: string) => (one(db, `SELECT count(*) AS n FROM ${table}`) as { n: number }).n;

describe("importCatalog: good data", () => {
  it("imports every section and reads back what was imported", () => {
    const db = openDatabase();
    const summary = importCatalog(db, goodDocument());
    expect(summary.counts).toMatchObject({
      products: 6,
      relations: 3,
      fitment: 2,
      stock: 3,
      customers: 2,
      machines: 1,
      policy: 1,
    });
    expect(summary.added.products).toBe(6);

    expect(one(db, "SELECT * FROM products WHERE sku = 'ORING-BOX'")).toMatchObject({
      order_unit: "BOX",
      content_unit: "PCE",
      content_qty: 50,
      moq: 2,
      order_step: 2,
      max_qty: 100,
      lead_time_days: 14,
      lifecycle: "active",
      list_price_cents: 1900,
      currency: "EUR",
      hazardous: 0,
      blocked_regions: '["us"]',
    });
    expect(one(db, "SELECT lifecycle, successor_sku FROM products WHERE sku = 'SEAL-OLD-32'")).toEqual({
      lifecycle: "discontinued",
      successor_sku: "SEAL-EPDM-32",
    });
    expect(one(db, "SELECT requires_certification FROM products WHERE sku = 'MOTOR-1K5'")).toEqual({
      requires_certification: "atex",
    });
    // Features keep their types: number (with unit), text, boolean, list.
    expect(
      all(
        db,
        "SELECT key, type, num_value, text_value, list_value, bool_value, unit FROM product_features WHERE sku = 'CP-100-CFG' ORDER BY key",
      ),
    ).toEqual([
      { key: "atex", type: "bool", num_value: null, text_value: null, list_value: null, bool_value: 0, unit: null },
      {
        key: "connections",
        type: "list",
        num_value: null,
        text_value: null,
        list_value: '["DN50","G1"]',
        bool_value: null,
        unit: null,
      },
      {
        key: "material",
        type: "text",
        num_value: null,
        text_value: "cast iron",
        list_value: null,
        bool_value: null,
        unit: null,
      },
      { key: "power", type: "num", num_value: 1.5, text_value: null, list_value: null, bool_value: null, unit: "kW" },
      { key: "voltage", type: "num", num_value: 400, text_value: null, list_value: null, bool_value: null, unit: null },
    ]);
    expect(
      all(
        db,
        "SELECT code, min_choices, max_choices, default_value, position FROM config_groups WHERE model_id = 'cfg-cp' ORDER BY position",
      ),
    ).toEqual([
      { code: "voltage", min_choices: 1, max_choices: 1, default_value: "230", position: 0 },
      { code: "seal", min_choices: 1, max_choices: 1, default_value: "epdm", position: 1 },
      { code: "atex", min_choices: 0, max_choices: 1, default_value: null, position: 2 },
    ]);
    expect(one(db, "SELECT price_delta_cents FROM config_options WHERE model_id = 'cfg-cp' AND value = 'fkm'")).toEqual(
      { price_delta_cents: 2500 },
    );
    expect(all(db, "SELECT kind, if_group, if_value, then_group, then_value FROM config_constraints")).toEqual([
      { kind: "requires", if_group: "atex", if_value: "yes", then_group: "seal", then_value: "fkm" },
    ]);
    expect(all(db, "SELECT part_sku, machine_model, serial_from, serial_to FROM fitment ORDER BY part_sku")).toEqual([
      { part_sku: "SEAL-EPDM-32", machine_model: "CP-100", serial_from: null, serial_to: null },
      { part_sku: "SEAL-FKM-32", machine_model: "CP-100", serial_from: "A1000", serial_to: "A4999" },
    ]);
    expect(
      all(db, "SELECT warehouse, on_hand, reserved FROM stock WHERE sku = 'SEAL-EPDM-32' ORDER BY warehouse"),
    ).toEqual([
      { warehouse: "HAM", on_hand: 40, reserved: 5 },
      { warehouse: "MUC", on_hand: 3, reserved: 0 },
    ]);
    expect(one(db, "SELECT eta FROM stock_inbound WHERE sku = 'SEAL-FKM-32'")).toEqual({ eta: "2026-12-15" });
    expect(one(db, "SELECT warehouse, protected_qty, for_tier FROM allocation_rules")).toEqual({
      warehouse: null,
      protected_qty: 10,
      for_tier: "platinum",
    });
    expect(all(db, "SELECT min_qty, price_cents FROM price_list_items ORDER BY min_qty")).toEqual([
      { min_qty: 1, price_cents: 4300 },
      { min_qty: 10, price_cents: 3900 },
    ]);
    expect(one(db, "SELECT * FROM customers WHERE id = 'C-ACME'")).toMatchObject({
      tier: "gold",
      price_list_id: "PL-STD",
      credit_limit_cents: 5_000_000,
      open_balance_cents: 1_000_000,
      payment_terms: "NET30",
      blocked: 0,
      partial_shipment: 1,
      certifications: '["atex"]',
    });
    expect(one(db, "SELECT blocked, blocked_reason FROM customers WHERE id = 'C-BLOCK'")).toEqual({
      blocked: 1,
      blocked_reason: "overdue",
    });
    expect(all(db, "SELECT id, is_default FROM ship_tos WHERE customer_id = 'C-ACME' ORDER BY id")).toEqual([
      { id: "ST-ACME-1", is_default: 1 },
      { id: "ST-ACME-2", is_default: 0 },
    ]);
    expect(one(db, "SELECT email FROM contacts WHERE id = 'K-ACME-1'")).toEqual({ email: "jo@acme.example" });
    expect(count(db, "contract_prices")).toBe(2);
    const machine = one(db, "SELECT * FROM machines WHERE id = 'M-ACME-1'")!;
    expect(JSON.parse(machine.operating_data as string)).toEqual({
      medium: "water",
      mediumTemperature: 80,
      systemPressure: 10,
    });
    expect(JSON.parse(machine.components as string)).toEqual(["SEAL-EPDM-32"]);
    expect(
      all(db, "SELECT line_no, sku, quantity, unit_price_cents, machine_id FROM order_history_lines ORDER BY line_no"),
    ).toEqual([
      { line_no: 1, sku: "SEAL-EPDM-32", quantity: 2, unit_price_cents: 3500, machine_id: "M-ACME-1" },
      { line_no: 2, sku: "ORING-BOX", quantity: 2, unit_price_cents: null, machine_id: null },
    ]);
    expect(one(db, "SELECT * FROM approval_policies")).toMatchObject({
      id: "default",
      max_order_value_cents: 2_000_000,
      min_order_value_cents: 5000,
    });
    expect(count(db, "compat_rules")).toBe(2);
    expect(count(db, "media_compat")).toBe(1);
  });

  it("accepts references to rows already in the database", () => {
    const db = openDatabase();
    importCatalog(db, goodDocument());
    const summary = importCatalog(db, {
      products: [
        { sku: "SEAL-NEW", name: "New seal", category: "seals", listPriceCents: 100, successor: "SEAL-FKM-32" },
      ],
      stock: [{ sku: "SEAL-NEW", warehouse: "MUC", onHand: 7 }],
      orderHistory: [
        {
          id: "H-2",
          customer: "C-ACME",
          orderedAt: "2025-07-01",
          lines: [{ sku: "SEAL-NEW", quantity: 1, machine: "M-ACME-1" }],
        },
      ],
    });
    expect(summary.added).toMatchObject({ products: 1, stock: 1, orderHistory: 1 });
    expect(count(db, "products")).toBe(7);
  });

  it("reports progress for every section up to its total", () => {
    const db = openDatabase();
    const last = new Map<string, { done: number; total: number }>();
    importCatalog(db, goodDocument(), { onProgress: (p) => last.set(`${p.phase}:${p.section}`, p) });
    expect(last.get("validate:products")).toMatchObject({ done: 6, total: 6 });
    expect(last.get("write:products")).toMatchObject({ done: 6, total: 6 });
    expect(last.get("write:customers")).toMatchObject({ done: 2, total: 2 });
  });
});

describe("importCatalog: re-import", () => {
  it("updates instead of duplicating, and replaces child rows of re-imported parents", () => {
    const db = openDatabase();
    importCatalog(db, goodDocument());
    const before = Object.fromEntries(IMPORTED_TABLES.map((t) => [t, count(db, t)]));

    // The same document again: nothing new anywhere.
    const again = importCatalog(db, goodDocument());
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect(Object.fromEntries(IMPORTED_TABLES.map((t) => [t, count(db, t)]))).toEqual(before);

    const doc = goodDocument();
    const pump = doc.products!.find((p) => p.sku === "CP-100-CFG")!;
    pump.name = "CP 100 pump (new name)";
    pump.listPriceCents = 130000;
    pump.features = { voltage: 230, ip: "IP55" }; // power, atex, connections, material dropped
    const acme = doc.customers!.find((c) => c.id === "C-ACME")!;
    acme.creditLimitCents = 6_000_000;
    acme.shipTos = [acme.shipTos![1]!]; // plant 1 closed
    doc.configModels![0]!.groups = doc.configModels![0]!.groups.slice(0, 2);
    doc.configModels![0]!.constraints = [];
    doc.orderHistory![0]!.lines = [{ sku: "SEAL-FKM-32", quantity: 5 }];
    doc.stock![0]!.onHand = 12;
    doc.fitment![0]!.note = "checked";
    importCatalog(db, doc);

    expect(one(db, "SELECT name, list_price_cents FROM products WHERE sku = 'CP-100-CFG'")).toEqual({
      name: "CP 100 pump (new name)",
      list_price_cents: 130000,
    });
    expect(all(db, "SELECT key FROM product_features WHERE sku = 'CP-100-CFG' ORDER BY key").map((r) => r.key)).toEqual(
      ["ip", "voltage"],
    );
    expect(one(db, "SELECT credit_limit_cents FROM customers WHERE id = 'C-ACME'")).toEqual({
      credit_limit_cents: 6_000_000,
    });
    expect(all(db, "SELECT id FROM ship_tos WHERE customer_id = 'C-ACME'").map((r) => r.id)).toEqual(["ST-ACME-2"]);
    expect(
      all(db, "SELECT code FROM config_groups WHERE model_id = 'cfg-cp' ORDER BY position").map((r) => r.code),
    ).toEqual(["voltage", "seal"]);
    expect(count(db, "config_options")).toBe(4);
    expect(count(db, "config_constraints")).toBe(0);
    expect(all(db, "SELECT sku, quantity FROM order_history_lines WHERE order_id = 'H-1'")).toEqual([
      { sku: "SEAL-FKM-32", quantity: 5 },
    ]);
    expect(one(db, "SELECT on_hand FROM stock WHERE sku = 'SEAL-EPDM-32' AND warehouse = 'HAM'")).toEqual({
      on_hand: 12,
    });
    expect(all(db, "SELECT note FROM fitment WHERE part_sku = 'SEAL-EPDM-32'")).toEqual([{ note: "checked" }]);
    expect(count(db, "products")).toBe(before.products);
    expect(count(db, "fitment")).toBe(before.fitment);
    expect(count(db, "allocation_rules")).toBe(before.allocation_rules);
  });

  it("keeps the product search index in sync, also on a bulk import that rebuilds it", () => {
    const db = openDatabase();
    const doc = goodDocument();
    for (let i = 0; i < 1500; i++)
      doc.products!.push({ sku: `BULK-${i}`, name: `Impeller type ${i}`, category: "pumps", listPriceCents: 100 + i });
    importCatalog(db, doc);
    const indexed = (sku: string) => one(db, "SELECT count(*) AS n FROM product_sku_search WHERE sku = ?", sku)!.n;
    expect(count(db, "product_search")).toBe(count(db, "products"));
    expect(indexed("BULK-1499")).toBe(1);
    expect(one(db, "SELECT count(*) AS n FROM product_search WHERE product_search MATCH 'impeller'")!.n).toBe(1500);

    // The triggers are back after the bulk path: a small import (and a plain insert) still reach the index.
    importCatalog(db, {
      products: [{ sku: "LATE-1", name: "Late arrival coupling", category: "pumps", listPriceCents: 1 }],
    });
    expect(indexed("LATE-1")).toBe(1);
    expect(one(db, "SELECT count(*) AS n FROM product_search WHERE product_search MATCH 'coupling'")!.n).toBe(1);
    expect(count(db, "product_search")).toBe(count(db, "products"));
  });

  it("makes a renamed category searchable by its new name", () => {
    const db = openDatabase();
    importCatalog(db, goodDocument());
    importCatalog(db, { categories: [{ code: "seals", name: "Gaskets", parent: "pumps" }] });
    expect(one(db, "SELECT count(*) AS n FROM product_search WHERE product_search MATCH 'gaskets'")!.n).toBe(4);
  });
});

describe("importCatalog: rejection leaves the database unchanged", () => {
  it("writes nothing when one row of a large import is bad", () => {
    const db = openDatabase();
    importCatalog(db, goodDocument());
    const snapshot = () => IMPORTED_TABLES.map((t) => all(db, `SELECT * FROM ${t} ORDER BY 1, 2`));
    const before = snapshot();
    const doc = goodDocument();
    doc.products![0]!.name = "Renamed, must not stick";
    doc.customers![0]!.shipTos = [];
    doc.stock!.push({ sku: "NOPE", warehouse: "HAM", onHand: 1 });
    let error: unknown;
    try {
      importCatalog(db, doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems).toEqual([
      {
        file: "document",
        path: "stock[3]",
        field: "sku",
        reason: 'unknown product "NOPE" (not in this import nor in the database)',
      },
    ]);
    expect(snapshot()).toEqual(before);
  });
});

describe("importCatalog: concurrent writers", () => {
  it("re-checks references when another connection changed the database during validation", () => {
    const dir = mkdtempSync(join(tmpdir(), "os-import-race-"));
    try {
      const db = openDatabase(join(dir, "race.db"));
      importCatalog(db, goodDocument());
      const other = openDatabase(join(dir, "race.db"));
      let error: unknown;
      try {
        importCatalog(
          db,
          { stock: [{ sku: "ORING-BOX", warehouse: "MUC", onHand: 9 }] },
          {
            // Between validation and writing, someone else removes the warehouse the stock row points at.
            onProgress: (p) => {
              if (p.phase === "validate" && p.done === p.total)
                other.$client.prepare("DELETE FROM warehouses WHERE code = 'MUC'").run();
            },
          },
        );
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems).toEqual([
        {
          file: "document",
          path: "stock[0]",
          field: "warehouse",
          reason: 'unknown warehouse "MUC" (not in this import nor in the database)',
        },
      ]);
      expect(count(db, "stock")).toBe(2); // the HAM rows; MUC's went with the warehouse, nothing was added
      db.$client.close();
      other.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
