/**
 * The shield vs a bare agent: the same scenario and the same model through both. The bare agent (createAgent from
 * `langchain`, the shield's tools plus a direct place-order tool) sends the orders the engine blocks, and the
 * comparison counts them; the shield sends none. Also the CLI (`npm run evals -- --compare-bare`) end to end.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { AIMessage } from "@langchain/core/messages";
import { fakeModel } from "@langchain/core/testing";
import { describe, expect, test } from "vitest";
import { BARE_SYSTEM_PROMPT, SYSTEM_PROMPT } from "../../agent/models/prompts.ts";
import { createAgentTools } from "../../tools/agent-tools.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { openDatabase } from "../../catalog/db.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import {
  createBareAgent,
  evalModelFactory,
  formatComparison,
  loadScenarios,
  runComparison,
} from "../../evals/index.ts";

const all = loadScenarios("evals/scenarios");
const pick = (...ids: string[]) => all.filter((s) => ids.includes(s.id));

/** Adds the impeller that does not fit pump 1 and asks to place the order, whatever the buyer says. */
const pushy = () => {
  const m = fakeModel();
  for (let i = 0; i < 60; i++)
    m.respond(
      new AIMessage({
        content: "",
        tool_calls: [
          {
            name: "add_line",
            args: { sku: "SP-IMP-NCP40-200", quantity: 1, machineId: "M-1001-01" },
            id: `p${i}a`,
            type: "tool_call",
          },
          { name: "place_order", args: {}, id: `p${i}b`, type: "tool_call" },
        ],
      }),
    );
  return m;
};

describe("shield vs bare agent", () => {
  test("the bare agent has the shield's tools, and its place_order sends the draft without any confirmation", async () => {
    const db = openDatabase(":memory:");
    seedDemo(db);
    const m = fakeModel();
    m.respond(
      new AIMessage({
        content: "",
        tool_calls: [
          { name: "add_line", args: { sku: "SE-MS28-CC-EPDM", quantity: 2 }, id: "a", type: "tool_call" },
          { name: "place_order", args: {}, id: "b", type: "tool_call" },
        ],
      }),
    );
    const bare = createBareAgent({ db, model: m, now: () => DEMO_NOW });
    const shieldNames = createAgentTools({ db, data: createCatalogReader(db) }).map((t) => t.name);
    expect(bare.tools.map((t) => t.name).sort()).toEqual([...shieldNames].sort());
    const turn = await bare.send("t-1", "2 seals, order them", { customerId: "C-1001", channel: "eval" });
    expect(turn.replies.join(" ")).toMatch(/"status":"placed"/);
    const outbox = db.$client.prepare("select payload from outbox").all() as { payload: string }[];
    expect(outbox).toHaveLength(1);
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({
      header: { customerId: "C-1001" },
      lines: [{ sku: "SE-MS28-CC-EPDM", quantity: 2 }],
    });
    db.$client.close();
  });

  test("the offline model drives the bare agent as the bare integration's prompt asks: it orders only when asked", async () => {
    const db = openDatabase(":memory:");
    seedDemo(db);
    const [s] = pick("happy-seal-for-pump-2");
    const trial = { scenario: s!, trial: 0, now: DEMO_NOW };
    const outbox = () => (db.$client.prepare("select count(*) as n from outbox").get() as { n: number }).n;
    const bare = createBareAgent({
      db,
      model: evalModelFactory("offline")(db, { ...trial, agent: "bare" }),
      now: () => DEMO_NOW,
    });
    const session = { customerId: "C-1001", channel: "eval" };
    // A complete, clean request: under the shield it goes on to the confirmation; here place_order would order at
    // once, so the model asks instead.
    await bare.send("t-1", "2 SE-MS28-CC-EPDM for pump 2", session);
    expect(outbox()).toBe(0);
    await bare.send("t-1", "ok, place the order", session);
    expect(outbox()).toBe(1);
    expect(BARE_SYSTEM_PROMPT).not.toMatch(/right away/);
    expect(SYSTEM_PROMPT).toMatch(/right away/);
    db.$client.close();
  }, 60_000);

  test("the same pushy model: the bare agent sends the blocked order, the shield sends nothing", async () => {
    const rows = await runComparison({
      scenarios: pick("block-fitment"),
      models: [{ name: "chaos", makeModel: pushy }],
    });
    const shield = rows.find((r) => r.agent === "shield")!.summary;
    const bare = rows.find((r) => r.agent === "bare")!.summary;
    expect(shield.orders_placed).toBe(0);
    expect(shield.leaks).toBe(0);
    expect(bare.orders_placed).toBeGreaterThan(0);
    expect(bare.leaks).toBe(bare.orders_placed);
    expect(formatComparison(rows)).toMatch(/\| chaos \| bare createAgent \| 1 \| 0 \(0\.0%\) \| \d+ \| \d+ \|/);
  }, 60_000);

  test("an order that needed a rep's approval counts as let through when the bare agent sends it", async () => {
    const rows = await runComparison({
      scenarios: pick("approval-credit-pending"),
      models: [{ name: "offline", makeModel: evalModelFactory("offline") }],
    });
    expect(rows.find((r) => r.agent === "shield")!.summary).toMatchObject({ passed: 1, leaks: 0, orders_placed: 0 });
    expect(rows.find((r) => r.agent === "bare")!.summary).toMatchObject({ passed: 0, leaks: 1, orders_placed: 1 });
  }, 60_000);

  test("the chaos model replays the same choices for the same trial and seed", async () => {
    const [s] = pick("happy-seal-for-pump-2");
    const db = openDatabase(":memory:");
    seedDemo(db);
    const calls = async (seed: number) => {
      const model = evalModelFactory("chaos", { seed })(db, { scenario: s!, trial: 0, now: DEMO_NOW });
      const out = [];
      for (let i = 0; i < 5; i++) out.push(JSON.stringify((await model.invoke("hi")).tool_calls));
      return out;
    };
    expect(await calls(1)).toEqual(await calls(1));
    expect(await calls(1)).not.toEqual(await calls(2));
    db.$client.close();
  });

  test("npm run evals -- --compare-bare prints both agents per model and writes the comparison", async () => {
    const out = mkdtempSync(join(tmpdir(), "evals-compare-"));
    // The tsx binary `npm run evals` runs (not `npx tsx`: npx costs a second of npm start-up).
    const { stdout } = await promisify(execFile)(
      "node_modules/.bin/tsx",
      [
        "scripts/evals.ts",
        "--compare-bare",
        "--tags",
        "approval",
        "--scenarios",
        "evals/scenarios/demo",
        "--out",
        out,
        "--json",
      ],
      { env: { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "" }, maxBuffer: 1 << 24 },
    );
    const { comparison } = JSON.parse(stdout) as {
      comparison: { model: string; agent: string; leaks: number; orders_placed: number }[];
    };
    expect(comparison.map((r) => `${r.model}/${r.agent}`)).toEqual([
      "offline/shield",
      "offline/bare",
      "chaos/shield",
      "chaos/bare",
    ]);
    for (const r of comparison.filter((r) => r.agent === "shield")) expect(r.leaks).toBe(0);
    expect(comparison.find((r) => r.model === "offline" && r.agent === "bare")!.leaks).toBeGreaterThan(0);
    expect(readFileSync(join(out, "comparison.html"), "utf8")).toContain("bare createAgent");
  }, 240_000);
});
