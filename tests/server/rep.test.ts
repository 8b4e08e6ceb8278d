/**
 * The rep copilot API: the queue (needs approval first), a decision that resumes the graph and is audited under
 * the authenticated rep, takeover (the agent is silent, messages go both ways live, a pending approval survives),
 * hand-back, and internal notes the buyer never sees.
 */
import { describe, expect, it } from "vitest";
import { Buyer, OTHER_REP_KEY, readSse, REP_ID, repHeaders, said, testServer, type TestServer } from "./helpers.ts";

/** C-1003 is near its credit limit: one PU-NCP-40-200-400 needs a rep's approval (demo case credit.overrun_approval). */
async function awaitingApproval(server: TestServer) {
  const buyer = await Buyer.of(server, { customerId: "C-1003", contactId: "CT-1003-1" });
  const threadId = await buyer.start();
  await buyer.say(threadId, "add 1 PU-NCP-40-200-400");
  const place = await buyer.say(threadId, "place the order");
  const hash = String(place.find((e) => e.event === "interrupt")!.data.draftHash);
  const confirmed = await buyer.confirm(threadId, hash);
  expect(confirmed.find((e) => e.event === "interrupt")?.data).toMatchObject({ type: "approval", draftHash: hash });
  return { buyer, threadId, draftHash: hash };
}

const rep = (server: TestServer, path: string, body?: unknown, key?: string) =>
  server.request(path, {
    method: body === undefined ? "GET" : "POST",
    headers: repHeaders(key),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const audits = (server: TestServer, threadId: string) =>
  server.db.$client
    .prepare("select actor, action, reason from audit_log where subject = ? order by id")
    .all(`thread:${threadId}`) as { actor: string; action: string; reason: string | null }[];

describe("rep copilot", { timeout: 90_000 }, () => {
  it("lists the queue with approvals first and approves with a reason: the order is placed, audited under the rep", async () => {
    const server = testServer();
    const other = await Buyer.of(server, { customerId: "C-1001" });
    const quiet = await other.start();
    await other.say(quiet, "2 SE-MS28-CC-EPDM for pump 2");
    const { buyer, threadId, draftHash } = await awaitingApproval(server);

    const queue = (await (await rep(server, "/v1/rep/threads")).json()) as {
      threads: { id: string; status: string; customerId: string; customerName: string | null }[];
    };
    expect(queue.threads[0]).toMatchObject({
      id: threadId,
      status: "needs_approval",
      customerId: "C-1003",
      customerName: "Rheintal Papier AG",
    });
    expect(queue.threads.map((t) => t.id)).toContain(quiet);
    const only = (await (await rep(server, "/v1/rep/threads?status=needs_approval")).json()) as { threads: unknown[] };
    expect(only.threads).toHaveLength(1);

    const view = (await (await rep(server, `/v1/rep/threads/${threadId}`)).json()) as Record<string, unknown>;
    expect(view).toMatchObject({
      customerId: "C-1003",
      customerName: "Rheintal Papier AG",
      pending: { type: "approval" },
      status: "needs_approval",
    });

    // The buyer follows the thread and sees the rep's decision reach it.
    const { lastEventId } = await buyer.thread(threadId);
    const follow = await server.request(`/v1/threads/${threadId}/events`, {
      headers: buyer.headers({ "last-event-id": String(lastEventId) }),
    });
    const decided = await rep(server, `/v1/rep/threads/${threadId}/decision`, {
      decision: "approve",
      reason: "long-standing customer, payment promised",
      displayName: "Sam",
      draftHash,
    });
    expect(decided.status).toBe(200);
    const outcome = (await decided.json()) as { status: string; orderId: string | null };
    expect(outcome.status).toBe("completed");
    expect(outcome.orderId).toEqual(expect.any(String));
    const seen = await readSse(follow, (e) => e.event === "run_finished");
    expect(seen[0]?.data).toMatchObject({ kind: "decision", by: "rep" });
    expect(seen.at(-1)?.data).toMatchObject({ orderId: outcome.orderId });
    expect((await buyer.thread(threadId)).order?.orderId).toBe(outcome.orderId);

    expect(audits(server, threadId)).toContainEqual({
      actor: `rep:${REP_ID}`,
      action: "approval.approve",
      reason: "long-standing customer, payment promised",
    });
    const ordered = (await (await rep(server, "/v1/rep/threads?status=ordered")).json()) as {
      threads: { id: string }[];
    };
    expect(ordered.threads.map((t) => t.id)).toEqual([threadId]);
  });

  it("rejects with a reason: nothing is placed and the rejection is audited", async () => {
    const server = testServer();
    const { buyer, threadId, draftHash } = await awaitingApproval(server);
    const res = await rep(server, `/v1/rep/threads/${threadId}/decision`, {
      decision: "reject",
      reason: "credit hold",
      draftHash,
    });
    expect(((await res.json()) as { orderId: string | null }).orderId).toBeNull();
    expect((await buyer.thread(threadId)).order).toBeNull();
    expect(server.db.$client.prepare("select count(*) as n from outbox").get()).toEqual({ n: 0 });
    expect(audits(server, threadId)).toContainEqual({
      actor: `rep:${REP_ID}`,
      action: "approval.reject",
      reason: "credit hold",
    });
  });

  it("takes over: the agent stays silent, messages reach each other live, notes stay internal, the approval survives", async () => {
    const server = testServer();
    const { buyer, threadId, draftHash } = await awaitingApproval(server);
    const buyerFollow = await server.request(`/v1/threads/${threadId}/events`, {
      headers: buyer.headers({ "last-event-id": String((await buyer.thread(threadId)).lastEventId) }),
    });

    const took = await rep(server, `/v1/rep/threads/${threadId}/takeover`, {});
    expect(await took.json()).toEqual({ threadId, heldBy: REP_ID });
    // Another rep cannot write while Sam holds the thread.
    expect((await rep(server, `/v1/rep/threads/${threadId}/messages`, { text: "hi" }, OTHER_REP_KEY)).status).toBe(409);

    const asked = await buyer.say(threadId, "can you do a better price?");
    expect(asked.map((e) => e.event)).toEqual(["run_started", "message", "run_finished"]);
    expect(asked[1]?.data).toMatchObject({ role: "buyer", text: "can you do a better price?" });

    const wrote = await rep(server, `/v1/rep/threads/${threadId}/messages`, {
      text: "Hello, this is Sam. Let me check.",
    });
    expect(wrote.status).toBe(201);
    const noted = await rep(server, `/v1/rep/threads/${threadId}/notes`, { text: "customer is 90 days late once" });
    expect(noted.status).toBe(201);

    const live = await readSse(buyerFollow, (e) => e.event === "message" && e.data.role === "rep");
    expect(live.map((e) => e.event)).toEqual(["takeover", "run_started", "message", "run_finished", "message"]);
    expect(live.at(-1)?.data).toMatchObject({ role: "rep", repId: REP_ID, text: "Hello, this is Sam. Let me check." });

    const seenByBuyer = await buyer.thread(threadId);
    expect(seenByBuyer.heldBy).toBe(REP_ID);
    expect(seenByBuyer.messages.slice(-2)).toMatchObject([
      { role: "buyer", text: "can you do a better price?" },
      { role: "rep", text: "Hello, this is Sam. Let me check." },
    ]);
    expect(JSON.stringify(seenByBuyer)).not.toContain("90 days late");
    const replay = await server.request(`/v1/threads/${threadId}/events`, {
      headers: buyer.headers({ "last-event-id": "0" }),
    });
    const everything = await readSse(replay, (e) => e.event === "message" && e.data.role === "rep");
    expect(everything.some((e) => e.event === "note")).toBe(false);

    const repView = (await (await rep(server, `/v1/rep/threads/${threadId}`)).json()) as {
      notes: { text: string; repId: string }[];
      audit: { action: string; actor: string }[];
      pending: { type: string } | null;
    };
    expect(repView.notes).toMatchObject([{ text: "customer is 90 days late once", repId: REP_ID }]);
    expect(repView.audit.map((a) => a.action)).toEqual(expect.arrayContaining(["thread.takeover", "thread.message"]));
    expect(repView.pending?.type).toBe("approval");

    // The approval is still there to decide, then the rep hands back and the agent answers again.
    const decided = await rep(server, `/v1/rep/threads/${threadId}/decision`, {
      decision: "approve",
      reason: "ok",
      draftHash,
    });
    expect(((await decided.json()) as { orderId: string | null }).orderId).toEqual(expect.any(String));
    await rep(server, `/v1/rep/threads/${threadId}/release`, {});
    const back = await buyer.say(threadId, "what is in my order?");
    expect(back.some((e) => e.event === "text" || (e.event === "message" && e.data.role === "assistant"))).toBe(true);
    expect(said(back).length).toBeGreaterThan(0);
  });

  it("a thread held by one rep stays theirs: a colleague gets 409 unless taking it over explicitly, which is audited", async () => {
    const server = testServer();
    const { buyer, threadId } = await awaitingApproval(server);
    const view = async (key?: string) =>
      (await (await rep(server, `/v1/rep/threads/${threadId}`, undefined, key)).json()) as {
        heldBy: string | null;
        heldByYou: boolean;
      };

    // Sam and Kim click "take over" at the same moment: exactly one of them holds the thread.
    const [sam, kim] = await Promise.all([
      rep(server, `/v1/rep/threads/${threadId}/takeover`, {}),
      rep(server, `/v1/rep/threads/${threadId}/takeover`, {}, OTHER_REP_KEY),
    ]);
    expect([sam.status, kim.status].sort()).toEqual([200, 409]);
    const holder = sam.status === 200 ? REP_ID : "REP-KIM";
    const [holderKey, otherKey] = holder === REP_ID ? [undefined, OTHER_REP_KEY] : [OTHER_REP_KEY, undefined];
    const refused = (sam.status === 409 ? sam : kim).clone();
    expect(await refused.json()).toMatchObject({ code: "conflict:held", detail: expect.stringContaining(holder) });
    expect(await view(holderKey)).toMatchObject({ heldBy: holder, heldByYou: true });
    expect(await view(otherKey)).toMatchObject({ heldBy: holder, heldByYou: false });

    // The colleague can neither hand it back nor write to the buyer; taking it again is a no-op for the holder.
    expect((await rep(server, `/v1/rep/threads/${threadId}/release`, {}, otherKey)).status).toBe(409);
    expect((await rep(server, `/v1/rep/threads/${threadId}/takeover`, {}, holderKey)).status).toBe(200);
    expect((await buyer.thread(threadId)).heldBy).toBe(holder);
    expect(audits(server, threadId).filter((a) => a.action === "thread.takeover")).toHaveLength(1);

    // Taken over explicitly: the colleague holds it now, and the audit says from whom.
    const forced = await rep(
      server,
      `/v1/rep/threads/${threadId}/takeover`,
      { force: true, reason: "colleague is away" },
      otherKey,
    );
    const taker = holder === REP_ID ? "REP-KIM" : REP_ID;
    expect(await forced.json()).toEqual({ threadId, heldBy: taker });
    const trail = server.db.$client
      .prepare("select actor, data from audit_log where subject = ? and action = 'thread.takeover' order by id")
      .all(`thread:${threadId}`) as { actor: string; data: string | null }[];
    expect(trail.at(-1)).toEqual({ actor: `rep:${taker}`, data: JSON.stringify({ from: holder }) });
    expect((await rep(server, `/v1/rep/threads/${threadId}/messages`, { text: "still me" }, holderKey)).status).toBe(
      409,
    );
    expect((await buyer.thread(threadId)).heldBy).toBe(taker);
  });

  it("takes over without a body, and answers 400 naming the field for a malformed one", async () => {
    const server = testServer();
    const { threadId } = await awaitingApproval(server);
    const bare = await server.request(`/v1/rep/threads/${threadId}/takeover`, {
      method: "POST",
      headers: { authorization: repHeaders().authorization },
    });
    expect(bare.status).toBe(200);
    const bad = await rep(server, `/v1/rep/threads/${threadId}/takeover`, { force: "yes" }, OTHER_REP_KEY);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("force");
    expect(
      (await (await rep(server, `/v1/rep/threads/${threadId}`, undefined, OTHER_REP_KEY)).json()) as object,
    ).toMatchObject({ heldBy: REP_ID });
  });

  it("streams the queue: a thread that changes shows up as a `thread` event", async () => {
    const server = testServer();
    const res = await rep(server, "/v1/rep/events");
    expect(res.status).toBe(200);
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const [first] = await readSse(res, (e) => e.event === "thread");
    expect(first).toMatchObject({ event: "thread", data: { threadId, customerId: "C-1001", status: "active" } });
  });

  it("publishes an ERP order status to the buyer's thread and the queue", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server);
    const threadId = await buyer.start();
    const follow = await server.request(`/v1/threads/${threadId}/events`, { headers: buyer.headers() });
    const queue = await rep(server, "/v1/rep/events");
    server.hub.publishOrderStatus({
      orderId: "O-1",
      threadId,
      customerId: "C-1001",
      status: "accepted",
      erpOrderNumber: "ERP-42",
      at: new Date().toISOString(),
    });
    const [seen] = await readSse(follow, () => true);
    expect(seen).toMatchObject({ event: "order_status", data: { status: "accepted", erpOrderNumber: "ERP-42" } });
    const [queued] = await readSse(queue, () => true);
    expect(queued).toMatchObject({ event: "order_status", data: { threadId } });
  });
});
