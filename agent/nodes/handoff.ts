/**
 * The handoff node: hands the confirmed draft to tools/handoff.ts, the one transaction that re-validates, reserves
 * stock and writes the order + outbox event. If the data changed since confirmation, the buyer is told what changed.
 */
import { Command, END } from "@langchain/langgraph";
import type { Db } from "../../catalog/db.ts";
import { handOff } from "../../tools/handoff.ts";
import { msg, nested, renderMessage, type EngineMessage } from "../../tools/messages/index.ts";
import type { Issue, ValidationReport } from "../../tools/types.ts";
import { runLocale, type ShieldRunConfig, type ShieldStateType, type ShieldUpdate } from "../state.ts";
import { isDatabaseBusy, retryWhileBusy } from "../errors.ts";
import { noticeText, shieldNotice } from "./model.ts";

export interface HandoffNodeOptions {
  db: Db;
  now: () => Date;
}

function fixesText(report: ValidationReport): string {
  const issues: Issue[] = [...report.issues, ...report.lines.flatMap((l) => l.issues)].filter(
    (i) => i.severity === "block" && i.fixes.length > 0,
  );
  const fixes = issues.flatMap((i) =>
    i.fixes.slice(0, 3).map((f) => {
      switch (f.kind) {
        case "set_quantity":
          return `change ${f.lineId} to ${f.quantity}${f.unit ? ` ${f.unit}` : ""}`;
        case "replace_sku":
          return `use ${f.sku} on ${f.lineId} (${f.reason})`;
        case "accept_split":
          return `accept a split delivery on ${f.lineId}`;
        case "set_requested_date":
          return `move the requested date to ${f.date}`;
        case "remove_line":
          return `remove ${f.lineId}`;
        case "set_option":
          return `choose ${f.group} on ${f.lineId}: ${f.values.join(" / ")}`;
        case "set_machine":
          return `set machine ${f.machineId} on ${f.lineId}`;
        case "set_ship_to":
          return `ship to ${f.shipToId}`;
        case "add_line":
          return `add ${f.quantity} × ${f.sku}`;
      }
    }),
  );
  return fixes.length ? ` Possible fixes: ${[...new Set(fixes)].slice(0, 6).join("; ")}.` : "";
}

export function createHandoffNode(options: HandoffNodeOptions) {
  const place = createPlacement(options);
  return async function handoff(state: ShieldStateType, config: ShieldRunConfig): Promise<Command> {
    try {
      // A failed attempt wrote nothing (the transaction never started, or rolled back), so trying again is safe.
      return new Command({ update: await retryWhileBusy(() => place(state, config)), goto: END });
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      // Still locked after the retries: nothing was written. The thread and the draft are kept and the buyer is
      // asked to confirm the same version again; the rep's approvals still hold for it.
      config.writer?.({ type: "handoff", status: "busy" });
      return new Command({
        update: {
          confirmation: null,
          messages: [shieldNotice(noticeText("notice.handoff_busy", runLocale(state, config)), "handoff-busy")],
        },
        goto: "confirm",
      });
    }
  };
}

function createPlacement(options: HandoffNodeOptions) {
  return function place(state: ShieldStateType, config: ShieldRunConfig): ShieldUpdate {
    const session = state.session;
    const confirmation = state.confirmation;
    if (!session || !confirmation)
      return { messages: [shieldNotice(noticeText("notice.not_confirmed", runLocale(state, config)))] };
    const threadId = String(config.configurable?.thread_id ?? "");
    const locale = runLocale(state, config);
    const say = (m: EngineMessage) => renderMessage(m, locale);
    // Any refusal clears the rep's approvals with the confirmation: a new attempt needs a new decision on what it shows.
    const result = handOff(options.db, {
      threadId,
      draft: state.draft,
      confirmedHash: confirmation.draftHash,
      customerId: session.customerId,
      contactId: confirmation.contactId !== undefined ? confirmation.contactId : (session.contactId ?? null),
      channel: session.channel ?? "widget",
      approvals: state.approvals,
      confirmedReport: state.report,
      now: options.now(),
    });
    config.writer?.({ type: "handoff", status: result.status });
    switch (result.status) {
      case "placed": {
        const h = result.order.header;
        return {
          order: {
            orderId: h.orderId,
            draftHash: h.confirmedDraftHash,
            totalCents: result.order.summary.totalAmountCents,
            currency: h.currency,
            status: "handed_off",
            createdAt: h.orderDate,
          },
          refusal: null,
          confirmation: null,
          approvals: [],
          // The next order in this thread starts from an empty draft of a new revision: ordering the same lines
          // again is a new draft (a new hash), not a replay of this one.
          draft: { lines: [], revision: (state.draft.revision ?? 0) + 1 },
          report: null,
          messages: [
            shieldNotice(
              say(
                msg("handoff.placed", {
                  orderId: h.orderId,
                  lines: result.order.lines.length,
                  total: { cents: result.order.summary.totalAmountCents, currency: h.currency },
                  promiseDate: h.promiseDate ?? null,
                }),
              ),
              "order-placed",
            ),
          ],
        };
      }
      case "blocked":
      case "changed": {
        return {
          report: result.report,
          confirmation: null,
          approvals: [],
          refusal: { status: result.status, draftHash: confirmation.draftHash, changes: result.changes },
          messages: [
            shieldNotice(
              `${say(
                msg("handoff.refused", {
                  pricesOrDates: result.status === "changed",
                  changes: result.changeTexts.map(nested),
                }),
              )}${fixesText(result.report)}`,
              "handoff-refused",
            ),
          ],
        };
      }
      case "needs_approval":
        return {
          report: result.report,
          confirmation: null,
          approvals: [],
          refusal: { status: "needs_approval", draftHash: confirmation.draftHash, changes: [] },
          messages: [shieldNotice(say(msg("handoff.needs_approval", {})), "handoff-refused")],
        };
      case "foreign":
        return {
          confirmation: null,
          approvals: [],
          refusal: { status: "foreign", draftHash: confirmation.draftHash, changes: [] },
          messages: [shieldNotice(say(msg("handoff.foreign", {})), "handoff-refused")],
        };
      case "stale":
        return {
          confirmation: null,
          approvals: [],
          refusal: { status: "stale", draftHash: confirmation.draftHash, changes: [] },
          messages: [shieldNotice(say(msg("handoff.stale", {})), "handoff-refused")],
        };
    }
  };
}
