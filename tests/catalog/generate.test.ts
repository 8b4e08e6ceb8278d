import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../catalog/db.ts";
import { generateCatalog, writeCatalogFolder } from "../../catalog/generate/index.ts";
import { importDocument, type ImportDocument } from "../../catalog/import/format.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { RELATION_TYPES } from "../../catalog/schema.ts";

const AS_OF = "2026-06-01";
const tempDir = () => mkdtempSync(join(tmpdir(), "os-gen-"));

describe("generateCatalog: determinism", () => {
  it("gives byte-identical files for the same seed and different ones for another seed", () => {
    const dir = tempDir();
    try {
      const a = generateCatalog({ skus: 400, seed: 11, customers: 25, asOf: AS_OF });
      const b = generateCatalog({ skus: 400, seed: 11, customers: 25, asOf: AS_OF });
      const c = generateCatalog({ skus: 400, seed: 12, customers: 25, asOf: AS_OF });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
      expect(c.products!.map((p) => p.name)).not.toEqual(a.products!.map((p) => p.name));

      writeCatalogFolder(a, join(dir, "a"));
      writeCatalogFolder(b, join(dir, "b"));
      const files = readdirSync(join(dir, "a")).sort();
      expect(files).toContain("products.json");
      expect(readdirSync(join(dir, "b")).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(dir, "b", f)).equals(readFileSync(join(dir, "a", f)))).toBe(true);
      // Each file is a plain JSON array holding exactly the document's rows.
      expect(JSON.parse(readFileSync(join(dir, "a", "stock.json"), "utf8"))).toEqual(a.stock);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("moves only the dates when the as-of day changes", () => {
    const june = generateCatalog({ skus: 300, seed: 3, customers: 10, asOf: "2026-06-01" });
    const july = generateCatalog({ skus: 300, seed: 3, customers: 10, asOf: "2026-07-01" });
    expect(july.products).toEqual(june.products);
    expect(july.fitment).toEqual(june.fitment);
    expect(july.stock).toEqual(june.stock);
    expect(july.inbound!.map((i) => i.eta)).not.toEqual(june.inbound!.map((i) => i.eta));
    expect(july.inbound!.map(({ eta: _, ...rest }) => rest)).toEqual(june.inbound!.map(({ eta: _, ...rest }) => rest));
  });

  it("rejects sizes it cannot fill consistently", () => {
    expect(() => generateCatalog({ skus: 10, seed: 1 })).toThrow(RangeError);
    expect(() => generateCatalog({ skus: 500, seed: 1, asOf: "June 1st" })).toThrow(RangeError);
  });
});

describe("generateCatalog: a realistic 2,000-SKU catalog", () => {
  const doc: ImportDocument = generateCatalog({ skus: 2_000, seed: 7, asOf: AS_OF });
  const products = doc.products!;
  const bySku = new Map(products.map((p) => [p.sku, p]));

  it("passes the import format's validation", () => {
    const parsed = importDocument.safeParse(doc);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    expect(products).toHaveLength(2_000);
    expect(new Set(products.map((p) => p.sku)).size).toBe(2_000);
    expect(doc.customers).toHaveLength(300);
  });

  it("has every kind of data the checks need", () => {
    expect(new Set(doc.relations!.map((r) => r.type))).toEqual(new Set(RELATION_TYPES));
    expect(doc.relations!.filter((r) => r.type === "select").every((r) => r.group)).toBe(true);
    expect(doc.categories!.filter((c) => c.parent).length).toBeGreaterThanOrEqual(30);
    const features = new Set(products.flatMap((p) => Object.keys(p.features ?? {})));
    for (const f of [
      "voltage",
      "phase",
      "pressureRating",
      "tempRating",
      "material",
      "connection",
      "shaftDiameter",
      "power",
    ])
      expect(features).toContain(f);
    // Sold in boxes, by the metre, with MOQ / order step / maximum.
    expect(products.some((p) => p.orderUnit === "BOX" && (p.contentQty ?? 1) > 1)).toBe(true);
    expect(products.some((p) => p.orderUnit === "MTR" && (p.moq ?? 1) > 1)).toBe(true);
    expect(products.some((p) => (p.orderStep ?? 1) > 1 && (p.moq ?? 1) % (p.orderStep ?? 1) === 0)).toBe(true);
    expect(products.some((p) => p.maxQty !== undefined)).toBe(true);
    // Restricted: hazardous, certification, blocked regions.
    expect(products.some((p) => p.hazardous)).toBe(true);
    expect(new Set(products.map((p) => p.requiresCertification).filter(Boolean))).toEqual(new Set(["atex", "hazmat"]));
    expect(products.some((p) => (p.blockedRegions ?? []).length > 0)).toBe(true);
    // Fitment with serial ranges, compatibility rules in both scopes, the media matrix.
    expect(doc.fitment!.some((f) => f.serialFrom && f.serialTo)).toBe(true);
    expect(new Set(doc.rules!.map((r) => r.scope))).toEqual(new Set(["machine", "line"]));
    expect(new Set(doc.mediaCompat!.map((m) => m.rating))).toEqual(new Set(["ok", "limited", "no"]));
    // Stock: 3+ warehouses, scarce items, inbound with ETAs after asOf, protected stock for a tier.
    expect(doc.warehouses!.length).toBeGreaterThanOrEqual(3);
    expect(doc.stock!.some((s) => s.onHand <= 3)).toBe(true);
    expect(doc.inbound!.length).toBeGreaterThan(0);
    expect(doc.inbound!.every((i) => i.eta > AS_OF)).toBe(true);
    expect(doc.allocations!.length).toBeGreaterThan(0);
    // Prices with quantity breaks; contract prices valid, open-ended and expired.
    expect(doc.prices!.some((p) => (p.minQty ?? 1) > 1)).toBe(true);
    const contracts = doc.contractPrices!;
    expect(contracts.some((c) => c.validTo !== undefined && c.validTo < AS_OF)).toBe(true);
    expect(contracts.some((c) => c.validTo !== undefined && c.validTo >= AS_OF && c.validFrom <= AS_OF)).toBe(true);
    expect(contracts.some((c) => c.validTo === undefined)).toBe(true);
    // Customers of every tier, blocked ones, near their credit limit, with ship-tos, contacts, machines and history.
    const customers = doc.customers!;
    expect(new Set(customers.map((c) => c.tier))).toEqual(new Set(["platinum", "gold", "silver", "bronze"]));
    expect(customers.some((c) => c.blocked)).toBe(true);
    expect(customers.some((c) => (c.openBalanceCents ?? 0) >= 0.9 * c.creditLimitCents)).toBe(true);
    expect(
      customers.every(
        (c) => (c.shipTos ?? []).filter((s) => s.isDefault).length === 1 && (c.contacts ?? []).length > 0,
      ),
    ).toBe(true);
    expect(
      doc.machines!.some(
        (m) => typeof m.operatingData?.systemPressure === "number" && typeof m.operatingData?.medium === "string",
      ),
    ).toBe(true);
    expect(doc.orderHistory!.some((o) => o.lines.some((l) => l.machine))).toBe(true);
    expect(doc.policy!.some((p) => p.id === "default")).toBe(true);
  });

  it("keeps lifecycle and configuration data coherent", () => {
    const discontinued = products.filter((p) => p.lifecycle === "discontinued");
    expect(discontinued.length).toBeGreaterThan(20);
    const withSuccessor = discontinued.filter((p) => p.successor);
    expect(withSuccessor.length / discontinued.length).toBeGreaterThan(0.7);
    // A successor exists, is orderable, and is announced with a followup relation.
    for (const p of withSuccessor) {
      expect(bySku.get(p.successor!)?.lifecycle ?? "active").toBe("active");
      expect(doc.relations).toContainEqual({ sku: p.sku, type: "followup", target: p.successor });
    }
    const configModels = doc.configModels!;
    expect(configModels.length).toBeGreaterThan(2);
    const kinds = new Set(configModels.flatMap((m) => (m.constraints ?? []).map((c) => c.kind)));
    expect(kinds).toEqual(new Set(["requires", "excludes"]));
    expect(products.filter((p) => p.configModel).every((p) => configModels.some((m) => m.id === p.configModel))).toBe(
      true,
    );
    // Choosing every default never violates a constraint, so no model is unsatisfiable.
    for (const m of configModels) {
      const defaults = new Map(m.groups.filter((g) => g.default).map((g) => [g.code, g.default]));
      for (const c of m.constraints ?? []) {
        expect(defaults.get(c.if.group)).not.toBe(c.if.value);
        if (c.kind === "excludes") expect(defaults.get(c.then.group)).not.toBe(c.then.value);
      }
    }
  });

  it("uses varied, realistic product names", () => {
    const names = products.map((p) => p.name);
    expect(new Set(names).size / names.length).toBeGreaterThan(0.95);
    const words = new Set(
      names.flatMap((n) =>
        n
          .toLowerCase()
          .split(/[^a-z]+/)
          .filter((w) => w.length > 3),
      ),
    );
    expect(words.size).toBeGreaterThan(200);
    expect(names).toContainEqual(expect.stringMatching(/^Mechanical seal .* mm/));
    expect(products.every((p) => (p.description ?? "").length > 40)).toBe(true);
  });

  it("imports cleanly into a fresh database with every reference resolved", () => {
    const dir = tempDir();
    try {
      writeCatalogFolder(doc, join(dir, "catalog"));
      const db = openDatabase(join(dir, "catalog.db"));
      const summary = importCatalog(db, join(dir, "catalog"));
      expect(summary.counts.products).toBe(2_000);
      expect(summary.counts.customers).toBe(300);
      const raw = db.$client;
      const n = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
      expect(n("SELECT count(*) AS n FROM products")).toBe(2_000);
      expect(n("SELECT count(*) AS n FROM stock")).toBe(doc.stock!.length);
      expect(n("SELECT count(*) AS n FROM fitment")).toBe(doc.fitment!.length);
      expect(n("SELECT count(*) AS n FROM product_relations")).toBe(doc.relations!.length);
      expect(raw.pragma("foreign_key_check")).toEqual([]);
      // References the schema does not enforce with foreign keys.
      expect(
        n(
          "SELECT count(*) AS n FROM products p WHERE p.successor_sku IS NOT NULL AND NOT EXISTS (SELECT 1 FROM products s WHERE s.sku = p.successor_sku)",
        ),
      ).toBe(0);
      expect(
        n(
          "SELECT count(*) AS n FROM products p WHERE p.config_model_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM config_models c WHERE c.id = p.config_model_id)",
        ),
      ).toBe(0);
      expect(
        n(
          "SELECT count(*) AS n FROM products p WHERE p.machine_model IS NOT NULL AND NOT EXISTS (SELECT 1 FROM machine_models m WHERE m.code = p.machine_model)",
        ),
      ).toBe(0);
      expect(
        n(
          "SELECT count(*) AS n FROM order_history_lines l WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = l.sku)",
        ),
      ).toBe(0);
      expect(
        n(
          "SELECT count(*) AS n FROM order_history_lines l JOIN order_history o ON o.id = l.order_id WHERE l.machine_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM machines m WHERE m.id = l.machine_id AND m.customer_id = o.customer_id)",
        ),
      ).toBe(0);
      expect(
        n(
          "SELECT count(*) AS n FROM customers c WHERE c.price_list_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM price_lists l WHERE l.id = c.price_list_id)",
        ),
      ).toBe(0);
      // A part ordered for a machine in the history fits that machine, serial range included.
      expect(
        n(`SELECT count(*) AS n FROM order_history_lines l JOIN machines m ON m.id = l.machine_id
           WHERE NOT EXISTS (SELECT 1 FROM fitment f WHERE f.part_sku = l.sku AND f.machine_model = m.model
             AND (f.serial_from IS NULL OR f.serial_from <= m.serial) AND (f.serial_to IS NULL OR m.serial <= f.serial_to))`),
      ).toBe(0);
      raw.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
