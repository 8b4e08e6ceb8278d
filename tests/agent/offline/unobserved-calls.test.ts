/**
 * A call of the offline consultant nobody listens to (no callback handler, no tracing) is answered without
 * @langchain/core's chat-model layer (callback manager, tracing serialisation, a run no handler receives): the same
 * message as the library's path gives. A call with a listener — the server's token stream, a tracer, the evals' usage
 * meter — still takes the library's path and its handler sees the run.
 */
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { CallbackManager } from "@langchain/core/callbacks/manager";
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import type { LLMResult } from "@langchain/core/outputs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../../catalog/db.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { DEMO_NOW, seedDemo } from "../../../catalog/seed/index.ts";
import { createOfflineModel } from "../../../agent/models/offline/index.ts";
import { createAgentTools } from "../../../tools/agent-tools.ts";

const db = openDatabase();
seedDemo(db);
const model = createOfflineModel({ db }).bindTools(
  createAgentTools({ db, data: createCatalogReader(db), now: () => DEMO_NOW }),
);

class Ends extends BaseCallbackHandler {
  name = "ends";
  ended: LLMResult[] = [];
  override handleLLMEnd(output: LLMResult) {
    this.ended.push(output);
  }
}

const asked = [
  [new HumanMessage("what does SE-MS28-SIC-FKM cost?")],
  [new HumanMessage("I need 2 mechanical seals for pump 2 in hall B")],
  [new HumanMessage("was kostet SE-MS28-SIC-FKM?")],
];

afterEach(() => vi.restoreAllMocks());

describe("the offline consultant's calls without a listener", () => {
  it("are answered without configuring a callback manager", async () => {
    const configure = vi.spyOn(CallbackManager, "_configureSync");
    for (const messages of asked) await model.invoke(messages);
    for (const messages of asked) await model.invoke(messages, { callbacks: new CallbackManager() });
    expect(configure).not.toHaveBeenCalled();
  });

  it("answer the message a listened-to call answers: words, tool calls, memo, an id of the run's form", async () => {
    for (const messages of asked) {
      // Without callbacks the library starts no run and the message has no id; with a graph task's (empty) manager it
      // has the run's.
      expect((await model.invoke(messages)).id).toBeUndefined();
      const quiet = await model.invoke(messages, { callbacks: new CallbackManager() });
      const handler = new Ends();
      const heard = await model.invoke(messages, { callbacks: [handler] });
      expect(AIMessage.isInstance(quiet)).toBe(true);
      expect(quiet.content).toEqual(heard.content);
      expect((quiet as AIMessage).tool_calls).toEqual((heard as AIMessage).tool_calls);
      expect(quiet.additional_kwargs).toEqual(heard.additional_kwargs);
      expect(quiet.response_metadata).toEqual(heard.response_metadata);
      expect(quiet.id).toMatch(/^run-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(heard.id).toMatch(/^run-/);
      expect(quiet.id).not.toBe(heard.id);
      // The listener saw the run end with that message.
      expect(handler.ended).toHaveLength(1);
      expect(handler.ended[0]!.generations[0]![0]!.text).toBe(String(heard.content));
    }
  });

  it("on a model with a handler of its own (the evals' usage meter) take the library's path, every call", async () => {
    const handler = new Ends();
    const metered = createOfflineModel({ db });
    metered.callbacks = [handler];
    const bound = metered.bindTools(createAgentTools({ db, data: createCatalogReader(db), now: () => DEMO_NOW }));
    for (const messages of asked) await metered.invoke(messages);
    expect(handler.ended).toHaveLength(asked.length);
    // A tool-bound copy made before the handler was added has none of its own: a listener given with the call counts.
    const withCall = new Ends();
    await bound.invoke(asked[0]!, { callbacks: [withCall] });
    expect(withCall.ended).toHaveLength(1);
  });
});
