/**
 * Who approved comes from the authenticated rep session, never from the resume payload: a forged name is only a
 * display name, and a rep session that does not say which rep it is cannot decide.
 */
import { describe, expect, test } from "vitest";
import { agentFor, audits, calls, outboxOrders, scripted, world } from "./helpers.ts";
import { BUYER, REP } from "./world.ts";

const bigOrder = () => scripted(calls(["add_line", { sku: "BIG-1", quantity: 2 }], ["place_order", {}]));

async function waitingForApproval(threadId: string) {
  const db = world();
  const agent = agentFor(db, bigOrder());
  const turn = await agent.send(threadId, "2 gearboxes, order", BUYER);
  const waiting = await agent.resume(threadId, { confirm: true, draftHash: turn.thread.pending!.draftHash }, BUYER);
  expect(waiting.thread.pending?.type).toBe("approval");
  return { db, agent };
}

describe("approver identity", () => {
  test("the actor is the authenticated rep; the name in the payload is only a display name", async () => {
    const { db, agent } = await waitingForApproval("t-forge");
    await agent.resume("t-forge", { decision: "approve", actor: "CFO Jane Doe", reason: "ok" }, REP);
    const [order] = outboxOrders(db);
    expect(order!.header.approvals).toMatchObject([{ actor: "rep:REP-SAM", actorName: "CFO Jane Doe" }]);
    const entry = audits(db).find((a) => a.action === "approval.approve");
    expect(entry?.actor).toBe("rep:REP-SAM");
    expect(entry?.data).toMatchObject({ actorName: "CFO Jane Doe" });
    expect(audits(db).some((a) => a.actor === "CFO Jane Doe")).toBe(false);
  });

  test("a rep decides without naming anyone: the session says who it is", async () => {
    const { db, agent } = await waitingForApproval("t-noname");
    await agent.resume("t-noname", { decision: "reject", reason: "credit review pending" }, REP);
    expect(audits(db).filter((a) => a.action === "approval.reject")).toMatchObject([
      { actor: "rep:REP-SAM", reason: "credit review pending" },
    ]);
  });

  test("a rep session without a contact id cannot decide: a typed error, the approval stays pending, nothing placed or audited", async () => {
    const { db, agent } = await waitingForApproval("t-anon");
    for (const ctx of [
      { customerId: "C-ACME", channel: "rep" },
      { customerId: "C-ACME", contactId: null, channel: "rep" },
    ]) {
      await expect(
        agent.resume("t-anon", { decision: "approve", actor: "rep:sam", reason: "ok" }, ctx),
      ).rejects.toMatchObject({ code: "bad_request:context", field: "context.contactId" });
    }
    expect((await agent.getThread("t-anon", REP)).pending?.type).toBe("approval");
    expect(outboxOrders(db)).toHaveLength(0);
    expect(audits(db).filter((a) => a.action.startsWith("approval."))).toHaveLength(0);
  });
});
