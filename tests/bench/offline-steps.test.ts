/**
 * The structure of a buyer turn in the offline bench (`offline.turn.steps`): how many graph super-steps and SQLite
 * checkpoints the scripted demo conversation costs per turn. Unlike the turn's milliseconds these do not move with
 * the machine's load, so a change that adds a step or a checkpoint write to a typical turn shows here. Lower is
 * better: a change that cuts steps or writes lowers the bounds with it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { measureOfflineTurns, OFFLINE_SCRIPT } from "../../scripts/bench/offline.ts";

const dir = mkdtempSync(join(tmpdir(), "os-bench-steps-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("offline bench turn structure", () => {
  test("the scripted conversation takes at most 2 super-steps and 1.75 checkpoint writes a turn", {
    timeout: 120_000,
  }, async () => {
    const r = await measureOfflineTurns({ dir, conversations: 1 });
    expect(r.turns).toBe(OFFLINE_SCRIPT.length);
    // 16 node runs over the 8 turns: the model node runs its model ⇄ tools rounds in one step (agent/nodes/consult.ts);
    // a checkout adds validate, then the model again or confirm. (36 while model and tools were a step each.)
    expect(r.stepsPerTurn).toBeLessThanOrEqual(2);
    expect(r.stepsPerTurn).toBeGreaterThan(1);
    // A message run writes its input checkpoint (the buyer's message, before the model sees it) and its end; a run
    // that withdraws a pending confirmation (2 of the 8 turns) only its end (agent/input-durability.ts).
    expect(r.checkpointsPerTurn).toBeLessThanOrEqual(1.75);
    expect(r.checkpointsPerTurn).toBeGreaterThanOrEqual(1);
  });
});
