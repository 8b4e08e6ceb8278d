import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AIMessage } from "@langchain/core/messages";
import { createOpenAIModel } from "../../agent/models/openai.ts";
import { createShieldAgent, type AgentEvent } from "../../agent/runtime.ts";
import { outboxOrders, world } from "./helpers.ts";
import { startTestOpenAIServer, type TestOpenAIServer } from "./openai-server.ts";
import { BUYER, NOW } from "./world.ts";

let server: TestOpenAIServer;
beforeAll(async () => (server = await startTestOpenAIServer()));
afterAll(() => server.close());

const env = (extra: Record<string, string> = {}) => ({
  OPENAI_BASE_URL: server.url,
  OPENAI_MODEL: "test-model",
  OPENAI_MAX_RETRIES: "0",
  ...extra,
});

describe("ChatOpenAI over real HTTP against a local OpenAI-compatible server", () => {
  test("a whole conversation, streamed with tool-call deltas and usage, reaches a hand-off", async () => {
    const db = world();
    const agent = createShieldAgent({ db, model: createOpenAIModel(env()), now: () => NOW });
    server.enqueue(
      { toolCalls: [{ name: "search_catalog", args: { query: "shaft seal" } }] },
      {
        toolCalls: [
          { name: "get_installed_base", args: {} },
          { name: "check_stock", args: { sku: "SEAL-1", quantity: 6 } },
        ],
      },
      { text: "SEAL-1 is in stock. For which machine?" },
      { toolCalls: [{ name: "add_line", args: { sku: "SEAL-1", quantity: 6, machineId: "M-ACME-1" } }] },
      { toolCalls: [{ name: "place_order", args: {} }] },
    );
    const events: AgentEvent[] = [];
    for await (const e of agent.streamMessage("t-http", "I need 6 shaft seals", BUYER)) events.push(e);
    const deltas = events.filter((e) => e.type === "text").map((e) => (e as { delta: string }).delta);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe("SEAL-1 is in stock. For which machine?");
    expect(events.filter((e) => e.type === "tool").map((e) => (e as { name: string }).name)).toEqual([
      "search_catalog",
      "get_installed_base",
      "check_stock",
    ]);

    const turn = await agent.send("t-http", "for press 2 in hall B, please order", BUYER);
    expect(turn.thread.pending?.type).toBe("confirm");
    const ai = turn.thread.messages.filter((m) => AIMessage.isInstance(m) && (m as AIMessage).usage_metadata);
    expect((ai.at(-1) as AIMessage).usage_metadata?.total_tokens).toBeGreaterThan(100);

    await agent.resume("t-http", { confirm: true, draftHash: turn.thread.pending!.draftHash }, BUYER);
    const [order] = outboxOrders(db);
    expect(order?.lines).toMatchObject([{ sku: "SEAL-1", quantity: 6, unitPriceCents: 1200, machineId: "M-ACME-1" }]);

    // what went over the wire: the tools, streaming with usage, tool results fed back with their call ids
    const streamedRequests = server.requests.filter((r) => r.stream && r.stream_options?.include_usage);
    expect(streamedRequests.length).toBeGreaterThanOrEqual(3);
    const last = server.requests.at(-1)!;
    expect(last.tools?.map((t) => t.function.name)).toContain("place_order");
    const toolResults = last.messages.filter((m) => m.role === "tool");
    expect(toolResults.length).toBeGreaterThanOrEqual(4);
    expect(String(last.messages[0]?.content)).toMatch(/OrderShield/);

    // the model learns what the shield did: the next request carries the order-placed message
    server.enqueue({ text: "You're welcome." });
    await agent.send("t-http", "thanks", BUYER);
    const next = server.requests.at(-1)!;
    expect(next.messages.some((m) => m.role === "assistant" && String(m.content).includes(order!.header.orderId))).toBe(
      true,
    );
  });

  test("a provider timeout gives the buyer a clear message; the thread continues with the next message", async () => {
    const db = world();
    const agent = createShieldAgent({
      db,
      // Wide enough that the next, prompt answer arrives in time on a busy machine; the first one never does.
      model: createOpenAIModel(env({ OPENAI_TIMEOUT_MS: "1500" })),
      now: () => NOW,
    });
    server.enqueue({ delayMs: 4000, text: "too late" }, { text: "Hello again." });
    const failed = await agent.send("t-timeout", "hi", BUYER);
    expect(failed.replies.join(" ")).toMatch(/took too long|unavailable/);
    const next = await agent.send("t-timeout", "hi again", BUYER);
    expect(next.replies).toEqual(["Hello again."]);
  });

  test("a provider 500 gives the buyer a clear message", async () => {
    const db = world();
    const agent = createShieldAgent({ db, model: createOpenAIModel(env()), now: () => NOW });
    server.enqueue({ status: 500, error: "upstream exploded" });
    const failed = await agent.send("t-500", "hi", BUYER);
    expect(failed.replies).toEqual([expect.stringMatching(/unavailable right now/)]);
    expect(failed.replies.join(" ")).not.toMatch(/exploded/);
  });
});
