/**
 * Trajectory diagnostics: a real shield conversation's path (the super-steps the runtime reports, the same as its
 * checkpointed state history) passes the order-protocol check; paths where
 * an order skipped validation, skipped the buyer's confirmation, placed another draft than the confirmed one, or was
 * handed off twice are flagged — and a flagged trial fails even though its outbox looks right.
 */
import { MemorySaver, type StateSnapshot } from "@langchain/langgraph";
import { beforeAll, describe, expect, test } from "vitest";
import { createShieldAgent } from "../../agent/index.ts";
import { createOfflineModel } from "../../agent/models/offline/index.ts";
import { createCatalogCache, gradeTrial, loadScenarios, playTrial } from "../../evals/index.ts";
import { checkTrajectory, type TrajectoryStep, trajectoryStep } from "../../evals/trajectory.ts";
import type { CleanOrder } from "../../tools/clean-order.ts";

const scenario = loadScenarios("evals/scenarios").find((s) => s.id === "happy-seal-for-pump-2")!;

let steps: TrajectoryStep[];
let history: StateSnapshot[];
let outbox: CleanOrder[];

beforeAll(async () => {
  const { db, now } = createCatalogCache().open(scenario);
  steps = [];
  const agent = createShieldAgent({
    db,
    model: createOfflineModel({ db }),
    checkpointer: new MemorySaver(),
    now: () => now,
    // A checkpoint per super-step, so the history can be held against the steps the runtime reports.
    durability: "async",
    onStep: (_threadId, step) => steps.push(trajectoryStep(step)),
  });
  const buyer = { customerId: scenario.customer, channel: "eval" };
  let pending: string | undefined;
  for (const step of scenario.steps ?? []) {
    if ("say" in step) {
      const r = await agent.send("t", step.say, buyer);
      pending = r.thread.pending?.type === "confirm" ? r.thread.pending.draftHash : undefined;
    } else if ("confirm" in step && pending)
      await agent.resume("t", { confirm: step.confirm, draftHash: pending }, buyer);
  }
  history = [];
  for await (const s of agent.graph.getStateHistory({ configurable: { thread_id: "t" } })) history.unshift(s);
  outbox = (db.$client.prepare("select payload from outbox").all() as { payload: string }[]).map(
    (r) => JSON.parse(r.payload) as CleanOrder,
  );
  db.$client.close();
});

const placedAt = () => steps.findIndex((s) => s.values.order !== null);

describe("trajectory diagnostics", () => {
  test("the shield's own path (validate → buyer confirms the draft → one hand-off) has no violation", () => {
    expect(outbox).toHaveLength(1);
    expect(placedAt()).toBeGreaterThan(0);
    expect(steps.map((s) => s.nodes.join("+"))).toEqual(expect.arrayContaining(["validate", "confirm", "handoff"]));
    expect(checkTrajectory(steps, outbox)).toEqual([]);
  });

  test("the steps the runtime reports are the checkpointed history's steps, plus each run's input", () => {
    // The history's steps made by nodes: a checkpoint written by the loop, after the node(s) its predecessor named.
    const byNodes = history.flatMap((s, i) =>
      i > 0 && s.metadata?.source === "loop" ? [{ nodes: [...history[i - 1]!.next], values: s.values }] : [],
    );
    const pick = (s: { nodes: string[]; values: unknown }) => {
      const { draft, report, confirmation, order } = s.values as TrajectoryStep["values"];
      return { nodes: s.nodes, draft, report, confirmation: confirmation ?? null, order: order ?? null };
    };
    expect(byNodes.length).toBeGreaterThan(5);
    expect(steps.filter((s) => s.nodes.length > 0).map(pick)).toEqual(byNodes.map(pick));
    // A run's input (the buyer's message, a resume) is a step of its own that no node wrote: it changes no draft.
    for (const [i, s] of steps.entries())
      if (s.nodes.length === 0 && i > 0) expect(s.values.draft).toEqual(steps[i - 1]!.values.draft);
  });

  test("a confirmation or an order written outside its node is flagged", () => {
    const at = placedAt();
    const byInput = steps.map((s, i) => (i === at ? { ...s, nodes: [] } : s));
    expect(checkTrajectory(byInput, outbox).join("\n")).toMatch(/was written by \?/);
  });

  test("an order the buyer never confirmed is flagged", () => {
    const noConfirm = steps.map((s) => ({ ...s, values: { ...s.values, confirmation: null } }));
    expect(checkTrajectory(noConfirm, outbox).join("\n")).toMatch(/never confirmed/);
  });

  test("an order placed without a clean validation is flagged", () => {
    const noValidate = steps.filter((s) => !s.nodes.includes("validate"));
    expect(checkTrajectory(noValidate, outbox).join("\n")).toMatch(/never validated clean/);
  });

  test("an order for another draft than the one confirmed is flagged", () => {
    const at = placedAt();
    const changed = steps.map((s, i) =>
      i === at - 1
        ? { ...s, values: { ...s.values, draft: { lines: [{ lineId: "X", sku: "OTHER", quantity: 9 }] } } }
        : s,
    );
    expect(checkTrajectory(changed, outbox).join("\n")).toMatch(/not the final draft/);
  });

  test("a second hand-off of the same confirmed draft, and an outbox order without a hand-off, are flagged", () => {
    const at = placedAt();
    const placed = steps[at]!;
    const twice = [
      ...steps,
      { ...placed, values: { ...placed.values, order: { ...placed.values.order!, orderId: "ord_dup" } } },
    ];
    expect(checkTrajectory(twice, outbox).join("\n")).toMatch(/2 hand-offs for confirmed draft/);
    const foreign = { ...outbox[0]!, header: { ...outbox[0]!.header, orderId: "ord_elsewhere" } };
    expect(checkTrajectory(steps, [...outbox, foreign]).join("\n")).toMatch(/ord_elsewhere has no hand-off/);
  });

  test("a trial with a violation fails even when its outbox matches", async () => {
    const record = await playTrial(scenario, 0, createCatalogCache(), (db) => createOfflineModel({ db }));
    expect(gradeTrial(record).passed).toBe(true);
    const grade = gradeTrial({ ...record, trajectory: ["order X: the buyer never confirmed draft Y"] });
    expect(grade.passed).toBe(false);
    expect(grade.diff).toEqual([]);
    record.db.$client.close();
  });
});
