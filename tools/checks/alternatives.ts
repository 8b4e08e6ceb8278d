/**
 * Fixes that replace a part or move it to another machine: compatible alternatives of the same category and the
 * machines of the installed base a part fits.
 */
import type { FeatureValue, MachineRecord, ProductRecord } from "../../catalog/queries/types.ts";
import type { Fix } from "../types.ts";
import { fitsCompletely } from "./compat-rules.ts";
import type { LineState, OrderState } from "./context.ts";
import { mayBuy } from "./product.ts";
import { isValidQuantity } from "./quantity.ts";

/**
 * Replacement SKUs for a line: same category, active, not configurable, buyable by this customer, the line's
 * quantity valid, fitting the line's machine (model, serial range and rules) and passing `accept` when given.
 * Ranked by likeness to the original (the same kind of part: shared feature keys), then in stock first, then
 * equal feature values and SKU likeness.
 */
export function alternativesFor(
  order: OrderState,
  l: LineState,
  limit = 3,
  accept?: (p: ProductRecord, features: Record<string, FeatureValue>) => boolean,
): Fix[] {
  const p = l.product;
  if (!p) return [];
  const machine = l.machine;
  // A part with fitment rows is replaced by parts listed for the machine's model; others by any of the category.
  const hasFitment = (order.fitment.get(p.sku)?.length ?? 0) > 0;
  const rows = order.data
    .alternatives(p.category, machine && hasFitment ? machine.model : null, 60, p.sku)
    .filter((a) => a.sku !== p.sku);
  if (rows.length === 0) return [];
  const skus = rows.map((r) => r.sku);
  const products = order.data.products(skus);
  const features = order.data.features(skus);
  const fitment = machine ? order.data.fitment(skus) : undefined;
  const mine = l.features;
  const myKeys = Object.keys(mine);
  const ranked: { c: ProductRecord; free: number; shared: number; equal: number; prefix: number }[] = [];
  for (const r of rows) {
    const c = products.get(r.sku);
    if (c?.lifecycle !== "active" || c.configModelId !== null || !mayBuy(order, c)) continue;
    if (l.orderQty !== undefined && !isValidQuantity(c, l.orderQty)) continue;
    if (c.currency !== order.currency) continue;
    const f = features.get(c.sku) ?? {};
    if (machine && !fitsCompletely(order, c, f, fitment?.get(c.sku), machine)) continue;
    if (accept && !accept(c, f)) continue;
    let shared = 0;
    let equal = 0;
    for (const k of myKeys) {
      if (f[k] === undefined) continue;
      shared++;
      if (JSON.stringify(f[k]) === JSON.stringify(mine[k])) equal++;
    }
    let prefix = 0;
    while (prefix < c.sku.length && c.sku[prefix] === p.sku[prefix]) prefix++;
    ranked.push({ c, free: r.freeStock, shared, equal, prefix });
  }
  ranked.sort(
    (a, b) =>
      b.shared - a.shared ||
      Number(b.free > 0) - Number(a.free > 0) ||
      b.equal - a.equal ||
      b.prefix - a.prefix ||
      b.free - a.free,
  );
  return ranked.slice(0, limit).map(({ c, free }) => ({
    kind: "replace_sku",
    lineId: l.lineId,
    sku: c.sku,
    reason: `${c.name} — same category${machine ? `, fits ${machine.label}` : ""}${free > 0 ? ", in stock" : ""}`,
  }));
}

/** Machines of the customer's installed base that `l`'s product fits completely. */
export function fittingMachines(order: OrderState, l: LineState): MachineRecord[] {
  const p = l.product;
  if (!p) return [];
  return (order.customer?.machines ?? []).filter((m) =>
    fitsCompletely(order, p, l.features, order.fitment.get(p.sku), m),
  );
}
