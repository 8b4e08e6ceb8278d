/**
 * Issue 8: the replay key carries the customer; rep actions need a rep id; the confirming contact is the one on the
 * order; bad input to the runtime is a typed error naming the field; a busy database during a rep's decision is the
 * same "busy, try again" answer the hand-off gives; a decline after a rep's approval keeps it for the same version.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { MemorySaver } from "@langchain/langgraph";
import { describe, expect, test } from "vitest";
import { AgentError, ThreadAccessError } from "../../agent/errors.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { orders, outbox } from "../../catalog/schema.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { approvalOf } from "../../tools/approvals.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import { agentFor, audits, calls, outboxOrders, scripted, world } from "./helpers.ts";
import { BUYER, COLLEAGUE, NOW, REP } from "./world.ts";

const draft: Draft = { lines: [{ lineId: "L1", sku: "SEAL-1", quantity: 2 }] };
const handoffOf = (customerId: string, contactId: string) => ({
  threadId: "T-shared",
  draft,
  confirmedHash: hashDraft(draft),
  customerId,
  contactId,
  channel: "widget",
  now: NOW,
});

describe("the hand-off's replay key includes the customer", () => {
  test("another customer's hand-off of the same thread and draft is refused: no replay of their order, nothing written", () => {
    const db = world();
    const first = handOff(db, handoffOf("C-ACME", "P-ANNA"));
    expect(first.status).toBe("placed");
    const second = handOff(db, handoffOf("C-RIVAL", "P-ROB"));
    expect(second).toEqual({ status: "foreign" });
    expect(JSON.stringify(second)).not.toContain("C-ACME");
    expect(
      db
        .select()
        .from(orders)
        .all()
        .map((o) => o.customerId),
    ).toEqual(["C-ACME"]);
    expect(db.select().from(outbox).all()).toHaveLength(1);
  });

  test("the owner's own repeat is still a replay of the one order", () => {
    const db = world();
    const a = handOff(db, handoffOf("C-ACME", "P-ANNA"));
    const b = handOff(db, handoffOf("C-ACME", "P-ANNA"));
    expect(b).toMatchObject({ status: "placed", replayed: true });
    expect(a.status === "placed" && b.status === "placed" && a.orderId === b.orderId).toBe(true);
    expect(a.status === "placed" && a.order.header.idempotencyKey).toBe(`C-ACME:T-shared:${hashDraft(draft)}`);
  });

  test("an order written under the old key (thread + hash) is still found as a replay for its customer", () => {
    const db = world();
    const a = handOff(db, handoffOf("C-ACME", "P-ANNA"));
    if (a.status !== "placed") throw new Error("not placed");
    db.$client.prepare("update orders set idempotency_key = ?").run(`T-shared:${hashDraft(draft)}`);
    expect(handOff(db, handoffOf("C-ACME", "P-ANNA"))).toMatchObject({ status: "placed", replayed: true });
    expect(db.select().from(orders).all()).toHaveLength(1);
  });
});

describe("rep identity and the confirming contact", () => {
  const order = () => scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}]));

  test("a rep context without a rep id can neither read, write nor resume a thread", async () => {
    const db = world();
    const agent = agentFor(db, order());
    await agent.send("t-rep", "2 seals, order", BUYER);
    const anonymous = { customerId: "C-ACME", channel: "rep" };
    for (const attempt of [
      () => agent.getThread("t-rep", anonymous),
      () => agent.send("t-rep", "I take over", anonymous),
      () => agent.resume("t-rep", { confirm: true, draftHash: "x" }, anonymous),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "bad_request:context", field: "context.contactId" });
    }
    expect((await agent.getThread("t-rep", REP)).pending?.type).toBe("confirm");
  });

  test("a rep cannot start a thread nobody owns (no binding to the rep's context)", async () => {
    const db = world();
    const agent = agentFor(db, order());
    await expect(agent.send("t-nobody", "hello", REP)).rejects.toBeInstanceOf(ThreadAccessError);
    await expect(agent.getThread("t-nobody", REP)).rejects.toBeInstanceOf(ThreadAccessError);
  });

  test("a colleague who confirms is the contact on the order and in the audit log", async () => {
    const db = world();
    const agent = agentFor(db, order());
    const turn = await agent.send("t-colleague", "2 seals, order", BUYER);
    await agent.resume("t-colleague", { confirm: true, draftHash: turn.thread.pending!.draftHash }, COLLEAGUE);
    const [placed] = outboxOrders(db);
    expect(placed?.header.contactId).toBe("P-OTTO");
    expect(db.select().from(orders).all()[0]?.contactId).toBe("P-OTTO");
    expect(audits(db).find((a) => a.action === "order.handed_off")?.actor).toBe("buyer:P-OTTO");
  });
});

describe("bad input to the runtime is a typed error with the field at fault", () => {
  test("resume with null, undefined or a non-answer: bad_request:resume, the question stays open", async () => {
    const db = world();
    const agent = agentFor(db, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}])));
    await agent.send("t-null", "2 seals, order", BUYER);
    for (const value of [null, undefined, 42, { confirm: "yes" }, { decision: "approve" }]) {
      const error = await agent.resume("t-null", value, BUYER).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AgentError);
      expect(error).toMatchObject({ code: "bad_request:resume" });
    }
    expect((await agent.getThread("t-null", BUYER)).pending?.type).toBe("confirm");
    expect(outboxOrders(db)).toHaveLength(0);
  });

  test("an empty or malformed run context: bad_request:context naming the field, never a raw ZodError", async () => {
    const db = world();
    const agent = agentFor(db, scripted());
    for (const [ctx, field] of [
      [undefined, "context"],
      [{}, "context.customerId"],
      [{ customerId: "" }, "context.customerId"],
      [{ customerId: "C-ACME", contactId: 7 }, "context.contactId"],
      [{ customerId: "x".repeat(500) }, "context.customerId"],
    ] as const) {
      const error = await agent.send("t-ctx", "hi", ctx as never).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "bad_request:context", field });
      expect((error as Error).name).not.toBe("ZodError");
    }
  });

  test("thread ids are one canonical type: a non-string, empty or odd id is bad_request:thread_id", async () => {
    const db = world();
    const agent = agentFor(db, scripted());
    for (const id of [42, "", "a b", "x".repeat(200), "../etc", null]) {
      await expect(agent.send(id as never, "hi", BUYER)).rejects.toMatchObject({
        code: "bad_request:thread_id",
        field: "threadId",
      });
      await expect(agent.getThread(id as never, BUYER)).rejects.toMatchObject({ code: "bad_request:thread_id" });
    }
  });

  test("a message that is not text or is too long: bad_request:message; nothing stored", async () => {
    const db = world();
    const agent = agentFor(db, scripted());
    await expect(agent.send("t-msg", { text: "hi" } as never, BUYER)).rejects.toMatchObject({
      code: "bad_request:message",
    });
    await expect(agent.send("t-msg", "x".repeat(20_000), BUYER)).rejects.toMatchObject({ code: "bad_request:message" });
    expect((await agent.getThread("t-msg", BUYER)).messages).toHaveLength(0);
  });
});

describe("a rep's decision while the database is locked", () => {
  test("SQLITE_BUSY on the audit write: the busy answer, nothing recorded or placed; the decision sent again goes through", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "approve-busy-")), "shield.db");
    const db = world(path);
    db.$client.pragma("busy_timeout = 50");
    const agent = createShieldAgent({
      db,
      model: scripted(calls(["add_line", { sku: "BIG-1", quantity: 2 }], ["place_order", {}])),
      now: () => NOW,
      checkpointer: new MemorySaver(),
    });
    const turn = await agent.send("t-ab", "2 gearboxes, order", BUYER);
    const waiting = await agent.resume("t-ab", { confirm: true, draftHash: turn.thread.pending!.draftHash }, BUYER);
    expect(waiting.thread.pending?.type).toBe("approval");

    const other = new Database(path);
    other.exec("BEGIN IMMEDIATE");
    try {
      const busy = await agent.resume("t-ab", { decision: "approve", reason: "good customer" }, REP);
      expect(busy.replies.join(" ")).toMatch(/busy right now/);
      expect(busy.thread.pending?.type).toBe("approval");
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(audits(db).filter((a) => a.action.startsWith("approval."))).toHaveLength(0);
    expect(outboxOrders(db)).toHaveLength(0);

    await agent.resume("t-ab", { decision: "approve", reason: "good customer" }, REP);
    expect(audits(db).filter((a) => a.action === "approval.approve")).toHaveLength(1);
    expect(outboxOrders(db)).toHaveLength(1);
    db.$client.close();
  });
});

describe("a decline after a rep's approval", () => {
  // The rep approved this exact version and these amounts; a buyer's "not now" changes neither, so the approval is
  // kept for that hash (approvals are bound to hash and amounts: any edit, or higher amounts, needs a new decision).
  test("keeps the approval for the same version: placing it again needs no second rep decision", async () => {
    const db = world();
    const agent = agentFor(
      db,
      scripted(
        calls(["add_line", { sku: "BIG-1", quantity: 2 }], ["place_order", {}]),
        calls(["place_order", {}]),
        calls(["place_order", {}]),
      ),
    );
    const turn = await agent.send("t-decline", "2 gearboxes, order", BUYER);
    const hash = turn.thread.pending!.draftHash;
    const config = { configurable: { thread_id: "t-decline" } };
    const state = (await agent.graph.getState(config)).values as { report: Parameters<typeof approvalOf>[0] };
    // The state after a rep approved and the hand-off had to ask again (busy database): an approval for this hash.
    await agent.graph.updateState(config, {
      approvals: [approvalOf(state.report, hash, { actor: "rep:REP-SAM", reason: "ok", at: NOW.toISOString() })],
    });
    const declined = await agent.resume("t-decline", { confirm: false, draftHash: hash }, BUYER);
    expect(declined.thread.pending).toBeNull();
    expect(((await agent.graph.getState(config)).values as { approvals: unknown[] }).approvals).toHaveLength(1);

    const again = await agent.send("t-decline", "ok, place it after all", BUYER);
    expect(again.thread.pending).toMatchObject({ type: "confirm", draftHash: hash });
    const placed = await agent.resume("t-decline", { confirm: true, draftHash: hash }, BUYER);
    expect(placed.thread.pending).toBeNull();
    expect(outboxOrders(db)).toHaveLength(1);
    expect(outboxOrders(db)[0]?.header.approvals).toMatchObject([{ actor: "rep:REP-SAM" }]);
  });
});
