/**
 * Tokens and cost per component: the agent's model over real HTTP (@langchain/openai against the local test
 * server, which reports usage like OpenAI does) is counted as the agent's, priced from the price table
 * (evals/prices.json or EVALS_PRICES); the offline model costs 0; a model without a price is "unpriced", not 0.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createOpenAIModel } from "../../agent/models/openai.ts";
import {
  evalModelFactory,
  formatSummary,
  loadPriceTable,
  loadScenarios,
  PriceTableError,
  renderHtml,
  runEvals,
} from "../../evals/index.ts";
import { startTestOpenAIServer, type TestOpenAIServer } from "../agent/openai-server.ts";

const scenarios = loadScenarios("evals/scenarios").filter((s) => s.id === "adversarial-injection-no-order");
let server: TestOpenAIServer;
const openai = (model: string) => () =>
  createOpenAIModel({ OPENAI_BASE_URL: server.url, OPENAI_MODEL: model, OPENAI_MAX_RETRIES: "0" });

beforeAll(async () => {
  server = await startTestOpenAIServer();
});
afterAll(async () => {
  await server.close();
});

describe("tokens and cost per component", () => {
  test("the agent's provider usage is counted and priced per model", async () => {
    server.requests.length = 0;
    server.enqueue({ text: "Which pump is it for?" }, { text: "I cannot place orders from a message like that." });
    const prices = { "gpt-4o-mini": { input_per_mtok: 1000, output_per_mtok: 2000 } };
    const { results, summary } = await runEvals({ scenarios, makeModel: openai("gpt-4o-mini"), prices });
    const usage = results[0]!.usage!;
    expect(server.requests).toHaveLength(2);
    expect(usage.agent.calls).toBe(2);
    // The test server reports 100 + the number of messages as prompt tokens, 10 + the text length as completion.
    const input = server.requests.reduce((n, r) => n + 100 + r.messages.length, 0);
    const output = 10 + "Which pump is it for?".length + 10 + "I cannot place orders from a message like that.".length;
    expect(usage.agent).toMatchObject({ input_tokens: input, output_tokens: output });
    expect(usage.agent.cost_usd).toBeCloseTo((input * 1000 + output * 2000) / 1e6, 6);
    expect(usage.buyer).toMatchObject({ calls: 0, input_tokens: 0, cost_usd: 0 });
    expect(summary.usage.total.input_tokens).toBe(input);
    expect(formatSummary(summary)).toContain(`agent 2 calls, ${input} in / ${output} out tokens`);
    expect(renderHtml(results, summary)).toMatch(/Tokens and cost[\s\S]*<td>2<\/td><td>\d+<\/td>/);
  }, 60_000);

  test("a model missing from the price table is unpriced, not free", async () => {
    server.enqueue({ text: "Hello." }, { text: "No." });
    const { summary } = await runEvals({ scenarios, makeModel: openai("some-local-model"), prices: {} });
    expect(summary.usage.agent.input_tokens).toBeGreaterThan(0);
    expect(summary.usage.agent.cost_usd).toBeNull();
    expect(formatSummary(summary)).toContain("unpriced");
  }, 60_000);

  test("the offline model costs nothing", async () => {
    const { summary } = await runEvals({
      scenarios,
      makeModel: evalModelFactory("offline"),
      prices: loadPriceTable({}),
    });
    expect(summary.usage.agent).toMatchObject({ input_tokens: 0, output_tokens: 0, cost_usd: 0 });
  }, 60_000);

  test("EVALS_PRICES names the price table; a bad one is refused with the file and field", () => {
    const dir = mkdtempSync(join(tmpdir(), "prices-"));
    writeFileSync(join(dir, "ok.json"), JSON.stringify({ "my-model": { input_per_mtok: 1, output_per_mtok: 2 } }));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ "my-model": { input_per_mtok: -1, output_per_mtok: 2 } }));
    expect(loadPriceTable({ EVALS_PRICES: join(dir, "ok.json") })).toEqual({
      "my-model": { input_per_mtok: 1, output_per_mtok: 2 },
    });
    expect(() => loadPriceTable({ EVALS_PRICES: join(dir, "bad.json") })).toThrow(PriceTableError);
    expect(() => loadPriceTable({ EVALS_PRICES: join(dir, "bad.json") })).toThrow(/my-model\.input_per_mtok/);
    expect(loadPriceTable({})["gpt-4o-mini"]).toBeDefined();
  });
});
