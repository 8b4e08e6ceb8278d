import { expect } from "vitest";
import type { Draft, Fix, Issue, ValidationReport } from "../../tools/types.ts";
import { applyFix, validate } from "./world.ts";

export function issuesOf(r: ValidationReport, code: string, lineId?: string): Issue[] {
  const all = [...r.issues, ...r.lines.flatMap((l) => l.issues)];
  return all.filter((i) => i.code === code && (lineId === undefined || i.lineId === lineId));
}

/**
 * Triggers `code` with `draft`, applies the fix (the first by default, or the one `pick` chooses), and returns
 * the report after the fix, asserting the issue is gone.
 */
export function expectFixResolves(
  draft: Draft,
  code: string,
  options: {
    customerId?: string;
    lineId?: string;
    pick?: (fixes: Fix[]) => Fix | undefined;
    validateWith?: (d: Draft) => ValidationReport;
    /** When one code is raised several times (one per group…): which later issue is "the same" one. */
    same?: (before: Issue, after: Issue) => boolean;
  } = {},
): { before: ValidationReport; after: ValidationReport; fix: Fix; issue: Issue } {
  const run = options.validateWith ?? ((d: Draft) => validate(d, options.customerId));
  const before = run(draft);
  const found = issuesOf(before, code, options.lineId);
  expect(
    found.map((i) => i.code),
    `expected ${code}`,
  ).toContain(code);
  const issue = found[0]!;
  const fix = options.pick ? options.pick(issue.fixes) : issue.fixes[0];
  expect(fix, `a fix for ${code}`).toBeDefined();
  const after = run(applyFix(draft, fix!));
  const same = options.same ?? (() => true);
  expect(
    issuesOf(after, code, issue.lineId).filter((i) => same(issue, i)),
    `${code} after ${JSON.stringify(fix)}`,
  ).toEqual([]);
  return { before, after, fix: fix!, issue };
}
