/**
 * With tracing off, a turn runs without an idle langsmith RunTree per runnable (agent/quiet-run-trees.ts), and
 * everything that reads the run's config from the async-local store still gets it: the model sees its thread and the
 * graph state. With tracing switched on in the environment, or against another @langchain/core, the library's own
 * method stays.
 */
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { AsyncLocalStorageProviderSingleton } from "@langchain/core/singletons";
import { getConfig, getCurrentTaskInput } from "@langchain/langgraph";
import { isRunTree } from "langsmith/run_trees";
import { describe, expect, test } from "vitest";
import {
  fingerprintOf,
  KNOWN_RUN_WITH_CONFIG,
  libraryRunWithConfig,
  quietRunTreesFit,
  tracingEnabledInEnv,
} from "../../agent/quiet-run-trees.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { world } from "./helpers.ts";
import { BUYER, NOW } from "./world.ts";

/** Answers with a fixed text and notes what the async-local store held while it ran. */
class ObservingModel extends BaseChatModel {
  seen: { runTree: boolean; threadId: unknown; messages: number }[] = [];
  _llmType() {
    return "observing";
  }
  override bindTools(): ReturnType<NonNullable<BaseChatModel["bindTools"]>> {
    return this as never;
  }
  async _generate(): Promise<ChatResult> {
    const store = AsyncLocalStorageProviderSingleton.getInstance().getStore();
    const state = getCurrentTaskInput<{ messages: BaseMessage[] }>();
    this.seen.push({
      runTree: isRunTree(store),
      threadId: getConfig().configurable?.thread_id,
      messages: state.messages.length,
    });
    return { generations: [{ text: "", message: new AIMessage("Hello, how can I help?") }] };
  }
}

describe("quiet run trees", () => {
  test("is written against the installed @langchain/core (an upgrade must be looked at again)", () => {
    expect(fingerprintOf(libraryRunWithConfig)).toBe(KNOWN_RUN_WITH_CONFIG);
  });

  test("stays out while tracing is switched on in the environment", () => {
    expect(tracingEnabledInEnv({ LANGSMITH_TRACING: "true" })).toBe(true);
    expect(tracingEnabledInEnv({ LANGCHAIN_TRACING_V2: "false" })).toBe(false);
    expect(quietRunTreesFit({ LANGCHAIN_TRACING_V2: "true" })).toBe(false);
    expect(quietRunTreesFit({ LANGSMITH_TRACING: "false" })).toBe(true);
  });

  test("a turn runs without a RunTree in the store, and the model still reads its run config and state", async () => {
    const db = world();
    const model = new ObservingModel({});
    const agent = createShieldAgent({ db, model, now: () => NOW });
    const { replies } = await agent.send("t-quiet", "hello", BUYER);
    expect(replies).toEqual(["Hello, how can I help?"]);
    expect(model.seen).toEqual([{ runTree: false, threadId: "t-quiet", messages: 1 }]);
    expect(AsyncLocalStorageProviderSingleton.runWithConfig).not.toBe(libraryRunWithConfig);
    db.$client.close();
  });
});
