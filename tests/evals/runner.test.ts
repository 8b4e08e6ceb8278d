/**
 * The eval runner grades by what reached the outbox: an agent that does nothing and an agent that always orders both
 * fail, the offline consultant passes, every outbox order is re-validated, bad scenario files name the field at
 * fault, and a run resumes where it stopped.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AIMessage } from "@langchain/core/messages";
import { fakeModel } from "@langchain/core/testing";
import { describe, expect, test } from "vitest";
import { createOfflineModel } from "../../agent/models/offline/index.ts";
import { loadScenarios, parseScenarioFile, runEvals, ScenarioFileError, type TrialResult } from "../../evals/index.ts";

const all = loadScenarios("evals/scenarios");
const pick = (...ids: string[]) => all.filter((s) => ids.includes(s.id));

/** Says something friendly and never calls a tool. */
const doNothing = () => {
  const m = fakeModel();
  for (let i = 0; i < 60; i++) m.respond(new AIMessage("Happy to help!"));
  return m;
};
/** Adds one seal and asks to place the order, whatever the buyer says. */
const alwaysOrder = () => {
  const m = fakeModel();
  for (let i = 0; i < 60; i++)
    m.respond(
      new AIMessage({
        content: "",
        tool_calls: [
          { name: "add_line", args: { sku: "SE-MS28-CC-EPDM", quantity: 1 }, id: `c${i}a`, type: "tool_call" },
          { name: "place_order", args: {}, id: `c${i}b`, type: "tool_call" },
        ],
      }),
    );
  return m;
};

describe("eval runner", () => {
  const scenarios = pick("happy-seal-for-pump-2", "decline-then-nothing", "approval-credit-rejected");

  test("a do-nothing agent fails the scenarios that expect an order", async () => {
    const { summary, results } = await runEvals({ scenarios, makeModel: doNothing });
    expect(results.find((r) => r.scenario === "happy-seal-for-pump-2")?.passed).toBe(false);
    expect(results.find((r) => r.scenario === "happy-seal-for-pump-2")?.diff.join(" ")).toMatch(/none reached the ERP/);
    expect(summary.passed).toBeLessThan(summary.trials);
  });

  test("an always-order agent fails too, and the shield lets nothing unclean through", async () => {
    const { summary, results } = await runEvals({ scenarios, makeModel: alwaysOrder });
    expect(summary.passed).toBeLessThan(summary.trials);
    expect(summary.leaks).toBe(0);
    const happy = results.find((r) => r.scenario === "happy-seal-for-pump-2")!;
    expect(happy.passed).toBe(false);
  });

  test("the offline consultant passes the suite with no shield leak; known gaps still fail (drop the tag when fixed)", async () => {
    const { summary, results } = await runEvals({ scenarios: all, makeModel: (db) => createOfflineModel({ db }) });
    const gaps = new Set(all.filter((s) => s.tags.includes("known-gap")).map((s) => s.id));
    expect(summary.failed.filter((id) => !gaps.has(id))).toEqual([]);
    expect(results.filter((r) => gaps.has(r.scenario) && r.passed).map((r) => r.scenario)).toEqual([]);
    expect(summary.leaks).toBe(0);
    expect(summary.scenarios).toBe(all.length);
  }, 900_000); // the whole suite, trade catalogs included (~160 conversations at ~1 per second on a loaded machine)

  test("results are written as they finish and a second run resumes instead of repeating", async () => {
    const out = mkdtempSync(join(tmpdir(), "evals-"));
    const first = await runEvals({ scenarios: scenarios.slice(0, 1), makeModel: doNothing, out, repeat: 2 });
    expect(first.results).toHaveLength(2);
    let played = 0;
    const again = await runEvals({
      scenarios: scenarios.slice(0, 1),
      makeModel: doNothing,
      out,
      repeat: 2,
      onTrial: () => played++,
    });
    expect(played).toBe(0);
    expect(again.results).toHaveLength(2);
    expect(readFileSync(join(out, "results.jsonl"), "utf8").trim().split("\n")).toHaveLength(2);
  });

  test("trials on worker threads get the same verdicts, orders and transcripts as on one thread", async () => {
    // Two catalogs, an approval and a decline: each worker builds its own images and models from the spec.
    const some = [
      ...scenarios,
      ...all.filter((s) => s.catalog !== "demo" && !s.tags.includes("known-gap")).slice(0, 2),
    ];
    const strip = (r: TrialResult) => ({ ...r, ms: 0 });
    const one = await runEvals({ scenarios: some, makeModel: (db) => createOfflineModel({ db }) });
    let here = 0;
    // A trial on this thread never waits for I/O (the offline model and SQLite are synchronous): unless the runner
    // turns the event loop between trials, the worker's finished trials are not taken in and it gets no next one
    // until this thread has played the whole queue (it played 1 of 168 bench trials so).
    let turned = true;
    const turnedBetweenTrials: boolean[] = [];
    const two = await runEvals({
      scenarios: some,
      makeModel: (db) => {
        if (here++ > 0) turnedBetweenTrials.push(turned);
        turned = false;
        setImmediate(() => {
          turned = true;
        });
        return createOfflineModel({ db });
      },
      threads: { count: 2, spec: { model: "offline", seed: 1 } },
    });
    // This thread played some, the worker the rest (it takes trials as soon as the run starts).
    expect(here).toBeGreaterThan(1);
    expect(here).toBeLessThan(some.length);
    expect(turnedBetweenTrials).not.toContain(false);
    expect(two.results.map(strip)).toEqual(one.results.map(strip));
    expect(two.summary.passed).toBe(some.length);
  }, 300_000);

  test("a bad scenario file names the file and the field at fault", () => {
    const bad = JSON.stringify({
      id: "x1",
      purpose: "p",
      customer: "C-1",
      steps: [{ say: "" }],
      expect: { orders: [] },
    });
    expect(() => parseScenarioFile("bad.json", bad)).toThrow(ScenarioFileError);
    expect(() => parseScenarioFile("bad.json", bad)).toThrow(/bad\.json: steps\.0/);
    expect(() => parseScenarioFile("bad.json", "{")).toThrow(/not JSON/);
  });
});
