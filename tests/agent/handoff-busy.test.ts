/**
 * The database is locked by another writer when the buyer confirms: the hand-off's SQLITE_BUSY becomes a clear
 * message, nothing is placed, the thread and the draft are kept and the same confirmation is offered again.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { MemorySaver } from "@langchain/langgraph";
import { describe, expect, test } from "vitest";
import { recordCounts } from "../reliability/counts.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { calls, outboxOrders, scripted, world } from "./helpers.ts";
import { BUYER, NOW } from "./world.ts";

/**
 * A shield on its own database file with a 50 ms busy timeout and a confirmation pending for 2 × SEAL-1. Threads live
 * elsewhere, so the test isolates the hand-off's own write from the checkpoint writes.
 */
async function pendingConfirmation(threadId: string) {
  const path = join(mkdtempSync(join(tmpdir(), "busy-")), "shield.db");
  const db = world(path);
  db.$client.pragma("busy_timeout = 50");
  const agent = createShieldAgent({
    db,
    model: scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}])),
    now: () => NOW,
    checkpointer: new MemorySaver(),
  });
  const turn = await agent.send(threadId, "2 seals, order", BUYER);
  return { path, db, agent, hash: turn.thread.pending!.draftHash };
}

describe("hand-off while the database is locked", () => {
  test("SQLITE_BUSY: a clear message, nothing placed, the confirmation can be retried and then places the order", async ({
    task,
  }) => {
    const { path, db, agent, hash } = await pendingConfirmation("t-busy");

    const other = new Database(path);
    other.pragma("busy_timeout = 50");
    other.exec("BEGIN IMMEDIATE");
    try {
      const busy = await agent.resume("t-busy", { confirm: true, draftHash: hash }, BUYER);
      expect(busy.replies.join(" ")).toMatch(/busy right now, so nothing was placed/);
      expect(busy.thread.order).toBeNull();
      expect(busy.thread.pending).toMatchObject({ type: "confirm", draftHash: hash });
      expect(busy.thread.draft.lines).toMatchObject([{ sku: "SEAL-1", quantity: 2 }]);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(outboxOrders(db)).toHaveLength(0);

    const retried = await agent.resume("t-busy", { confirm: true, draftHash: hash }, BUYER);
    expect(retried.thread.order).not.toBeNull();
    expect(retried.replies.join(" ")).toMatch(/is placed/);
    expect(outboxOrders(db)).toHaveLength(1);
    recordCounts(task, { check: "faults.sqlite_busy_handoff", requests: 3, faults: 1, inputs: 0, orders: 1, lost: 0 });
    db.$client.close();
  });

  test("a lock released while the hand-off waits to try again: the order is placed on the same confirmation, no busy notice", async () => {
    const { path, db, agent, hash } = await pendingConfirmation("t-busy-brief");

    // Another writer holds the lock past the first attempt's busy timeout, and lets go before the retries run out.
    const other = new Database(path);
    other.exec("BEGIN IMMEDIATE");
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.exec("ROLLBACK");
        other.close();
        resolve();
      }, 20),
    );
    const placed = await agent.resume("t-busy-brief", { confirm: true, draftHash: hash }, BUYER);
    await released;
    expect(placed.replies.join(" ")).not.toMatch(/busy/);
    expect(placed.replies.join(" ")).toMatch(/is placed/);
    expect(placed.thread.order).not.toBeNull();
    expect(outboxOrders(db)).toHaveLength(1);
    db.$client.close();
  });
});
