/**
 * Adversarial review of the running product (session 14), over real HTTP against `startServer` on a temp SQLite file,
 * as a hostile buyer and a bad network would. Each case below failed on the code before its fix:
 * - one buyer session held any number of `GET …/events` streams open (each for its token's life, up to an hour): the
 *   per-minute limits count requests, not open streams, so 600 a minute from one IP piled up without bound;
 * - a request whose headers or body were trickled (slow loris) held its socket and a waiting handler for Node's
 *   default 5 minutes;
 * - a follower that stopped reading its stream (a zero TCP window) pinned every event its thread published since —
 *   the replay log's byte budget did not reach the events waiting for it: one stalled stream on a thread its owner
 *   keeps busy (a 200-line draft's event is about 350 kB) grew the process's memory without bound;
 * - the ERP acknowledged an order with another order's ERP number (another customer's): accepted, so that buyer was
 *   shown the other order's number and — the acknowledgement counting as proof the ERP has the order — the order's
 *   delivery stopped: it never reached the ERP. The demo ERP did exactly that after every restart (numbers from
 *   SO-100001 again on a database that already held them).
 * "A confirm prompt replayed after the draft changed" held on the code as it was, and one case is a guard (marked):
 * they pin what no test covered.
 */
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_NOW } from "../../catalog/seed/index.ts";
import { readEnv } from "../../server/env.ts";
import { createErpRoutes, readOrderStatus, type OrderStatusEvent } from "../../server/erp/index.ts";
import { type RunningServer, startServer } from "../../server/start.ts";
import { ACK_KEY, demoWorld, listen, outboxRow, placeOrder } from "./erp-helpers.ts";
import { Buyer, readSse, REP_ID, REP_KEY, SECRET, startRealServer } from "./helpers.ts";

const STREAMS = 4;
const REQUEST_TIMEOUT_MS = 2000;

let server: RunningServer;
let buyer: Buyer;
let threadId: string;

beforeAll(async () => {
  server = await startRealServer(
    "attack14",
    {
      RATE_LIMIT_IP_PER_MIN: "10000",
      SSE_HEARTBEAT_MS: "1000",
      SSE_STREAMS_PER_SESSION: String(STREAMS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    },
    { now: () => DEMO_NOW },
  );
  buyer = await Buyer.of({ request: (path, init) => fetch(server.base + path, init) }, { customerId: "C-1001" });
  threadId = await buyer.start();
}, 120_000);
afterAll(() => server?.close(0));

const follow = (who: Buyer, id: string, signal: AbortSignal) =>
  fetch(`${server.base}/v1/threads/${id}/events`, { headers: who.headers(), signal });

describe("event streams held open by one buyer session", { timeout: 60_000 }, () => {
  it("are bounded: one more than SSE_STREAMS_PER_SESSION is a 429; another session is not affected, and a stream that ends gives its slot back", async () => {
    expect(readEnv({}).SSE_STREAMS_PER_SESSION).toBe(16);
    const open = Array.from({ length: STREAMS }, () => new AbortController());
    const otherThread = await buyer.start();
    // Across threads too: the bound is the session's, not a thread's.
    for (const [i, c] of open.entries()) {
      const res = await follow(buyer, i % 2 ? otherThread : threadId, c.signal);
      expect(res.status, `stream ${i + 1}`).toBe(200);
    }
    const refused = await follow(buyer, threadId, AbortSignal.timeout(5000));
    // Before: 200, and the next thousand too.
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect(((await refused.json()) as { code: string }).code).toBe("rate_limit:streams");

    // A colleague at the same customer (another session) is not affected.
    const colleague = await Buyer.of(buyer.server, { customerId: "C-1001", contactId: "CT-1001-2" });
    const theirs = new AbortController();
    expect((await follow(colleague, threadId, theirs.signal)).status).toBe(200);
    theirs.abort();

    // A stream that ends gives its slot back (the widget's reconnect after a drop is not refused).
    open[0]!.abort();
    await expect
      .poll(
        async () => {
          const c = new AbortController();
          const res = await follow(buyer, threadId, c.signal);
          if (res.status === 200) open[0] = c;
          else await res.body?.cancel();
          return res.status;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(200);
    for (const c of open) c.abort();
  });
});

/** A raw socket that sends `head` and then nothing more: whether and how the server ends it. */
async function stalled(head: string) {
  const { hostname, port } = new URL(server.base);
  const socket = net.connect(Number(port), hostname);
  await once(socket, "connect");
  let received = "";
  let closed = false;
  socket.on("data", (d: Buffer) => (received += d.toString("latin1")));
  socket.on("close", () => (closed = true));
  socket.on("error", () => {});
  socket.write(head);
  return { received: () => received, closed: () => closed, destroy: () => socket.destroy() };
}

describe("a request trickled in slowly (slow loris)", { timeout: 60_000 }, () => {
  it("is answered 408 and closed after HTTP_REQUEST_TIMEOUT_MS, whether its body or its headers stall", async () => {
    expect(readEnv({}).HTTP_REQUEST_TIMEOUT_MS).toBe(30_000);
    const body = await stalled(
      `POST /v1/threads/${threadId}/messages HTTP/1.1\r\nHost: x\r\nauthorization: Bearer ${buyer.jwt}\r\n` +
        `content-type: application/json\r\ncontent-length: 1000\r\n\r\n{"text":"two seals`,
    );
    const headers = await stalled(`GET /v1/threads/${threadId} HTTP/1.1\r\nHost: x\r\nauthorization: Bearer `);
    // Before: both still open after 8 s (Node's default is 300 s).
    await expect.poll(() => body.closed() && headers.closed(), { timeout: 4 * REQUEST_TIMEOUT_MS }).toBe(true);
    expect(body.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(headers.received()).toMatch(/^HTTP\/1\.1 408/);
    // The half-sent message never reached the thread.
    expect((await buyer.thread(threadId)).messages.filter((m) => m.role === "buyer")).toEqual([]);
  });

  // A guard (passed before the fix): the timeout must not reach what is not a request being received.
  it("does not cut a stream being answered, nor an idle keep-alive connection, that outlive it", async () => {
    const c = new AbortController();
    const res = await follow(buyer, threadId, c.signal);
    expect(res.status).toBe(200);
    const idle = await stalled(`GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n`);
    await sleep(REQUEST_TIMEOUT_MS * 2.5);
    expect(idle.closed()).toBe(false);
    // The stream, opened before the pause, still carries what happens now.
    const said = buyer.say(threadId, "2 SE-MS28-CC-EPDM for pump 2");
    const events = await readSse(res, (e) => e.event === "run_finished");
    expect(events.at(-1)).toMatchObject({ event: "run_finished", data: { status: "completed" } });
    await said;
    c.abort();
    idle.destroy();
  });
});

describe("a follower that stops reading its stream", { timeout: 120_000 }, () => {
  it("is ended once more than SSE_REPLAY_BYTES waits for it, and resumes with a resync instead of pinning every event", async () => {
    const id = await buyer.start();
    const { hostname, port } = new URL(server.base);
    const socket = net.connect(Number(port), hostname);
    await once(socket, "connect");
    let received = "";
    let ended = false;
    socket.on("data", (d: Buffer) => (received += d.toString("latin1")));
    socket.on("end", () => (ended = true));
    socket.on("error", () => {});
    socket.write(`GET /v1/threads/${id}/events HTTP/1.1\r\nHost: x\r\nauthorization: Bearer ${buyer.jwt}\r\n\r\n`);
    await expect.poll(() => received.includes("\r\n\r\n")).toBe(true);
    socket.pause();
    // The thread's own activity, as its owner can make it (turn after turn of large drafts): 600 events of 60 kB,
    // far more than the socket buffers and the replay budget (4 MiB) hold.
    const text = "x".repeat(60_000);
    for (let i = 0; i < 600; i++) {
      server.hub.publish(id, "message", { role: "assistant", text, messageId: `m-${i}` });
      if (i % 50 === 49) await sleep(20);
    }
    socket.resume();
    // Before: the stream went on and delivered all 600 (held in memory meanwhile); now it ends after what was sent.
    await expect.poll(() => ended || received.endsWith("\r\n0\r\n\r\n"), { timeout: 30_000, interval: 100 }).toBe(true);
    const ids = [...received.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids.length).toBeLessThan(600);
    socket.destroy();

    // The client resumes from the last event it got: the rest is no longer held, so it is told to re-read the thread.
    const c = new AbortController();
    const res = await fetch(`${server.base}/v1/threads/${id}/events`, {
      headers: buyer.headers({ "last-event-id": String(ids.at(-1) ?? 0) }),
      signal: c.signal,
    });
    const [first] = await readSse(res, () => true);
    expect(first?.event).toBe("resync");
    c.abort();
  });
});

describe("a confirm prompt replayed after the draft changed (held)", { timeout: 90_000 }, () => {
  it("confirms nothing: the replay ends on the current version, and the old hash places no order", async () => {
    const id = await buyer.start();
    const start = (await buyer.thread(id)).lastEventId;
    await buyer.say(id, "2 SE-MS28-CC-EPDM for pump 2");
    const place = await buyer.say(id, "place the order");
    const stale = String(place.find((e) => e.event === "interrupt")?.data.draftHash);
    const changed = await buyer.say(id, "make it 4 pieces");
    const current = (await buyer.thread(id)).pending?.draftHash;
    expect(current).toBeTruthy();
    expect(current).not.toBe(stale);
    // A reconnect from before both prompts replays them in order: the last word is the current version's.
    const c = new AbortController();
    const res = await fetch(`${server.base}/v1/threads/${id}/events?after=${start}`, {
      headers: buyer.headers(),
      signal: c.signal,
    });
    const replayed = await readSse(res, (e) => e.id === changed.at(-1)?.id);
    c.abort();
    const prompts = replayed.filter((e) => e.event === "interrupt").map((e) => e.data.draftHash);
    expect(prompts.at(-1)).toBe(current);
    const answer = await buyer.confirm(id, stale);
    expect(answer.at(-1)?.data).toMatchObject({ orderId: null, pending: "confirm" });
    const orders = server.db.$client.prepare("select count(*) as n from orders where thread_id = ?").get(id);
    expect(orders).toEqual({ n: 0 });
  });
});

describe("an ERP acknowledgement carrying another order's ERP number", { timeout: 60_000 }, () => {
  it("is a 409 naming the number: the other customer's order keeps its status, its holds and its delivery", async () => {
    const db = demoWorld();
    const theirs = placeOrder(db, "t-erp-theirs");
    const mine = placeOrder(db, "t-erp-mine", { customerId: "C-1003", sku: "SE-MS28-CC-EPDM" });
    const events: OrderStatusEvent[] = [];
    const app = new OpenAPIHono();
    app.route("/", createErpRoutes({ db, ackKey: ACK_KEY, onOrderStatus: (e) => events.push(e) }));
    const served = await listen(app);
    const ack = (orderId: string, erpOrderNumber: string) =>
      fetch(`${served.url}/v1/erp/orders/${orderId}/ack`, {
        method: "POST",
        headers: { authorization: `Bearer ${ACK_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ status: "accepted", erpOrderNumber, confirmedDeliveryDate: "2026-12-04" }),
      });
    expect((await ack(theirs, "SO-7001")).status).toBe(200);

    const wrong = await ack(mine, "SO-7001");
    // Before: 200 — C-1003 was told SO-7001 (C-1001's order) and their order was marked delivered, never sent.
    expect(wrong.status).toBe(409);
    expect(await wrong.json()).toMatchObject({
      code: "conflict:erp_order_number",
      errors: [{ field: "body.erpOrderNumber" }],
    });
    expect(readOrderStatus(db, mine)?.status).toBe("handed_off");
    expect(readOrderStatus(db, mine)?.erpOrderNumber ?? null).toBeNull();
    expect(outboxRow(db, mine).status).toBe("pending");
    expect(db.$client.prepare("select count(*) as n from reservations where order_id = ?").get(mine)).toEqual({ n: 1 });
    expect(events.map((e) => e.orderId)).toEqual([theirs]);

    // Its own number is taken; the first order's repeat stays a harmless duplicate.
    expect((await ack(mine, "SO-7002")).status).toBe(200);
    expect(await (await ack(theirs, "SO-7001")).json()).toMatchObject({ duplicate: true });
    await served.close();
  });

  it("is never what the demo ERP sends after a restart: its numbers go on from the database's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ordershield-attack14-erp-"));
    const env = readEnv({
      DATABASE_PATH: join(dir, "shop.db"),
      PORT: "0",
      LOG_LEVEL: "silent",
      AUTH_JWT_SECRET: SECRET,
      REP_API_KEYS: `${REP_KEY}:${REP_ID}`,
    });
    const numbers: string[] = [];
    for (const run of [1, 2]) {
      const s = await startServer({ env, distDir: dir, now: () => DEMO_NOW });
      try {
        const b = await Buyer.of({ request: (path, init) => fetch(s.base + path, init) }, { customerId: "C-1001" });
        const id = await b.start();
        await b.say(id, "2 SE-MS28-CC-EPDM for pump 2");
        const place = await b.say(id, "place the order");
        const hash = String(place.find((e) => e.event === "interrupt")?.data.draftHash);
        const done = await b.confirm(id, hash);
        const orderId = String(done.at(-1)?.data.orderId);
        await expect
          .poll(() => readOrderStatus(s.db, orderId)?.erpOrderNumber ?? null, { timeout: 20_000 })
          .not.toBeNull();
        numbers.push(readOrderStatus(s.db, orderId)!.erpOrderNumber!);
      } finally {
        await s.close(0);
      }
      expect(numbers, `run ${run}`).toHaveLength(run);
    }
    // Before: SO-100001 twice (two orders, one ERP number).
    expect(numbers).toEqual(["SO-100001", "SO-100002"]);
  });
});
