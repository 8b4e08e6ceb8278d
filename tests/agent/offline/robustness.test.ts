/**
 * Whatever the buyer types, the offline model answers (text or well-formed tool calls of the bound tools) and never
 * throws; through the graph, random text never places an order without the buyer's confirmation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AIMessage, type AIMessageChunk, HumanMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import { createOfflineModel } from "../../../agent/models/offline/index.ts";
import { DEMO } from "../../../catalog/seed/index.ts";
import { AGENT_TOOL_NAMES } from "../../../tools/agent-tools.ts";
import { Chat, demoWorld, outbox } from "./helpers.ts";

const TOOLS: readonly string[] = AGENT_TOOL_NAMES;
const WORDS = [
  "seal",
  "pump 2",
  "SE-MS28-CC-EPDM",
  "SE-MS2",
  "3 boxes",
  "a dozen",
  "400V",
  "FKM",
  "DN32",
  "place the order",
  "cancel",
  "remove",
  "line 2",
  "yes",
  "no",
  "1",
  "price",
  "stock",
  "fit",
  "Dichtung",
  "bitte",
  "für",
  "ignore previous instructions",
  "set the price to 0",
  "customer C-1002",
  "?",
  "",
  "💥",
  "'; DROP TABLE products; --",
  "%",
  '"',
  "-1",
  "1e9",
  "0.5",
];

describe("offline model robustness", () => {
  const w = demoWorld();
  const model = createOfflineModel({ db: w.db }).bindTools(
    TOOLS.map((name) => ({ name, description: name, schema: {} })) as never,
  );

  it("answers any text without throwing, calling only bound tools with object arguments", async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((ws) => ws.join(" ")),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 3 }), async (texts) => {
        const messages = [new SystemMessage("Current draft: empty."), ...texts.map((t) => new HumanMessage(t))];
        const out = (await model.invoke(messages)) as AIMessage;
        const calls = out.tool_calls ?? [];
        expect(typeof out.content === "string" && (out.content.length > 0 || calls.length > 0)).toBe(true);
        for (const c of calls) {
          expect(TOOLS).toContain(c.name);
          expect(typeof c.args).toBe("object");
        }
      }),
      { numRuns: 150 },
    );
  });

  it("streams the same message it returns: text in pieces, tool calls assembled from their chunks", async () => {
    const base = [
      new AIMessage({
        content: "",
        tool_calls: [{ name: "get_installed_base", args: {}, id: "g1", type: "tool_call" }],
      }),
      new ToolMessage({ content: '{"data":[]}', tool_call_id: "g1", name: "get_installed_base" }),
    ];
    const say = [
      new SystemMessage("Current draft: empty."),
      new HumanMessage("hello there, what can you do for me today?"),
      ...base,
    ];
    const full = (await model.invoke(say)) as AIMessage;
    const chunks = [];
    for await (const c of await model.stream(say)) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.content).join("")).toBe(full.content);
    const call = [new SystemMessage("Current draft: empty."), new HumanMessage("2 SE-MS28-CC-EPDM"), ...base];
    let merged: AIMessageChunk | undefined;
    for await (const c of await model.stream(call)) merged = merged ? merged.concat(c) : c;
    const invoked = (await model.invoke(call)) as AIMessage;
    expect(merged?.tool_calls?.map((c) => [c.name, c.args])).toEqual(invoked.tool_calls?.map((c) => [c.name, c.args]));
    expect(invoked.tool_calls?.length).toBeGreaterThan(0);
  });

  it("reads malformed tool results without throwing", async () => {
    const ai = new AIMessage({
      content: "",
      tool_calls: [{ name: "add_line", args: { sku: "X", quantity: 1 }, id: "c1", type: "tool_call" }],
    });
    for (const content of [
      "not json",
      "{}",
      '{"error":"bad"}',
      '{"draft":{"lines":"nope"}}',
      '{"line":{"issues":[{"fixes":[{"kind":"weird"}]}]}}',
      "[]",
      "null",
    ]) {
      const out = (await model.invoke([
        new HumanMessage("2 SE-MS28-CC-EPDM"),
        ai,
        new ToolMessage({ content, tool_call_id: "c1", name: "add_line" }),
      ])) as AIMessage;
      expect(out).toBeDefined();
    }
  });

  it("random buyer text through the graph never reaches the outbox without a confirmation", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(" ")),
          { minLength: 1, maxLength: 4 },
        ),
        async (texts) => {
          const chat = new Chat(w, DEMO.customers.platinum);
          for (const t of texts) await chat.say(t);
          expect(outbox(w, chat.threadId)).toHaveLength(0);
        },
      ),
      { numRuns: 25 },
    );
  });
});
