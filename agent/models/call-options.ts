/**
 * What the graph's model node passes a chat model with each call, beside the messages: LangChain call options
 * (`model.invoke(messages, { ...config, shieldDraft })`), which a chat model reads in `_generate` /
 * `_streamResponseChunks` as its parsed call options. Models that do not know an option ignore it (a provider's
 * request is built from its own fields).
 */
import type { DraftView } from "./offline/conversation.ts";

/** The call option holding the draft of the graph state the call runs on (the state the last tools step left). */
export const DRAFT_CALL_OPTION = "shieldDraft";

export interface ShieldCallOptions {
  [DRAFT_CALL_OPTION]?: DraftView;
}
