/**
 * Adversarial review of the running product (session 15), over real HTTP against `startServer` on a temp SQLite file.
 * Each case below failed on the code before its fix:
 * - a rep took a thread from the colleague holding it (`force`) with no reason: the override was audited with who and
 *   from whom, but not why (DESIGN: every override is audited with actor, time and reason);
 * - the per-IP rate limit keyed on the peer address only: behind a reverse proxy every buyer shared one bucket, and
 *   there was no way to key on the client the proxy saw (`TRUST_PROXY_HOPS`, off by default: spoofable otherwise);
 * - a rep's event streams were unbounded and never expire (no token): a copilot reconnect storm that never closed the
 *   old connections, or a leaked key, held any number open for the life of the process (`SSE_STREAMS_PER_REP`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_NOW } from "../../catalog/seed/index.ts";
import { readEnv } from "../../server/env.ts";
import type { RunningServer } from "../../server/start.ts";
import { Buyer, OTHER_REP_KEY, REP_ID, REP_KEY, startRealServer } from "./helpers.ts";

let server: RunningServer;
let buyer: Buyer;

beforeAll(async () => {
  server = await startRealServer(
    "attack15",
    { REP_API_KEYS: `${REP_KEY}:${REP_ID},${OTHER_REP_KEY}:REP-KIM` },
    { now: () => DEMO_NOW },
  );
  buyer = await Buyer.of({ request: (path, init) => fetch(server.base + path, init) }, { customerId: "C-1001" });
}, 120_000);
afterAll(() => server?.close(0));

const rep = (path: string, body: unknown, key = REP_KEY) =>
  fetch(server.base + path, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

type Problem = { status: number; code: string; errors?: { field: string; message: string }[] };

describe("taking a thread from a colleague (a forced takeover)", { timeout: 60_000 }, () => {
  it("needs a reason: missing, empty, blank or too long is a 400 naming `body.reason`, and nothing changes hands", async () => {
    const threadId = await buyer.start();
    expect((await rep(`/v1/rep/threads/${threadId}/takeover`, {})).status).toBe(200);
    for (const body of [
      { force: true },
      { force: true, reason: "" },
      { force: true, reason: "   \n\t " },
      { force: true, reason: "x".repeat(1001) },
      { force: true, reason: null },
      { force: true, reason: 42 },
    ]) {
      const res = await rep(`/v1/rep/threads/${threadId}/takeover`, body, OTHER_REP_KEY);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await res.json()) as Problem;
      expect(problem.code).toBe("bad_request:body");
      expect(problem.errors?.map((e) => e.field)).toEqual(["body.reason"]);
    }
    const held = server.db.$client.prepare("select held_by from threads where id = ?").pluck().get(threadId);
    expect(held).toBe(REP_ID);
    const takeovers = server.db.$client
      .prepare("select actor from audit_log where subject = ? and action = 'thread.takeover'")
      .pluck()
      .all(`thread:${threadId}`);
    expect(takeovers).toEqual([`rep:${REP_ID}`]);
  });

  it("is audited with who, from whom and why; the rep view shows the reason", async () => {
    const threadId = await buyer.start();
    expect((await rep(`/v1/rep/threads/${threadId}/takeover`, {})).status).toBe(200);
    const reason = "  Sam is off sick; customer called the hotline about this order  ";
    const res = await rep(`/v1/rep/threads/${threadId}/takeover`, { force: true, reason }, OTHER_REP_KEY);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ threadId, heldBy: "REP-KIM" });
    const trail = server.db.$client
      .prepare("select actor, reason, data from audit_log where subject = ? and action = 'thread.takeover' order by id")
      .all(`thread:${threadId}`);
    expect(trail).toEqual([
      { actor: `rep:${REP_ID}`, reason: null, data: null },
      { actor: "rep:REP-KIM", reason: reason.trim(), data: JSON.stringify({ from: REP_ID }) },
    ]);
    const view = (await (
      await fetch(`${server.base}/v1/rep/threads/${threadId}`, { headers: { authorization: `Bearer ${REP_KEY}` } })
    ).json()) as { audit: { actor: string; action: string; reason: string | null; data: unknown }[] };
    expect(view.audit.at(-1)).toMatchObject({ actor: "rep:REP-KIM", action: "thread.takeover", reason: reason.trim() });
  });

  it("an ordinary takeover (nobody holds it) needs none, and may give one", async () => {
    const a = await buyer.start();
    expect((await rep(`/v1/rep/threads/${a}/takeover`, {})).status).toBe(200);
    const b = await buyer.start();
    expect((await rep(`/v1/rep/threads/${b}/takeover`, { reason: "VIP customer" })).status).toBe(200);
    const reason = server.db.$client
      .prepare("select reason from audit_log where subject = ? and action = 'thread.takeover'")
      .pluck()
      .get(`thread:${b}`);
    expect(reason).toBe("VIP customer");
    // Unknown fields are still refused, naming them.
    const odd = await rep(`/v1/rep/threads/${a}/takeover`, { force: true, reason: "ok", why: "x" }, OTHER_REP_KEY);
    expect(odd.status).toBe(400);
  });
});

describe("the per-IP rate limit behind a reverse proxy", { timeout: 60_000 }, () => {
  const hit = (s: RunningServer, forwardedFor?: string) =>
    fetch(`${s.base}/v1/catalog/search?q=seal`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });

  it("off by default: X-Forwarded-For is not trusted (a client would pick its own bucket)", async () => {
    expect(readEnv({}).TRUST_PROXY_HOPS).toBe(0);
    const s = await startRealServer("attack15-noproxy", { RATE_LIMIT_IP_PER_MIN: "3" });
    try {
      for (let i = 0; i < 3; i++) expect((await hit(s, `198.51.100.${i}`)).status).not.toBe(429);
      // Another forwarded address each time, same peer: one bucket, the fourth is refused.
      expect((await hit(s, "198.51.100.99")).status).toBe(429);
    } finally {
      await s.close(0);
    }
  });

  it("with TRUST_PROXY_HOPS=1, keys on the address the proxy appended (the right-most), not on what the client sent", async () => {
    const s = await startRealServer("attack15-proxy", { RATE_LIMIT_IP_PER_MIN: "3", TRUST_PROXY_HOPS: "1" });
    try {
      // Two clients behind one proxy (same peer): each has its own bucket.
      for (let i = 0; i < 3; i++) expect((await hit(s, "203.0.113.7")).status).not.toBe(429);
      expect((await hit(s, "203.0.113.7")).status).toBe(429);
      expect((await hit(s, "203.0.113.8")).status).not.toBe(429);
      // A client that forges a left-most hop still lands in the bucket of the address the proxy saw.
      expect((await hit(s, "10.9.9.9, 203.0.113.7")).status).toBe(429);
      expect((await hit(s, "  10.1.1.1 ,203.0.113.7 ")).status).toBe(429);
      // No header (a request that bypassed the proxy): the peer address, as without the setting.
      expect((await hit(s)).status).not.toBe(429);
    } finally {
      await s.close(0);
    }
  });

  it("with TRUST_PROXY_HOPS=2 (CDN + load balancer), the second hop from the right; too few hops: the left-most there is", async () => {
    const s = await startRealServer("attack15-proxy2", { RATE_LIMIT_IP_PER_MIN: "2", TRUST_PROXY_HOPS: "2" });
    try {
      expect((await hit(s, "1.1.1.1, 203.0.113.20, 10.0.0.2")).status).not.toBe(429);
      expect((await hit(s, "2.2.2.2, 203.0.113.20, 10.0.0.3")).status).not.toBe(429);
      expect((await hit(s, "203.0.113.20, 10.0.0.2")).status).toBe(429);
      expect((await hit(s, "203.0.113.21, 10.0.0.2")).status).not.toBe(429);
    } finally {
      await s.close(0);
    }
  });

  it("refuses a malformed TRUST_PROXY_HOPS at start", () => {
    for (const bad of ["-1", "yes", "1.5", "11"])
      expect(() => readEnv({ TRUST_PROXY_HOPS: bad })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe("a rep's event streams in a reconnect storm", { timeout: 60_000 }, () => {
  it("are bounded per rep (SSE_STREAMS_PER_REP): one more is a 429; a colleague is not affected; a closed one frees its slot", async () => {
    expect(readEnv({}).SSE_STREAMS_PER_REP).toBe(64);
    const s = await startRealServer("attack15-repstreams", {
      SSE_STREAMS_PER_REP: "3",
      REP_API_KEYS: `${REP_KEY}:${REP_ID},${OTHER_REP_KEY}:REP-KIM`,
    });
    const open = (path: string, key = REP_KEY, signal = AbortSignal.timeout(10_000)) =>
      fetch(s.base + path, { headers: { authorization: `Bearer ${key}` }, signal });
    try {
      const b = await Buyer.of({ request: (path, init) => fetch(s.base + path, init) }, { customerId: "C-1001" });
      const threadId = await b.start();
      const held = Array.from({ length: 3 }, () => new AbortController());
      const paths = ["/v1/rep/events", `/v1/rep/threads/${threadId}/events`, "/v1/rep/events"];
      for (const [i, c] of held.entries()) expect((await open(paths[i]!, REP_KEY, c.signal)).status).toBe(200);
      // Before: 200, and the next thousand too.
      const refused = await open(`/v1/rep/threads/${threadId}/events`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBeTruthy();
      expect(((await refused.json()) as { code: string }).code).toBe("rate_limit:streams");
      const kim = new AbortController();
      expect((await open("/v1/rep/events", OTHER_REP_KEY, kim.signal)).status).toBe(200);
      kim.abort();
      held[0]!.abort();
      let again = 0;
      for (let i = 0; i < 50 && again !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const res = await open("/v1/rep/events");
        again = res.status;
        if (again === 200) await res.body?.cancel();
      }
      expect(again).toBe(200);
      for (const c of held) c.abort();
    } finally {
      await s.close(0);
    }
  });
});
