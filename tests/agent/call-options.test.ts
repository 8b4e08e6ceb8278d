/**
 * The model node passes each model call the draft of the state it runs on (agent/models/call-options.ts): a call after
 * a tools round gets the draft the tools left, as it did when model and tools were two graph nodes.
 */
import { describe, expect, test } from "vitest";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { AIMessage, BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { DRAFT_CALL_OPTION, type ShieldCallOptions } from "../../agent/models/call-options.ts";
import type { DraftView } from "../../agent/models/offline/conversation.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { calls, say, world } from "./helpers.ts";
import { NOW } from "./world.ts";

/** A scripted chat model that records the draft option of every call. */
class RecordingModel extends BaseChatModel {
  readonly seen: (DraftView | undefined)[] = [];
  constructor(private readonly replies: AIMessage[]) {
    super({});
  }
  _llmType() {
    return "recording";
  }
  override bindTools() {
    return this as never;
  }
  async _generate(_messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<ChatResult> {
    this.seen.push((options as ShieldCallOptions)[DRAFT_CALL_OPTION]);
    const message = this.replies[this.seen.length - 1] ?? say("done");
    return { generations: [{ text: String(message.content), message }] };
  }
}

describe("the draft passed with a model call", () => {
  test("the call after a tools round gets the draft the tools left; the first, the thread's draft", async () => {
    const db = world();
    const model = new RecordingModel([calls(["add_line", { sku: "SEAL-1", quantity: 2 }]), say("added")]);
    const agent = createShieldAgent({ db, model, now: () => NOW });
    const buyer = { customerId: "C-ACME", contactId: null, channel: "widget" };
    await agent.send("t-call-options", "2 seals", buyer);
    expect(model.seen).toHaveLength(2);
    expect(model.seen[0]?.lines).toEqual([]);
    expect(model.seen[1]?.lines.map((l) => [l.sku, l.quantity])).toEqual([["SEAL-1", 2]]);
    await agent.send("t-call-options", "thanks", buyer);
    expect(model.seen[2]?.lines.map((l) => [l.sku, l.quantity])).toEqual([["SEAL-1", 2]]);
  });
});
