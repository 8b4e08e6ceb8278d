/**
 * The wire shapes the widget reads from the server (JSON bodies and SSE event data). The widget talks HTTP only, so
 * these are its own copy of the contract, checked at the edge by the guards in ./events.ts: a field the server
 * renames shows up as a parse failure in one place, not as `undefined` deep in a component.
 */

export type Locale = "en" | "de";

export type LineVerdict = "accepted" | "accepted_with_change" | "backordered" | "partial" | "on_hold" | "rejected";
export type Severity = "block" | "approval" | "warn";

export type Fix =
  | { kind: "replace_sku"; lineId: string; sku: string; reason?: string }
  | { kind: "set_quantity"; lineId: string; quantity: number; unit?: string }
  | { kind: "set_option"; lineId: string; group: string; values: string[] }
  | { kind: "add_line"; sku: string; quantity: number; machineId?: string }
  | { kind: "remove_line"; lineId: string }
  | { kind: "set_machine"; lineId: string; machineId: string }
  | { kind: "set_requested_date"; lineId?: string; date: string }
  | { kind: "set_ship_to"; shipToId: string }
  | { kind: "accept_split"; lineId: string };

export interface Issue {
  code: string;
  severity: Severity;
  message: string;
  lineId?: string;
  fixes: Fix[];
}

export interface Delivery {
  quantity: number;
  date: string;
  warehouse: string;
  source: "on_hand" | "inbound" | "lead_time";
}

export interface LineComponent {
  group: string;
  label: string;
  values: string[];
  valueLabels: string[];
}

export interface LineReport {
  lineId: string;
  sku: string;
  name?: string;
  quantity: number;
  unit: string;
  verdict: LineVerdict;
  unitPriceCents?: number;
  priceSource?: "contract" | "price_list" | "list";
  amountCents?: number;
  schedule: Delivery[];
  promiseDate?: string;
  issues: Issue[];
  components?: LineComponent[];
}

export interface Report {
  clean: boolean;
  needsApproval: boolean;
  draftHash: string;
  currency: string;
  lines: LineReport[];
  issues: Issue[];
  totals: { netCents: number; lines: number };
  promiseDate?: string;
  /** Where the order goes, by name and address (the draft's ship-to, or the customer's default). */
  shipTo?: { id: string; label: string; street: string; postalCode: string; city: string; country: string };
}

export interface DraftLine {
  lineId: string;
  sku: string;
  quantity: number;
  unit?: string;
  options?: Record<string, string[]>;
  machineId?: string;
}

export interface Draft {
  lines: DraftLine[];
  machineId?: string;
  /** The order's details: part of what the buyer confirms (the draft hash covers them), so shown with the lines. */
  poReference?: string;
  shipToId?: string;
  requestedDate?: string;
  requestedDiscountPct?: number;
}

/** What the buyer is asked for, or what the order waits for. */
export type Pending =
  | { type: "confirm"; draftHash: string }
  | { type: "approval"; draftHash: string; codes?: string[] };

/** Where the order stands after the hand-off; `erpOrderNumber` once the ERP acknowledged it. */
export interface OrderState {
  orderId: string;
  status: string;
  totalCents?: number;
  currency?: string;
  erpOrderNumber?: string;
  reason?: string;
}

export interface ChatMessage {
  id: string;
  role: "user" | "assistant" | "rep" | "notice";
  text: string;
}

/** A thread as the history endpoint returns it. */
export interface ThreadSnapshot {
  threadId: string;
  messages: ChatMessage[];
  draft: Draft | null;
  report: Report | null;
  pending: Pending | null;
  order: OrderState | null;
  /** The thread's latest event id: follow the live stream from here. */
  lastEventId?: number;
}
