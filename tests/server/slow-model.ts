/**
 * A model for the cancel / disconnect tests: the offline consultant, except that a buyer message containing
 * "[slow]" makes it wait until the run is aborted (it never answers on its own), so a test can cut a run mid-way
 * without racing the model.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { type BaseMessage, HumanMessage } from "@langchain/core/messages";
import { RunnableLambda } from "@langchain/core/runnables";
import { createOfflineModel } from "../../agent/models/offline/index.ts";
import type { Db } from "../../catalog/db.ts";

/**
 * The offline consultant, except that a buyer message containing `marker` first awaits `hold` (given the run's
 * abort signal) — a test decides when, or whether, that turn goes on.
 */
export function heldWhenAsked(
  db: Db,
  marker: string,
  hold: (signal: AbortSignal | undefined) => Promise<void>,
): BaseChatModel {
  const offline = createOfflineModel({ db });
  const wrap = (inner: { invoke: (m: BaseMessage[], o?: unknown) => Promise<unknown> }) =>
    RunnableLambda.from(async (messages: BaseMessage[], config) => {
      const last = [...messages].reverse().find((m) => HumanMessage.isInstance(m));
      if (last && String(last.content).includes(marker)) await hold(config?.signal);
      return inner.invoke(messages, config);
    });
  return new Proxy(offline, {
    get(target, prop, receiver) {
      if (prop === "bindTools")
        return (tools: unknown, kwargs?: unknown) =>
          wrap((target.bindTools as (t: unknown, k?: unknown) => never)(tools, kwargs));
      return Reflect.get(target, prop, receiver);
    },
  });
}

export function slowWhenAsked(db: Db, onWaiting?: () => void): BaseChatModel {
  return heldWhenAsked(db, "[slow]", (signal) => {
    onWaiting?.();
    return new Promise<never>((_, reject) => {
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  });
}
