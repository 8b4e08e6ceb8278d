/**
 * Over real HTTP on loopback (@hono/node-server): a buyer's stream read as it arrives, a client that disconnects
 * mid-run (the turn runs on; a reconnect gets its reply and draft), the cancel endpoint (which does stop it),
 * one run at a time per thread, and resuming with Last-Event-ID after a dropped connection.
 */
import { serve, type ServerType } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { bearer, Buyer, readSse, said, testServer, type SseEvent, type TestServer } from "./helpers.ts";
import { heldWhenAsked, slowWhenAsked } from "./slow-model.ts";

interface Live {
  server: TestServer;
  base: string;
  http: ServerType;
  waiting: () => Promise<void>;
}

const open: ServerType[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) {
    (s as Server).closeAllConnections();
    await new Promise((r) => s.close(() => r(undefined)));
  }
});

async function live(): Promise<Live> {
  let notify: (() => void) | undefined;
  let waitingNow = new Promise<void>((r) => (notify = r));
  const server = testServer({
    model: (db) =>
      slowWhenAsked(db, () => {
        notify?.();
      }),
  });
  const http = serve({ fetch: server.app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((r) => http.once("listening", () => r()));
  open.push(http);
  const { port } = http.address() as AddressInfo;
  return {
    server,
    base: `http://127.0.0.1:${port}`,
    http,
    waiting: async () => {
      await waitingNow;
      waitingNow = new Promise<void>((r) => (notify = r));
    },
  };
}

const over = (base: string) => ({ request: (path: string, init?: RequestInit) => fetch(base + path, init) });

/** The `run_finished` event of the first run that started after event `afterId`. */
async function runFinished(server: TestServer, threadId: string, afterId: number): Promise<SseEvent> {
  const found = server.hub.since(threadId, afterId).events.find((e) => e.event === "run_finished");
  if (found) return { id: found.id, event: found.event, data: found.data as Record<string, unknown> };
  return new Promise((resolve) => {
    const off = server.hub.subscribe(threadId, (e) => {
      if (e.event !== "run_finished") return;
      off();
      resolve({ id: e.id, event: e.event, data: e.data as Record<string, unknown> });
    });
  });
}

describe("the buyer API over real HTTP", { timeout: 60_000 }, () => {
  it("streams a run to a fetch client as it happens", async () => {
    const { base } = await live();
    const buyer = await Buyer.of(over(base));
    const threadId = await buyer.start();
    const res = await fetch(`${base}/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: buyer.headers(),
      body: JSON.stringify({ text: "2 SE-MS28-CC-EPDM for pump 2" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = await readSse(res);
    expect(events[0]?.event).toBe("run_started");
    expect(events.at(-1)).toMatchObject({ event: "run_finished", data: { status: "completed" } });
    expect(events.some((e) => e.event === "draft")).toBe(true);
  });

  it("a stream that drops mid-turn loses nothing: the turn runs to its end and a reconnect gets its reply and draft", async () => {
    // A dropped connection (a train tunnel, a proxy's idle timeout, a phone waking up) is not a stop: the widget's stop
    // button calls the cancel endpoint. Cutting the run on a drop threw away a turn the buyer's transcript shows as
    // sent — "add 3 boxes" stood unanswered and never reached the draft.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let notify!: () => void;
    const waiting = new Promise<void>((r) => (notify = r));
    const server = testServer({ model: (db) => heldWhenAsked(db, "[held]", () => (notify(), gate)) });
    const http = serve({ fetch: server.app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise<void>((r) => http.once("listening", () => r()));
    open.push(http);
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const buyer = await Buyer.of(over(base));
    const threadId = await buyer.start();
    await buyer.say(threadId, "2 SE-MS28-CC-EPDM for pump 2");
    // Resolves when the server sees the connection of the next message request close.
    const gone = new Promise<void>((resolve) =>
      http.on("request", (req, res) => {
        if (req.url?.endsWith("/messages")) res.once("close", () => resolve());
      }),
    );

    const client = new AbortController();
    const res = await fetch(`${base}/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: buyer.headers(),
      body: JSON.stringify({ text: "[held] add 3 boxes SE-OR-75X3-EPDM-B10" }),
      signal: client.signal,
    });
    const [started] = await readSse(res, (e) => e.event === "run_started");
    await waiting; // the model is working on it
    client.abort();
    await gone; // the server saw the connection go
    release();

    const resumed = await fetch(`${base}/v1/threads/${threadId}/events`, {
      headers: buyer.headers({ "last-event-id": String(started!.id) }),
    });
    const rest = await readSse(resumed, (e) => e.event === "run_finished");
    expect(rest.at(-1)?.data).toMatchObject({ runId: started!.data.runId, status: "completed" });
    expect(said(rest)).toContain("SE-OR-75X3-EPDM-B10");
    const after = await buyer.thread(threadId);
    expect(after.draft.lines.map((l) => l.sku)).toEqual(["SE-MS28-CC-EPDM", "SE-OR-75X3-EPDM-B10"]);
    expect(after.messages.slice(-2).map((m) => m.role)).toEqual(["buyer", "assistant"]);
  });

  it("cancels a run from another request; a second message meanwhile is a 409 problem", async () => {
    const { server, base, waiting } = await live();
    const buyer = await Buyer.of(over(base));
    const threadId = await buyer.start();
    const startedAfter = server.hub.nextId(threadId) - 1;
    const slow = fetch(`${base}/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: buyer.headers(),
      body: JSON.stringify({ text: "[slow] what is in my order?" }),
    });
    await waiting();
    const busy = await fetch(`${base}/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: buyer.headers(),
      body: JSON.stringify({ text: "hello" }),
    });
    expect(busy.status).toBe(409);
    expect(busy.headers.get("content-type")).toBe("application/problem+json");
    expect(await busy.json()).toMatchObject({ code: "conflict:run" });

    const cancel = await fetch(`${base}/v1/threads/${threadId}/cancel`, { method: "POST", headers: bearer(buyer.jwt) });
    expect(await cancel.json()).toEqual({ cancelled: true });
    const events = await readSse(await slow);
    expect(events.at(-1)).toMatchObject({ event: "run_finished", data: { status: "aborted" } });
    expect((await runFinished(server, threadId, startedAfter)).data.status).toBe("aborted");
    const again = await fetch(`${base}/v1/threads/${threadId}/cancel`, {
      method: "POST",
      headers: buyer.headers(),
      body: JSON.stringify({}),
    });
    expect(await again.json()).toEqual({ cancelled: false });
  });

  it("a stream that drops is resumed with Last-Event-ID from a follower that missed part of a run", async () => {
    const { base } = await live();
    const buyer = await Buyer.of(over(base));
    const threadId = await buyer.start();
    const { lastEventId } = await buyer.thread(threadId);
    // A second tab follows the thread; it drops after the first event it sees.
    const follower = await fetch(`${base}/v1/threads/${threadId}/events`, { headers: buyer.headers() });
    const run = await buyer.say(threadId, "I need 2 mechanical seals for pump 2 in hall B");
    const seen = await readSse(follower, () => true);
    expect(seen[0]?.id).toBe(lastEventId + 1);
    const resumed = await fetch(`${base}/v1/threads/${threadId}/events`, {
      headers: buyer.headers({ "last-event-id": String(seen[0]!.id) }),
    });
    const rest = await readSse(resumed, (e) => e.event === "run_finished");
    expect([...seen, ...rest].map((e) => e.id)).toEqual(run.map((e) => e.id));
    expect(said(rest)).toBe(said(run));
  });
});
