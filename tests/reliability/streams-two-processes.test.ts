/**
 * Streams across two server processes on one database. The event hub is per process: a buyer (or rep) following a
 * thread on one process did not hear of a turn, a rep message or an ERP status the other process handled — the
 * widget sat silent until it reconnected. Now each process announces settled changes per stream in the database
 * and the others send their followers a `resync` (server/events/peers.ts); the client then re-reads the thread.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createShieldAgent } from "../../agent/index.ts";
import { createOfflineModel } from "../../agent/models/offline/index.ts";
import { type Db, openDatabase } from "../../catalog/db.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { createApp, type ShieldApp } from "../../server/app.ts";
import { readEnv } from "../../server/env.ts";
import { Buyer, REP_ID, REP_KEY, readSse, repHeaders, SECRET } from "../server/helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "os-streams-"));
const dbs: Db[] = [];
const apps: ShieldApp[] = [];
afterAll(() => {
  for (const app of apps) app.peers.stop();
  for (const db of dbs) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function seeded(name: string): string {
  const path = join(dir, name);
  const db = openDatabase(path);
  seedDemo(db);
  db.$client.close();
  return path;
}

function processOn(path: string, pollMs: number) {
  const db = openDatabase(path);
  dbs.push(db);
  const agent = createShieldAgent({ db, model: createOfflineModel({ db }), now: () => DEMO_NOW });
  const config = readEnv({
    AUTH_JWT_SECRET: SECRET,
    REP_API_KEYS: `${REP_KEY}:${REP_ID}`,
    LOG_LEVEL: "silent",
    SSE_HEARTBEAT_MS: "1000",
    SSE_PEER_POLL_MS: String(pollMs),
  });
  const shield = createApp({ db, agent, config, logger: pino({ level: "silent" }), now: () => DEMO_NOW });
  apps.push(shield);
  return { ...shield, request: async (p: string, init?: RequestInit) => shield.app.request(p, init) };
}

describe("streams across two processes on one database", { timeout: 60_000 }, () => {
  it("tells a buyer following the thread on one process about the turn the other process answered", async () => {
    const path = seeded("turn.db");
    const a = processOn(path, 100);
    const b = processOn(path, 100);
    const buyer = await Buyer.of(a, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const follow = await a.request(`/v1/threads/${threadId}/events`, { headers: buyer.headers() });
    expect(follow.status).toBe(200);

    // The widget's next message is routed to the other process (a load balancer without stickiness).
    const answered = await new Buyer(b, buyer.jwt).say(threadId, "2 SE-MS28-CC-EPDM for pump 2");
    expect(answered.at(-1)).toMatchObject({ event: "run_finished", data: { status: "completed" } });

    // Before: nothing ever arrived on this stream (the hub of process A never saw the turn).
    const heard = await readSse(follow, (e) => e.event === "resync");
    expect(heard.at(-1)).toMatchObject({ event: "resync" });
    // What the client does on resync: re-read the thread, through the process it follows.
    const thread = await buyer.thread(threadId);
    expect(thread.messages.filter((m) => m.role === "buyer").map((m) => m.text)).toEqual([
      "2 SE-MS28-CC-EPDM for pump 2",
    ]);
    expect(thread.draft.lines).toEqual([expect.objectContaining({ sku: "SE-MS28-CC-EPDM", quantity: 2 })]);
  });

  it("tells a rep's queue and a buyer about a rep message and an ERP status handled elsewhere", async () => {
    const path = seeded("rep.db");
    const a = processOn(path, 0);
    const b = processOn(path, 0);
    const buyer = await Buyer.of(a, { customerId: "C-1001" });
    const threadId = await buyer.start();
    await buyer.say(threadId, "what is in stock for pump 1?");
    const follow = await a.request(`/v1/threads/${threadId}/events`, {
      headers: buyer.headers({ "last-event-id": String((await buyer.thread(threadId)).lastEventId) }),
    });
    const queue = await a.request("/v1/rep/events", { headers: repHeaders() });
    expect(queue.status).toBe(200);
    // Another customer follows their own thread on the same process: nothing of the first buyer's reaches them.
    const other = await Buyer.of(a, { customerId: "C-1002" });
    const otherThread = await other.start();
    const otherFollow = await a.request(`/v1/threads/${otherThread}/events`, { headers: other.headers() });
    expect(otherFollow.status).toBe(200);
    // Nothing changed elsewhere yet: a look finds nothing to tell.
    expect(a.peers.poll()).toEqual([]);

    const took = await b.request(`/v1/rep/threads/${threadId}/takeover`, {
      method: "POST",
      headers: repHeaders(),
      body: "{}",
    });
    expect(took.status).toBe(200);
    const wrote = await b.request(`/v1/rep/threads/${threadId}/messages`, {
      method: "POST",
      headers: repHeaders(),
      body: JSON.stringify({ text: "Sam here, I'll check the seal with our workshop." }),
    });
    expect(wrote.status).toBe(201);
    b.hub.publishOrderStatus({
      orderId: "O-1",
      threadId,
      customerId: "C-1001",
      status: "accepted",
      erpOrderNumber: "ERP-42",
      at: new Date().toISOString(),
    });
    // Announcements are written after the publishing tick.
    await new Promise((r) => setImmediate(r));

    const told = a.peers.poll();
    expect(told).toContain(threadId);
    expect(told).toHaveLength(2); // the thread and the rep queue
    expect(told).not.toContain(otherThread);
    expect((await readSse(follow, (e) => e.event === "resync")).at(-1)).toMatchObject({ event: "resync" });
    expect((await readSse(queue, (e) => e.event === "resync")).at(-1)).toMatchObject({ event: "resync" });
    const thread = await buyer.thread(threadId);
    expect(thread.heldBy).toBe(REP_ID);
    expect(thread.messages.at(-1)).toMatchObject({
      role: "rep",
      text: "Sam here, I'll check the seal with our workshop.",
    });
    // Told once: the next look, with nothing new, stays quiet; and the process's own changes never resync itself.
    expect(a.peers.poll()).toEqual([]);
    await buyer.say(threadId, "thanks");
    await new Promise((r) => setImmediate(r));
    expect(a.peers.poll()).toEqual([]);
    expect(b.peers.poll()).toEqual([]); // b follows nothing
    await otherFollow.body?.cancel();
  });
});
