/**
 * Trajectory diagnostics: the path a conversation took through the shield graph, read back from the LangGraph state
 * history, checked against the order protocol. Grading by the outbox says *what* reached the ERP; this says whether
 * it got there the only allowed way — the engine validated the exact draft, the buyer then confirmed that same draft
 * hash, and the hand-off ran once for it. A violation fails the trial even when the order itself looks right.
 */
import type { StateSnapshot } from "@langchain/langgraph";
import type { GraphStep } from "../agent/index.ts";
import type { ShieldStateType } from "../agent/state.ts";
import { EMPTY_DRAFT } from "../tools/types.ts";
import { hashDraft } from "../tools/draft-hash.ts";
import type { CleanOrder } from "../tools/clean-order.ts";

/** One super-step of the graph: the node(s) that ran and the state they left. */
export interface TrajectoryStep {
  nodes: string[];
  values: Pick<ShieldStateType, "draft" | "report" | "confirmation" | "order">;
}

/**
 * A step as the runtime reports it (`onStep` of createShieldAgent: the nodes whose updates LangGraph streamed for
 * the super-step, then the state it streamed after it). A run's input (a buyer message, a resume) is a step with no
 * node; a step that changes the confirmation or the order without the node allowed to write it is a violation.
 */
export function trajectoryStep(step: GraphStep): TrajectoryStep {
  const { draft, report, confirmation, order } = step.values;
  return {
    nodes: step.nodes,
    values: {
      draft: draft ?? EMPTY_DRAFT,
      report: report ?? null,
      confirmation: confirmation ?? null,
      order: order ?? null,
    },
  };
}

/** Chronological steps from `graph.getStateHistory` (which yields newest first). */
export async function readTrajectory(history: AsyncIterable<StateSnapshot>): Promise<TrajectoryStep[]> {
  const snapshots: StateSnapshot[] = [];
  for await (const s of history) snapshots.push(s);
  snapshots.reverse();
  // A snapshot's `next` names the node(s) whose writes make the following snapshot.
  return snapshots.slice(1).map((s, i) => ({
    nodes: [...(snapshots[i]?.next ?? [])],
    values: s.values as TrajectoryStep["values"],
  }));
}

/**
 * Protocol violations of one thread, in words. Checked per hand-off (a new order id in the state) and per outbox
 * order: validated clean before, confirmed by the buyer after that validation, for the draft as it stood at
 * hand-off, written by the hand-off node, at most one order per confirmed draft hash.
 */
export function checkTrajectory(steps: TrajectoryStep[], outbox: CleanOrder[]): string[] {
  const violations: string[] = [];
  /** Draft hash → the step at which the engine last found it clean. */
  const validatedAt = new Map<string, number>();
  /** Draft hash → the step at which the buyer confirmed it. */
  const confirmedAt = new Map<string, number>();
  const handoffs = new Map<string, string[]>();
  let lastOrderId: string | undefined;
  let lastConfirmation: string | undefined;

  steps.forEach((step, i) => {
    const { report, confirmation, order } = step.values;
    if (step.nodes.includes("validate") && report?.clean) validatedAt.set(report.draftHash, i);
    const confirmationKey = confirmation ? `${confirmation.draftHash}@${confirmation.at}` : undefined;
    if (confirmation && confirmationKey !== lastConfirmation) {
      if (!step.nodes.includes("confirm"))
        violations.push(`a confirmation of ${short(confirmation.draftHash)} was written by ${step.nodes.join("+")}`);
      const validated = validatedAt.get(confirmation.draftHash);
      if (validated === undefined || validated > i)
        violations.push(`draft ${short(confirmation.draftHash)} was confirmed before the engine validated it`);
      confirmedAt.set(confirmation.draftHash, i);
    }
    lastConfirmation = confirmationKey;
    if (!order || order.orderId === lastOrderId) return;
    lastOrderId = order.orderId;
    const where = `order ${order.orderId}`;
    if (!step.nodes.includes("handoff")) violations.push(`${where} was written by ${step.nodes.join("+") || "?"}`);
    const validated = validatedAt.get(order.draftHash);
    const confirmed = confirmedAt.get(order.draftHash);
    if (validated === undefined) violations.push(`${where}: draft ${short(order.draftHash)} was never validated clean`);
    if (confirmed === undefined) violations.push(`${where}: the buyer never confirmed draft ${short(order.draftHash)}`);
    else if (validated !== undefined && confirmed < validated)
      violations.push(`${where}: the confirmation came before the last validation`);
    // The hand-off starts the next draft in the same step: the draft it placed is the one the step before held.
    const placed = steps[i - 1]?.values.draft;
    if (!placed || hashDraft(placed) !== order.draftHash)
      violations.push(`${where}: the confirmed draft is not the final draft`);
    handoffs.set(order.draftHash, [...(handoffs.get(order.draftHash) ?? []), order.orderId]);
  });

  for (const [hash, ids] of handoffs)
    if (ids.length > 1)
      violations.push(`${ids.length} hand-offs for confirmed draft ${short(hash)}: ${ids.join(", ")}`);
  const outboxByHash = new Map<string, string[]>();
  for (const o of outbox) {
    const hash = o.header.confirmedDraftHash;
    outboxByHash.set(hash, [...(outboxByHash.get(hash) ?? []), o.header.orderId]);
    if (!handoffs.get(hash)?.includes(o.header.orderId))
      violations.push(`outbox order ${o.header.orderId} has no hand-off in the thread's history`);
  }
  for (const [hash, ids] of outboxByHash)
    if (ids.length > 1) violations.push(`${ids.length} outbox orders for confirmed draft ${short(hash)}`);
  return violations;
}

const short = (hash: string) => hash.slice(0, 12);
