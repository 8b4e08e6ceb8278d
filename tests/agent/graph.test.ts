import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { openDatabase } from "../../catalog/db.ts";
import { orders, reservations, stock } from "../../catalog/schema.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { handOff } from "../../tools/handoff.ts";
import type { AgentEvent } from "../../agent/runtime.ts";
import { agentFor, audits, calls, outboxOrders, say, scripted, world } from "./helpers.ts";
import { BUYER, NOW, REP } from "./world.ts";

const run = promisify(execFile);

describe("the shield graph with a scripted model", () => {
  test("happy path: the buyer confirms the exact draft and one clean order reaches the outbox", async () => {
    const db = world();
    const model = scripted(
      calls(
        ["add_line", { sku: "SEAL-1", quantity: 2, machineId: "M-ACME-1" }],
        ["set_order_details", { poReference: "PO-42" }],
      ),
      calls(["place_order", {}]),
    );
    const agent = agentFor(db, model);
    const turn = await agent.send("t-happy", "2 seals for press 2, PO-42, please order", BUYER);
    const pending = turn.thread.pending;
    expect(pending?.type).toBe("confirm");
    expect(pending?.draftHash).toBe(hashDraft(turn.thread.draft));
    expect(outboxOrders(db)).toHaveLength(0);

    const done = await agent.resume("t-happy", { confirm: true, draftHash: pending!.draftHash }, BUYER);
    expect(done.replies.join(" ")).toMatch(/order ord_\w+ is placed/);
    const [order] = outboxOrders(db);
    expect(outboxOrders(db)).toHaveLength(1);
    expect(order!.header.customerId).toBe("C-ACME");
    expect(order!.header.confirmedDraftHash).toBe(pending!.draftHash);
    expect(order!.header.customerPoReference).toBe("PO-42");
    expect(order!.lines).toMatchObject([
      { sku: "SEAL-1", quantity: 2, unitPriceCents: 1200, lineAmountCents: 2400, machineId: "M-ACME-1" },
    ]);
    expect(done.thread.order?.orderId).toBe(order!.header.orderId);
    // stock is held for the order
    const held = db.select().from(reservations).where(eq(reservations.orderId, order!.header.orderId)).all();
    expect(held.reduce((s, r) => s + r.quantity, 0)).toBe(2);

    // a repeated confirmation has nothing to confirm; a replayed hand-off returns the same order
    const again = await agent.resume("t-happy", { confirm: true, draftHash: pending!.draftHash }, BUYER);
    expect(again.replies.join(" ")).toMatch(/nothing waiting/);
    expect(done.thread.draft).toEqual({ lines: [], revision: 1 });
    const replay = handOff(db, {
      threadId: "t-happy",
      draft: turn.thread.draft,
      confirmedHash: pending!.draftHash,
      customerId: "C-ACME",
      channel: "widget",
      now: NOW,
    });
    expect(replay).toMatchObject({ status: "placed", replayed: true, orderId: order!.header.orderId });
    expect(db.select().from(orders).all()).toHaveLength(1);
  });

  test("ordering the same lines again in the same thread is a new order, not a replay", async () => {
    const db = world();
    const order = () => calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}]);
    const agent = agentFor(db, scripted(order(), order()));
    const first = await agent.send("t-again", "2 seals, order", BUYER);
    await agent.resume("t-again", { confirm: true, draftHash: first.thread.pending!.draftHash }, BUYER);
    const second = await agent.send("t-again", "the same again please", BUYER);
    expect(second.thread.pending!.draftHash).not.toBe(first.thread.pending!.draftHash);
    await agent.resume("t-again", { confirm: true, draftHash: second.thread.pending!.draftHash }, BUYER);
    expect(outboxOrders(db)).toHaveLength(2);
  });

  test("blocked order: the engine's fix is applied and the corrected order is placed", async () => {
    const db = world();
    const model = scripted(
      calls(["add_line", { sku: "OLD-1", quantity: 3 }]),
      calls(["place_order", {}]),
      say("OLD-1 is discontinued; SEAL-1 replaces it. Shall I switch?"),
      calls(["update_line", { lineId: "L1", sku: "SEAL-1" }]),
      calls(["place_order", {}]),
    );
    const agent = agentFor(db, model);
    const first = await agent.send("t-fix", "3 x OLD-1 and order", BUYER);
    expect(first.thread.pending).toBeNull();
    expect(first.thread.report?.clean).toBe(false);
    const issue = first.thread.report!.lines[0]!.issues.find((i) => i.severity === "block");
    expect(issue?.fixes).toContainEqual(expect.objectContaining({ kind: "replace_sku", sku: "SEAL-1" }));
    expect(first.replies.at(-1)).toMatch(/SEAL-1 replaces it/);
    expect(outboxOrders(db)).toHaveLength(0);

    const second = await agent.send("t-fix", "yes, switch", BUYER);
    expect(second.thread.pending?.type).toBe("confirm");
    await agent.resume("t-fix", { confirm: true, draftHash: second.thread.pending!.draftHash }, BUYER);
    expect(outboxOrders(db).map((o) => o.lines.map((l) => l.sku))).toEqual([["SEAL-1"]]);
  });

  test("configuration questions: only values that remain valid are offered", async () => {
    const db = world();
    const model = scripted(
      calls(["get_configuration", { sku: "PUMP-1", options: { voltage: "230V" } }]),
      say("Which seal: EPDM?"),
    );
    const agent = agentFor(db, model);
    const turn = await agent.send("t-cfg", "pump with 230V", BUYER);
    const tool = turn.thread.messages.find((m) => m.getType() === "tool");
    const result = JSON.parse(String(tool!.content));
    expect(result).toMatchObject({ configurable: true, complete: false, consistent: true, missing: ["seal"] });
    const seal = result.data.groups.find((g: { group: string }) => g.group === "seal");
    expect(seal.allowed).toEqual(["EPDM"]);
  });

  test("a confirmation of a stale draft hash is refused; the current version can still be confirmed", async () => {
    const db = world();
    const model = scripted(
      calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}]),
      calls(["update_line", { lineId: "L1", quantity: 5 }], ["place_order", {}]),
    );
    const agent = agentFor(db, model);
    const v1 = (await agent.send("t-stale", "2 seals, order", BUYER)).thread.pending!.draftHash;
    const v2turn = await agent.send("t-stale", "make it 5", BUYER);
    const v2 = v2turn.thread.pending!.draftHash;
    expect(v2).not.toBe(v1);

    // a rep cannot confirm on the buyer's behalf
    const byRep = await agent.resume("t-stale", { confirm: true, draftHash: v2 }, REP);
    expect(byRep.thread.pending).toMatchObject({ type: "confirm", draftHash: v2 });
    expect(outboxOrders(db)).toHaveLength(0);

    const refused = await agent.resume("t-stale", { confirm: true, draftHash: v1 }, BUYER);
    expect(refused.replies.join(" ")).toMatch(/different version/);
    expect(outboxOrders(db)).toHaveLength(0);
    expect(refused.thread.pending).toMatchObject({ type: "confirm", draftHash: v2 });

    await agent.resume("t-stale", { confirm: true, draftHash: v2 }, BUYER);
    expect(outboxOrders(db).map((o) => [o.header.confirmedDraftHash, o.lines[0]!.quantity])).toEqual([[v2, 5]]);
  });

  test("declining the confirmation places nothing and keeps the draft", async () => {
    const db = world();
    const agent = agentFor(db, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}])));
    const turn = await agent.send("t-no", "order 2 seals", BUYER);
    // An answer that is not a confirmation is refused at the edge with the field at fault; the question stays open.
    await expect(agent.resume("t-no", "yes!!!", BUYER)).rejects.toMatchObject({
      code: "bad_request:resume",
      field: "value",
    });
    expect((await agent.getThread("t-no", BUYER)).pending?.type).toBe("confirm");
    const r = await agent.resume("t-no", { confirm: false, draftHash: turn.thread.pending!.draftHash }, BUYER);
    expect(r.replies.join(" ")).toMatch(/not placed/);
    expect(r.thread.draft.lines).toHaveLength(1);
    expect(outboxOrders(db)).toHaveLength(0);
  });

  test("a German buyer hears the shield's own notices in German (declined, a stale confirmation, nothing pending)", async () => {
    const db = world();
    const agent = agentFor(db, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}])));
    const DE = { ...BUYER, locale: "de-DE" };
    const turn = await agent.send("t-de", "2 Dichtungen bestellen", DE);
    const hash = turn.thread.pending!.draftHash;
    const stale = await agent.resume("t-de", { confirm: true, draftHash: "0".repeat(64) }, DE);
    expect(stale.replies.join(" ")).toMatch(/anderen Fassung der Bestellung; es wurde nichts bestellt/);
    const declined = await agent.resume("t-de", { confirm: false, draftHash: hash }, DE);
    expect(declined.replies.join(" ")).toMatch(/nicht aufgegeben\. Ihr Entwurf bleibt erhalten/);
    const again = await agent.resume("t-de", { confirm: false, draftHash: hash }, DE);
    expect(again.replies.join(" ")).toMatch(/wartet nichts auf eine Bestätigung/);
    expect(outboxOrders(db)).toHaveLength(0);
  });

  describe("approval", () => {
    const bigOrder = () => scripted(calls(["add_line", { sku: "BIG-1", quantity: 2 }], ["place_order", {}]));

    test("a rep approves: audited with actor and reason, then the order is placed", async () => {
      const db = world();
      const agent = agentFor(db, bigOrder());
      const turn = await agent.send("t-appr", "2 gearboxes, order", BUYER);
      const hash = turn.thread.pending!.draftHash;
      expect(turn.thread.report?.needsApproval).toBe(true);
      const waiting = await agent.resume("t-appr", { confirm: true, draftHash: hash }, BUYER);
      expect(waiting.thread.pending).toMatchObject({ type: "approval", draftHash: hash, customerId: "C-ACME" });

      // the buyer cannot approve their own exception
      const self = await agent.resume("t-appr", { decision: "approve", actor: "anna", reason: "trust me" }, BUYER);
      expect(self.thread.pending?.type).toBe("approval");
      expect(outboxOrders(db)).toHaveLength(0);

      const approved = await agent.resume(
        "t-appr",
        { decision: "approve", actor: "rep:sam", reason: "key account, budget confirmed" },
        REP,
      );
      expect(approved.thread.order).not.toBeNull();
      const [order] = outboxOrders(db);
      expect(order!.header.customerId).toBe("C-ACME");
      expect(order!.header.approvals).toMatchObject([
        { actor: "rep:REP-SAM", actorName: "rep:sam", reason: "key account, budget confirmed" },
      ]);
      const entry = audits(db).find((a) => a.action === "approval.approve");
      expect(entry).toMatchObject({
        actor: "rep:REP-SAM",
        reason: "key account, budget confirmed",
        subject: "thread:t-appr",
      });
      expect(audits(db).some((a) => a.action === "order.handed_off")).toBe(true);
    });

    test("a price the buyer asks for is a request: it goes to a rep, the model cannot set it", async () => {
      const db = world();
      const agent = agentFor(
        db,
        scripted(
          calls(
            ["add_line", { sku: "SEAL-1", quantity: 2, requestedUnitPriceCents: 600, unitPriceCents: 1 }],
            ["place_order", {}],
          ),
        ),
      );
      const turn = await agent.send("t-ask", "2 seals at 6 EUR each, order", BUYER);
      expect(turn.thread.report?.needsApproval).toBe(true);
      const waiting = await agent.resume("t-ask", { confirm: true, draftHash: turn.thread.pending!.draftHash }, BUYER);
      expect(waiting.thread.pending?.type).toBe("approval");
      expect(outboxOrders(db)).toHaveLength(0);
      await agent.resume("t-ask", { decision: "approve", actor: "rep:sam", reason: "match competitor" }, REP);
      const [order] = outboxOrders(db);
      expect(order!.lines[0]).toMatchObject({ unitPriceCents: 1200 });
      expect(order!.buyerRequests).toEqual({
        binding: false,
        unitPrices: [{ lineNo: 1, sku: "SEAL-1", requestedUnitPriceCents: 600, status: "rep_approved" }],
      });
      expect(order!.header.approvals[0]).toMatchObject({
        actor: "rep:REP-SAM",
        codes: expect.arrayContaining(["price.requested_below"]),
      });
    });

    test("a rep rejects: audited, nothing placed, the buyer is told why", async () => {
      const db = world();
      const agent = agentFor(db, bigOrder());
      const turn = await agent.send("t-rej", "2 gearboxes, order", BUYER);
      await agent.resume("t-rej", { confirm: true, draftHash: turn.thread.pending!.draftHash }, BUYER);
      const rejected = await agent.resume(
        "t-rej",
        { decision: "reject", actor: "rep:sam", reason: "credit review pending" },
        REP,
      );
      expect(rejected.replies.join(" ")).toMatch(/did not approve.*credit review pending/);
      expect(rejected.thread.pending).toBeNull();
      expect(outboxOrders(db)).toHaveLength(0);
      expect(audits(db).filter((a) => a.action === "approval.reject")).toMatchObject([
        { actor: "rep:REP-SAM", reason: "credit review pending" },
      ]);
    });
  });

  test("stock sold between confirmation and hand-off: no order, the buyer is told what changed", async () => {
    const db = world();
    const agent = agentFor(db, scripted(calls(["add_line", { sku: "SCARCE-1", quantity: 3 }], ["place_order", {}])));
    const turn = await agent.send("t-sold", "3 rare bearings, order", BUYER);
    expect(turn.thread.pending?.type).toBe("confirm");
    // meanwhile the ERP sells two of them
    db.update(stock).set({ reserved: 2 }).where(eq(stock.sku, "SCARCE-1")).run();
    const r = await agent.resume("t-sold", { confirm: true, draftHash: turn.thread.pending!.draftHash }, BUYER);
    expect(outboxOrders(db)).toHaveLength(0);
    expect(r.replies.join(" ")).toMatch(/nothing was placed/);
    expect(r.replies.join(" ")).toMatch(/SCARCE-1/);
    expect(r.thread.refusal?.status).toMatch(/blocked|changed/);
  });

  test("provider error or timeout: a clear message, the thread is intact and the next message works", async () => {
    const db = world();
    const model = scripted(
      calls(["add_line", { sku: "SEAL-1", quantity: 2 }]),
      new Error("Request timed out."),
      say("Your draft has 2 seals."),
    );
    const agent = agentFor(db, model);
    const failed = await agent.send("t-err", "2 seals", BUYER);
    expect(failed.replies.join(" ")).toMatch(/took too long.*draft is saved/);
    expect(failed.thread.draft.lines).toHaveLength(1);
    const next = await agent.send("t-err", "what is in my order?", BUYER);
    expect(next.replies).toEqual(["Your draft has 2 seals."]);
    expect(next.thread.draft.lines).toHaveLength(1);
  });

  test("restart mid-thread: a new agent on the same database file continues and places the order", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "shield-restart-")), "shield.db");
    const db1 = world(path);
    const agent1 = agentFor(db1, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 4 }], ["place_order", {}])));
    const hash = (await agent1.send("t-restart", "4 seals, order", BUYER)).thread.pending!.draftHash;
    db1.$client.close();

    const db2 = openDatabase(path);
    const agent2 = agentFor(db2, scripted(say("unused")));
    const thread = await agent2.getThread("t-restart", BUYER);
    expect(thread.pending).toMatchObject({ type: "confirm", draftHash: hash });
    expect(thread.draft.lines).toMatchObject([{ sku: "SEAL-1", quantity: 4 }]);
    await agent2.resume("t-restart", { confirm: true, draftHash: hash }, BUYER);
    expect(outboxOrders(db2).map((o) => o.header.confirmedDraftHash)).toEqual([hash]);
  });

  test("restart in a new process: the thread continues from the database file", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "shield-process-")), "shield.db");
    const db = world(path);
    const agent = agentFor(db, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 3 }], ["place_order", {}])));
    const hash = (await agent.send("t-proc", "3 seals, order", BUYER)).thread.pending!.draftHash;
    const worker = resolve(import.meta.dirname, "fixtures/resume-worker.ts");
    const { stdout } = await run(process.execPath, ["--import", "tsx", worker, path, "t-proc", hash], {
      cwd: resolve(import.meta.dirname, "../.."),
    });
    const result = JSON.parse(stdout.trim());
    expect(result).toMatchObject({ pendingBefore: "confirm", lines: 1, order: expect.stringMatching(/^ord_/) });
    expect(outboxOrders(db).map((o) => o.header.confirmedDraftHash)).toEqual([hash]);
  }, 60_000);

  test("streaming a turn yields tool activity, draft and report updates, the interrupt, then the thread", async () => {
    const db = world();
    const agent = agentFor(db, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}])));
    const events: AgentEvent[] = [];
    for await (const e of agent.streamMessage("t-stream", "2 seals, order", BUYER)) events.push(e);
    const types = events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["tool", "draft", "report", "interrupt", "done"]));
    expect(types.indexOf("draft")).toBeLessThan(types.indexOf("interrupt"));
    expect(types.at(-1)).toBe("done");
    const interrupt = events.find((e) => e.type === "interrupt") as Extract<AgentEvent, { type: "interrupt" }>;
    expect(interrupt.value).toMatchObject({ type: "confirm", summary: { totalCents: 2400, currency: "EUR" } });
  });

  test("a new buyer message while a confirmation is pending withdraws it; nothing is placed", async () => {
    const db = world();
    const agent = agentFor(
      db,
      scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}]), say("Sure, what else?")),
    );
    const first = await agent.send("t-move-on", "2 seals, order", BUYER);
    expect(first.thread.pending?.type).toBe("confirm");
    const next = await agent.send("t-move-on", "wait, I also need gaskets", BUYER);
    expect(next.replies).toEqual(["Sure, what else?"]);
    expect(next.thread.pending).toBeNull();
    expect((await agent.getThread("t-move-on", BUYER)).pending).toBeNull();
    expect(outboxOrders(db)).toHaveLength(0);
  });

  test("two confirmations sent at once (double click) give one order and a consistent thread", async () => {
    const db = world();
    const agent = agentFor(db, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}])));
    const hash = (await agent.send("t-double", "2 seals, order", BUYER)).thread.pending!.draftHash;
    const [a, b] = await Promise.all(
      [1, 2].map(() => agent.resume("t-double", { confirm: true, draftHash: hash }, BUYER)),
    );
    expect(outboxOrders(db)).toHaveLength(1);
    const texts = [a!, b!].map((r) => r.replies.join(" "));
    expect(texts.filter((t) => /is placed/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /nothing waiting/.test(t))).toHaveLength(1);
    expect((await agent.getThread("t-double", BUYER)).order?.orderId).toBe(outboxOrders(db)[0]!.header.orderId);
  });

  test("a flood of tool calls in one message: the first ones run, the rest are answered with an error", async () => {
    const db = world();
    const flood = Array.from(
      { length: 30 },
      () => ["add_line", { sku: "SEAL-1", quantity: 1 }] as [string, Record<string, unknown>],
    );
    const agent = agentFor(db, scripted(calls(...flood), say("done")));
    const turn = await agent.send("t-flood", "add lots", BUYER);
    expect(turn.thread.draft.lines).toHaveLength(12);
    const errors = turn.thread.messages.filter(
      (m) => m.getType() === "tool" && String(m.content).includes("too many tool calls"),
    );
    expect(errors).toHaveLength(18);
    expect(turn.replies.at(-1)).toBe("done");
  });

  test("a thread belongs to its customer: another customer cannot continue or confirm it", async () => {
    const db = world();
    const agent = agentFor(db, scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }], ["place_order", {}])));
    const turn = await agent.send("t-own", "order 2 seals", BUYER);
    await expect(
      agent.resume(
        "t-own",
        { confirm: true, draftHash: turn.thread.pending!.draftHash },
        { customerId: "C-RIVAL", channel: "widget" },
      ),
    ).rejects.toThrow(/another customer/);
    expect(outboxOrders(db)).toHaveLength(0);
  });
});
