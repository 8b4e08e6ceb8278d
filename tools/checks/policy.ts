/**
 * Approval policy (per tier, else the default row): large orders and discounts above the threshold go to a sales
 * rep (`approval`); orders below the minimum order value are blocked.
 */
import { msg } from "../messages/index.ts";
import { issue, type OrderState } from "./context.ts";

export function checkPolicy(order: OrderState): void {
  const p = order.policy;
  if (!p || order.lines.length === 0) return;
  const money = (cents: number) => ({ cents, currency: order.currency });
  if (order.netCents > p.maxOrderValueCents)
    order.issues.push(
      issue(
        "policy.order_value_approval",
        "approval",
        msg("policy.order_value_approval", { max: money(p.maxOrderValueCents) }),
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
        msg("policy.min_order_value", { min: money(p.minOrderValueCents), order: money(order.netCents) }),
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
          ? msg("policy.discount_approval", { discountPct: pct, maxDiscountPct: p.maxDiscountPct })
          : msg("policy.discount_requested", { discountPct: pct }),
        [],
        { details: { requestedDiscountPct: pct, maxDiscountPct: p.maxDiscountPct } },
      ),
    );
  }
}
