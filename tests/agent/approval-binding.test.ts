/**
 * A rep's approval is bound to the draft version (hash) and the amounts the rep saw: it never covers a later, larger
 * order, and a refused hand-off clears it.
 */
import { describe, expect, test } from "vitest";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { routeAfterConfirm } from "../../agent/routes.ts";
import { approvalOf } from "../../tools/approvals.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { validateDraft } from "../../tools/engine.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import { agentFor, audits, calls, outboxOrders, say, scripted, world } from "./helpers.ts";
import { BUYER, NOW, REP } from "./world.ts";

const big: Draft = { lines: [{ lineId: "L1", sku: "BIG-1", quantity: 2 }] };
const setPrice = (db: ReturnType<typeof world>, cents: number) =>
  db.$client.prepare("update products set list_price_cents = ? where sku = 'BIG-1'").run(cents);

describe("approval binding", () => {
  test("a price raised while the approval waits: the refused hand-off clears the approval, the larger order goes to a rep again", async () => {
    const db = world();
    const agent = agentFor(
      db,
      scripted(
        calls(["add_line", { sku: "BIG-1", quantity: 2 }], ["place_order", {}]),
        calls(["place_order", {}]),
        say("ok"),
      ),
    );
    let r = await agent.send("t-bind", "2 big gearboxes, order", BUYER);
    const hash = r.thread.pending!.draftHash;
    r = await agent.resume("t-bind", { confirm: true, draftHash: hash }, BUYER);
    expect(r.thread.pending?.type).toBe("approval");
    setPrice(db, 2_500_000);
    r = await agent.resume("t-bind", { decision: "approve", actor: "Sam", reason: "ok for 18k" }, REP);
    expect(r.thread.order).toBeNull();
    expect(r.replies.join(" ")).toMatch(/nothing was placed/);
    expect((await agent.graph.getState({ configurable: { thread_id: "t-bind" } })).values.approvals).toEqual([]);

    r = await agent.send("t-bind", "fine, place it", BUYER);
    expect(r.thread.pending).toMatchObject({ type: "confirm", draftHash: hash });
    r = await agent.resume("t-bind", { confirm: true, draftHash: hash }, BUYER);
    // The 50k order was never approved: it waits for a rep, nothing reached the outbox.
    expect(r.thread.pending?.type).toBe("approval");
    expect(r.thread.order).toBeNull();
    expect(outboxOrders(db)).toHaveLength(0);

    r = await agent.resume("t-bind", { decision: "approve", actor: "Sam", reason: "50k is fine" }, REP);
    const [order] = outboxOrders(db);
    expect(order!.summary.totalAmountCents).toBe(5_000_000);
    expect(order!.header.approvals).toHaveLength(1);
    expect(order!.header.approvals[0]).toMatchObject({ reason: "50k is fine", draftHash: hash, totalCents: 5_000_000 });
    const decisions = audits(db).filter((a) => a.action === "approval.approve");
    expect(decisions.map((a) => (a.data as { draftHash: string; totalCents: number }).totalCents)).toEqual([
      1_800_000, 5_000_000,
    ]);
    expect(decisions.every((a) => (a.data as { draftHash: string }).draftHash === hash)).toBe(true);
    expect((decisions[0]!.data as { issues: { code: string; amounts: Record<string, number> }[] }).issues).toEqual([
      expect.objectContaining({
        code: "policy.order_value_approval",
        amounts: expect.objectContaining({ netCents: 1_800_000 }),
      }),
    ]);
  });

  test("the hand-off accepts an approval only for the same hash at amounts no higher than approved", () => {
    const db = world();
    const hash = hashDraft(big);
    const reportAt = () => validateDraft(big, { customerId: "C-ACME", now: NOW, data: createCatalogReader(db) });
    const approved = approvalOf(reportAt(), hash, { actor: "rep:REP-SAM", reason: "ok", at: NOW.toISOString() });
    const request = (approvals = [approved]) => ({
      threadId: "t-h",
      draft: big,
      confirmedHash: hash,
      customerId: "C-ACME",
      channel: "widget",
      now: NOW,
      approvals,
    });

    setPrice(db, 2_500_000);
    expect(handOff(db, request()).status).toBe("needs_approval");
    expect(handOff(db, request([{ ...approved, draftHash: "0".repeat(64) }])).status).toBe("needs_approval");
    setPrice(db, 800_000); // cheaper than approved: still covered
    expect(handOff(db, request()).status).toBe("placed");
  });

  test("routing after confirmation: an approval of another version or of a smaller total does not cover", () => {
    const db = world();
    const hash = hashDraft(big);
    const report = validateDraft(big, { customerId: "C-ACME", now: NOW, data: createCatalogReader(db) });
    expect(report.needsApproval).toBe(true);
    const approval = approvalOf(report, hash, { actor: "rep:REP-SAM", reason: "ok", at: "" });
    const confirmation = { draftHash: hash, at: "" };
    expect(routeAfterConfirm({ report, approvals: [approval], confirmation })).toBe("handoff");
    expect(routeAfterConfirm({ report, approvals: [{ ...approval, draftHash: "x" }], confirmation })).toBe("approve");
    const larger = { ...report, totals: { ...report.totals, netCents: report.totals.netCents + 1 } };
    expect(routeAfterConfirm({ report: larger, approvals: [approval], confirmation })).toBe("approve");
  });
});
