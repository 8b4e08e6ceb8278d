/**
 * The simulated buyer over real HTTP: @langchain/openai against the local OpenAI-compatible test server, which
 * scripts the simulator's replies (the agent is the offline consultant). A persona scenario is played to the order
 * the ERP receives, with the simulator's tokens and cost counted as the buyer's; a simulator turn that invents a
 * fact is caught before the agent sees it and the trial re-run, not counted against the agent; without a buyer
 * model a persona scenario is skipped with a note, never passed.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createOpenAIModel } from "../../agent/models/openai.ts";
import {
  evalModelFactory,
  formatSummary,
  loadPriceTable,
  loadScenarios,
  parseScenarioFile,
  renderHtml,
  ScenarioFileError,
  runEvals,
} from "../../evals/index.ts";
import { inventedFacts } from "../../evals/buyer.ts";
import { startTestOpenAIServer, type TestOpenAIServer } from "../agent/openai-server.ts";

const persona = loadScenarios("evals/scenarios").filter((s) => s.id === "persona-seal-for-pump-2");
const offline = evalModelFactory("offline");
let server: TestOpenAIServer;
const buyerModel = () =>
  createOpenAIModel({ OPENAI_BASE_URL: server.url, OPENAI_MODEL: "gpt-4o-mini", OPENAI_MAX_RETRIES: "0" });
const say = (text: string) => ({ text: JSON.stringify({ say: text }) });
/** The buyer's side of a good conversation after the persona's opening line. */
const goodBuyer = [
  say("the carbon/ceramic EPDM one"),
  say("our PO is NB-77"),
  say("ok, place the order"),
  { text: JSON.stringify({ confirm: true }) },
];

beforeAll(async () => {
  server = await startTestOpenAIServer();
});
afterAll(async () => {
  await server.close();
});

describe("simulated buyer", () => {
  test("a persona scenario is played by the simulator to the order the ERP receives; its tokens are the buyer's", async () => {
    server.requests.length = 0;
    server.enqueue(...goodBuyer);
    const { results, summary } = await runEvals({
      scenarios: persona,
      makeModel: offline,
      buyerModel,
      prices: loadPriceTable({}),
    });
    const r = results[0]!;
    expect(r.diff).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.orders).toHaveLength(1);
    // Four simulator calls, then the order ended the conversation: no fifth call.
    expect(server.requests).toHaveLength(4);
    const system = String(server.requests[0]!.messages[0]!.content);
    expect(system).toContain("NB-77");
    expect(system).toContain("the pump's serial number");
    expect(system).toMatch(/don't know/);
    expect(r.usage!.buyer.calls).toBe(4);
    expect(r.usage!.buyer.input_tokens).toBeGreaterThan(400);
    expect(r.usage!.buyer.cost_usd).toBeGreaterThan(0);
    expect(r.usage!.agent).toMatchObject({ input_tokens: 0, output_tokens: 0, cost_usd: 0 });
    expect(summary.usage.buyer.calls).toBe(4);
    expect(formatSummary(summary)).toMatch(/buyer 4 calls, [\d,]+ in \/ [\d,]+ out tokens, \$0\.0\d+/);
    expect(renderHtml(results, summary)).toContain("buyer simulator");
  }, 60_000);

  test("a simulator turn that invents a fact is caught, the trial re-run and not counted against the agent", async () => {
    server.requests.length = 0;
    server.enqueue(say("it is serial 4711-XB, PO NB-99"), ...goodBuyer);
    const { results, summary } = await runEvals({ scenarios: persona, makeModel: offline, buyerModel });
    const r = results[0]!;
    expect(r.passed).toBe(true);
    expect(r.simulator?.reruns).toBe(1);
    expect(r.simulator?.invented.join(" ")).toMatch(/4711-XB.*NB-99/);
    // The invented line never reached the agent.
    expect(r.transcript.map((t) => t.step).join("\n")).not.toContain("4711");
    expect(summary.simulator_reruns).toBe(1);
    expect(summary.trials).toBe(1);
  }, 60_000);

  test("a simulator that keeps inventing is not counted at all", async () => {
    server.enqueue(...Array.from({ length: 3 }, () => say("make it 7 seals")));
    const { results, summary } = await runEvals({ scenarios: persona, makeModel: offline, buyerModel });
    expect(results[0]!.skipped).toMatch(/invented facts in every attempt/);
    expect(summary).toMatchObject({ trials: 0, passed: 0, skipped: 1, simulator_reruns: 2 });
  }, 60_000);

  test("the simulator stops at the persona's turn limit", async () => {
    server.requests.length = 0;
    server.enqueue(say("hmm, let me think"), say("hmm, let me think"));
    const short = persona.map((s) => ({ ...s, persona: { ...s.persona!, maxTurns: 3 } }));
    const { results } = await runEvals({ scenarios: short, makeModel: offline, buyerModel });
    // The opening plus two simulator messages.
    expect(server.requests).toHaveLength(2);
    expect(results[0]!.turns).toBe(3);
    expect(results[0]!.passed).toBe(false);
  }, 60_000);

  test("without a buyer model, a persona scenario is skipped with a note, not passed", async () => {
    const { results, summary } = await runEvals({ scenarios: persona, makeModel: offline });
    expect(results[0]).toMatchObject({ passed: false, skipped: expect.stringMatching(/no buyer-simulator model/) });
    expect(summary).toMatchObject({ scenarios: 1, trials: 0, passed: 0, skipped: 1 });
    expect(formatSummary(summary)).toMatch(/skipped 1 trials \(not counted\)/);
  });

  test("a scenario has a script or a persona, not both and not neither", () => {
    const base = { id: "x-1", purpose: "p", customer: "C-1001", expect: { orders: [] } };
    const persona = { goal: "order seals", known: { qty: "2" } };
    expect(() => parseScenarioFile("a.json", JSON.stringify({ ...base, steps: [{ say: "hi" }], persona }))).toThrow(
      /a\.json: steps: a scenario has either steps/,
    );
    expect(() => parseScenarioFile("b.json", JSON.stringify(base))).toThrow(ScenarioFileError);
    expect(parseScenarioFile("c.json", JSON.stringify({ ...base, persona }))[0]!.persona).toMatchObject({
      maxTurns: 10,
      confirms: true,
      unknown: [],
    });
  });

  test("the invention check: numbers and codes must come from the persona or the agent's own words", () => {
    const p = persona[0]!.persona!;
    expect(inventedFacts("our PO is NB-77, pump 2", p, [])).toEqual([]);
    expect(inventedFacts("the one you said, SE-MS28-CC-EPDM", p, ["Added SE-MS28-CC-EPDM"])).toEqual([]);
    expect(inventedFacts("serial 99812 and FKM please", p, [])).toEqual(["99812", "FKM"]);
  });
});
