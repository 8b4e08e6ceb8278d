/** The engine's messages in English. Facts come from the params; catalog words (names, labels) are in the buyer's language. */
import type { Catalogue } from "./catalogue.ts";

const quote = (values: readonly string[], more: number) =>
  `${values.map((v) => `"${v}"`).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;

const WHY = {
  successor: "successor",
  similar: "listed as similar",
  followup: "its follow-up product",
  same_type: "same type",
  configured: "configured to order",
};

export const en: Catalogue = {
  "customer.unknown": () => "The customer account is unknown.",
  "shipto.unknown": (p) => `"${p.shipToId}" is not one of your delivery addresses.`,
  "order.empty": () => "The order has no lines yet.",
  "order.too_many_lines": (p, f) => `An order can have at most ${f.num(p.max)} lines.`,
  "order.duplicate_line_id": (p) => `Two lines share the id "${p.lineId}"; give each line its own id.`,
  "draft.invalid_field": (p) => `${p.field}: ${p.problem}.`,

  "product.unknown_sku": (p) => `There is no product "${p.sku}" in the catalog.`,
  "product.no_sku": () => "The line has no SKU.",
  "product.discontinued": (p, f) =>
    `${f.product(p.product)} is discontinued${
      p.successor
        ? `; its successor is ${f.product(p.successor)}${
            p.successorProblem
              ? `, which cannot replace it here: ${f.nested(p.successorProblem).replace(/\.$/, "")}`
              : ""
          }`
        : ""
    }.`,
  "product.inactive": (p, f) => `${f.product(p.product)} is not available for ordering.`,
  "product.restricted": (p, f) =>
    `${f.product(p.product)} may only be sold to customers with a ${p.certification} certification on file. ${
      p.sameTypeOffered
        ? "If you hold one, your sales rep can record it on your account; or take a product of the same type that needs none."
        : `No product of the same type is available without it; if you hold the ${p.certification} certification, your sales rep can record it on your account.`
    }`,
  "product.region_blocked": (p, f) =>
    `${f.product(p.product)} cannot be shipped to region ${p.region}${
      p.noneOfTheType ? "; no product of the same type can be either" : ""
    }.`,
  "next.rep_records_certification": (p) =>
    `If you hold the ${p.certification} certification, your sales rep can record it on your account; then ${p.product.sku} can be ordered.`,

  "fix.did_you_mean": (p, f) => `did you mean ${f.product(p.product)}?`,
  "fix.replacement": (p, f) => {
    const parts = [p.why === "successor" ? `successor of ${p.of ?? "?"}` : WHY[p.why]];
    if (p.configured?.length)
      parts[0] = `configured like ${p.of ?? "?"} with ${p.configured.map((c) => `${c.group}: ${c.value}`).join(", ")}`;
    if (p.fitsMachine) parts.push(`fits ${p.fitsMachine}`);
    if (p.inStock) parts.push("in stock");
    if (p.differs.length > 0)
      parts.push(`other ${p.differs.map((d) => `${f.feature(d.feature)} ${d.value}`).join(", ")}`);
    const caution = p.caution ? `; ${f.nested(p.caution).replace(`${p.product.sku}: `, "")}` : "";
    return `${p.product.name ?? p.product.sku} — ${parts.join(", ")}${caution}`;
  },

  "qty.invalid": (p, f) => `The quantity ${p.quantity} is not a valid order quantity for ${f.product(p.product)}.`,
  "qty.unorderable": (p, f) =>
    `${f.product(p.product)} cannot be ordered as the catalog stands: no quantity in whole steps of ${f.qty(p.step, p.unit)} lies between its minimum ${f.qty(p.moq, p.unit)} and maximum ${p.max === null ? "—" : f.qty(p.max, p.unit)}. A sales representative has to correct the product's order data.`,
  "qty.content_unit": (p, f) =>
    `${f.product(p.product)} is sold per ${f.unit(p.orderUnit, 1)} of ${f.qty(p.contentQty, p.contentUnit)}: ${f.qty(p.quantity, p.contentUnit)} is ${f.qty(p.converted, p.orderUnit)}.`,
  "qty.unit_mismatch": (p, f) => `${f.product(p.product)} is ordered in ${f.unit(p.orderUnit)}, not ${f.unit(p.unit)}.`,
  "qty.below_moq": (p, f) => `The minimum order quantity of ${f.product(p.product)} is ${f.qty(p.moq, p.unit)}.`,
  "qty.above_max": (p, f) => `At most ${f.qty(p.max, p.unit)} of ${f.product(p.product)} can be ordered per line.`,
  "qty.not_whole": (p, f) =>
    `${f.product(p.product)} is ordered in whole ${f.unit(p.unit)}; ${f.num(p.quantity)} is not a whole number.`,
  "qty.not_step": (p, f) =>
    `${f.product(p.product)} is ordered in steps of ${f.qty(p.step, p.unit)}; ${f.num(p.quantity)} is not a multiple.`,

  "config.no_options": (p, f) => `${f.product(p.product)} has no configuration options.`,
  "config.unknown_group": (p, f) => `${f.product(p.product)} has no option group "${p.group}".`,
  "config.unknown_value": (p, f) =>
    `${quote(p.values, p.more)} ${p.values.length + p.more === 1 ? "is not an option" : "are not options"} for ${p.group} of ${f.product(p.product)}.`,
  "config.too_many_choices": (p, f) => `At most ${f.num(p.max)} value(s) for ${p.group} of ${f.product(p.product)}.`,
  "config.inconsistent": (p, f) => {
    const what = p.violations
      .map(
        (k) =>
          `${k.ifGroup} ${k.ifValue} ${k.kind === "requires" ? "requires" : "excludes"} ${k.thenGroup} ${k.thenValue}`,
      )
      .join("; ");
    return `The configuration of ${f.product(p.product)} is not valid${what ? `: ${what}` : ": no valid configuration extends these choices"}.`;
  },
  "config.missing_choice": (p, f) => `Choose ${p.group} for ${f.product(p.product)}: ${p.values.join(", ")}.`,

  "compat.unknown_machine": (p) => `Machine "${p.machineId}" is not in your installed base.`,
  "compat.no_machine": (p, f) =>
    `${f.product(p.product)} fits only some machines; say which machine it is for so the fit can be checked.`,
  "compat.fitment": (p, f) => `${f.product(p.product)} does not fit ${p.machine} (${p.modelName}).`,
  "compat.serial_range": (p, f) =>
    `${f.product(p.product)} fits ${p.modelName} only in serial range ${p.ranges
      .map((r) => `${r.from ?? "…"}–${r.to ?? "…"}`)
      .join(", ")}; ${p.machine} is serial ${p.serial}.`,
  "compat.machine_rule": (p, f) =>
    `${p.rule.message} (${p.kit ? `${p.kit.sku} contains ${p.product.sku}` : `${p.product.sku}${p.configured ? " as configured" : ""}`}: ${f.feature(p.feature)} ${p.value}; ${p.machine}: ${f.feature(p.machineKey)} ${p.machineValue})`,
  "compat.kit_every_configuration": (p, f) =>
    `${p.rule.message} (${p.kit.sku} contains ${p.product.sku}: every ${p.group} it is built with breaks it on ${p.machine}, ${f.feature(p.machineKey)} ${p.machineValue})`,
  "kit.component_configuration": (p, f) =>
    `${p.kit.sku} contains ${p.product.sku}, whose ${p.group} the kit does not fix: ${p.values.join(", ")} would break "${p.rule.message}" on ${p.machine} (${f.feature(p.machineKey)} ${p.machineValue}). A sales rep confirms which one ships.`,
  "compat.limited_resistance": (p) =>
    `${p.kit ? `${p.kit.sku} contains ${p.product.sku}` : p.product.sku}: ${p.value} has only limited resistance to ${p.medium} (${p.machine}); check the conditions of use.`,
  "compat.line_rule": (p, f) =>
    `${p.rule.message} (${p.product.sku}: ${f.feature(p.feature)} ${p.value}; line ${p.otherLineId} ${p.otherProduct.sku}: ${f.feature(p.otherKey)} ${p.otherValue})`,
  "compat.missing_mandatory": (p, f) =>
    `${p.product.sku} must be ordered with ${f.product(p.companion)} unless it is already fitted.`,

  "stock.insufficient": (p, f) =>
    `Only ${f.qty(p.available, p.unit)} of ${f.product(p.product)} can still be supplied; it is not replenished.`,
  "stock.partial": (p, f) =>
    `${f.num(p.availableNow)} of ${f.qty(p.requested, p.unit)} of ${f.product(p.product)} ship from stock (${f.date(p.firstDate)}); the rest follows by ${f.date(p.lastDate)}.`,
  "stock.backorder_complete": (p, f) =>
    `${f.num(p.availableNow)} of ${f.qty(p.requested, p.unit)} of ${f.product(p.product)} are in stock; partial shipments are off, so the line ships complete on ${f.date(p.date)}.`,
  "stock.backorder": (p, f) =>
    `${f.product(p.product)} is not in stock; ${f.qty(p.requested, p.unit)} can be delivered by ${f.date(p.date)}.`,
  "stock.late_for_requested_date": (p, f) =>
    `${f.product(p.product)} cannot be delivered by ${f.date(p.requestedDate)}; the earliest complete delivery is ${f.date(p.promiseDate)}.`,

  "price.currency_mismatch": (p, f) =>
    `${f.product(p.product)} is priced in ${p.productCurrency}, your account in ${p.customerCurrency}.`,
  "price.contract_expired": (p, f) =>
    `Your contract price for ${f.product(p.product)} ended on ${f.date(p.validTo)}; the ${p.source === "list" ? "list" : "price-list"} price applies.`,
  "price.requested_below_approval": (p, f) =>
    `The requested price ${f.money(p.requested)} is ${f.num(p.discountPct)}% below the price of ${f.money(p.price)}; a sales rep must approve it.`,
  "price.requested_below": (p, f) =>
    `The requested price ${f.money(p.requested)} is ${f.num(p.discountPct)}% below ${f.money(p.price)}, within what a rep can grant; the order carries ${f.money(p.price)} until confirmed.`,

  "credit.blocked": (p) => `The account is on hold${p.reason ? `: ${p.reason}` : ""}. Please contact your sales rep.`,
  "credit.prepayment_required": () => "This account pays in advance: the order ships after payment.",
  "credit.overrun_approval": (p, f) =>
    `This order exceeds the credit limit by ${f.money(p.overrun)}; a sales rep must approve it.`,
  "credit.limit_exceeded": (p, f) =>
    `Open balance ${f.money(p.openBalance)}${
      p.unbookedOrders === 0
        ? ""
        : `, ${p.unbookedOrders === 1 ? "an order" : `${f.num(p.unbookedOrders)} orders`} not yet booked (${f.money(p.unbooked)}),`
    } plus this order ${f.money(p.order)} exceeds the credit limit of ${f.money(p.limit)} by ${f.money(p.overrun)}.`,
  "policy.order_value_approval": (p, f) => `Orders above ${f.money(p.max)} need a sales rep's approval.`,
  "policy.min_order_value": (p, f) =>
    `The minimum order value is ${f.money(p.min)}; this order is ${f.money(p.order)}.`,
  "policy.discount_approval": (p, f) =>
    `A ${f.num(p.discountPct)}% discount is above the ${f.num(p.maxDiscountPct)}% a rep can grant without approval; it goes to approval.`,
  "policy.discount_requested": (p, f) =>
    `The ${f.num(p.discountPct)}% discount request is noted for your sales rep; prices shown are before it.`,

  "handoff.blocked": (p, f) => (p.lineId ? `${p.lineId} (${p.sku}): ${f.nested(p.issue)}` : f.nested(p.issue)),
  "handoff.line_differs": (p) => `${p.lineId} (${p.sku}): line differs from the confirmed version`,
  "handoff.price_changed": (p, f) =>
    `${p.lineId} (${p.sku}): unit price ${p.from ? f.money(p.from) : "?"} → ${p.to ? f.money(p.to) : "?"}`,
  "handoff.date_changed": (p, f) =>
    `${p.lineId} (${p.sku}): promise date ${p.from ? f.date(p.from) : "?"} → ${p.to ? f.date(p.to) : "?"}`,
  "handoff.verdict_changed": (p) => `${p.lineId} (${p.sku}): ${p.from} → ${p.to}`,
  "handoff.line_count_changed": () => "the number of lines differs from the confirmed version",
  "handoff.total_changed": (p, f) => `total ${f.money(p.from)} → ${f.money(p.to)}`,

  "handoff.placed": (p, f) =>
    `Your order ${p.orderId} is placed: ${f.num(p.lines)} line(s), ${f.money(p.total)}, complete delivery by ${p.promiseDate ? f.date(p.promiseDate) : "?"}.`,
  "handoff.refused": (p, f) =>
    `${
      p.pricesOrDates
        ? "Prices or delivery dates changed before I could place your order, so nothing was placed"
        : "Something changed before I could place your order, so nothing was placed"
    }: ${p.changes.map((c) => f.nested(c)).join("; ")}.`,
  "handoff.needs_approval": () =>
    "This order now needs a sales representative's approval; please ask me to place it again.",
  "handoff.foreign": () =>
    "This conversation cannot place an order for your account, so nothing was placed. Please start a new conversation.",
  "handoff.stale": () =>
    "The order changed after you confirmed it, so nothing was placed. Please confirm the current version.",
  "notice.order_changed": () => "The order changed; please ask me to place it again.",
  "notice.order_changed_while_checking": () =>
    "The order changed while it was being checked; please ask me to place it again.",
  "notice.declined": () => "Okay, I have not placed the order. Your draft is kept — tell me what to change.",
  "notice.other_version": () =>
    "That confirmation was for a different version of the order, so nothing was placed. Please check the current version and confirm it.",
  "notice.not_confirmed": () => "Nothing to place: the order was not confirmed.",
  "notice.handoff_busy": () =>
    "The order system is busy right now, so nothing was placed yet. Your order is kept: please confirm it again in a moment.",
  "notice.rep_decision_busy": () =>
    "The order system is busy right now, so the rep's decision was not recorded yet. It is still waiting for a decision: please send it again in a moment.",
  "notice.model_timeout": () =>
    "Sorry — the assistant took too long to answer. Your order draft is saved; please send your message again.",
  "notice.model_unavailable": () =>
    "Sorry — the assistant is unavailable right now. Your order draft is saved; please try again in a moment.",
  "notice.nothing_pending": () => "There is nothing waiting for a confirmation or approval in this conversation.",

  "tool.no_session": () => "no authenticated session: the customer is unknown",
  "tool.unknown_tool": (p) => `unknown tool "${p.tool}"`,
  "tool.other_customer": (p) =>
    `${p.argument} names another customer: other customers' prices, machines, orders and credit are not disclosed, and ${p.tool} acts for the signed-in customer only`,
  "tool.invalid_arguments": (p) => `invalid arguments for ${p.tool}: ${p.problems}`,
  "tool.line_out_of_bounds": (p) => `the line would break a limit: ${p.problems}`,
  "tool.unknown_machine": () => "machineId is not one of this customer's machines; call get_installed_base",
  "tool.unknown_ship_to": () => "shipToId is not one of this customer's ship-to addresses",
  "tool.too_many_lines": (p, f) => `the order already has ${f.num(p.max)} lines`,
  "tool.no_such_line": () => "no such line in the draft",
  "tool.unknown_sku": () => "unknown SKU",
  "tool.no_price": () => "no price for this SKU",
  "tool.too_many_calls": (p) => `too many tool calls in one step (max ${p.max}); call this again`,
  "tool.validating": (p) =>
    p.place ? "validating the order before asking the buyer to confirm" : "validating the order",
};
