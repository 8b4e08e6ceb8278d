/**
 * Adversarial review of issue 8's fixes: a hostile buyer, a buggy client and a second customer against the replay
 * key, the confirming contact, thread ids at the regex's edges and a rep acting under another customer's id.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ThreadAccessError } from "../../agent/errors.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { openDatabase } from "../../catalog/db.ts";
import { customers, orders, outbox } from "../../catalog/schema.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import { agentFor, audits, calls, outboxOrders, say, scripted, world } from "./helpers.ts";
import { BUYER, NOW, OTHER, REP, RIVAL_SECRETS } from "./world.ts";

const draft: Draft = { lines: [{ lineId: "L1", sku: "SEAL-1", quantity: 2 }] };
const request = (customerId: string, threadId: string) => ({
  threadId,
  draft,
  confirmedHash: hashDraft(draft),
  customerId,
  contactId: null,
  channel: "widget",
  now: NOW,
});

describe("the replay key cannot be forged from the characters a thread id allows", () => {
  test("a thread id that spells another customer's key (':' in ids) gets its own order, never theirs", () => {
    const db = world();
    // A customer whose id, joined with a thread id by ':', spells the same key as C-ACME's thread "X:T".
    const rival = db
      .select()
      .from(customers)
      .all()
      .find((c) => c.id === "C-RIVAL")!;
    db.insert(customers)
      .values({ ...rival, id: "C-ACME:X" })
      .run();
    const acme = handOff(db, request("C-ACME", "X:T"));
    expect(acme.status).toBe("placed");
    const other = handOff(db, request("C-ACME:X", "T"));
    expect(other).toMatchObject({ status: "placed", replayed: false });
    expect(other.status === "placed" && other.order.header.customerId).toBe("C-ACME:X");
    expect(JSON.stringify(other)).not.toContain("ST-ACME");
    expect(db.select().from(outbox).all()).toHaveLength(2);
  });

  test("the legacy key of one thread never replays the same customer's order of another thread", () => {
    const db = world();
    // Thread "T-1"'s key is "C-ACME:T-1:<hash>"; the legacy key (thread + hash) of thread "C-ACME:T-1" spells the same.
    expect(handOff(db, request("C-ACME", "T-1")).status).toBe("placed");
    const second = handOff(db, request("C-ACME", "C-ACME:T-1"));
    expect(second).toMatchObject({ status: "placed", replayed: false });
    expect(
      db
        .select()
        .from(orders)
        .all()
        .map((o) => o.threadId)
        .sort(),
    ).toEqual(["C-ACME:T-1", "T-1"]);
  });
});

describe("the confirming contact belongs to the customer", () => {
  const order = () => scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}]));

  test("a context naming another customer's contact can neither start nor confirm a thread: nothing names them", async () => {
    const db = world();
    const agent = agentFor(db, order());
    const mixed = { customerId: "C-ACME", contactId: "P-ROB", channel: "widget" };
    await expect(agent.send("t-mixed", "2 seals, order", mixed)).rejects.toMatchObject({
      code: "bad_request:context",
      field: "context.contactId",
    });
    const turn = await agent.send("t-contact", "2 seals, order", BUYER);
    await expect(
      agent.resume("t-contact", { confirm: true, draftHash: turn.thread.pending!.draftHash }, mixed),
    ).rejects.toMatchObject({ code: "bad_request:context", field: "context.contactId" });
    expect(db.select().from(orders).all()).toHaveLength(0);
    expect(audits(db).some((a) => a.actor.includes("P-ROB"))).toBe(false);
    // The real buyer still confirms the same version.
    await agent.resume("t-contact", { confirm: true, draftHash: turn.thread.pending!.draftHash }, BUYER);
    expect(outboxOrders(db).map((o) => o.header.contactId)).toEqual(["P-ANNA"]);
  });
});

describe("thread ids at the edges", () => {
  test("case variants of one id are two threads: the second customer sees nothing of the first", async () => {
    const db = world();
    const agent = agentFor(
      db,
      scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }]), say("added"), say("hello")),
    );
    await agent.send("T-Case", "2 seals", BUYER);
    const other = await agent.send("t-case", "hi", OTHER);
    expect(other.thread.customerId).toBe("C-RIVAL");
    expect(other.thread.draft.lines).toHaveLength(0);
    await expect(agent.getThread("T-Case", OTHER)).rejects.toMatchObject({ code: "forbidden:thread" });
  });

  test.each([
    ["unicode lookalike", "t-\u0441ase"],
    ["zero-width joiner", "t-ca\u200dse"],
    ["trailing space", "t-case "],
    ["too long", "t".repeat(129)],
  ])("a thread id with a %s is a typed bad_request:thread_id", async (_what, id) => {
    const agent = agentFor(world(), scripted(say("hello")));
    await expect(agent.send(id, "hi", BUYER)).rejects.toMatchObject({ code: "bad_request:thread_id" });
  });

  test("a rep whose context names another customer still works under the thread's owner", async () => {
    const db = world();
    const agent = agentFor(
      db,
      scripted(
        calls(["add_line", { sku: "SEAL-1", quantity: 2 }]),
        say("added"),
        calls(["get_installed_base", {}]),
        say("machines listed"),
      ),
    );
    await agent.send("t-owned", "2 seals", BUYER);
    const turn = await agent.send("t-owned", "which machines?", { ...REP, customerId: "C-RIVAL" });
    expect(turn.thread.customerId).toBe("C-ACME");
    const text = JSON.stringify(turn.thread.messages);
    expect(text).toContain("M-ACME-1");
    for (const secret of RIVAL_SECRETS) expect(text).not.toContain(secret);
  });
});

describe("the registry and the checkpoint never disagree about the customer", () => {
  test("a thread bound to B in the registry while a checkpoint holds A's session runs nothing for B", async () => {
    const dir = mkdtempSync(join(tmpdir(), "attack-"));
    const path = join(dir, "shop.db");
    const db1 = world(path);
    const db2 = openDatabase(path);
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
    // A's thread from before the registry (its row is gone), in deployment 1's checkpoint store.
    const one = make(db1, "one.threads.db");
    await one.send("T-legacy", "which machines?", BUYER);
    db1.$client.prepare("delete from threads where id = ?").run("T-legacy");
    // Deployment 2 keeps its own store: it has never seen T-legacy, so B's first message binds it to B.
    const two = make(db2, "two.threads.db");
    await two.send("T-legacy", "which machines?", OTHER);
    // B's next message lands on deployment 1, whose checkpoint is A's conversation: refused, nothing of A's shown.
    const again = make(db1, "one.threads.db");
    const attempt = again.send("T-legacy", "which machines?", OTHER).then(
      (turn) => JSON.stringify(turn.thread),
      (error: unknown) => error,
    );
    const outcome = await attempt;
    if (typeof outcome === "string") expect(outcome).not.toContain("M-ACME-1");
    expect(outcome).toBeInstanceOf(ThreadAccessError);
    await expect(again.getThread("T-legacy", OTHER)).rejects.toBeInstanceOf(ThreadAccessError);
    db1.$client.close();
    db2.$client.close();
  });
});
