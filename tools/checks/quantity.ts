/**
 * Quantity: a positive, finite number in the product's order unit, at least the MOQ, a multiple of the order step
 * (pack size), at most the maximum, and exactly at the unit's precision: counted units (PCE, BOX, SET… — any unit
 * not listed as a measure) in whole numbers, measured units (MTR, KGM, LTR…) with at most 3 decimals. A quantity off
 * that grid, even by 0.00000005, is `qty.not_step` with the nearest valid quantities as fixes: the engine never
 * rounds what was written, so the quantity confirmed is the one priced, held and sent (tools/handoff.ts copies the
 * report's quantity, which for a clean line is exactly the draft's). Box-vs-piece mistakes are recognised from the
 * content unit and converted.
 */
import type { ProductRecord } from "../../catalog/queries/types.ts";
import { MAX_LINE_QUANTITY } from "../limits.ts";
import type { Fix } from "../types.ts";
import { msg } from "../messages/index.ts";
import { lineIssue, QTY_EPS, ref, roundQty, type LineState, type OrderState } from "./context.ts";

/**
 * Units of measure (UN/ECE Recommendation 20 codes, and the symbols catalogs use for them): a quantity in one of these
 * may have decimals. Every other unit counts things (pieces, boxes, packs, rolls, sets…) and takes whole numbers.
 */
const MEASURE_UNITS = new Set(
  (
    "MTR M CMT CM MMT MM KMT KM INH IN FOT FT YRD YD MTK M2 CMK CM2 MMK MM2 FTK FT2 MTQ M3 CMQ CM3 LTR L MLT ML CLT " +
    "CL DLT DL HLT GLL GAL GLI PT QT KGM KG GRM G MGM MG TNE T LBR LB ONZ OZ KWH WH HUR H MIN DAY"
  ).split(" "),
);
/** Decimals of a quantity in a measured unit: a millimetre of a metre, a gram of a kilogram, a millilitre of a litre. */
export const MEASURE_DECIMALS = 3;

/** How many decimals a quantity in `unit` may have: 0 for counted units, MEASURE_DECIMALS for measures. */
export function unitDecimals(unit: string): number {
  return MEASURE_UNITS.has(unit.trim().toUpperCase()) ? MEASURE_DECIMALS : 0;
}

/**
 * Quantities are compared on an integer grid of millionths of an order unit, so "is 0.3 a multiple of 0.1" has an
 * exact answer and a valid quantity is produced as k × grid / 10⁶: the shortest decimal, never 0.30000000000000004.
 */
const TICKS = 1_000_000;
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The grid every valid quantity is on, in ticks: the order step made a multiple of the unit's precision. */
function gridTicks(p: ProductRecord): number {
  const step = Math.max(1, Math.round((p.orderStep > 0 ? p.orderStep : 1) * TICKS));
  const precision = TICKS / 10 ** unitDecimals(p.orderUnit);
  return (step / gcd(step, precision)) * precision;
}

const atK = (k: number, grid: number) => (k * grid) / TICKS;

/** The step valid quantities are multiples of (the order step, or a whole unit when the step is a fraction of a piece). */
export function orderGrid(p: ProductRecord): number {
  return gridTicks(p) / TICKS;
}

function kBounds(p: ProductRecord): { kMin: number; kMax: number; grid: number } {
  const grid = gridTicks(p);
  const kMin = Math.max(1, Math.ceil((p.moq * TICKS) / grid - 1e-9));
  const cap = p.maxQty !== null && p.maxQty > 0 ? Math.min(p.maxQty, MAX_LINE_QUANTITY) : MAX_LINE_QUANTITY;
  const kMax = Math.max(kMin, Math.floor((cap * TICKS) / grid + 1e-9));
  return { kMin, kMax, grid };
}

/**
 * Whether any quantity of `p` can be ordered at all: the catalog's MOQ, step, maximum and the unit's precision may
 * leave no grid value between MOQ and maximum (a maximum of 0.5 PCE; MOQ 2.5 MTR, step 1, maximum 2.5). Then every
 * quantity fix would be blocked again, so the check offers none.
 */
export function isOrderable(p: ProductRecord): boolean {
  const grid = gridTicks(p);
  const kMin = Math.max(1, Math.ceil((p.moq * TICKS) / grid - 1e-9));
  const cap = p.maxQty !== null && p.maxQty > 0 ? Math.min(p.maxQty, MAX_LINE_QUANTITY) : MAX_LINE_QUANTITY;
  return Math.floor((cap * TICKS) / grid + 1e-9) >= kMin;
}

/** Smallest and largest orderable quantity (multiples of the step inside [moq, max]). */
export function quantityBounds(p: ProductRecord): { min: number; max: number } {
  const { kMin, kMax, grid } = kBounds(p);
  return { min: atK(kMin, grid), max: atK(kMax, grid) };
}

/** True when `q` is exactly a grid value (no tolerance: 2.00000005 PCE is not 2 PCE). */
function onGrid(p: ProductRecord, q: number): boolean {
  const grid = gridTicks(p);
  return atK(Math.round((q * TICKS) / grid), grid) === q;
}

export function isValidQuantity(p: ProductRecord, q: number): boolean {
  if (!Number.isFinite(q) || q <= 0) return false;
  const { min, max } = quantityBounds(p);
  return q >= min && q <= max && onGrid(p, q);
}

/** The valid quantities nearest to `x` (below and above, nearest first, distinct). */
export function nearestValidQuantities(p: ProductRecord, x: number): number[] {
  const { kMin, kMax, grid } = kBounds(p);
  const r = (x * TICKS) / grid;
  if (!Number.isFinite(x) || r <= kMin) return [atK(kMin, grid)];
  if (r >= kMax) return [atK(kMax, grid)];
  const down = atK(Math.max(kMin, Math.floor(r)), grid);
  const up = atK(Math.min(kMax, Math.ceil(r)), grid);
  const out = Math.abs(up - x) < Math.abs(x - down) ? [up, down] : [down, up];
  return [...new Set(out)];
}

/** Largest valid quantity ≤ x, or undefined when even the minimum is more than x. */
export function validQuantityAtMost(p: ProductRecord, x: number): number | undefined {
  const { kMin, kMax, grid } = kBounds(p);
  const k = Math.min(kMax, Math.floor((x * TICKS) / grid + 1e-9));
  return k >= kMin ? atK(k, grid) : undefined;
}

/** Smallest valid quantity ≥ x (clamped to the maximum). */
export function validQuantityAtLeast(p: ProductRecord, x: number): number {
  const { kMin, kMax, grid } = kBounds(p);
  if (!Number.isFinite(x)) return atK(kMin, grid);
  return atK(Math.max(kMin, Math.min(kMax, Math.ceil((x * TICKS) / grid - 1e-9))), grid);
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
    if (typeof q !== "number" || !Number.isFinite(q) || q <= 0 || q > MAX_LINE_QUANTITY) {
      l.orderQty = undefined;
      lineIssue(
        l,
        "qty.invalid",
        "block",
        msg("qty.invalid", { product: ref(p), quantity: String(q) }),
        setQty(l, p, [min]),
        {
          quantity: Number.isFinite(q) ? q : String(q),
          moq: p.moq,
          orderUnit: p.orderUnit,
        },
      );
      continue;
    }
    if (!isOrderable(p)) {
      l.orderQty = undefined;
      lineIssue(
        l,
        "qty.unorderable",
        "block",
        msg("qty.unorderable", { product: ref(p), step: orderGrid(p), moq: p.moq, max: p.maxQty, unit: p.orderUnit }),
        [],
        { moq: p.moq, orderStep: p.orderStep, maxQty: p.maxQty, orderUnit: p.orderUnit, grid: orderGrid(p) },
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
        ? msg("qty.content_unit", {
            product: ref(p),
            orderUnit: p.orderUnit,
            contentQty: p.contentQty,
            contentUnit: p.contentUnit,
            quantity: q,
            converted: roundQty(converted),
          })
        : msg("qty.unit_mismatch", { product: ref(p), orderUnit: p.orderUnit, unit: l.unit });
      lineIssue(l, "qty.unit_mismatch", "block", message, setQty(l, p, [target]), {
        unit: l.unit,
        orderUnit: p.orderUnit,
        contentUnit: p.contentUnit,
        contentQty: p.contentQty,
      });
      continue;
    }
    l.orderQty = q;
    const s = orderGrid(p);
    if (q < p.moq - QTY_EPS) {
      lineIssue(
        l,
        "qty.below_moq",
        "block",
        msg("qty.below_moq", { product: ref(p), moq: p.moq, unit: p.orderUnit }),
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
        msg("qty.above_max", { product: ref(p), max: p.maxQty, unit: p.orderUnit }),
        setQty(l, p, [max]),
        {
          quantity: q,
          maxQty: p.maxQty,
        },
      );
    } else if (!onGrid(p, q)) {
      lineIssue(
        l,
        "qty.not_step",
        "block",
        s === 1
          ? msg("qty.not_whole", { product: ref(p), quantity: q, unit: p.orderUnit })
          : msg("qty.not_step", { product: ref(p), quantity: q, step: s, unit: p.orderUnit }),
        setQty(l, p, nearestValidQuantities(p, q)),
        { quantity: q, orderStep: s },
      );
    }
  }
}
