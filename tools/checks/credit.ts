/**
 * Credit and terms: a blocked customer cannot order; open balance + orders already handed off but not yet booked by
 * the ERP + this order against the credit limit, with an overrun up to the policy's threshold going to approval and
 * beyond it blocking. Prepaid customers carry no credit. The handed-off orders are read fresh on every check, so
 * the hand-off's re-validation (inside its write transaction) sees an order another connection placed a moment ago.
 */
import { issue, type OrderState } from "./context.ts";
import { money } from "./pricing.ts";

export function checkCredit(order: OrderState): void {
  const c = order.customer;
  if (!c) return;
  if (c.blocked) {
    order.issues.push(
      issue(
        "credit.blocked",
        "block",
        `The account is on hold${c.blockedReason ? `: ${c.blockedReason}` : ""}. Please contact your sales rep.`,
        [],
        {
          details: { reason: c.blockedReason },
        },
      ),
    );
    return;
  }
  if (c.paymentTerms.toUpperCase() === "PREPAID") {
    if (order.lines.length > 0)
      order.issues.push(
        issue(
          "credit.prepayment_required",
          "warn",
          "This account pays in advance: the order ships after payment.",
          [],
          { details: { paymentTerms: c.paymentTerms } },
        ),
      );
    return;
  }
  const pending = order.data.unbookedOrders(c.id);
  const exposure = c.openBalanceCents + pending.totalCents + order.netCents;
  const overrun = exposure - c.creditLimitCents;
  if (overrun <= 0) return;
  const allowed = order.policy?.maxCreditOverrunCents ?? 0;
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
      issue(
        "credit.overrun_approval",
        "approval",
        `This order exceeds the credit limit by ${money(overrun)}; a sales rep must approve it.`,
        [],
        { details },
      ),
    );
  else
    order.issues.push(
      issue(
        "credit.limit_exceeded",
        "block",
        `Open balance ${money(c.openBalanceCents)}${pendingText(pending)} plus this order ${money(order.netCents)} exceeds the credit limit of ${money(c.creditLimitCents)} by ${money(overrun)}.`,
        [],
        { details },
      ),
    );
}

function pendingText(p: { count: number; totalCents: number }): string {
  if (p.count === 0) return "";
  return `, ${p.count === 1 ? "an order" : `${p.count} orders`} not yet booked (${money(p.totalCents)}),`;
}
