/**
 * Every draft the engine validates is held to the bounds of ../limits.ts (through `draftSchema`), wherever it came
 * from: a tool call, a checkpoint, the server. A field that breaks one is a blocking `draft.invalid_field` issue, so
 * such a draft can never be handed off: the hand-off copies header fields (PO reference, requested date, discount)
 * and requested prices from the draft, and a field the checks had to drop (a unit of 40 characters, a machine id of
 * 500) would otherwise be validated as something else than what was written.
 *
 * Quantities and the number of lines are left to their own checks (`qty.*`, `order.too_many_lines`), which say more.
 */
import { draftSchema } from "../types.ts";
import { msg } from "../messages/index.ts";
import { issue, lineIssue, type OrderState } from "./context.ts";

/** At most this many field issues per draft: the first ones tell the model what to fix. */
const MAX_FIELD_ISSUES = 20;

export function checkDraftFields(raw: unknown, order: OrderState): void {
  const parsed = draftSchema.safeParse(raw);
  if (parsed.success) return;
  let reported = 0;
  for (const zi of parsed.error.issues) {
    const [head, index, key] = zi.path;
    const onLine = head === "lines" && typeof index === "number";
    if (onLine && key === "quantity") continue;
    if (head === "lines" && zi.path.length === 1 && zi.code === "too_big") continue;
    if (++reported > MAX_FIELD_ISSUES) break;
    const path = zi.path.map(String).join(".") || "(draft)";
    const details = { field: path, problem: zi.message };
    if (!onLine) {
      order.issues.push(
        issue("draft.invalid_field", "block", msg("draft.invalid_field", { field: path, problem: zi.message }), [], {
          details,
        }),
      );
      continue;
    }
    // Lines past the limit are not validated at all (order.too_many_lines blocks the order).
    const line = order.lines[index];
    const field = zi.path.slice(2).map(String).join(".") || "(line)";
    if (line)
      lineIssue(
        line,
        "draft.invalid_field",
        "block",
        msg("draft.invalid_field", { field, problem: zi.message }),
        [],
        details,
      );
  }
}
