/**
 * Quantity: a positive, finite number in the product's order unit, at least the MOQ, a multiple of the order step
 * (pack size), at most the maximum. Box-vs-piece mistakes are recognised from the content unit and converted.
 * Fixes are the nearest valid quantities.
 */
import type { ProductRecord } from "../../catalog/queries/types.ts";
import type { Fix } from "../types.ts";
import { lineIssue, QTY_EPS, roundQty, type LineState, type OrderState } from "./context.ts";

/** Beyond this a quantity is a typo or an attack, not an order. */
export const MAX_SANE_QTY = 1e9;

function step(p: ProductRecord): number {
  return p.orderStep > 0 ? p.orderStep : 1;
}

/** Smallest and largest orderable quantity (multiples of the step inside [moq, max]). */
export function quantityBounds(p: ProductRecord): { min: number; max: number } {
  const s = step(p);
  const min = roundQty(Math.max(s, Math.ceil(p.moq / s - QTY_EPS) * s));
  const cap = p.maxQty !== null && p.maxQty > 0 ? p.maxQty : MAX_SANE_QTY;
  const max = roundQty(Math.floor(cap / s + QTY_EPS) * s);
  return { min, max: Math.max(min, max) };
}

export function isValidQuantity(p: ProductRecord, q: number): boolean {
  if (!Number.isFinite(q) || q <= 0) return false;
  const { min, max } = quantityBounds(p);
  const k = q / step(p);
  return q >= min - QTY_EPS && q <= max + QTY_EPS && Math.abs(k - Math.round(k)) < 1e-7;
}

/** The valid quantities nearest to `x` (below and above, nearest first, distinct). */
export function nearestValidQuantities(p: ProductRecord, x: number): number[] {
  const { min, max } = quantityBounds(p);
  if (!Number.isFinite(x) || x <= min) return [min];
  if (x >= max) return [max];
  const s = step(p);
  const down = roundQty(Math.max(min, Math.floor(x / s + QTY_EPS) * s));
  const up = roundQty(Math.min(max, Math.ceil(x / s - QTY_EPS) * s));
  const out = Math.abs(up - x) < Math.abs(x - down) ? [up, down] : [down, up];
  return [...new Set(out)];
}

/** Largest valid quantity ≤ x, or undefined when even the minimum is more than x. */
export function validQuantityAtMost(p: ProductRecord, x: number): number | undefined {
  const { min, max } = quantityBounds(p);
  if (!(x >= min - QTY_EPS)) return undefined;
  const s = step(p);
  return roundQty(Math.min(max, Math.floor(x / s + QTY_EPS) * s));
}

/** Smallest valid quantity ≥ x (clamped to the maximum). */
export function validQuantityAtLeast(p: ProductRecord, x: number): number {
  const { min, max } = quantityBounds(p);
  if (!Number.isFinite(x) || x <= min) return min;
  const s = step(p);
  return roundQty(Math.min(max, Math.ceil(x / s - QTY_EPS) * s));
}

function setQty(l: LineState, p: ProductRecord, quantities: number[]): Fix[] {
  return quantities.map((quantity) => ({ kind: "set_quantity", lineId: l.lineId, quantity, unit: p.orderUnit }));
}

export function checkQuantity(order: OrderState): void {
  for (const l of order.lines) {
    const p = l.product;
    if (!p) continue;
    const q = l.line.quantity;
    const { min } = quantityBounds(p);
    if (typeof q !== "number" || !Number.isFinite(q) || q <= 0 || q > MAX_SANE_QTY) {
      l.orderQty = undefined;
      lineIssue(
        l,
        "qty.invalid",
        "block",
        `The quantity ${String(q)} is not a valid order quantity for ${p.sku}.`,
        setQty(l, p, [min]),
        {
          quantity: Number.isFinite(q) ? q : String(q),
          moq: p.moq,
          orderUnit: p.orderUnit,
        },
      );
      continue;
    }
    const unit = l.unit.toUpperCase();
    if (unit !== p.orderUnit.toUpperCase()) {
      const isContent = unit === p.contentUnit.toUpperCase() && p.contentQty > 0;
      const converted = isContent ? q / p.contentQty : q;
      l.orderQty = converted;
      const target = isContent ? validQuantityAtLeast(p, converted) : (nearestValidQuantities(p, converted)[0] ?? min);
      const message = isContent
        ? `${p.sku} is sold per ${p.orderUnit} of ${p.contentQty} ${p.contentUnit}: ${q} ${p.contentUnit} is ${roundQty(converted)} ${p.orderUnit}.`
        : `${p.sku} is ordered in ${p.orderUnit}, not ${l.unit}.`;
      lineIssue(l, "qty.unit_mismatch", "block", message, setQty(l, p, [target]), {
        unit: l.unit,
        orderUnit: p.orderUnit,
        contentUnit: p.contentUnit,
        contentQty: p.contentQty,
      });
      continue;
    }
    l.orderQty = q;
    const s = step(p);
    const k = q / s;
    if (q < p.moq - QTY_EPS) {
      lineIssue(
        l,
        "qty.below_moq",
        "block",
        `The minimum order quantity of ${p.sku} is ${p.moq} ${p.orderUnit}.`,
        setQty(l, p, [min]),
        {
          quantity: q,
          moq: p.moq,
        },
      );
    } else if (p.maxQty !== null && q > p.maxQty + QTY_EPS) {
      const { max } = quantityBounds(p);
      lineIssue(
        l,
        "qty.above_max",
        "block",
        `At most ${p.maxQty} ${p.orderUnit} of ${p.sku} can be ordered per line.`,
        setQty(l, p, [max]),
        {
          quantity: q,
          maxQty: p.maxQty,
        },
      );
    } else if (Math.abs(k - Math.round(k)) >= 1e-7) {
      lineIssue(
        l,
        "qty.not_step",
        "block",
        `${p.sku} is ordered in steps of ${s} ${p.orderUnit}; ${q} is not a multiple.`,
        setQty(l, p, nearestValidQuantities(p, q)),
        { quantity: q, orderStep: s },
      );
    }
  }
}
