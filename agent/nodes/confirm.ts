/**
 * The confirm node: the buyer confirms one exact draft version, named by its hash. A confirmation of another
 * version is refused and the buyer is asked again for the current one. Nothing with side effects happens before
 * `interrupt()` (the node re-runs from the top on resume).
 */
import { Command, END, interrupt } from "@langchain/langgraph";
import { z } from "zod";
import { hashDraft } from "../../tools/draft-hash.ts";
import type { Draft, ShipToSummary, ValidationReport } from "../../tools/types.ts";
import { routeAfterConfirm } from "../routes.ts";
import { runLocale, type ShieldRunConfig, type ShieldStateType } from "../state.ts";
import { noticeText, shieldNotice } from "./model.ts";

export const confirmResumeSchema = z.union([
  z.object({ confirm: z.boolean(), draftHash: z.string().max(128) }),
  /** The buyer moved on (sent a new message) instead of answering. */
  z.object({ cancel: z.literal(true) }),
]);
export type ConfirmResume = z.infer<typeof confirmResumeSchema>;

/**
 * The runtime's own withdrawal when the buyer writes on: the confirmation (or approval) is withdrawn and the new
 * message goes on to the model in the same run. `then` is the message's state update; an outside resume never carries
 * it (the API parses resume values with `resumeValueSchema`, which strips unknown keys).
 */
export interface Withdrawal {
  cancel: true;
  then: { messages: unknown[]; session?: unknown };
}

/** The update and route of a withdrawal that carries the buyer's next message, else undefined. */
export function withdrawnTo(raw: unknown): { messages: unknown[]; session?: unknown } | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const w = raw as Partial<Withdrawal>;
  return w.cancel === true && typeof w.then === "object" && w.then !== null && Array.isArray(w.then.messages)
    ? w.then
    : undefined;
}

export interface ConfirmInterrupt {
  type: "confirm";
  draftHash: string;
  summary: ReportSummary;
}

export interface ReportSummary {
  currency: string;
  totalCents: number;
  promiseDate?: string;
  needsApproval: boolean;
  lines: {
    lineId: string;
    sku: string;
    name?: string;
    quantity: number;
    unit: string;
    unitPriceCents?: number;
    amountCents?: number;
    promiseDate?: string;
    verdict: string;
  }[];
  warnings: string[];
  /**
   * The order's details the draft names (a model may set them; the confirmation covers them, so the buyer is shown
   * them): the ship-to with its address, PO reference, requested date, requested discount.
   */
  details?: OrderDetailsSummary;
}

export interface OrderDetailsSummary {
  shipTo?: ShipToSummary;
  poReference?: string;
  requestedDate?: string;
  requestedDiscountPct?: number;
}

/** The details `draft` names, with the ship-to the report resolved (only when it is the one the draft names). */
function detailsOf(draft: Draft, report: ValidationReport): OrderDetailsSummary | undefined {
  const d: OrderDetailsSummary = {};
  if (draft.shipToId && report.shipTo?.id === draft.shipToId) d.shipTo = report.shipTo;
  if (draft.poReference) d.poReference = draft.poReference;
  if (draft.requestedDate) d.requestedDate = draft.requestedDate;
  if (typeof draft.requestedDiscountPct === "number") d.requestedDiscountPct = draft.requestedDiscountPct;
  return Object.keys(d).length > 0 ? d : undefined;
}

export function summarizeReport(report: ValidationReport, draft?: Draft): ReportSummary {
  const details = draft ? detailsOf(draft, report) : undefined;
  return {
    ...(details ? { details } : {}),
    currency: report.currency,
    totalCents: report.totals.netCents,
    ...(report.promiseDate ? { promiseDate: report.promiseDate } : {}),
    needsApproval: report.needsApproval,
    lines: report.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceCents: l.unitPriceCents,
      amountCents: l.amountCents,
      promiseDate: l.promiseDate,
      verdict: l.verdict,
    })),
    warnings: [...report.issues, ...report.lines.flatMap((l) => l.issues)]
      .filter((i) => i.severity !== "block")
      .map((i) => i.message),
  };
}

export interface ConfirmNodeOptions {
  now: () => Date;
}

export function createConfirmNode(options: ConfirmNodeOptions) {
  return function confirm(state: ShieldStateType, config: ShieldRunConfig): Command {
    const currentHash = hashDraft(state.draft);
    const report = state.report;
    if (!report || report.draftHash !== currentHash || !report.clean) {
      return new Command({
        update: {
          messages: [shieldNotice(noticeText("notice.order_changed_while_checking", runLocale(state, config)))],
          checkout: null,
        },
        goto: END,
      });
    }
    const payload: ConfirmInterrupt = {
      type: "confirm",
      draftHash: currentHash,
      summary: summarizeReport(report, state.draft),
    };
    const raw = interrupt(payload);
    const next = withdrawnTo(raw);
    if (next) return new Command({ update: { checkout: null, ...next }, goto: "model" });
    const parsed = confirmResumeSchema.safeParse(raw);
    if (!parsed.success) {
      return new Command({
        update: {
          messages: [
            shieldNotice(
              "I did not get a clear yes or no for this version of the order; nothing was placed. Please confirm or decline it.",
              "unclear-confirmation",
            ),
          ],
        },
        goto: "confirm",
      });
    }
    const value = parsed.data;
    if ("cancel" in value) return new Command({ update: { checkout: null }, goto: END });
    // Only the buyer's own session confirms: not a rep, not another customer.
    const caller = config.context;
    if (caller?.channel === "rep" || (state.session && caller?.customerId !== state.session.customerId))
      return new Command({ goto: "confirm" });
    if (!value.confirm) {
      return new Command({
        update: {
          checkout: null,
          messages: [shieldNotice(noticeText("notice.declined", runLocale(state, config)), "declined")],
        },
        goto: END,
      });
    }
    if (value.draftHash !== currentHash) {
      return new Command({
        update: {
          messages: [shieldNotice(noticeText("notice.other_version", runLocale(state, config)), "stale-confirmation")],
        },
        goto: "confirm",
      });
    }
    // Who confirmed is recorded as who confirmed: a colleague of the first contact is named on the order, not them.
    const confirmation = {
      draftHash: currentHash,
      at: options.now().toISOString(),
      contactId: caller?.contactId ?? state.session?.contactId ?? null,
    };
    const goto = routeAfterConfirm({ report, approvals: state.approvals, confirmation });
    return new Command({ update: { confirmation, checkout: null }, goto });
  };
}
