/**
 * The edges a browser and an attacker see: CORS only for configured widget origins, body size limit, secure
 * headers, rate limits per IP and per session (429 problem+json with Retry-After), request ids, no stack traces.
 */
import { describe, expect, it } from "vitest";
import { Buyer, testServer, token } from "./helpers.ts";

describe("hardening", { timeout: 60_000 }, () => {
  it("CORS answers only the configured widget origins", async () => {
    const server = testServer({ env: { CORS_ORIGINS: "https://shop.example" } });
    const preflight = (origin: string) =>
      server.request("/v1/threads", {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
    const allowed = await preflight("https://shop.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(allowed.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const denied = await preflight("https://evil.example");
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    const search = await server.request("/v1/catalog/search?q=seal", { headers: { origin: "https://evil.example" } });
    expect(search.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("limits body size, sets secure headers and a request id, and never shows a stack", async () => {
    const server = testServer({ env: { BODY_LIMIT_BYTES: "2048" } });
    const buyer = await Buyer.of(server);
    const threadId = await buyer.start();
    const big = await server.request(`/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: buyer.headers(),
      body: JSON.stringify({ text: "x".repeat(5000) }),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toBe("application/problem+json");
    expect(await big.json()).toMatchObject({ code: "payload_too_large:body", requestId: expect.any(String) });

    const res = await server.request("/healthz");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age/);
    expect(res.headers.get("x-request-id")).toMatch(/\S+/);

    const bad = await server.request(`/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: buyer.headers(),
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).not.toMatch(/at .+\.ts:\d+|node_modules|SyntaxError/);
  });

  it("names the field at fault", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server);
    const threadId = await buyer.start();
    const res = await server.request(`/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: buyer.headers(),
      body: JSON.stringify({ text: "" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "bad_request:body", errors: [{ field: "body.text" }] });
  });

  it("rate-limits turns per session (429 with Retry-After) and requests per IP", async () => {
    const server = testServer({ env: { RATE_LIMIT_SESSION_PER_MIN: "2", RATE_LIMIT_IP_PER_MIN: "1000" } });
    const buyer = await Buyer.of(server, { contactId: "CT-1" });
    const threadId = await buyer.start();
    await buyer.say(threadId, "hello");
    const third = await server.request(`/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: buyer.headers(),
      body: JSON.stringify({ text: "hello again" }),
    });
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await third.json()).toMatchObject({ code: "rate_limit:requests" });
    // Another session of the same customer has its own budget.
    const colleague = await Buyer.of(server, { contactId: "CT-2" });
    expect(
      (await server.request("/v1/threads", { method: "POST", headers: colleague.headers(), body: "{}" })).status,
    ).toBe(201);

    const perIp = testServer({ env: { RATE_LIMIT_IP_PER_MIN: "3" } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await perIp.request("/v1/catalog/search?q=seal")).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("a JWKS-configured server verifies tokens with the published keys only", async () => {
    const { generateKeyPair, exportJWK, SignJWT } = await import("jose");
    const { serve } = await import("@hono/node-server");
    const { Hono } = await import("hono");
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    const jwksApp = new Hono().get("/jwks.json", (c) => c.json({ keys: [jwk] }));
    const jwks = serve({ fetch: jwksApp.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise<void>((r) => jwks.once("listening", () => r()));
    try {
      const { port } = jwks.address() as { port: number };
      const server = testServer({ env: { AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` } });
      const signed = await new SignJWT({ customer_id: "C-1001" })
        .setProtectedHeader({ alg: "ES256", kid: "k1" })
        .setSubject("b1")
        .setAudience("ordershield")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(privateKey);
      const ok = await server.request("/v1/threads", {
        method: "POST",
        headers: { authorization: `Bearer ${signed}` },
      });
      expect(ok.status).toBe(201);
      // An HS256 token signed with a shared secret is not accepted by a JWKS-configured server.
      const hs = await server.request("/v1/threads", {
        method: "POST",
        headers: { authorization: `Bearer ${await token()}` },
      });
      expect(hs.status).toBe(401);
    } finally {
      jwks.close();
    }
  });
});
