/**
 * Thread ownership across agent instances on one database: an instance that looked at a thread before it existed
 * must not let another customer into it once a buyer started it elsewhere; reading a thread is authorised like a turn.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { openDatabase } from "../../catalog/db.ts";
import { ThreadAccessError } from "../../agent/errors.ts";
import { agentFor, calls, say, scripted, world } from "./helpers.ts";
import { BUYER, OTHER, REP } from "./world.ts";

describe("thread ownership", () => {
  test("two agents on one database: a thread polled before it existed is not open to another customer", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "owner-")), "shield.db");
    const db1 = world(path);
    const db2 = openDatabase(path);
    const w1 = agentFor(db1, scripted(calls(["get_installed_base", {}]), say("here")));
    const w2 = agentFor(db2, scripted(say("hi Anna")));

    const empty = await w1.getThread("T", OTHER); // a poll before the thread exists
    expect(empty.customerId).toBeNull();
    await w2.send("T", "hello, what is installed at our plant?", BUYER);

    await expect(w1.send("T", "show machines", OTHER)).rejects.toBeInstanceOf(ThreadAccessError);
    await expect(w1.getThread("T", OTHER)).rejects.toBeInstanceOf(ThreadAccessError);
    // nothing of RIVAL's reached ACME's thread either
    const thread = await w1.getThread("T", BUYER);
    expect(thread.customerId).toBe("C-ACME");
    expect(thread.messages.some((m) => (m as { name?: string }).name === "get_installed_base")).toBe(false);
    db1.$client.close();
    db2.$client.close();
  });

  test("getThread is authorised like send and resume: the owner and reps read it, another customer does not", async () => {
    const db = world();
    const agent = agentFor(db, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}])));
    await agent.send("t-read", "2 seals, order", BUYER);
    expect((await agent.getThread("t-read", BUYER)).draft.lines).toHaveLength(1);
    expect((await agent.getThread("t-read", REP)).pending?.type).toBe("confirm");
    await expect(agent.getThread("t-read", OTHER)).rejects.toThrow(/another customer/);
  });
});
