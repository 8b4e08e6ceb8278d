/**
 * Fuzzed requests on every endpoint (fast-check): random path parameters, query strings, headers and bodies, with
 * and without valid credentials. Whatever comes in, the answer is never a 5xx; every 4xx is problem+json; a run
 * that was accepted never ends in an internal error event.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordCounts } from "../reliability/counts.ts";
import { Buyer, parseSse, REP_KEY, testServer, token } from "./helpers.ts";

const server = testServer({ env: { RATE_LIMIT_IP_PER_MIN: "1000000", RATE_LIMIT_SESSION_PER_MIN: "1000000" } });

interface Endpoint {
  method: "GET" | "POST";
  path: (param: string) => string;
  auth: "buyer" | "rep" | "none";
  /** Streams that stay open: only the head is read. */
  follows?: boolean;
  /** A body of the right shape (random content), so requests also reach the handlers. */
  valid?: fc.Arbitrary<unknown>;
}

const text = fc.record({ text: fc.string({ minLength: 1, maxLength: 120 }) });
const hash = fc.record({ draftHash: fc.string({ minLength: 1, maxLength: 80 }), confirm: fc.boolean() });
const decision = fc.record({
  decision: fc.constantFrom("approve", "reject"),
  reason: fc.string({ minLength: 1, maxLength: 80 }),
  draftHash: fc.string({ minLength: 1, maxLength: 80 }),
});

const endpoints: Endpoint[] = [
  { method: "POST", path: () => "/v1/threads", auth: "buyer", valid: fc.record({ threadId: fc.string() }) },
  { method: "GET", path: (p) => `/v1/threads/${p}`, auth: "buyer" },
  { method: "POST", path: (p) => `/v1/threads/${p}/messages`, auth: "buyer", valid: text },
  { method: "POST", path: (p) => `/v1/threads/${p}/confirm`, auth: "buyer", valid: hash },
  { method: "POST", path: (p) => `/v1/threads/${p}/cancel`, auth: "buyer", valid: fc.record({ runId: fc.uuid() }) },
  { method: "GET", path: (p) => `/v1/threads/${p}/events`, auth: "buyer", follows: true },
  { method: "GET", path: (p) => `/v1/catalog/search?q=${p}`, auth: "buyer" },
  { method: "GET", path: (p) => `/v1/catalog/products/${p}`, auth: "buyer" },
  { method: "GET", path: (p) => `/v1/rep/threads?status=${p}&limit=${p}`, auth: "rep" },
  { method: "GET", path: (p) => `/v1/rep/threads/${p}`, auth: "rep" },
  { method: "GET", path: () => "/v1/rep/events", auth: "rep", follows: true },
  { method: "GET", path: (p) => `/v1/rep/threads/${p}/events`, auth: "rep", follows: true },
  { method: "POST", path: (p) => `/v1/rep/threads/${p}/decision`, auth: "rep", valid: decision },
  { method: "POST", path: (p) => `/v1/rep/threads/${p}/takeover`, auth: "rep" },
  { method: "POST", path: (p) => `/v1/rep/threads/${p}/release`, auth: "rep" },
  { method: "POST", path: (p) => `/v1/rep/threads/${p}/messages`, auth: "rep", valid: text },
  { method: "POST", path: (p) => `/v1/rep/threads/${p}/notes`, auth: "rep", valid: text },
  { method: "GET", path: () => "/healthz", auth: "none" },
  { method: "GET", path: () => "/readyz", auth: "none" },
  { method: "GET", path: () => "/openapi.json", auth: "none" },
];

describe("fuzzed requests", { timeout: 300_000 }, () => {
  it("never answer 5xx; every 4xx is problem+json", async ({ task }) => {
    const runs = Number(process.env.SERVER_FUZZ_RUNS ?? 400);
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    await buyer.say(threadId, "2 SE-MS28-CC-EPDM for pump 2");
    const validToken = buyer.jwt;
    const expired = await token({ expiresIn: -5, issuedAt: Math.floor(Date.now() / 1000) - 100 });

    const param = fc.oneof(
      { arbitrary: fc.constant(threadId), weight: 4 },
      fc.constant("SE-MS28-CC-EPDM"),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.string({ unit: "binary", maxLength: 300 }).map(encodeURIComponent),
      fc.constantFrom("..%2F..%2Fetc", "%00", "needs_approval", "-1", "1e309", "%E0%A4%A", "a".repeat(2000)),
    );
    const jsonValue = fc.oneof(
      fc.json({ maxDepth: 3 }),
      {
        weight: 4,
        arbitrary: fc
          .record(
            {
              text: fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant("x".repeat(5000))),
              draftHash: fc.oneof(fc.string({ maxLength: 80 }), fc.constant(null)),
              confirm: fc.oneof(fc.boolean(), fc.string()),
              decision: fc.oneof(fc.constantFrom("approve", "reject"), fc.string()),
              reason: fc.oneof(fc.string({ maxLength: 50 }), fc.integer()),
              runId: fc.oneof(fc.uuid(), fc.string()),
              threadId: fc.oneof(fc.string({ maxLength: 140 }), fc.constant(threadId)),
            },
            { requiredKeys: [] },
          )
          .map((v) => JSON.stringify(v)),
      },
      fc.string({ maxLength: 200 }),
      fc.constant("{"),
      fc.constant("x".repeat(70_000)),
    );
    const headerValue = fc.string({ maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s));
    // Mostly the credential the endpoint wants, so requests get past auth into validation and the handlers.
    const auth = fc.oneof(
      { arbitrary: fc.constant<string | undefined>("right"), weight: 6 },
      fc.constant<string | undefined>(undefined),
      fc.constant(`Bearer ${validToken}`),
      fc.constant(`Bearer ${expired}`),
      fc.constant(`Bearer ${REP_KEY}`),
      headerValue.map((h) => `Bearer ${h}`),
      headerValue,
    );
    const request = fc.constantFrom(...endpoints).chain((endpoint) =>
      fc.record({
        endpoint: fc.constant(endpoint),
        validBody: endpoint.valid ? fc.option(endpoint.valid, { nil: undefined, freq: 2 }) : fc.constant(undefined),
        param,
        body: fc.option(jsonValue, { nil: undefined }),
        contentType: fc.oneof(
          { arbitrary: fc.constant<string | undefined>("application/json"), weight: 8 },
          fc.constant(undefined),
          headerValue,
        ),
        authorization: auth,
        lastEventId: fc.option(headerValue, { nil: undefined }),
        origin: fc.option(headerValue, { nil: undefined }),
      }),
    );

    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        const right = { buyer: `Bearer ${validToken}`, rep: `Bearer ${REP_KEY}`, none: undefined }[r.endpoint.auth];
        const authorization = r.authorization === "right" ? right : r.authorization;
        if (authorization !== undefined) headers.authorization = authorization;
        if (r.contentType !== undefined) headers["content-type"] = r.contentType;
        if (r.lastEventId !== undefined) headers["last-event-id"] = r.lastEventId;
        if (r.origin !== undefined) headers.origin = r.origin;
        const res = await server.request(r.endpoint.path(r.param), {
          method: r.endpoint.method,
          headers,
          ...(r.endpoint.method === "POST" && r.body !== undefined ? { body: r.body } : {}),
          ...(r.validBody !== undefined ? { body: JSON.stringify(r.validBody) } : {}),
        });
        const what = `${r.endpoint.method} ${r.endpoint.path(r.param).slice(0, 80)} → ${res.status}`;
        expect(res.status, what).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type"), what).toBe("application/problem+json");
          const problem = (await res.json()) as { status: number; code: string };
          expect(problem.status, what).toBe(res.status);
          expect(problem.code, what).toMatch(/^[a-z_]+:[a-z_]+$/);
        } else if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
          if (r.endpoint.follows) await res.body?.cancel();
          else {
            const events = parseSse(await res.text());
            const errors = events.filter((e) => e.event === "error");
            expect(
              errors.filter((e) => String(e.data.code).startsWith("internal")),
              what,
            ).toEqual([]);
          }
        } else await res.arrayBuffer();
      }),
      { numRuns: runs, seed: Number(process.env.SERVER_FUZZ_SEED ?? 42) },
    );
    recordCounts(task, { check: "bad_input.endpoints", requests: runs, faults: 0, inputs: runs, orders: 0, lost: 0 });
  });
});
