/**
 * Faults survived: the model provider times out and errors. Buyers talk through the HTTP API to a shield whose model
 * is ChatOpenAI (@langchain/openai) against a local OpenAI-compatible server that, at random, hangs past the
 * timeout, answers 500 or 503, or answers. Every turn is still a 200 with a reply the buyer can read (the answer, or
 * a clear "unavailable / took too long" message — never the provider's error text), and afterwards every message
 * the buyer sent is in the thread, in order.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createOpenAIModel } from "../../agent/models/openai.ts";
import { startTestOpenAIServer, type ScriptedReply, type TestOpenAIServer } from "../agent/openai-server.ts";
import { Buyer, said, testServer } from "../server/helpers.ts";
import { recordCounts, reliabilityScale } from "./counts.ts";

let provider: TestOpenAIServer;
beforeAll(async () => (provider = await startTestOpenAIServer()));
afterAll(() => provider.close());

const SECRET_ERROR = "upstream exploded: stack at provider.internal";

describe("model provider faults", () => {
  test("timeouts and errors: the buyer is told, the thread keeps every message", { timeout: 300_000 }, async ({
    task,
  }) => {
    const server = testServer({
      env: { RATE_LIMIT_IP_PER_MIN: "1000000", RATE_LIMIT_SESSION_PER_MIN: "1000000" },
      model: () =>
        createOpenAIModel({
          OPENAI_BASE_URL: provider.url,
          OPENAI_MODEL: "test-model",
          OPENAI_MAX_RETRIES: "0",
          OPENAI_TIMEOUT_MS: "250",
        }),
    });
    const buyers = reliabilityScale(4, 20);
    const turns = reliabilityScale(5, 12);
    const replies = fc.sample(
      fc.constantFrom<ScriptedReply>(
        { text: "Noted." },
        { text: "Noted." },
        { delayMs: 1000, text: "too late" },
        { status: 500, error: SECRET_ERROR },
        { status: 503, error: SECRET_ERROR },
      ),
      { numRuns: buyers * turns, seed: 7 },
    );
    const faults = replies.filter((r) => !("text" in r) || "delayMs" in r).length;
    provider.enqueue(...replies);

    const problems: string[] = [];
    let requests = 0;
    const sent = new Map<string, { buyer: Buyer; texts: string[] }>();
    await Promise.all(
      Array.from({ length: buyers }, async (_, b) => {
        const buyer = await Buyer.of(server, { customerId: b % 2 ? "C-1003" : "C-1001" });
        const threadId = await buyer.start();
        const texts: string[] = [];
        sent.set(threadId, { buyer, texts });
        for (let n = 0; n < turns; n++) {
          const text = `do you have seals for pump ${n}? (buyer ${b})`;
          requests++;
          let reply: string;
          try {
            const events = await buyer.say(threadId, text);
            reply = said(events);
            const end = events.at(-1);
            if (end?.event !== "run_finished") problems.push(`buyer ${b} turn ${n}: stream ended ${end?.event}`);
          } catch (err) {
            problems.push(`buyer ${b} turn ${n}: ${err instanceof Error ? err.message : String(err)}`);
            continue;
          }
          texts.push(text);
          if (!/Noted\.|took too long|unavailable/.test(reply)) problems.push(`buyer ${b} turn ${n}: told "${reply}"`);
          if (reply.includes("exploded")) problems.push(`buyer ${b} turn ${n}: saw the provider's error text`);
        }
      }),
    );
    const lost: string[] = [];
    for (const [threadId, { buyer, texts }] of sent) {
      requests++;
      const thread = await buyer.thread(threadId);
      const saidByBuyer = thread.messages.filter((m) => m.role === "buyer").map((m) => m.text);
      if (saidByBuyer.join("\n") !== texts.join("\n"))
        lost.push(`${threadId}: sent ${texts.length}, thread has ${saidByBuyer.length}`);
    }
    recordCounts(task, {
      check: "faults.model_provider",
      requests,
      faults,
      inputs: buyers * turns,
      orders: 0,
      lost: problems.length + lost.length,
    });
    expect(faults).toBeGreaterThan(0);
    expect({ problems, lost }).toEqual({ problems: [], lost: [] });
  });
});
