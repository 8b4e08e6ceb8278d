/**
 * "One order per confirmed draft" through the product's agent: the process dies (SIGKILL) right after the hand-off
 * wrote the order and before the thread recorded it (the agent writes a run's checkpoints at its end, its input
 * before the model — agent/input-durability.ts). After the restart the buyer still sees the confirmation and
 * confirms again: that is the same order, not a second one, and from then on the thread knows it. (A kill inside
 * the hand-off's own transaction: crash.test.ts.)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "../../catalog/db.ts";
import { agentFor, calls, outboxOrders, scripted, world } from "../agent/helpers.ts";
import { BUYER } from "../agent/world.ts";
import { recordCounts } from "./counts.ts";

const CHILD = resolve(import.meta.dirname, "fixtures/dies-at-handoff-child.ts");
const dir = mkdtempSync(join(tmpdir(), "os-handoff-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runChild(dbPath: string, threadId: string, draftHash: string) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dbPath, threadId, draftHash], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  return new Promise<{ out: string; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (_code, signal) => done({ out, signal })),
  );
}

describe("a process killed after the hand-off wrote the order", () => {
  test("confirming again after the restart gives the same order; nothing is doubled", { timeout: 120_000 }, async ({
    task,
  }) => {
    const dbPath = join(dir, "shop.db");
    const db = world(dbPath);
    const first = agentFor(db, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 3 }], ["place_order", {}])));
    const asked = (await first.send("t-kill-handoff", "3 seals, order", BUYER)).thread.pending;
    expect(asked?.type).toBe("confirm");
    const hash = asked!.draftHash;
    db.$client.close();

    const r = await runChild(dbPath, "t-kill-handoff", hash);
    expect(r.signal).toBe("SIGKILL");
    expect(r.out).toContain("confirming");
    expect(r.out).not.toContain("not reached");

    const again = openDatabase(dbPath, { migrate: false });
    const written = outboxOrders(again);
    expect(written.map((o) => o.header.confirmedDraftHash)).toEqual([hash]);
    const agent = agentFor(again, scripted());
    const seen = await agent.getThread("t-kill-handoff", BUYER);
    expect(seen.pending).toMatchObject({ type: "confirm", draftHash: hash });
    const confirmed = await agent.resume("t-kill-handoff", { confirm: true, draftHash: hash }, BUYER);
    expect(confirmed.thread.order?.orderId).toBe(written[0]!.header.orderId);
    expect(confirmed.thread.pending).toBeNull();
    // A third click changes nothing either.
    const replay = await agent.resume("t-kill-handoff", { confirm: true, draftHash: hash }, BUYER);
    expect(replay.thread.order?.orderId).toBe(written[0]!.header.orderId);
    const orders = outboxOrders(again);
    again.$client.close();
    recordCounts(task, {
      check: "faults.kill_after_handoff",
      requests: 0,
      faults: 1,
      inputs: 0,
      orders: orders.length,
      lost: Math.abs(orders.length - 1),
    });
    expect(orders.map((o) => o.header.confirmedDraftHash)).toEqual([hash]);
  });
});
