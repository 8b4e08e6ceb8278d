import { describe, expect, it } from "vitest";
import { openDatabase } from "../../catalog/db.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";

/** A catalog shaped like a real one (features, relations, fitment, stock in 3 warehouses, price breaks), n SKUs. */
function scaledDocument(n: number): ImportDocument {
  const sku = (i: number) => `SKU-${String(i).padStart(6, "0")}`;
  const doc: Required<
    Pick<
      ImportDocument,
      | "categories"
      | "machineModels"
      | "warehouses"
      | "priceLists"
      | "products"
      | "relations"
      | "fitment"
      | "stock"
      | "prices"
      | "customers"
    >
  > = {
    categories: Array.from({ length: 20 }, (_, c) => ({ code: `cat${c}`, name: `Category ${c}` })),
    machineModels: Array.from({ length: 50 }, (_, m) => ({ code: `MM${m}`, name: `Model ${m}` })),
    warehouses: ["W1", "W2", "W3"].map((code) => ({ code, name: code, region: code })),
    priceLists: [{ id: "PL1", name: "Standard" }],
    products: [],
    relations: [],
    fitment: [],
    stock: [],
    prices: [],
    customers: Array.from({ length: 50 }, (_, c) => ({
      id: `C${c}`,
      name: `Customer ${c}`,
      tier: "gold",
      priceList: "PL1",
      creditLimitCents: 100_000,
      region: "W1",
    })),
  };
  for (let i = 0; i < n; i++) {
    doc.products.push({
      sku: sku(i),
      name: `Part ${i} for pumps`,
      category: `cat${i % 20}`,
      listPriceCents: 1000 + i,
      successor: i % 50 === 1 ? sku(i + 1) : undefined,
      lifecycle: i % 50 === 1 ? "discontinued" : "active",
      features: {
        voltage: 400,
        pressureRating: { value: 16, unit: "bar" },
        material: "EPDM",
        atex: i % 7 === 0,
        connections: ["DN50"],
      },
    });
    doc.relations.push(
      { sku: sku(i), type: "accessories", target: sku((i + 7) % n) },
      { sku: sku(i), type: "similar", target: sku((i + 13) % n) },
    );
    doc.fitment.push(
      { part: sku(i), machineModel: `MM${i % 50}` },
      { part: sku(i), machineModel: `MM${(i + 1) % 50}`, serialFrom: "A0", serialTo: "A9" },
    );
    for (const w of ["W1", "W2", "W3"]) doc.stock.push({ sku: sku(i), warehouse: w, onHand: i % 40 });
    doc.prices.push(
      { priceList: "PL1", sku: sku(i), priceCents: 900 + i },
      { priceList: "PL1", sku: sku(i), minQty: 10, priceCents: 800 + i },
    );
  }
  return doc;
}

describe("importCatalog at scale", () => {
  it("imports and re-imports 10,000 SKUs with all their rows, without duplicates", () => {
    const db = openDatabase();
    const doc = scaledDocument(10_000);
    const first = importCatalog(db, doc);
    expect(first.counts).toMatchObject({
      products: 10_000,
      relations: 20_000,
      fitment: 20_000,
      stock: 30_000,
      prices: 20_000,
    });
    // How fast is `npm run bench` (catalog.generate_import_100k_s), not a timed assertion that fails under load.
    const second = importCatalog(db, doc);
    expect(Object.values(second.added).every((n) => n === 0)).toBe(true);
    const n = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([n("products"), n("product_features"), n("fitment"), n("stock"), n("product_search")]).toEqual([
      10_000, 50_000, 20_000, 30_000, 10_000,
    ]);
  });
});
