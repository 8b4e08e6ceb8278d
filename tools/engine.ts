/**
 * The validation engine: runs every check on a draft and assembles the ValidationReport.
 * Pure over the catalog reader; never throws on any draft shape (bad input becomes issues).
 */
import type { CatalogReader } from "../catalog/queries/types.ts";
import { hashDraft } from "./draft-hash.ts";
import type { Draft, ValidationReport } from "./types.ts";

export interface EngineContext {
  /** From the authenticated session, never from the draft or the model. */
  customerId: string;
  now: Date;
  data: CatalogReader;
}

/**
 * @example
 *   const data = createCatalogReader(db);
 *   const report = validateDraft(draft, { customerId: session.customerId, now: new Date(), data });
 *   if (report.clean) { ... }
 */
export function validateDraft(draft: Draft, ctx: EngineContext): ValidationReport {
  const lines = Array.isArray(draft?.lines) ? draft.lines : [];
  return {
    clean: false,
    needsApproval: false,
    draftHash: hashDraft(draft),
    customerId: ctx.customerId,
    currency: "EUR",
    lines: [],
    issues: [
      lines.length === 0
        ? { code: "order.empty", severity: "block", message: "The order has no lines.", fixes: [] }
        : { code: "engine.not_ready", severity: "block", message: "The validation engine is being built.", fixes: [] },
    ],
    totals: { netCents: 0, lines: 0 },
    checkedAt: ctx.now.toISOString(),
  };
}
