/**
 * Credit and terms: a blocked customer cannot order; open balance + orders already handed off but not yet booked by
 * the ERP + this order against the credit limit, with an overrun up to the policy's threshold going to approval and
 * beyond it blocking. Prepaid customers carry no credit. The handed-off orders are read fresh on every check, so
 * the hand-off's re-validation (inside its write transaction) sees an order another connection placed a moment ago.
 */
import { msg } from "../messages/index.ts";
import { issue, type OrderState } from "./context.ts";

export function checkCredit(order: OrderState): void {
  const c = order.customer;
  if (!c) return;
  if (c.blocked) {
    order.issues.push(
      issue("credit.blocked", "block", msg("credit.blocked", { reason: c.blockedReason }), [], {
        details: { reason: c.blockedReason },
      }),
    );
    return;
  }
  if (c.paymentTerms.toUpperCase() === "PREPAID") {
    if (order.lines.length > 0)
      order.issues.push(
        issue("credit.prepayment_required", "warn", msg("credit.prepayment_required", {}), [], {
          details: { paymentTerms: c.paymentTerms },
        }),
      );
    return;
  }
  const pending = order.data.unbookedOrders(c.id);
  const exposure = c.openBalanceCents + pending.totalCents + order.netCents;
  const overrun = exposure - c.creditLimitCents;
  if (overrun <= 0) return;
  const allowed = order.policy?.maxCreditOverrunCents ?? 0;
  const money = (cents: number) => ({ cents, currency: order.currency });
  const details = {
    creditLimitCents: c.creditLimitCents,
    openBalanceCents: c.openBalanceCents,
    unbookedOrders: pending.count,
    unbookedOrdersCents: pending.totalCents,
    orderCents: order.netCents,
    overrunCents: overrun,
    maxOverrunCents: allowed,
  };
  if (overrun <= allowed)
    order.issues.push(
      issue("credit.overrun_approval", "approval", msg("credit.overrun_approval", { overrun: money(overrun) }), [], {
        details,
      }),
    );
  else
    order.issues.push(
      issue(
        "credit.limit_exceeded",
        "block",
        msg("credit.limit_exceeded", {
          openBalance: money(c.openBalanceCents),
          unbookedOrders: pending.count,
          unbooked: money(pending.totalCents),
          order: money(order.netCents),
          limit: money(c.creditLimitCents),
          overrun: money(overrun),
        }),
        [],
        { details },
      ),
    );
}
