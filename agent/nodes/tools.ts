/**
 * The tools node: runs the model's tool calls one after another, threading the draft through them, so several
 * edits in one model message compose instead of overwriting each other. Every call ends in a ToolMessage.
 */
import { AIMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { setImmediate as nextTurnOfLoop } from "node:timers/promises";
import { Command } from "@langchain/langgraph";
import { runToolCall } from "../../tools/agent-tools.ts";
import { fail } from "../../tools/agent-tools/shared.ts";
import { msg } from "../../tools/messages/index.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import type { Draft, ValidationReport } from "../../tools/types.ts";
import { routeAfterTools } from "../routes.ts";
import {
  runLocale,
  type CheckoutRequest,
  type ShieldContext,
  type ShieldRunConfig,
  type ShieldStateType,
  type ShieldUpdate,
} from "../state.ts";

/** Tool calls executed from one model message; the rest get an error result asking for fewer at a time. */
export const MAX_CALLS_PER_STEP = 12;

export function createToolsNode(toolset: StructuredToolInterface[]) {
  return async function tools(state: ShieldStateType, config: ShieldRunConfig): Promise<Command> {
    const lastMessage = state.messages.at(-1);
    const calls = lastMessage && AIMessage.isInstance(lastMessage) ? (lastMessage.tool_calls ?? []) : [];
    // Identity: the thread's bound session wins over whatever context a later caller passes.
    const bound = (state.session ?? config.context) as ShieldContext | undefined;
    const locale = runLocale(state, config);
    const context = bound && locale ? { ...bound, locale } : bound;
    let draft = state.draft;
    let report = state.report;
    let checkout = state.checkout;
    const messages: BaseMessage[] = [];
    for (const [index, call] of calls.entries()) {
      if (index >= MAX_CALLS_PER_STEP) {
        messages.push(
          new ToolMessage({
            content: fail(msg("tool.too_many_calls", { max: MAX_CALLS_PER_STEP }), {}, locale),
            tool_call_id: call.id ?? "",
            name: call.name,
            status: "error",
          }),
        );
        continue;
      }
      // Each call re-checks the draft: between calls, the server's other requests get their turn.
      if (index > 0) await nextTurnOfLoop();
      const out = await runToolCall(toolset, call, { state: { draft }, context, toolCallId: call.id ?? "" });
      if (out instanceof Command) {
        const update = (out.update ?? {}) as {
          draft?: Draft;
          report?: ValidationReport | null;
          checkout?: CheckoutRequest | null;
          messages?: BaseMessage[];
        };
        if (update.draft) draft = update.draft;
        if (update.report !== undefined) report = update.report;
        if (update.checkout !== undefined) checkout = update.checkout;
        messages.push(...(update.messages ?? []));
      } else {
        messages.push(out);
      }
      const result = messages.at(-1) as ToolMessage | undefined;
      config.writer?.({ type: "tool", name: call.name, status: result?.status === "error" ? "error" : "ok" });
    }
    const update: ShieldUpdate = { messages, checkout };
    if (draft !== state.draft) {
      update.draft = draft;
      update.report = report;
      // A different draft is a different version: earlier confirmations and approvals do not carry over.
      if (hashDraft(draft) !== hashDraft(state.draft))
        Object.assign(update, { confirmation: null, approvals: [], refusal: null });
      config.writer?.({ type: "draft", draft, report });
    }
    return new Command({ update, goto: routeAfterTools({ checkout }) });
  };
}
