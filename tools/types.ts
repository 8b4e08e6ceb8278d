/**
 * The contract between the engine, the agent and the hand-off: the draft order being built in chat,
 * and the validation report the engine returns for it. See ../shared/DESIGN.md, "Validation report vocabulary".
 */
import { z } from "zod";
import {
  codeField,
  dateField,
  discountPctField,
  lineIdField,
  MAX_DRAFT_LINES,
  optionsField,
  poReferenceField,
  quantityField,
  unitField,
  unitPriceCentsField,
} from "./limits.ts";
import type { ShipToRecord } from "../catalog/queries/types.ts";
import type { EngineMessage } from "./messages/schema.ts";

export type { EngineMessage } from "./messages/schema.ts";

/**
 * A line of the draft. `quantity` is in `unit` (defaults to the product's order unit). The field bounds are the ones
 * in ./limits.ts; the engine holds any draft to this schema (tools/checks/draft-fields.ts).
 */
export const draftLineSchema = z.object({
  lineId: lineIdField,
  sku: codeField,
  quantity: quantityField,
  unit: unitField.optional(),
  /** Chosen configuration options: group code → chosen values. */
  options: optionsField.optional(),
  /** Machine from the customer's installed base this line is for (overrides the draft's machineId). */
  machineId: codeField.optional(),
  /** A price the buyer asked for (a request, never a fact): goes to approval when below the engine price. */
  requestedUnitPriceCents: unitPriceCentsField.optional(),
  requestedDate: dateField.optional(),
});
export type DraftLine = z.infer<typeof draftLineSchema>;

export const draftSchema = z.object({
  lines: z.array(draftLineSchema).max(MAX_DRAFT_LINES),
  /** Default target machine for every line. */
  machineId: codeField.optional(),
  shipToId: codeField.optional(),
  poReference: poReferenceField.optional(),
  requestedDate: dateField.optional(),
  /** A discount the buyer asked for, in percent (a request: policy decides). */
  requestedDiscountPct: discountPctField.optional(),
  /** Bumped by the agent after an order is placed, so the next order of the same lines in the thread is a new draft. */
  revision: z.number().int().nonnegative().optional(),
});
export type Draft = z.infer<typeof draftSchema>;

export const EMPTY_DRAFT: Draft = { lines: [] };

export type Severity = "block" | "approval" | "warn";

/** Line verdicts, mapped 1:1 to X12 855 ACK01 and EDIFACT 1229 codes. */
export type LineVerdict = "accepted" | "accepted_with_change" | "backordered" | "partial" | "on_hold" | "rejected";

export const VERDICT_CODES: Record<LineVerdict, { x12: string; edifact: string }> = {
  accepted: { x12: "IA", edifact: "5" },
  accepted_with_change: { x12: "IQ", edifact: "6" },
  backordered: { x12: "IB", edifact: "6" },
  partial: { x12: "BP", edifact: "6" },
  on_hold: { x12: "IH", edifact: "6" },
  rejected: { x12: "IR", edifact: "7" },
};

/**
 * A concrete change that resolves an issue. Applying it to the draft must never make the report worse. A `replace_sku`
 * puts another product on the line: the line keeps its quantity, unit, machine and dates, and drops options the new
 * product's configuration model does not share (tools/checks/alternatives.ts, `optionsAfterReplace`).
 */
export type Fix =
  | {
      kind: "replace_sku";
      lineId: string;
      sku: string;
      /** Why it is offered, in the buyer's language (rendered from `reasonText`). */
      reason: string;
      /** `reason` as a typed message (`fix.did_you_mean`, `fix.replacement`): render from this, not from `reason`. */
      reasonText?: EngineMessage;
      /** The new product's options (a configurable product configured like the line's stock product). */
      options?: Record<string, string[]>;
    }
  | { kind: "set_quantity"; lineId: string; quantity: number; unit?: string }
  | { kind: "set_option"; lineId: string; group: string; values: string[] }
  | { kind: "add_line"; sku: string; quantity: number; machineId?: string }
  | { kind: "remove_line"; lineId: string }
  | { kind: "set_machine"; lineId: string; machineId: string }
  | { kind: "set_requested_date"; lineId?: string; date: string }
  | { kind: "set_ship_to"; shipToId: string }
  | { kind: "accept_split"; lineId: string };

/**
 * Something the buyer can do outside the draft, for an issue no change of the draft may resolve: a sales rep records
 * a certification on the account. Shown beside the fixes (the widget as a hint, the agent in words); never applied to
 * the draft, so it is not a `Fix`.
 */
export type NextStep = {
  kind: "rep_records_certification";
  /** The certification the product needs, as the catalog names it (`atex`, `hazmat`…). */
  certification: string;
  message: string;
  /** `message` as a typed message (`next.rep_records_certification`). */
  text?: EngineMessage;
};

export interface Issue {
  /** Stable code, e.g. `compat.voltage_mismatch`, `qty.below_moq`, `stock.insufficient`. */
  code: string;
  severity: Severity;
  /** The message in the buyer's language (the session's locale; English without one), rendered from `text`. */
  message: string;
  /**
   * The message as a typed key + params (tools/messages/): what a renderer works from. Its params carry the facts
   * and the catalog's words in the buyer's language; `code` stays the stable reason, whatever the language.
   */
  text: EngineMessage;
  /** Absent for order-level issues. */
  lineId?: string;
  fixes: Fix[];
  /** What the buyer can do besides the fixes (see NextStep); absent when there is nothing. */
  nextSteps?: NextStep[];
  /** Machine-readable facts behind the message (required vs actual values). */
  details?: Record<string, unknown>;
}

export interface ScheduledDelivery {
  quantity: number;
  date: string;
  warehouse: string;
  /** on_hand = from stock today; inbound = arrives with a transfer/PO; lead_time = ordered from the supplier. */
  source: "on_hand" | "inbound" | "lead_time";
  /** For `inbound`: the delivery (stock_inbound row) it comes with — the hand-off holds that row's quantity. */
  inboundId?: number;
}

export type PriceSource = "contract" | "price_list" | "list";

export interface LineReport {
  lineId: string;
  sku: string;
  name?: string;
  quantity: number;
  unit: string;
  verdict: LineVerdict;
  unitPriceCents?: number;
  priceSource?: PriceSource;
  /** Includes configuration option surcharges. */
  amountCents?: number;
  schedule: ScheduledDelivery[];
  promiseDate?: string;
  issues: Issue[];
  /**
   * The configuration as the engine resolved it: only groups and values of the product's configuration model, in
   * the model's order, with the model's labels. The clean order's components come from here, never from the draft.
   */
  components?: LineComponent[];
}

export interface LineComponent {
  group: string;
  label: string;
  values: string[];
  valueLabels: string[];
}

export interface ValidationReport {
  /** True only when no issue has severity `block` (approval issues keep it clean but route to a rep). */
  clean: boolean;
  needsApproval: boolean;
  draftHash: string;
  customerId: string;
  currency: string;
  lines: LineReport[];
  /** Order-level issues (credit, policy, ship-to, empty order). */
  issues: Issue[];
  totals: { netCents: number; lines: number };
  /** Latest promise date over all lines (when the whole order is delivered). */
  promiseDate?: string;
  /**
   * Where the order goes: the draft's ship-to, or the customer's default when the draft names none (absent when it
   * names an unknown one). Its name and address, so what the buyer confirms says more than an id.
   */
  shipTo?: ShipToSummary;
  checkedAt: string;
}

/** A ship-to address as the buyer knows it: the catalog's record without its region and default flag. */
export type ShipToSummary = Pick<ShipToRecord, "id" | "label" | "street" | "postalCode" | "city" | "country">;
