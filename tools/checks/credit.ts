/**
 * Credit and terms: a blocked customer cannot order; open balance + this order against the credit limit, with an
 * overrun up to the policy's threshold going to approval and beyond it blocking. Prepaid customers carry no credit.
 */
import { issue, type OrderState } from "./context.ts";
import { money } from "./pricing.ts";

export function checkCredit(order: OrderState): void {
  const c = order.customer;
  if (!c) return;
  if (c.blocked) {
    order.issues.push(
      issue("credit.blocked", "block", `The account is on hold${c.blockedReason ? `: ${c.blockedReason}` : ""}. Please contact your sales rep.`, [], {
        details: { reason: c.blockedReason },
      }),
    );
    return;
  }
  if (c.paymentTerms.toUpperCase() === "PREPAID") {
    if (order.lines.length > 0)
      order.issues.push(issue("credit.prepayment_required", "warn", "This account pays in advance: the order ships after payment.", [], { details: { paymentTerms: c.paymentTerms } }));
    return;
  }
  const exposure = c.openBalanceCents + order.netCents;
  const overrun = exposure - c.creditLimitCents;
  if (overrun <= 0) return;
  const allowed = order.policy?.maxCreditOverrunCents ?? 0;
  const details = {
    creditLimitCents: c.creditLimitCents,
    openBalanceCents: c.openBalanceCents,
    orderCents: order.netCents,
    overrunCents: overrun,
    maxOverrunCents: allowed,
  };
  if (overrun <= allowed)
    order.issues.push(
      issue("credit.overrun_approval", "approval", `This order exceeds the credit limit by ${money(overrun)}; a sales rep must approve it.`, [], { details }),
    );
  else
    order.issues.push(
      issue(
        "credit.limit_exceeded",
        "block",
        `Open balance ${money(c.openBalanceCents)} plus this order ${money(order.netCents)} exceeds the credit limit of ${money(c.creditLimitCents)} by ${money(overrun)}.`,
        [],
        { details },
      ),
    );
}
