/**
 * The clean order: the versioned JSON payload the ERP receives, shaped after openTRANS 2.1 ORDER
 * (ORDER_HEADER with ORDER_INFO / ORDER_PARTIES, ORDER_ITEM_LIST with PRODUCT_ID, QUANTITY, ORDER_UNIT,
 * PRODUCT_COMPONENTS, PRODUCT_PRICE_FIX, PRICE_LINE_AMOUNT, DELIVERY_DATE / partial deliveries).
 * Every fact in it comes from the engine's report at hand-off, never from the model.
 *
 * The published JSON Schema (docs/clean-order.schema.json) is generated from this zod schema.
 */
import { z } from "zod";

export const CLEAN_ORDER_SCHEMA_VERSION = "1.0" as const;

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
  requestedUnitPriceCents: cents
    .optional()
    .describe(
      "A lower price the buyer asked for: a request, not the price. Approved exceptions are listed in header.approvals and header.validation.notices",
    ),
  lineAmountCents: cents.describe("openTRANS PRICE_LINE_AMOUNT"),
  deliverySchedule: z
    .array(cleanOrderDeliverySchema)
    .min(1)
    .describe("Partial deliveries (openTRANS DELIVERY_DATE per shipment)"),
  promiseDate: isoDate,
  verdict: z.enum(["accepted", "accepted_with_change", "backordered", "partial", "on_hold"]),
  verdictCodes: z.object({ x12: z.string(), edifact: z.string() }).describe("X12 855 ACK01 / EDIFACT 1229"),
});

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
      requestedDiscountPct: z
        .number()
        .min(0)
        .max(100)
        .optional()
        .describe("A discount the buyer asked for (a request; see approvals and notices)"),
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
    summary: z.object({
      totalItemNum: z.number().int().positive().describe("openTRANS TOTAL_ITEM_NUM"),
      totalAmountCents: cents.describe("openTRANS TOTAL_AMOUNT (net)"),
    }),
  })
  .describe("OrderShield clean order, shaped after openTRANS 2.1 ORDER");

export type CleanOrder = z.infer<typeof cleanOrderSchema>;
export type CleanOrderLine = z.infer<typeof cleanOrderLineSchema>;
export type CleanOrderApproval = z.infer<typeof cleanOrderApprovalSchema>;

/** The JSON Schema published in docs/clean-order.schema.json. */
export function cleanOrderJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://ordershield.dev/schemas/clean-order-1.0.json",
    ...z.toJSONSchema(cleanOrderSchema, { target: "draft-2020-12" }),
  } as Record<string, unknown>;
}
