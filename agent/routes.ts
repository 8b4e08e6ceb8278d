/**
 * Pure routers between the graph's nodes. The shield's path is deterministic: only `place_order` reaches
 * `confirm`, only a clean report reaches it, and only a confirmed (and, when needed, approved) draft reaches `handoff`.
 */
import { END } from "@langchain/langgraph";
import { AIMessage } from "@langchain/core/messages";
import { approvalsCoverReport } from "../tools/approvals.ts";
import type { ShieldStateType } from "./state.ts";

type RouterState = Pick<ShieldStateType, "messages" | "checkout" | "report" | "draft">;

/** After the model: run its tool calls, or the turn is over. */
export function routeAfterModel(state: Pick<ShieldStateType, "messages">): "tools" | typeof END {
  const lastMessage = state.messages.at(-1);
  if (lastMessage && AIMessage.isInstance(lastMessage) && (lastMessage.tool_calls?.length ?? 0) > 0) return "tools";
  return END;
}

/** After tools: a review/place request goes to the engine; anything else back to the model. */
export function routeAfterTools(state: Pick<ShieldStateType, "checkout">): "validate" | "model" {
  return state.checkout ? "validate" : "model";
}

/** After validate: only a clean report of the current draft, requested with place_order, goes on to confirmation. */
export function routeAfterValidate(state: RouterState): "confirm" | "model" {
  const { checkout, report } = state;
  if (checkout?.kind !== "place" || !report || !report.clean) return "model";
  return "confirm";
}

/** After the buyer confirmed: a rep must approve first when the policy says so. */
export function routeAfterConfirm(
  state: Pick<ShieldStateType, "report" | "approvals" | "confirmation">,
): "approve" | "handoff" {
  const report = state.report;
  if (!report?.needsApproval) return "handoff";
  // An approval is bound to the confirmed version and the amounts the rep saw: a higher total, overrun or discount
  // (or another version) goes back to a rep.
  const draftHash = state.confirmation?.draftHash ?? report.draftHash;
  return approvalsCoverReport(report, draftHash, state.approvals) ? "handoff" : "approve";
}
