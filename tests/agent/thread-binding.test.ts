/**
 * Issue 8, cross-customer: a thread's owner is bound once, atomically, in the database. Two agents (two processes'
 * worth of state: separate caches, separate checkpoint stores) racing the first message of one thread id for two
 * customers give one owner; the loser is refused like any foreign thread, now and on every later turn, and never
 * runs a tool under the winner's session.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ThreadAccessError } from "../../agent/errors.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { openDatabase } from "../../catalog/db.ts";
import { createThreadRegistry } from "../../catalog/queries/threads.ts";
import { calls, say, scripted, world } from "./helpers.ts";
import { BUYER, NOW, OTHER } from "./world.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "binding-"));

function twoAgents() {
  const dir = tmp();
  const path = join(dir, "shop.db");
  const db1 = world(path);
  const db2 = openDatabase(path);
  // Separate checkpoint stores, as two deployments sharing only the catalog database would have.
  const make = (db: typeof db1, store: string) =>
    createShieldAgent({
      db,
      model: scripted(
        calls(["get_installed_base", {}]),
        say("here you go"),
        calls(["get_installed_base", {}]),
        say("ok"),
      ),
      checkpointerPath: join(dir, store),
      now: () => NOW,
    });
  return { db1, db2, a: make(db1, "a.threads.db"), b: make(db2, "b.threads.db") };
}

describe("thread binding", () => {
  test("two customers' first messages of one new thread at once: one owner, the other refused, now and later", async () => {
    const { db1, db2, a, b } = twoAgents();
    const results = await Promise.allSettled([
      a.send("T-race", "which machines do we have?", BUYER),
      b.send("T-race", "which machines do we have?", OTHER),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ThreadAccessError);

    const owner = createThreadRegistry(db1).get("T-race")!;
    const [winner, loserCtx, loserAgent] = owner.customerId === BUYER.customerId ? [a, OTHER, b] : [b, BUYER, a];
    // The loser's next turn is refused too — its agent holds no owner the database did not confirm.
    await expect(loserAgent.send("T-race", "show machines", loserCtx)).rejects.toBeInstanceOf(ThreadAccessError);
    await expect(loserAgent.getThread("T-race", loserCtx)).rejects.toBeInstanceOf(ThreadAccessError);
    // The winner's thread carries only the winner's session and machines.
    const view = await winner.getThread("T-race", owner.customerId === BUYER.customerId ? BUYER : OTHER);
    expect(view.customerId).toBe(owner.customerId);
    db1.$client.close();
    db2.$client.close();
  });

  test("a refused first message gets the same error as a foreign thread", async () => {
    const { db1, db2, a, b } = twoAgents();
    await a.send("T-1", "hello", BUYER);
    const raced = await b.send("T-1", "hello", OTHER).catch((e: unknown) => e);
    const foreign = await a.send("T-1", "hello", OTHER).catch((e: unknown) => e);
    expect(raced).toBeInstanceOf(ThreadAccessError);
    expect(foreign).toBeInstanceOf(ThreadAccessError);
    expect((raced as Error).message).toBe((foreign as Error).message);
    db1.$client.close();
    db2.$client.close();
  });

  test("the registry binds once across connections: insert-if-absent, then re-read", () => {
    const path = join(tmp(), "reg.db");
    const db1 = world(path);
    const db2 = openDatabase(path);
    const r1 = createThreadRegistry(db1);
    const r2 = createThreadRegistry(db2);
    expect(r1.claim("T-x", { customerId: "C-ACME" }).customerId).toBe("C-ACME");
    expect(r2.claim("T-x", { customerId: "C-RIVAL" }).customerId).toBe("C-ACME");
    expect(r2.get("T-x")?.customerId).toBe("C-ACME");
    db1.$client.close();
    db2.$client.close();
  });

  test("a thread started before the registry existed keeps its checkpoint's owner", async () => {
    const db = world();
    const agent = createShieldAgent({ db, model: scripted(say("hi"), say("again")), now: () => NOW });
    await agent.send("T-old", "hello", BUYER);
    // Simulate a database from before the registry: the thread exists only in the checkpoint.
    db.$client.prepare("delete from threads").run();
    const fresh = createShieldAgent({ db, model: scripted(say("no")), now: () => NOW });
    await expect(fresh.send("T-old", "mine now", OTHER)).rejects.toBeInstanceOf(ThreadAccessError);
    expect(createThreadRegistry(db).get("T-old")?.customerId).toBe("C-ACME");
  });

  test("the rep queue sees where each thread stands", async () => {
    const db = world();
    const agent = createShieldAgent({
      db,
      model: scripted(calls(["add_line", { sku: "BIG-1", quantity: 2 }], ["place_order", {}])),
      now: () => NOW,
    });
    const turn = await agent.send("T-q", "2 gearboxes, order", BUYER);
    expect(createThreadRegistry(db).get("T-q")?.status).toBe("active");
    await agent.resume("T-q", { confirm: true, draftHash: turn.thread.pending!.draftHash }, BUYER);
    expect(createThreadRegistry(db).list()[0]).toMatchObject({ id: "T-q", status: "needs_approval" });
  });
});
