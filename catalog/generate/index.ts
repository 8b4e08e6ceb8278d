/**
 * The scale generator: a consistent synthetic catalog in the import format (catalog/import/format.ts),
 * deterministic from a seed. Same options → byte-identical output.
 *
 * @example
 *   const doc = generateCatalog({ skus: 2_000, seed: 7, asOf: "2026-01-15" });
 *   writeCatalogFolder(doc, "/tmp/catalog");          // products.json, stock.json, …
 */
import type { ImportDocument } from "../import/format.ts";
import { buildAssortment } from "./assortment.ts";
import { addGermanTexts } from "./german.ts";
import { buildCustomers, buildPrices } from "./customers.ts";
import { todayUtc } from "./dates.ts";
import { Rng } from "./rng.ts";
import { buildMediaCompat, COMPAT_RULES } from "./rules.ts";
import { buildStock } from "./stock.ts";

export { writeCatalogFolder, type WriteResult } from "./write.ts";

export interface GenerateOptions {
  /** Number of products (SKUs), at least 100. */
  skus: number;
  seed?: number;
  /** Number of customers (default 300). */
  customers?: number;
  /**
   * The day the catalog is "current" on (`YYYY-MM-DD`, default today in UTC): inbound ETAs lie after it,
   * some contract prices expired before it. Pass it explicitly for output that is identical on any day.
   */
  asOf?: string;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_CUSTOMERS = 300;
export const MIN_SKUS = 100;

export function generateCatalog(options: GenerateOptions): ImportDocument {
  const { skus, seed = DEFAULT_SEED, customers = DEFAULT_CUSTOMERS, asOf = todayUtc() } = options;
  if (!Number.isInteger(skus) || skus < MIN_SKUS)
    throw new RangeError(`skus must be an integer >= ${MIN_SKUS} (got ${skus})`);
  if (!Number.isInteger(customers) || customers < 1)
    throw new RangeError(`customers must be a positive integer (got ${customers})`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))
    throw new RangeError(`asOf must be YYYY-MM-DD (got ${asOf})`);

  // Each part of the catalog draws from its own stream, so e.g. more customers do not reshuffle stock.
  const root = new Rng(seed);
  const assortment = buildAssortment(root.fork("assortment"), skus);
  const materials = new Set<string>();
  for (const p of assortment.doc.products ?? []) {
    const m = p.features?.material;
    if (typeof m === "string") materials.add(m);
  }
  for (const m of assortment.models) if (typeof m.features.material === "string") materials.add(m.features.material);
  const stock = buildStock(root.fork("stock"), assortment.products, asOf);
  const prices = buildPrices(root.fork("prices"), assortment.products);
  const people = buildCustomers(root.fork("customers"), {
    count: customers,
    products: assortment.products,
    models: assortment.models,
    fitsByModel: assortment.fitsByModel,
    asOf,
  });

  // Key order follows SECTIONS (the order the importer applies them); German texts beside the English ones.
  return addGermanTexts({
    categories: assortment.doc.categories,
    machineModels: assortment.doc.machineModels,
    configModels: assortment.doc.configModels,
    products: assortment.doc.products,
    relations: assortment.doc.relations,
    fitment: assortment.doc.fitment,
    rules: COMPAT_RULES,
    mediaCompat: buildMediaCompat([...materials].sort()),
    warehouses: stock.warehouses,
    stock: stock.stock,
    inbound: stock.inbound,
    allocations: stock.allocations,
    priceLists: prices.priceLists,
    prices: prices.prices,
    customers: people.customers,
    contractPrices: people.contractPrices,
    machines: people.machines,
    orderHistory: people.orderHistory,
    policy: people.policy,
  });
}
