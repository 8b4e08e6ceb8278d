/**
 * A buyer's whole consultation through the HTTP API (app.request), with the offline model on the demo world: the
 * SSE event sequence of each run, the confirmation by draft hash, the order, and resuming a stream with
 * Last-Event-ID.
 */
import { describe, expect, it } from "vitest";
import { Buyer, names, readSse, said, testServer } from "./helpers.ts";

describe("buyer chat over SSE", { timeout: 60_000 }, () => {
  it("streams tool activity, text, draft, the confirmation request with the draft hash, and the order", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();

    const find = await buyer.say(threadId, "I need 2 mechanical seals for pump 2 in hall B");
    expect(find[0]).toMatchObject({ event: "run_started", data: { kind: "message", by: "buyer" } });
    expect(find.at(-1)).toMatchObject({ event: "run_finished", data: { status: "completed", pending: null } });
    expect(find.filter((e) => e.event === "tool").map((e) => e.data.label)).toContain("Searching the catalog");
    expect(said(find)).toContain("SE-MS28-CC-EPDM");
    // Ids increase along the stream: they are what Last-Event-ID resumes from.
    const ids = find.map((e) => e.id!);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const add = await buyer.say(threadId, "the carbon/ceramic EPDM one");
    const draft = add.find((e) => e.event === "draft");
    expect(draft?.data.draft).toMatchObject({ lines: [{ sku: "SE-MS28-CC-EPDM", quantity: 2 }] });

    const place = await buyer.say(threadId, "ok, place the order");
    const ask = place.find((e) => e.event === "interrupt");
    expect(ask?.data).toMatchObject({ type: "confirm", summary: { lines: [{ sku: "SE-MS28-CC-EPDM", quantity: 2 }] } });
    expect(place.at(-1)?.data).toMatchObject({ pending: "confirm", orderId: null });
    const draftHash = String(ask!.data.draftHash);

    const before = await buyer.thread(threadId);
    expect(before.pending).toMatchObject({ type: "confirm", draftHash });
    expect(before.order).toBeNull();

    // A confirmation of another version confirms nothing.
    const stale = await buyer.confirm(threadId, "0".repeat(64));
    expect(stale.at(-1)?.data).toMatchObject({ orderId: null });

    const current = (await buyer.thread(threadId)).pending!.draftHash;
    const done = await buyer.confirm(threadId, current);
    expect(names(done)).toContain("handoff");
    const finished = done.at(-1)!;
    expect(finished.data).toMatchObject({ status: "completed", pending: null });
    expect(finished.data.orderId).toEqual(expect.any(String));
    expect(said(done)).toMatch(/is placed/);

    const after = await buyer.thread(threadId);
    expect(after.order?.orderId).toBe(finished.data.orderId);
    expect(after.status).toBe("ordered");
    expect(after.messages.map((m) => m.role)).toContain("assistant");
    const outbox = server.db.$client.prepare("select payload from outbox").all() as { payload: string }[];
    expect(outbox.map((r) => JSON.parse(r.payload).header)).toMatchObject([{ threadId, customerId: "C-1001" }]);
  });

  it("declining the draft places nothing", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server);
    const threadId = await buyer.start();
    await buyer.say(threadId, "2 SE-MS28-CC-EPDM for pump 2");
    const place = await buyer.say(threadId, "place the order");
    const hash = String(place.find((e) => e.event === "interrupt")!.data.draftHash);
    const declined = await buyer.confirm(threadId, hash, false);
    expect(declined.at(-1)?.data).toMatchObject({ status: "completed", orderId: null });
    expect((await buyer.thread(threadId)).order).toBeNull();
  });

  it("resumes the thread's stream after Last-Event-ID with exactly the events it missed", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server);
    const threadId = await buyer.start();
    const first = await buyer.say(threadId, "I need 2 mechanical seals for pump 2 in hall B");
    const second = await buyer.say(threadId, "the carbon/ceramic EPDM one");
    // The client saw the first run and lost the connection: it resumes from the last id it saw.
    const lastSeen = first.at(-1)!.id!;
    const res = await server.request(`/v1/threads/${threadId}/events`, {
      headers: buyer.headers({ "last-event-id": String(lastSeen) }),
    });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const replayed = await readSse(res, (e) => e.event === "run_finished");
    expect(replayed.map((e) => e.id)).toEqual(second.map((e) => e.id));
    expect(replayed.map((e) => e.event)).toEqual(second.map((e) => e.event));

    // An id the server no longer holds (or from before a restart) asks the client to re-read the thread.
    const gone = await server.request(`/v1/threads/${threadId}/events`, {
      headers: buyer.headers({ "last-event-id": "999999" }),
    });
    const [resync] = await readSse(gone, () => true);
    expect(resync?.event).toBe("resync");
  });
});
