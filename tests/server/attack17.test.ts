/**
 * Session 17's adversarial review of the server: a rep's approval bound to the order the rep was shown.
 */
import { describe, expect, it } from "vitest";
import { Buyer, repHeaders, testServer, type TestServer } from "./helpers.ts";

const rep = (server: TestServer, path: string, body?: unknown) =>
  server.request(path, {
    method: body === undefined ? "GET" : "POST",
    headers: repHeaders(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Check out and confirm: C-1003's order then waits for a rep (credit overrun within the approval band). */
async function checkOut(buyer: Buyer, threadId: string): Promise<string> {
  const place = await buyer.say(threadId, "place the order");
  const hash = String(place.find((e) => e.event === "interrupt")!.data.draftHash);
  const confirmed = await buyer.confirm(threadId, hash);
  expect(confirmed.find((e) => e.event === "interrupt")?.data).toMatchObject({ type: "approval", draftHash: hash });
  return hash;
}

const orderedLines = (server: TestServer) =>
  (server.db.$client.prepare("select payload from orders").all() as { payload: string }[]).map((o) =>
    (JSON.parse(o.payload) as { lines: { sku: string; quantity: number }[] }).lines.map((l) => [l.sku, l.quantity]),
  );

describe("a rep's decision is bound to the draft the rep saw", { timeout: 120_000 }, () => {
  it("an approval given on a one-pump view does not place the two-pump order the buyer checked out since", async () => {
    // Found in session 17: the decision named no version. The rep opened the approval of 1 pump (EUR 2,714), the
    // buyer meanwhile made it 2 and confirmed again (a new approval, EUR 5,428), and the rep's "ok for one pump"
    // placed the two-pump order — audited as if the rep had approved it.
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1003", contactId: "CT-1003-1" });
    const threadId = await buyer.start();
    await buyer.say(threadId, "add 1 PU-NCP-40-200-400");
    const shown = await checkOut(buyer, threadId);
    const view = (await (await rep(server, `/v1/rep/threads/${threadId}`)).json()) as {
      pending: { type: string; draftHash: string };
    };
    expect(view.pending).toMatchObject({ type: "approval", draftHash: shown });

    await buyer.say(threadId, "add 1 more PU-NCP-40-200-400");
    const now = await checkOut(buyer, threadId);
    expect(now).not.toBe(shown);

    const stale = await rep(server, `/v1/rep/threads/${threadId}/decision`, {
      decision: "approve",
      reason: "ok for one pump",
      draftHash: shown,
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      code: "conflict:draft_changed",
      errors: [{ field: "body.draftHash" }],
    });
    expect(orderedLines(server)).toEqual([]);
    const audit = server.db.$client
      .prepare("select action from audit_log where subject = ? and action like 'approval.%'")
      .all(`thread:${threadId}`);
    expect(audit).toEqual([]);
    expect((await buyer.thread(threadId)).pending).toMatchObject({ type: "approval", draftHash: now });

    // A decision that names no version is refused at the edge: a client cannot decide blind.
    const blind = await rep(server, `/v1/rep/threads/${threadId}/decision`, { decision: "approve", reason: "ok" });
    expect(blind.status).toBe(400);
    expect(((await blind.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(
      "body.draftHash",
    );

    // The agent checks it again under the thread's lease (a buyer's turn on another process may land between the
    // route's check and the resume): the stale version decides nothing there either.
    const repCtx = { customerId: "C-1003", contactId: "REP-SAM", channel: "rep" } as const;
    await expect(
      server.agent.resume(threadId, { decision: "approve", reason: "ok for one pump", draftHash: shown }, repCtx),
    ).rejects.toMatchObject({ code: "conflict:draft_changed" });
    expect(orderedLines(server)).toEqual([]);

    // Decided on the version waiting, it is placed — the order the rep saw.
    const ok = await rep(server, `/v1/rep/threads/${threadId}/decision`, {
      decision: "approve",
      reason: "two pumps are fine",
      draftHash: now,
    });
    expect(ok.status).toBe(200);
    expect(orderedLines(server)).toEqual([[["PU-NCP-40-200-400", 2]]]);
  });
});
