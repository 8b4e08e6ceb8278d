/**
 * Pricing: the customer's contract price valid on the day (largest minQty ≤ quantity) over the price list's
 * quantity breaks over the list price, plus configuration surcharges; the price source on each line; totals in
 * cents. A price the buyer asks for is only a request: it is compared, never applied.
 */
import type { PriceSource } from "../types.ts";
import { msg } from "../messages/index.ts";
import { lineIssue, QTY_EPS, ref, type OrderState } from "./context.ts";

export interface UnitPrice {
  cents: number;
  source: PriceSource;
  minQty: number;
  /** Contract rows that ended before today (the customer may expect them). */
  expiredContract?: { validTo: string; priceCents: number };
}

/** The unit price for `qty` on `today`, before configuration surcharges. */
export function unitPrice(order: OrderState, sku: string, listPriceCents: number, qty: number): UnitPrice {
  const prices = order.prices.get(sku);
  let best: UnitPrice | undefined;
  let expired: UnitPrice["expiredContract"];
  for (const c of prices?.contract ?? []) {
    const valid = c.validFrom <= order.today && (c.validTo === null || order.today <= c.validTo);
    if (!valid) {
      if (c.validTo !== null && c.validTo < order.today && (!expired || c.validTo > expired.validTo))
        expired = { validTo: c.validTo, priceCents: c.priceCents };
      continue;
    }
    if (c.minQty <= qty + QTY_EPS && (!best || c.minQty >= best.minQty))
      best = { cents: c.priceCents, source: "contract", minQty: c.minQty };
  }
  if (!best)
    for (const b of prices?.priceList ?? [])
      if (b.minQty <= qty + QTY_EPS && (!best || b.minQty >= best.minQty))
        best = { cents: b.priceCents, source: "price_list", minQty: b.minQty };
  const out = best ?? { cents: listPriceCents, source: "list" as const, minQty: 1 };
  if (expired && out.source !== "contract") out.expiredContract = expired;
  return out;
}

export function checkPricing(order: OrderState): void {
  let net = 0;
  for (const l of order.lines) {
    const p = l.product;
    if (!p) continue;
    const qty = l.orderQty ?? 0;
    const price = unitPrice(order, p.sku, p.listPriceCents, Math.max(qty, 0));
    const unit = Math.max(0, price.cents + l.configDeltaCents);
    l.unitPriceCents = unit;
    l.priceSource = price.source;
    l.amountCents = l.orderQty === undefined ? 0 : Math.round(unit * qty);
    net += l.amountCents;
    if (p.currency !== order.currency)
      lineIssue(
        l,
        "price.currency_mismatch",
        "block",
        msg("price.currency_mismatch", {
          product: ref(p),
          productCurrency: p.currency,
          customerCurrency: order.currency,
        }),
        [],
        {
          productCurrency: p.currency,
          customerCurrency: order.currency,
        },
      );
    if (price.expiredContract)
      lineIssue(
        l,
        "price.contract_expired",
        "warn",
        msg("price.contract_expired", {
          product: ref(p),
          validTo: price.expiredContract.validTo,
          source: price.source === "list" ? "list" : "price_list",
        }),
        [],
        {
          validTo: price.expiredContract.validTo,
          contractPriceCents: price.expiredContract.priceCents,
          unitPriceCents: unit,
        },
      );
    const requested = l.line.requestedUnitPriceCents;
    if (typeof requested === "number" && Number.isFinite(requested) && requested < unit) {
      const discountPct = unit > 0 ? Math.round(((unit - requested) / unit) * 10_000) / 100 : 0;
      const limit = order.policy?.maxDiscountPct ?? 0;
      const needsApproval = discountPct > limit;
      lineIssue(
        l,
        "price.requested_below",
        needsApproval ? "approval" : "warn",
        msg(needsApproval ? "price.requested_below_approval" : "price.requested_below", {
          requested: { cents: requested, currency: order.currency },
          price: { cents: unit, currency: order.currency },
          discountPct,
        }),
        [],
        { requestedUnitPriceCents: requested, unitPriceCents: unit, discountPct, maxDiscountPct: limit },
      );
    }
  }
  order.netCents = net;
}

export function money(cents: number): string {
  return (cents / 100).toFixed(2);
}
