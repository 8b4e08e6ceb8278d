/**
 * One ranking of candidates by the engine's verdict on them, shared by everything that lists products for a buyer:
 * the engine's replacement fixes (tools/checks/alternatives.ts) and the offline consultant's search results
 * (agent/models/offline/actions.ts). What fits cleanly comes first, then what fits with a caution, then what fits
 * but cannot be ordered alone (or no longer), and what does not fit last.
 */

/** The part of an issue the rank reads (a report issue, or its compact form in a tool result). */
export interface RankedIssue {
  code: string;
  severity: string;
  message: string;
}

/** 0 fits, 1 fits with a caution, 2 fits but needs a companion part or is no longer sold, 3 does not fit. */
export type FitRank = 0 | 1 | 2 | 3;

/** Blocks that are not about fit: the part fits, but needs a companion on the order, or is discontinued. */
const ORDER_ONLY = new Set(["compat.missing_mandatory", "product.discontinued"]);

/** The rank of a candidate from the issues the engine raised for it, with the issue that decided it. */
export function fitRank<I extends RankedIssue>(issues: readonly I[]): { rank: FitRank; reason?: I } {
  const block = issues.find((i) => i.severity === "block" && !ORDER_ONLY.has(i.code));
  if (block) return { rank: 3, reason: block };
  if (issues.some((i) => ORDER_ONLY.has(i.code))) {
    const companion = issues.find((i) => i.code === "compat.missing_mandatory");
    return companion ? { rank: 2, reason: companion } : { rank: 2 };
  }
  const caution = issues.find((i) => i.severity !== "block");
  return caution ? { rank: 1, reason: caution } : { rank: 0 };
}
