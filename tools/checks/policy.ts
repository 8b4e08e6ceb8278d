/**
 * Approval policy (per tier, else the default row): large orders and discounts above the threshold go to a sales
 * rep (`approval`); orders below the minimum order value are blocked.
 */
import { issue, type OrderState } from "./context.ts";
import { money } from "./pricing.ts";

export function checkPolicy(order: OrderState): void {
  const p = order.policy;
  if (!p || order.lines.length === 0) return;
  if (order.netCents > p.maxOrderValueCents)
    order.issues.push(
      issue(
        "policy.order_value_approval",
        "approval",
        `Orders above ${money(p.maxOrderValueCents)} need a sales rep's approval.`,
        [],
        {
          details: { netCents: order.netCents, maxOrderValueCents: p.maxOrderValueCents },
        },
      ),
    );
  if (order.netCents < p.minOrderValueCents)
    order.issues.push(
      issue(
        "policy.min_order_value",
        "block",
        `The minimum order value is ${money(p.minOrderValueCents)}; this order is ${money(order.netCents)}.`,
        [],
        {
          details: { netCents: order.netCents, minOrderValueCents: p.minOrderValueCents },
        },
      ),
    );
  const pct = order.requestedDiscountPct;
  if (pct !== undefined && pct > 0) {
    const over = pct > p.maxDiscountPct;
    order.issues.push(
      issue(
        over ? "policy.discount_approval" : "policy.discount_requested",
        over ? "approval" : "warn",
        over
          ? `A ${pct}% discount is above the ${p.maxDiscountPct}% a rep can grant without approval; it goes to approval.`
          : `The ${pct}% discount request is noted for your sales rep; prices shown are before it.`,
        [],
        { details: { requestedDiscountPct: pct, maxDiscountPct: p.maxDiscountPct } },
      ),
    );
  }
}
