/**
 * The engine's messages as data: every sentence the engine and the tools say to a buyer is a typed key with typed
 * params (`{ key: "qty.below_moq", params: { product, moq, unit } }`). A renderer works from the key — the message
 * catalogues in ./en.ts and ./de.ts, or the offline consultant's own phrasing — never by parsing a rendered string.
 *
 * Params hold facts (numbers, money in cents with its currency, ISO dates, codes) and catalog words in the buyer's
 * language (product names, option labels, feature names), never sentences. A param that is itself a message (the
 * reason a successor cannot replace a product, a replacement's caution) is a `nested` message, rendered in the same
 * language. One issue code may have several keys (`qty.not_step` is `qty.not_whole` or `qty.not_step`): the code is
 * the verdict's stable reason, the key says which sentence explains it.
 */
import { z } from "zod";

/** A product as a message names it: the SKU, and its name in the buyer's language when the catalog has one. */
export const productRef = z.object({ sku: z.string(), name: z.string().optional() });
export type ProductRef = z.infer<typeof productRef>;

/** Money: cents of a currency (ISO 4217), formatted with Intl for the buyer's locale. */
export const moneyParam = z.object({ cents: z.number(), currency: z.string() });
export type MoneyParam = z.infer<typeof moneyParam>;

/** A calendar date, YYYY-MM-DD (formatted for the locale: `03.12.2026` in German). */
const date = z.string();
/** A quantity or another number (formatted for the locale: `0,5` in German). */
const num = z.number();
/** A feature or machine attribute: its key, and its name in the buyer's language when the catalog has one. */
export const featureRef = z.object({ key: z.string(), name: z.string().optional() });
/** A message inside a message (rendered in the same language); its own key's params. */
export const nestedMessage = z.object({ key: z.string(), params: z.record(z.string(), z.unknown()) });
export type NestedMessage = z.infer<typeof nestedMessage>;

/** A catalog compatibility rule as the message needs it: its operator and the catalog's own sentence (default language). */
const ruleRef = z.object({
  code: z.string(),
  operator: z.enum(["eq", "gte", "lte", "contains", "medium_compatible"]),
  message: z.string(),
});

const violation = z.object({
  ifGroup: z.string(),
  ifValue: z.string(),
  kind: z.enum(["requires", "excludes"]),
  thenGroup: z.string(),
  thenValue: z.string(),
});

/** Why a replacement is offered (see tools/checks/alternatives.ts). */
export const replacementWhy = z.enum(["successor", "similar", "followup", "same_type", "configured"]);

/**
 * Every message key with the zod schema of its params. Adding a key here without adding it to every catalogue is a
 * type error (./catalogue.ts) and a failing test (tests/tools/messages.test.ts).
 */
export const MESSAGE_PARAMS = {
  // Order level (tools/engine.ts)
  "customer.unknown": z.object({}),
  "shipto.unknown": z.object({ shipToId: z.string() }),
  "order.empty": z.object({}),
  "order.too_many_lines": z.object({ max: num }),
  "order.duplicate_line_id": z.object({ lineId: z.string() }),
  "draft.invalid_field": z.object({ field: z.string(), problem: z.string() }),
  // Product (tools/checks/product.ts)
  "product.unknown_sku": z.object({ sku: z.string() }),
  "product.no_sku": z.object({}),
  "product.discontinued": z.object({
    product: productRef,
    successor: productRef.optional(),
    /** Why the successor cannot replace it on this line (its blocking issue). */
    successorProblem: nestedMessage.optional(),
  }),
  "product.inactive": z.object({ product: productRef }),
  "product.restricted": z.object({ product: productRef, certification: z.string(), sameTypeOffered: z.boolean() }),
  "product.region_blocked": z.object({ product: productRef, region: z.string(), noneOfTheType: z.boolean() }),
  "next.rep_records_certification": z.object({ product: productRef, certification: z.string() }),
  // Fix reasons (tools/checks/product.ts, alternatives.ts)
  "fix.did_you_mean": z.object({ product: productRef }),
  "fix.replacement": z.object({
    product: productRef,
    why: replacementWhy,
    /** For `successor`: the SKU it succeeds. */
    of: z.string().optional(),
    /** The line's machine it fits (label from the installed base). */
    fitsMachine: z.string().optional(),
    inStock: z.boolean(),
    /** Up to two features whose values differ from the original's. */
    differs: z.array(z.object({ feature: featureRef, value: z.string() })),
    /** A caution the replacement carries (a backorder, a limited rating, a companion part). */
    caution: nestedMessage.optional(),
    /** For `configured`: the option values that differ from the stock product `of` (group and value labels). */
    configured: z.array(z.object({ group: z.string(), value: z.string() })).optional(),
  }),
  // Quantity (tools/checks/quantity.ts)
  "qty.invalid": z.object({ product: productRef, quantity: z.string() }),
  "qty.unorderable": z.object({ product: productRef, step: num, moq: num, max: num.nullable(), unit: z.string() }),
  "qty.content_unit": z.object({
    product: productRef,
    orderUnit: z.string(),
    contentQty: num,
    contentUnit: z.string(),
    quantity: num,
    converted: num,
  }),
  "qty.unit_mismatch": z.object({ product: productRef, orderUnit: z.string(), unit: z.string() }),
  "qty.below_moq": z.object({ product: productRef, moq: num, unit: z.string() }),
  "qty.above_max": z.object({ product: productRef, max: num, unit: z.string() }),
  "qty.not_whole": z.object({ product: productRef, quantity: num, unit: z.string() }),
  "qty.not_step": z.object({ product: productRef, quantity: num, step: num, unit: z.string() }),
  // Configuration (tools/checks/configuration.ts); group names are the model's labels in the buyer's language
  "config.no_options": z.object({ product: productRef }),
  "config.unknown_group": z.object({ product: productRef, group: z.string() }),
  "config.unknown_value": z.object({
    product: productRef,
    group: z.string(),
    /** The first few unknown values; `more` counts the rest. */
    values: z.array(z.string()),
    more: num,
  }),
  "config.too_many_choices": z.object({ product: productRef, group: z.string(), max: num }),
  "config.inconsistent": z.object({ product: productRef, violations: z.array(violation) }),
  "config.missing_choice": z.object({ product: productRef, group: z.string(), values: z.array(z.string()) }),
  // Compatibility (tools/checks/compatibility.ts, kit-components.ts)
  "compat.unknown_machine": z.object({ machineId: z.string() }),
  "compat.no_machine": z.object({ product: productRef }),
  "compat.fitment": z.object({ product: productRef, machine: z.string(), modelName: z.string() }),
  "compat.serial_range": z.object({
    product: productRef,
    modelName: z.string(),
    ranges: z.array(z.object({ from: z.string().nullable(), to: z.string().nullable() })),
    machine: z.string(),
    serial: z.string(),
  }),
  "compat.machine_rule": z.object({
    product: productRef,
    rule: ruleRef,
    configured: z.boolean(),
    feature: featureRef,
    value: z.string(),
    machine: z.string(),
    machineKey: featureRef,
    machineValue: z.string(),
    /** Set when the part is a component of the kit on the line. */
    kit: productRef.optional(),
  }),
  "compat.kit_every_configuration": z.object({
    kit: productRef,
    product: productRef,
    /** The configuration group (its label) every value of which breaks the rule. */
    group: z.string(),
    rule: ruleRef,
    feature: featureRef,
    machine: z.string(),
    machineKey: featureRef,
    machineValue: z.string(),
  }),
  "kit.component_configuration": z.object({
    kit: productRef,
    product: productRef,
    group: z.string(),
    /** The values of the group that would break the rule. */
    values: z.array(z.string()),
    rule: ruleRef,
    feature: featureRef,
    machine: z.string(),
    machineKey: featureRef,
    machineValue: z.string(),
  }),
  "compat.limited_resistance": z.object({
    product: productRef,
    value: z.string(),
    medium: z.string(),
    machine: z.string(),
    kit: productRef.optional(),
  }),
  "compat.line_rule": z.object({
    product: productRef,
    rule: ruleRef,
    feature: featureRef,
    value: z.string(),
    otherLineId: z.string(),
    otherProduct: productRef,
    otherKey: featureRef,
    otherValue: z.string(),
  }),
  "compat.missing_mandatory": z.object({ product: productRef, companion: productRef }),
  // Availability and promise dates (tools/checks/availability.ts)
  "stock.insufficient": z.object({ product: productRef, available: num, unit: z.string() }),
  "stock.partial": z.object({
    product: productRef,
    availableNow: num,
    requested: num,
    unit: z.string(),
    firstDate: date,
    lastDate: date,
  }),
  "stock.backorder_complete": z.object({
    product: productRef,
    availableNow: num,
    requested: num,
    unit: z.string(),
    date,
  }),
  "stock.backorder": z.object({ product: productRef, requested: num, unit: z.string(), date }),
  "stock.late_for_requested_date": z.object({ product: productRef, requestedDate: date, promiseDate: date }),
  // Prices (tools/checks/pricing.ts)
  "price.currency_mismatch": z.object({
    product: productRef,
    productCurrency: z.string(),
    customerCurrency: z.string(),
  }),
  "price.contract_expired": z.object({ product: productRef, validTo: date, source: z.enum(["list", "price_list"]) }),
  "price.requested_below_approval": z.object({ requested: moneyParam, price: moneyParam, discountPct: num }),
  "price.requested_below": z.object({ requested: moneyParam, price: moneyParam, discountPct: num }),
  // Credit and policy (tools/checks/credit.ts, policy.ts)
  "credit.blocked": z.object({ reason: z.string().nullable() }),
  "credit.prepayment_required": z.object({}),
  "credit.overrun_approval": z.object({ overrun: moneyParam }),
  "credit.limit_exceeded": z.object({
    openBalance: moneyParam,
    unbookedOrders: num,
    unbooked: moneyParam,
    order: moneyParam,
    limit: moneyParam,
    overrun: moneyParam,
  }),
  "policy.order_value_approval": z.object({ max: moneyParam }),
  "policy.min_order_value": z.object({ min: moneyParam, order: moneyParam }),
  "policy.discount_approval": z.object({ discountPct: num, maxDiscountPct: num }),
  "policy.discount_requested": z.object({ discountPct: num }),
  // The hand-off (tools/handoff.ts): why nothing was placed, what changed since the buyer confirmed
  "handoff.blocked": z.object({ lineId: z.string().optional(), sku: z.string().optional(), issue: nestedMessage }),
  "handoff.line_differs": z.object({ lineId: z.string(), sku: z.string() }),
  "handoff.price_changed": z.object({
    lineId: z.string(),
    sku: z.string(),
    from: moneyParam.nullable(),
    to: moneyParam.nullable(),
  }),
  "handoff.date_changed": z.object({ lineId: z.string(), sku: z.string(), from: date.nullable(), to: date.nullable() }),
  "handoff.verdict_changed": z.object({ lineId: z.string(), sku: z.string(), from: z.string(), to: z.string() }),
  "handoff.line_count_changed": z.object({}),
  "handoff.total_changed": z.object({ from: moneyParam, to: moneyParam }),
  // What the shield tells the buyer after the hand-off (agent/nodes/handoff.ts)
  "handoff.placed": z.object({ orderId: z.string(), lines: num, total: moneyParam, promiseDate: date.nullable() }),
  "handoff.refused": z.object({ pricesOrDates: z.boolean(), changes: z.array(nestedMessage) }),
  "handoff.needs_approval": z.object({}),
  "handoff.foreign": z.object({}),
  "handoff.stale": z.object({}),
  // What the shield's own nodes tell the buyer around the confirmation and the model (agent/nodes/, agent/runtime.ts)
  "notice.order_changed": z.object({}),
  "notice.order_changed_while_checking": z.object({}),
  "notice.declined": z.object({}),
  "notice.other_version": z.object({}),
  "notice.not_confirmed": z.object({}),
  "notice.handoff_busy": z.object({}),
  "notice.rep_decision_busy": z.object({}),
  "notice.model_timeout": z.object({}),
  "notice.model_unavailable": z.object({}),
  "notice.nothing_pending": z.object({}),
  // Tool results (tools/agent-tools/): errors and statuses the tools return
  "tool.no_session": z.object({}),
  "tool.unknown_tool": z.object({ tool: z.string() }),
  "tool.other_customer": z.object({ tool: z.string(), argument: z.string() }),
  "tool.invalid_arguments": z.object({ tool: z.string(), problems: z.string() }),
  "tool.line_out_of_bounds": z.object({ problems: z.string() }),
  "tool.unknown_machine": z.object({}),
  "tool.unknown_ship_to": z.object({}),
  "tool.too_many_lines": z.object({ max: num }),
  "tool.no_such_line": z.object({ lineId: z.string() }),
  "tool.unknown_sku": z.object({ sku: z.string() }),
  "tool.no_price": z.object({ sku: z.string() }),
  "tool.too_many_calls": z.object({ max: num }),
  "tool.validating": z.object({ place: z.boolean() }),
} as const satisfies Record<string, z.ZodObject>;

export type MessageKey = keyof typeof MESSAGE_PARAMS;
export type MessageParams<K extends MessageKey> = z.infer<(typeof MESSAGE_PARAMS)[K]>;

/** One message: a key and its params, narrowed together (`m.key === "qty.below_moq"` types `m.params`). */
export type EngineMessage = { [K in MessageKey]: { key: K; params: MessageParams<K> } }[MessageKey];

export const MESSAGE_KEYS = Object.keys(MESSAGE_PARAMS) as MessageKey[];

/** The zod schema of any message (a discriminated union over the keys): what a renderer outside tools/ parses. */
export const engineMessageSchema = z.discriminatedUnion(
  "key",
  MESSAGE_KEYS.map((key) => z.object({ key: z.literal(key), params: MESSAGE_PARAMS[key] })) as unknown as [
    z.ZodObject<{ key: z.ZodLiteral<MessageKey>; params: z.ZodObject }>,
  ],
) as unknown as z.ZodType<EngineMessage>;

/** Builds a message with its params checked by the type system. */
export function msg<K extends MessageKey>(key: K, params: MessageParams<K>): EngineMessage {
  return { key, params } as EngineMessage;
}

/** A message as a `nested` param of another one. */
export function nested(m: EngineMessage): NestedMessage {
  return m as NestedMessage;
}
