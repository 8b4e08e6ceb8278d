/**
 * The approve node: a sales rep decides an exception the policy flagged (order value, discount, credit). The
 * decision is written to the append-only audit log with actor, time and reason before the graph moves on. Only a
 * caller on the `rep` channel with a contact id can decide; anything else is asked again. The actor is that
 * authenticated rep (`rep:<contactId>` of the run context); a name in the resume payload is only a display name.
 */
import { Command, END, interrupt } from "@langchain/langgraph";
import { z } from "zod";
import type { Db } from "../../catalog/db.ts";
import { auditLog } from "../../catalog/schema.ts";
import { approvalOf } from "../../tools/approvals.ts";
import { approvalCodes } from "../../tools/handoff.ts";
import { runLocale, type ShieldRunConfig, type ShieldStateType } from "../state.ts";
import { summarizeReport, type ReportSummary, withdrawnTo } from "./confirm.ts";
import { isDatabaseBusy, retryWhileBusy } from "../errors.ts";
import { noticeText, shieldNotice } from "./model.ts";

export const approvalResumeSchema = z.union([
  z.object({
    decision: z.enum(["approve", "reject"]),
    /** A display name only: who decided is the authenticated rep of the run context. */
    actor: z.string().trim().min(1).max(120).optional(),
    reason: z.string().trim().min(1).max(1000),
    /**
     * The draft version the rep decided on (the approval's `draftHash`). The HTTP API requires it; given, a decision
     * for another version decides nothing (the runtime answers `conflict:draft_changed`, this node asks again).
     */
    draftHash: z.string().max(128).optional(),
  }),
  z.object({ cancel: z.literal(true) }),
]);
export type ApprovalResume = z.infer<typeof approvalResumeSchema>;

export interface ApprovalInterrupt {
  type: "approval";
  draftHash: string;
  customerId: string;
  codes: string[];
  issues: { code: string; message: string; lineId?: string }[];
  summary: ReportSummary;
}

export interface ApproveNodeOptions {
  db: Db;
  now: () => Date;
}

export function createApproveNode(options: ApproveNodeOptions) {
  return async function approve(state: ShieldStateType, config: ShieldRunConfig): Promise<Command> {
    const report = state.report;
    const draftHash = state.confirmation?.draftHash;
    if (!report || !draftHash || report.draftHash !== draftHash)
      return new Command({
        update: { messages: [shieldNotice(noticeText("notice.order_changed", runLocale(state, config)))] },
        goto: END,
      });
    const codes = approvalCodes(report);
    const issues = [...report.issues, ...report.lines.flatMap((l) => l.issues)]
      .filter((i) => i.severity === "approval")
      .map((i) => ({ code: i.code, message: i.message, ...(i.lineId ? { lineId: i.lineId } : {}) }));
    const payload: ApprovalInterrupt = {
      type: "approval",
      draftHash,
      customerId: state.session?.customerId ?? "",
      codes,
      issues,
      summary: summarizeReport(report, state.draft),
    };
    const raw = interrupt(payload);
    const next = withdrawnTo(raw);
    if (next) return new Command({ update: { confirmation: null, ...next }, goto: "model" });
    const parsed = approvalResumeSchema.safeParse(raw);
    if (!parsed.success) return new Command({ goto: "approve" });
    const value = parsed.data;
    if ("cancel" in value) return new Command({ update: { confirmation: null }, goto: END });
    // The buyer's own session can never approve its own exception, and a rep session must say which rep it is: the
    // actor comes from the authenticated context, never from the payload.
    const ctx = config.context;
    if (ctx?.channel !== "rep" || !ctx.contactId) return new Command({ goto: "approve" });
    if (value.draftHash !== undefined && value.draftHash !== draftHash) return new Command({ goto: "approve" });
    const actor = `rep:${ctx.contactId}`;
    const actorName = value.actor;

    const at = options.now().toISOString();
    const threadId = String(config.configurable?.thread_id ?? "");
    // The decision is bound to this version and the amounts the rep was shown (total, overrun, discount, prices).
    const approval = approvalOf(report, draftHash, {
      actor,
      ...(actorName ? { actorName } : {}),
      reason: value.reason,
      at,
    });
    try {
      await retryWhileBusy(() =>
        options.db
          .insert(auditLog)
          .values({
            at,
            actor,
            action: `approval.${value.decision}`,
            subject: `thread:${threadId}`,
            reason: value.reason,
            data: {
              draftHash,
              codes,
              ...(actorName ? { actorName } : {}),
              customerId: payload.customerId,
              totalCents: report.totals.netCents,
              issues: approval.issues,
            },
          })
          .run(),
      );
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      // Still locked after the retries. The decision was not recorded, so it was not taken: nothing is written, the
      // approval stays open and the rep is asked to send it again — the hand-off's answer when the database is busy.
      config.writer?.({ type: "handoff", status: "busy" });
      return new Command({
        update: {
          messages: [shieldNotice(noticeText("notice.rep_decision_busy", runLocale(state, config)), "approval-busy")],
        },
        goto: "approve",
      });
    }
    if (value.decision === "reject") {
      return new Command({
        update: {
          confirmation: null,
          approvals: [],
          messages: [
            shieldNotice(
              `A sales representative did not approve this order: ${value.reason}. Nothing was placed; your draft is kept.`,
              "approval-rejected",
            ),
          ],
        },
        goto: END,
      });
    }
    return new Command({ update: { approvals: [...state.approvals, approval] }, goto: "handoff" });
  };
}
