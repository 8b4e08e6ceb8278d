/**
 * The validate node: the engine, not the model, decides whether the draft is clean. Its report replaces the
 * placeholder result of review_order / place_order, so the model reads the verdicts as that tool's answer.
 */
import { ToolMessage } from "@langchain/core/messages";
import type { CatalogReader } from "../../catalog/queries/types.ts";
import { compactReport } from "../../tools/agent-tools.ts";
import { validateDraft } from "../../tools/engine.ts";
import { Command } from "@langchain/langgraph";
import { routeAfterValidate } from "../routes.ts";
import { runLocale, type ShieldRunConfig, type ShieldStateType } from "../state.ts";

export interface ValidateNodeOptions {
  data: CatalogReader;
  now: () => Date;
}

export function createValidateNode(options: ValidateNodeOptions) {
  return function validate(state: ShieldStateType, config: ShieldRunConfig): Command {
    const customerId = state.session?.customerId ?? config.context?.customerId ?? "";
    const locale = runLocale(state, config);
    const report = validateDraft(state.draft, {
      customerId,
      now: options.now(),
      data: options.data,
      ...(locale ? { language: locale } : {}),
    });
    const checkout = state.checkout;
    const next =
      checkout?.kind === "place" && report.clean
        ? "the order is clean; the buyer is now asked to confirm this exact version"
        : checkout?.kind === "place"
          ? "the order is blocked: explain the blocking issues and offer their fixes; nothing was placed"
          : "review only; nothing was placed";
    config.writer?.({ type: "report", report });
    const messages = checkout
      ? [
          new ToolMessage({
            id: `checkout-${checkout.toolCallId}`,
            tool_call_id: checkout.toolCallId,
            name: `${checkout.kind}_order`,
            content: JSON.stringify({ next, report: compactReport(report) }),
          }),
        ]
      : [];
    return new Command({ update: { report, messages }, goto: routeAfterValidate({ ...state, report }) });
  };
}
