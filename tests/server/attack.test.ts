/**
 * Adversarial review of the running API (session 4): what a careless rep client, a flaky ERP or a reconnecting
 * widget can do. Each case is a defect found by attacking the product over HTTP; the test fails on the code before
 * its fix.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { Webhook } from "standardwebhooks";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDemoErp, createErpRoutes, readOrderStatus } from "../../server/erp/index.ts";
import { createEventHub } from "../../server/events/hub.ts";
import { readEnv } from "../../server/env.ts";
import { createStorefrontRoutes } from "../../server/routes/storefront.ts";
import { startServer } from "../../server/start.ts";
import { demoWorld, INTEGRATION_KEY, listen, outboxRow, placeOrder, SECRET } from "./erp-helpers.ts";
import { Buyer, readSse, REP_ID, repHeaders, testServer, type TestServer } from "./helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const rep = (server: TestServer, path: string, body?: unknown) =>
  server.request(path, {
    method: body === undefined ? "GET" : "POST",
    headers: repHeaders(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const rowsOf = (server: TestServer, threadId: string) =>
  server.db.$client
    .prepare("select actor, action from audit_log where subject = ? order by id")
    .all(`thread:${threadId}`) as { actor: string; action: string }[];

describe("rep decisions", { timeout: 90_000 }, () => {
  it("a decision when no approval waits is a 409; the buyer's pending confirmation and transcript are untouched", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    await buyer.say(threadId, "2 SE-MS28-CC-EPDM for pump 2");
    await buyer.say(threadId, "place the order");
    const before = await buyer.thread(threadId);
    expect(before.pending?.type).toBe("confirm");

    const res = await rep(server, `/v1/rep/threads/${threadId}/decision`, {
      decision: "approve",
      reason: "looks ok",
      draftHash: before.pending!.draftHash,
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "conflict:no_approval" });

    // Nothing reached the buyer's conversation (no "I did not get a clear yes or no" from a rep's click).
    const after = await buyer.thread(threadId);
    expect(after.messages).toEqual(before.messages);
    expect(after.pending).toEqual(before.pending);
  });

  it("a second decision on an approval already decided is a 409, not a 200 that looks like it was taken", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1003", contactId: "CT-1003-1" });
    const threadId = await buyer.start();
    await buyer.say(threadId, "add 1 PU-NCP-40-200-400");
    const place = await buyer.say(threadId, "place the order");
    const hash = String(place.find((e) => e.event === "interrupt")!.data.draftHash);
    await buyer.confirm(threadId, hash);
    expect((await buyer.thread(threadId)).pending?.type).toBe("approval");

    const first = await rep(server, `/v1/rep/threads/${threadId}/decision`, {
      decision: "approve",
      reason: "ok",
      draftHash: hash,
    });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { orderId: string | null }).orderId).toEqual(expect.any(String));
    const late = await rep(server, `/v1/rep/threads/${threadId}/decision`, {
      decision: "reject",
      reason: "too late",
      draftHash: hash,
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: "conflict:no_approval" });
    expect(rowsOf(server, threadId).filter((r) => r.action.startsWith("approval."))).toEqual([
      { actor: `rep:${REP_ID}`, action: "approval.approve" },
    ]);
  });
});

describe("SSE resume across a restart", { timeout: 90_000 }, () => {
  it("a Last-Event-ID from before a restart is never taken for an id of the new process: the client is told to resync", async () => {
    const first = testServer();
    const buyer = await Buyer.of(first, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const seen = await buyer.say(threadId, "what is in my order?");
    const lastSeen = seen.at(-1)!.id!;

    // The process restarts (a deploy): same database, a new event hub. The thread goes on before the widget's
    // stream reconnects (another tab, the rep, the ERP's order number) — more events than the widget had seen.
    const second = testServer({ db: first.db });
    const again = new Buyer(second, buyer.jwt);
    await again.start(threadId);
    let produced = 0;
    for (let turn = 0; turn < 2; turn++) produced += (await again.say(threadId, "what is in my order?")).length;
    expect(produced).toBeGreaterThan(seen.length);

    const resumed = await second.request(`/v1/threads/${threadId}/events`, {
      headers: again.headers({ "last-event-id": String(lastSeen) }),
    });
    const [firstEvent] = await readSse(resumed, () => true);
    // Replaying "what came after id N" from another process lifetime would skip this lifetime's first N events.
    expect(firstEvent?.event).toBe("resync");
  });
});

describe("a thread's event stream and the session behind it", { timeout: 60_000 }, () => {
  it("ends when the session token that opened it expires; a fresh token resumes from the last event, the old one is refused", async () => {
    const server = testServer();
    const shortLived = await Buyer.of(server, { customerId: "C-1001", expiresIn: 2 });
    const threadId = await shortLived.start();
    const follow = await server.request(`/v1/threads/${threadId}/events`, { headers: shortLived.headers() });
    expect(follow.status).toBe(200);
    // Before: the stream went on with heartbeats (and every later event of the thread) for as long as the socket
    // stayed open — a signed-out buyer's browser kept receiving the customer's drafts and order statuses.
    const events = await readSse(follow);
    expect(events).toEqual([]);
    expect((await server.request(`/v1/threads/${threadId}/events`, { headers: shortLived.headers() })).status).toBe(
      401,
    );

    const renewed = await Buyer.of(server, { customerId: "C-1001" });
    await renewed.say(threadId, "what is in my order?");
    const resumed = await server.request(`/v1/threads/${threadId}/events`, {
      headers: renewed.headers({ "last-event-id": "0" }),
    });
    expect(resumed.status).toBe(200);
    expect((await readSse(resumed, (e) => e.event === "run_finished")).at(-1)?.event).toBe("run_finished");
  });
});

describe("the buyer's cancel", { timeout: 60_000 }, () => {
  it("stops the reply being written, never a confirmation already sent: the confirmed order is placed", async () => {
    const server = testServer();
    // Hold the confirmation's run just before the agent takes it (a busy machine, a slow disk), as a stop button
    // pressed in that moment would find it.
    let reached!: () => void;
    const inConfirm = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const streamResume = server.agent.streamResume.bind(server.agent);
    server.agent.streamResume = async function* (...args: Parameters<typeof streamResume>) {
      reached();
      await released;
      yield* streamResume(...args);
    };
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    await buyer.say(threadId, "2 SE-MS28-CC-EPDM for pump 2");
    const asked = await buyer.say(threadId, "ok, place the order");
    const draftHash = String(asked.find((e) => e.event === "interrupt")!.data.draftHash);

    const confirming = buyer.confirm(threadId, draftHash);
    await inConfirm;
    const cancel = await server.request(`/v1/threads/${threadId}/cancel`, {
      method: "POST",
      headers: buyer.headers(),
      body: "{}",
    });
    // Before: cancelled, and the buyer's explicit confirmation was dropped — no order, the question asked again.
    expect(await cancel.json()).toEqual({ cancelled: false });
    release();
    const done = await confirming;
    expect(done.at(-1)?.data).toMatchObject({ status: "completed", pending: null, orderId: expect.any(String) });
    const thread = await buyer.thread(threadId);
    expect(thread.pending).toBeNull();
    expect(thread.order?.orderId).toBe(done.at(-1)?.data.orderId);
  });
});

describe("signed ERP acknowledgements", { timeout: 60_000 }, () => {
  /** The shield's ack endpoint with signatures only (no ERP_ACK_KEY), as `npm start` runs it with its demo ERP. */
  async function signedOnly() {
    const db = demoWorld();
    const app = new OpenAPIHono();
    app.route("/", createErpRoutes({ db, webhookSecret: SECRET }));
    const served = await listen(app);
    cleanups.push(() => served.close());
    /** What the ERP sends: a body signed under a webhook-id; the headers are what anyone on the way can copy. */
    const sign = (webhookId: string, body: unknown) => {
      const raw = JSON.stringify(body);
      const at = new Date();
      return {
        raw,
        headers: {
          "content-type": "application/json",
          "webhook-id": webhookId,
          "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
          "webhook-signature": new Webhook(SECRET).sign(webhookId, at, raw),
        },
      };
    };
    const post = (orderId: string, signed: ReturnType<typeof sign>) =>
      fetch(`${served.url}/v1/erp/orders/${orderId}/ack`, {
        method: "POST",
        headers: signed.headers,
        body: signed.raw,
      });
    return { db, sign, post };
  }

  it("a captured signed acknowledgement replayed to another order is refused: that order still goes to the ERP", async () => {
    const { db, sign, post } = await signedOnly();
    const mine = placeOrder(db, "t-ack-mine");
    const victim = placeOrder(db, "t-ack-victim", { customerId: "C-1003", sku: "SE-MS28-CC-EPDM" });
    const rejected = sign("msg_ack_1", { status: "rejected", erpOrderNumber: "SO-1", message: "credit hold" });
    expect((await post(mine, rejected)).status).toBe(200);

    // The signature covers id, timestamp and body — not the order in the path.
    const replayed = await post(victim, rejected);
    expect(replayed.status).toBe(409);
    expect(await replayed.json()).toMatchObject({ code: "conflict:webhook_id" });
    expect(readOrderStatus(db, victim)?.status).toBe("handed_off");
    expect(outboxRow(db, victim).status).toBe("pending");
    const holds = db.$client.prepare("select count(*) as n from reservations where order_id = ?").get(victim);
    expect(holds).toEqual({ n: 1 });

    // The ERP's own retry of the same request stays a harmless repeat.
    const retried = await post(mine, rejected);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ orderId: mine, duplicate: true });
  });

  it("an older signed acknowledgement replayed after a newer one does not turn the order's status back", async () => {
    const { db, sign, post } = await signedOnly();
    const orderId = placeOrder(db, "t-ack-order");
    const accepted = sign("msg_ack_a", {
      status: "accepted",
      erpOrderNumber: "SO-2",
      confirmedDeliveryDate: "2026-12-04",
    });
    const changed = sign("msg_ack_c", {
      status: "changed",
      erpOrderNumber: "SO-2",
      confirmedDeliveryDate: "2026-12-09",
    });
    expect((await post(orderId, accepted)).status).toBe(200);
    expect((await post(orderId, changed)).status).toBe(200);
    expect(readOrderStatus(db, orderId)?.status).toBe("changed");

    const replayed = await post(orderId, accepted);
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toMatchObject({ duplicate: true });
    expect(readOrderStatus(db, orderId)?.status).toBe("changed");
    expect(readOrderStatus(db, orderId)?.history.map((h) => h.status)).toEqual(["handed_off", "accepted", "changed"]);
  });
});

describe("unauthenticated bodies outside /v1", { timeout: 60_000 }, () => {
  it("the demo ERP receiver and the demo sign-in refuse a huge body with 413 instead of buffering it", async () => {
    const db = demoWorld();
    const demo = createDemoErp({ secret: SECRET, shieldBaseUrl: "http://127.0.0.1:9", acknowledge: false });
    const app = new OpenAPIHono();
    app.route("/demo-erp", demo.app);
    app.route("/", createStorefrontRoutes({ db, secret: "a-storefront-secret-of-32-chars-0123456789", audience: "x" }));
    const served = await listen(app);
    cleanups.push(() => served.close());

    // No credentials needed to send it: the signature is checked only after the body was read.
    const huge = "a".repeat(12 * 1024 * 1024);
    const webhook = await fetch(`${served.url}/demo-erp/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": "x",
        "webhook-timestamp": "1",
        "webhook-signature": "v1,x",
      },
      body: huge,
    });
    expect(webhook.status).toBe(413);
    const signIn = await fetch(`${served.url}/demo/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customerId: "C-1001", pad: "a".repeat(64 * 1024) }),
    });
    expect(signIn.status).toBe(413);
    expect(demo.receipts()).toEqual([]);
  });
});

describe("the demo ERP's listing", { timeout: 90_000 }, () => {
  it("is not served to anyone once buyer sessions are real: it lists every customer's orders", async () => {
    const dir = mkdtempSync(join(tmpdir(), "os-attack-erp-"));
    const server = await startServer({
      env: readEnv({
        DATABASE_PATH: join(dir, "shop.db"),
        PORT: "0",
        LOG_LEVEL: "silent",
        AUTH_JWT_SECRET: "a-real-deployment-secret-0123456789abcdef",
      }),
      distDir: dir,
    });
    cleanups.push(() => server.close(0));
    for (const path of ["/demo-erp/receipts", "/demo-erp"]) {
      const res = await fetch(`${server.base}${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});

describe("outbox administration", { timeout: 60_000 }, () => {
  it("replaying an event, every dead letter, and enabling the endpoint are overrides: each is in the audit log", async () => {
    const db = demoWorld();
    const orderId = placeOrder(db, "t-admin");
    const eventId = outboxRow(db, orderId).id;
    db.$client.prepare("update outbox set status = 'dead' where id = ?").run(eventId);
    const app = new OpenAPIHono();
    const webhookUrl = "http://127.0.0.1:9/hook";
    app.route("/", createErpRoutes({ db, integrationKey: INTEGRATION_KEY, webhookUrl }));
    const served = await listen(app);
    cleanups.push(() => served.close());
    const admin = (path: string) =>
      fetch(`${served.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${INTEGRATION_KEY}` } });

    expect((await admin("/v1/admin/outbox/replay-dead")).status).toBe(202);
    expect((await admin(`/v1/admin/outbox/${eventId}/replay`)).status).toBe(202);
    expect((await admin("/v1/admin/erp-endpoint/enable")).status).toBe(200);

    const trail = db.$client
      .prepare("select actor, action, subject from audit_log where actor like 'integration%'")
      .all();
    expect(trail).toEqual([
      { actor: "integration", action: "outbox.replay_dead", subject: "outbox" },
      { actor: "integration", action: "outbox.replay", subject: eventId },
      { actor: "integration", action: "erp_endpoint.enable", subject: webhookUrl },
    ]);
  });
});

describe("the SSE replay log", () => {
  it("is bounded in bytes, not only in events: a buyer's 200-line drafts cannot pin hundreds of MB per thread", () => {
    // A 200-line draft's `draft` event is about 350 kB; 500 of them per thread were all kept for replay.
    const hub = createEventHub({ replay: 500, replayBytes: 1024 * 1024 });
    const start = hub.nextId("t-big") - 1;
    const big = { draft: { lines: [] }, report: { pad: "x".repeat(100_000) } };
    for (let i = 0; i < 50; i++) hub.publish("t-big", "draft", big);
    const held = hub.since("t-big", start);
    expect(held.complete).toBe(false);
    expect(JSON.stringify(held.events.map((e) => e.data)).length).toBeLessThanOrEqual(1024 * 1024);
    // A client that is only a little behind still resumes without a resync; the newest event is always held.
    const last = held.events.at(-1)!.id;
    expect(hub.since("t-big", last - 1)).toMatchObject({ complete: true, events: [{ id: last }] });
  });
});
