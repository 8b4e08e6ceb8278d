/**
 * The model node: the only place the LLM runs. Provider failures become a clear message to the buyer and the
 * thread stays intact, so the next message simply continues.
 */
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import { Command, END, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { DRAFT_CALL_OPTION } from "../models/call-options.ts";
import { routeAfterModel } from "../routes.ts";
import { draftBrief, SYSTEM_PROMPT } from "../models/prompts.ts";
import { msg, renderMessage, type MessageKey } from "../../tools/messages/index.ts";
import { runLocale, type ShieldRunConfig, type ShieldStateType } from "../state.ts";

type NoticeKey = Extract<MessageKey, `notice.${string}`>;

/** Prefix of message ids the shield itself writes (notices, confirmations, orders placed). */
export const NOTICE_ID_PREFIX = "shield-";
/** Model ⇄ tools rounds allowed in one buyer turn before the shield stops the loop. */
export const MAX_TOOL_ROUNDS = 12;

export interface ModelNodeOptions {
  /** A chat model with the tools bound. */
  model: Runnable<BaseMessage[], BaseMessage>;
  systemPrompt?: string;
}

let noticeSeq = 0;
/** A message the shield says to the buyer (not the model's words). */
export function shieldNotice(text: string, kind = "notice"): AIMessage {
  noticeSeq = (noticeSeq + 1) % 1_000_000;
  return new AIMessage({ id: `${NOTICE_ID_PREFIX}${kind}-${Date.now().toString(36)}-${noticeSeq}`, content: text });
}

export function isShieldNotice(m: BaseMessage): boolean {
  return typeof m.id === "string" && m.id.startsWith(NOTICE_ID_PREFIX);
}

function roundsThisTurn(messages: BaseMessage[]): number {
  let rounds = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (HumanMessage.isInstance(m)) break;
    if (AIMessage.isInstance(m) && (m.tool_calls?.length ?? 0) > 0) rounds++;
  }
  return rounds;
}

/** A user-facing sentence for a provider failure; the cause goes to the logs, not to the buyer. */
export function providerErrorMessage(error: unknown, locale?: string): string {
  const text = `${(error as Error)?.name ?? ""} ${(error as Error)?.message ?? ""}`.toLowerCase();
  const timeout = text.includes("timeout") || text.includes("timed out") || text.includes("abort");
  return noticeText(timeout ? "notice.model_timeout" : "notice.model_unavailable", locale);
}

/** One of the shield's own sentences (tools/messages, `notice.*`) in the buyer's language. */
export function noticeText(key: NoticeKey, locale: string | undefined): string {
  return renderMessage(msg(key, {}), locale);
}

export function createModelNode(options: ModelNodeOptions) {
  const prompt = options.systemPrompt ?? SYSTEM_PROMPT;
  // Nodes route themselves with Command(goto) through the pure routers of routes.ts: one graph step per node,
  // no separate branch step.
  return async function model(state: ShieldStateType, config: LangGraphRunnableConfig): Promise<Command> {
    if (roundsThisTurn(state.messages) >= MAX_TOOL_ROUNDS) {
      return new Command({
        update: {
          messages: [
            shieldNotice(
              "I could not finish that in one step. Your draft is saved — tell me what you would like next.",
            ),
          ],
          checkout: null,
        },
        goto: END,
      });
    }
    const input: BaseMessage[] = [
      new SystemMessage(`${prompt}\n\n${draftBrief(state.draft, state.report)}`),
      // The shield's own messages (confirmation outcomes, orders placed, refusals) stay in: the model must know them.
      // Provider-failure apologies do not: they say nothing about the order.
      ...state.messages.filter(
        (m) => !(isShieldNotice(m) && String(m.id).startsWith(`${NOTICE_ID_PREFIX}provider-error`)),
      ),
    ];
    try {
      // The draft of the state this call runs on goes with the call (a call option, models/call-options.ts): the
      // offline consultant reads it; other models ignore it.
      const response = await options.model.invoke(input, {
        ...config,
        [DRAFT_CALL_OPTION]: state.draft,
      } as LangGraphRunnableConfig);
      return new Command({
        update: { messages: [response], checkout: null },
        goto: routeAfterModel({ messages: [response] }),
      });
    } catch (error) {
      if (config.signal?.aborted) throw error;
      console.error("[agent] model provider failed:", (error as Error)?.message ?? error);
      return new Command({
        update: {
          messages: [
            shieldNotice(providerErrorMessage(error, runLocale(state, config as ShieldRunConfig)), "provider-error"),
          ],
          checkout: null,
        },
        goto: END,
      });
    }
  };
}
