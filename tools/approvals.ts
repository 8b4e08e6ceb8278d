/**
 * What a sales rep's approval is bound to. A rep approves one draft version (its hash) at the amounts the approval
 * issues showed: the order total, the credit overrun, the discount, the requested prices. The approval covers a
 * report only for the same hash and only while those amounts are no worse than what the rep saw: a price that rose
 * since, a larger overrun or a deeper discount needs a new decision.
 */
import type { CleanOrderApproval } from "./clean-order.ts";
import type { Issue, ValidationReport } from "./types.ts";

/** One approval issue as the rep saw it: its code, its line, and the numeric facts of its details. */
export interface ApprovedIssue {
  code: string;
  lineId?: string;
  amounts: Record<string, number>;
}

/**
 * Per approval code: amounts that must not rise (`max`) or fall (`min`) after the decision. Codes not listed here
 * bind every numeric detail that is not a policy threshold (`max…` / `min…`) as a ceiling.
 */
const BOUNDS: Record<string, { max: string[]; min?: string[] }> = {
  "policy.order_value_approval": { max: ["netCents"] },
  "credit.overrun_approval": { max: ["overrunCents", "orderCents"] },
  "policy.discount_approval": { max: ["requestedDiscountPct"] },
  "price.requested_below": { max: ["discountPct", "unitPriceCents"], min: ["requestedUnitPriceCents"] },
};

function approvalIssues(report: ValidationReport): Issue[] {
  return [...report.issues, ...report.lines.flatMap((l) => l.issues)].filter((i) => i.severity === "approval");
}

function numericDetails(issue: Issue): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(issue.details ?? {})) if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  return out;
}

/** The approval issues of a report with their amounts: what an approval of this report is bound to. */
export function approvedIssues(report: ValidationReport): ApprovedIssue[] {
  return approvalIssues(report).map((i) => ({
    code: i.code,
    ...(i.lineId ? { lineId: i.lineId } : {}),
    amounts: numericDetails(i),
  }));
}

/** The approval record of a rep's decision on `report` (the version `draftHash`), ready for state and the clean order. */
export function approvalOf(
  report: ValidationReport,
  draftHash: string,
  decision: { actor: string; actorName?: string; reason: string; at: string },
): CleanOrderApproval {
  const issues = approvedIssues(report);
  return {
    decision: "approve",
    actor: decision.actor,
    ...(decision.actorName ? { actorName: decision.actorName } : {}),
    reason: decision.reason,
    at: decision.at,
    codes: [...new Set(issues.map((i) => i.code))].sort(),
    draftHash,
    totalCents: report.totals.netCents,
    issues,
  };
}

function issueCovered(current: Issue, approved: ApprovedIssue | undefined): boolean {
  if (!approved) return false;
  const now = numericDetails(current);
  const bounds = BOUNDS[current.code] ?? {
    max: Object.keys(approved.amounts).filter((k) => !/^(max|min)[A-Z]/.test(k)),
  };
  const ok = (key: string, cmp: (cur: number, was: number) => boolean) => {
    const was = approved.amounts[key];
    const cur = now[key];
    if (was === undefined && cur === undefined) return true;
    return was !== undefined && cur !== undefined && cmp(cur, was);
  };
  return (
    bounds.max.every((k) => ok(k, (cur, was) => cur <= was)) &&
    (bounds.min ?? []).every((k) => ok(k, (cur, was) => cur >= was))
  );
}

/** Does this one approval cover every approval issue of `report`, the version `draftHash`, at its current amounts? */
export function approvalCovers(approval: CleanOrderApproval, report: ValidationReport, draftHash: string): boolean {
  if (approval.decision !== "approve" || !approval.draftHash || approval.draftHash !== draftHash) return false;
  if (typeof approval.totalCents !== "number" || report.totals.netCents > approval.totalCents) return false;
  const approved = approval.issues ?? [];
  return approvalIssues(report).every((i) =>
    issueCovered(
      i,
      approved.find((a) => a.code === i.code && (a.lineId ?? null) === (i.lineId ?? null)),
    ),
  );
}

/** Is the report's need for approval covered by one of the approvals given for the version `draftHash`? */
export function approvalsCoverReport(
  report: ValidationReport,
  draftHash: string,
  approvals: readonly CleanOrderApproval[],
): boolean {
  return approvals.some((a) => approvalCovers(a, report, draftHash));
}
