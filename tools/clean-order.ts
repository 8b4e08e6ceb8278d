/**
 * The clean order: the versioned JSON payload the ERP receives, shaped after openTRANS 2.1 ORDER
 * (ORDER_HEADER with ORDER_INFO / ORDER_PARTIES, ORDER_ITEM_LIST with PRODUCT_ID, QUANTITY, ORDER_UNIT,
 * PRODUCT_COMPONENTS, PRODUCT_PRICE_FIX, PRICE_LINE_AMOUNT, DELIVERY_DATE / partial deliveries).
 * Every fact in it comes from the engine's report at hand-off, never from the model.
 *
 * The published JSON Schema (docs/clean-order.schema.json) is generated from this zod schema.
 */
import { z } from "zod";
import type { Draft, ValidationReport } from "./types.ts";

/**
 * 2.0: the buyer's price and discount requests left the price fields (`lines[].requestedUnitPriceCents`,
 * `header.requestedDiscountPct`) for the non-binding `buyerRequests` block.
 */
export const CLEAN_ORDER_SCHEMA_VERSION = "2.0" as const;

const isoDate = z.iso.date().describe("Calendar date, YYYY-MM-DD");
const cents = z.number().int().describe("Money in cents of the order currency");

export const cleanOrderIssueSchema = z.object({
  code: z.string().describe("Stable issue code, e.g. stock.partial"),
  severity: z.enum(["approval", "warn"]),
  message: z.string(),
  lineId: z.string().optional(),
});

export const cleanOrderApprovalSchema = z.object({
  decision: z.literal("approve"),
  actor: z.string().describe("The authenticated sales rep who approved (rep:<contactId> of the session)"),
  actorName: z.string().optional().describe("A display name the rep gave with the decision; not an identity"),
  reason: z.string(),
  at: z.string().describe("ISO instant"),
  codes: z.array(z.string()).describe("Approval issue codes this decision covered"),
  draftHash: z.string().describe("The draft version (hash) the rep approved; the approval covers no other version"),
  totalCents: z
    .number()
    .int()
    .describe("The order total (net, cents) the rep approved; a higher total needs a new approval"),
  issues: z
    .array(z.object({ code: z.string(), lineId: z.string().optional(), amounts: z.record(z.string(), z.number()) }))
    .describe("The approval issues as the rep saw them, with their amounts (overrun, discount, requested prices)"),
});

export const cleanOrderPartySchema = z.object({
  shipTo: z
    .object({
      id: z.string(),
      label: z.string(),
      street: z.string(),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
      region: z.string(),
    })
    .nullable()
    .describe("Delivery party (openTRANS DELIVERY_PARTY); null = the customer's default handling in the ERP"),
});

export const cleanOrderDeliverySchema = z.object({
  quantity: z.number().positive(),
  date: isoDate.describe("Promised delivery date of this partial delivery"),
  warehouse: z.string(),
  source: z.enum(["on_hand", "inbound", "lead_time"]),
});

export const cleanOrderLineSchema = z.object({
  lineNo: z.number().int().positive().describe("openTRANS LINE_ITEM_ID, 1-based"),
  lineId: z.string().describe("Line id in the confirmed draft"),
  sku: z.string().describe("Supplier product id (openTRANS SUPPLIER_PID)"),
  description: z.string().describe("Short description (openTRANS DESCRIPTION_SHORT)"),
  quantity: z.number().positive(),
  orderUnit: z.string().describe("openTRANS ORDER_UNIT, e.g. PCE, BOX"),
  components: z
    .array(
      z.object({
        group: z.string().describe("Option group code of the product's configuration model"),
        label: z.string().optional().describe("The group's label in the configuration model"),
        values: z.array(z.string()).describe("Chosen option values (codes of the configuration model)"),
        valueLabels: z
          .array(z.string())
          .optional()
          .describe("The chosen values' labels in the configuration model, in the order of `values`"),
      }),
    )
    .describe("Configured options (openTRANS PRODUCT_COMPONENTS)"),
  machineId: z.string().optional().describe("Target machine from the customer's installed base"),
  unitPriceCents: cents.describe("Net price per order unit incl. option surcharges (openTRANS PRICE_AMOUNT)"),
  priceSource: z.enum(["contract", "price_list", "list"]),
  lineAmountCents: cents.describe("openTRANS PRICE_LINE_AMOUNT"),
  deliverySchedule: z
    .array(cleanOrderDeliverySchema)
    .min(1)
    .describe("Partial deliveries (openTRANS DELIVERY_DATE per shipment)"),
  promiseDate: isoDate,
  verdict: z.enum(["accepted", "accepted_with_change", "backordered", "partial", "on_hold"]),
  verdictCodes: z.object({ x12: z.string(), edifact: z.string() }).describe("X12 855 ACK01 / EDIFACT 1229"),
});

const requestStatus = z
  .enum(["noted", "rep_approved"])
  .describe(
    "noted: within what a sales rep may grant, or not below the price — carried for the rep's follow-up; rep_approved: above that limit, and a sales rep approved handing off the order with the request attached (header.approvals). Neither applies it",
  );

/**
 * What the buyer asked for in chat about prices: never applied to the order (invariant 2 — every price, amount and
 * total of the order is the engine's), kept apart from the price fields so that no mapping can take it for one.
 */
export const cleanOrderBuyerRequestsSchema = z
  .object({
    binding: z
      .literal(false)
      .describe(
        "Always false: nothing in this block is applied to the order. Do not derive a price, condition or discount from it; the order's prices are final as sent",
      ),
    discount: z
      .object({
        pct: z.number().min(0).max(100).describe("Order discount asked for, in percent"),
        status: requestStatus,
      })
      .optional(),
    unitPrices: z
      .array(
        z.object({
          lineNo: z.number().int().positive().describe("The line (lines[].lineNo) the request is about"),
          sku: z.string(),
          requestedUnitPriceCents: cents.describe("The unit price the buyer asked for"),
          status: requestStatus,
        }),
      )
      .describe("Unit prices the buyer asked for, per line"),
  })
  .describe(
    "Non-binding wishes of the buyer (a price or discount asked for in chat), for the sales rep's follow-up; never applied to this order's prices",
  );

export const cleanOrderSchema = z
  .object({
    schemaVersion: z.literal(CLEAN_ORDER_SCHEMA_VERSION),
    type: z.literal("ORDER").describe("openTRANS document type"),
    header: z.object({
      orderId: z.string().describe("OrderShield order id (the webhook-id of its delivery)"),
      idempotencyKey: z
        .string()
        .describe(
          "customer id + ':' + thread id + ':' + confirmed draft hash (one order per confirmed draft of one customer)",
        ),
      orderDate: z.string().describe("ISO instant of the hand-off"),
      customerId: z.string().describe("From the authenticated session (openTRANS BUYER_PARTY)"),
      contactId: z.string().nullable(),
      customerPoReference: z.string().optional().describe("openTRANS CUSTOMER_ORDER_REFERENCE"),
      parties: cleanOrderPartySchema,
      currency: z.string().length(3),
      paymentTerms: z.string(),
      partialShipmentAllowed: z.boolean(),
      requestedDate: isoDate.optional(),
      promiseDate: isoDate.describe("When the whole order is delivered"),
      channel: z.string(),
      threadId: z.string(),
      confirmedDraftHash: z.string().length(64).describe("sha256 of the draft the buyer confirmed"),
      validation: z.object({
        checkedAt: z.string(),
        clean: z.literal(true),
        needsApproval: z.boolean(),
        notices: z.array(cleanOrderIssueSchema).describe("Warnings and approved exceptions carried to the ERP"),
      }),
      approvals: z.array(cleanOrderApprovalSchema),
    }),
    lines: z.array(cleanOrderLineSchema).min(1),
    buyerRequests: cleanOrderBuyerRequestsSchema
      .optional()
      .describe("Present only when the buyer asked for a price or a discount; never binding"),
    summary: z.object({
      totalItemNum: z.number().int().positive().describe("openTRANS TOTAL_ITEM_NUM"),
      totalAmountCents: cents.describe("openTRANS TOTAL_AMOUNT (net)"),
    }),
  })
  .describe("OrderShield clean order, shaped after openTRANS 2.1 ORDER");

export type CleanOrder = z.infer<typeof cleanOrderSchema>;
export type CleanOrderLine = z.infer<typeof cleanOrderLineSchema>;
export type CleanOrderApproval = z.infer<typeof cleanOrderApprovalSchema>;
export type CleanOrderBuyerRequests = z.infer<typeof cleanOrderBuyerRequestsSchema>;

/**
 * The buyer's price and discount requests of the confirmed draft, as the non-binding block (undefined when there are
 * none). `report` is the hand-off's validation of that draft: an `approval` issue for the request means a rep
 * approved it (a clean order is only written once every approval issue is covered).
 */
export function buyerRequestsOf(
  draft: Draft,
  lines: readonly Pick<CleanOrderLine, "lineNo" | "lineId" | "sku">[],
  report: ValidationReport,
): CleanOrderBuyerRequests | undefined {
  const status = (severity: string | undefined): "noted" | "rep_approved" =>
    severity === "approval" ? "rep_approved" : "noted";
  const unitPrices = lines.flatMap((l) => {
    const requested = draft.lines.find((d) => d.lineId === l.lineId)?.requestedUnitPriceCents;
    if (requested === undefined) return [];
    const issue = report.lines
      .find((r) => r.lineId === l.lineId)
      ?.issues.find((i) => i.code === "price.requested_below");
    return [{ lineNo: l.lineNo, sku: l.sku, requestedUnitPriceCents: requested, status: status(issue?.severity) }];
  });
  const pct = draft.requestedDiscountPct;
  if (unitPrices.length === 0 && (pct === undefined || pct <= 0)) return undefined;
  const discountIssue = report.issues.find(
    (i) => i.code === "policy.discount_approval" || i.code === "policy.discount_requested",
  );
  return {
    binding: false,
    ...(pct !== undefined && pct > 0 ? { discount: { pct, status: status(discountIssue?.severity) } } : {}),
    unitPrices,
  };
}

/** The JSON Schema published in docs/clean-order.schema.json. */
export function cleanOrderJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://ordershield.dev/schemas/clean-order-${CLEAN_ORDER_SCHEMA_VERSION}.json`,
    ...z.toJSONSchema(cleanOrderSchema, { target: "draft-2020-12" }),
  } as Record<string, unknown>;
}
