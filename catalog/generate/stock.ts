/** Warehouses, stock per warehouse, inbound deliveries with ETAs and allocation rules for top tiers. */
import type { ImportDocument } from "../import/format.ts";
import type { ProductInfo } from "./assortment.ts";
import { addDays } from "./dates.ts";
import type { Rng } from "./rng.ts";

type Rows<K extends keyof ImportDocument> = NonNullable<ImportDocument[K]>;

export const WAREHOUSES: Rows<"warehouses"> = [
  { code: "WH-NORTH", name: "Hamburg central warehouse", region: "north", shipDaysLocal: 1, shipDaysRemote: 3 },
  { code: "WH-SOUTH", name: "Munich warehouse", region: "south", shipDaysLocal: 1, shipDaysRemote: 3 },
  { code: "WH-EAST", name: "Leipzig warehouse", region: "east", shipDaysLocal: 1, shipDaysRemote: 2 },
  { code: "WH-WEST", name: "Cologne service depot", region: "west", shipDaysLocal: 1, shipDaysRemote: 2 },
];
const WAREHOUSE_WEIGHTS = [5, 3, 2, 2];

/** Typical on-hand quantity in order units: many cheap consumables, few machines. */
function typicalStock(r: Rng, p: ProductInfo): number {
  const base =
    p.role === "machine"
      ? r.int(0, 8)
      : p.role === "kit"
        ? r.int(0, 15)
        : p.listPriceCents > 50_000
          ? r.int(0, 12)
          : p.listPriceCents > 5_000
            ? r.int(0, 60)
            : r.int(5, 600);
  // Stock sits in whole order steps.
  return Math.floor(base / p.orderStep) * p.orderStep;
}

export function buildStock(
  r: Rng,
  products: ProductInfo[],
  asOf: string,
): Pick<ImportDocument, "warehouses" | "stock" | "inbound" | "allocations"> {
  const stock: Rows<"stock"> = [];
  const inbound: Rows<"inbound"> = [];
  const allocations: Rows<"allocations"> = [];
  const codes = WAREHOUSES.map((w) => w.code);
  let po = 4_500_000;
  for (const p of products) {
    const stocked = p.discontinued ? r.chance(0.4) : r.chance(0.88);
    let held: { warehouse: string; onHand: number }[] = [];
    if (stocked) {
      const n = r.weighted([1, 2, 3, 4], [4, 3, 2, 1]);
      const whs = new Set<string>();
      while (whs.size < n) whs.add(r.weighted(codes, WAREHOUSE_WEIGHTS));
      for (const warehouse of [...whs].sort()) {
        // Some items are scarce: a handful left, or nothing on the shelf.
        const onHand = r.chance(0.08) ? Math.floor(r.int(0, 3) / p.orderStep) * p.orderStep : typicalStock(r, p);
        const reserved = onHand > 0 && r.chance(0.25) ? Math.min(onHand, Math.ceil(onHand * r.next() * 0.6)) : 0;
        stock.push({ sku: p.sku, warehouse, onHand, ...(reserved ? { reserved } : {}) });
        held.push({ warehouse, onHand });
      }
    }
    if (!p.discontinued && r.chance(stocked ? 0.1 : 0.5)) {
      const n = r.weighted([1, 2], [3, 1]);
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        const warehouse = r.weighted(codes, WAREHOUSE_WEIGHTS);
        const eta = addDays(asOf, r.int(2, 75));
        if (seen.has(`${warehouse}|${eta}`)) continue;
        seen.add(`${warehouse}|${eta}`);
        const quantity = Math.max(p.moq, Math.ceil(r.int(2, 200) / p.orderStep) * p.orderStep);
        inbound.push({ sku: p.sku, warehouse, quantity, eta, reference: `PO-${po++}` });
      }
    }
    held = held.filter((h) => h.onHand >= 4);
    if (held.length && r.chance(0.006)) {
      const h = r.pick(held);
      const forTier = r.chance(0.75) ? "platinum" : "gold";
      allocations.push({
        sku: p.sku,
        ...(r.chance(0.7) ? { warehouse: h.warehouse } : {}),
        protectedQty: Math.max(1, Math.floor(h.onHand / 2)),
        forTier,
      });
    }
  }
  return { warehouses: WAREHOUSES, stock, inbound, allocations };
}
