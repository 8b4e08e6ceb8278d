/**
 * Who may do what: buyer sessions are JWTs signed by the storefront (audience, expiry, signature checked); a
 * thread of another customer answers exactly like one that does not exist; guests may search and look up list
 * prices but not chat or order; rep endpoints need a rep key, never a buyer token.
 */
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { bearer, Buyer, REP_KEY, repHeaders, testServer, token } from "./helpers.ts";

const problem = async (res: Response) => {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as Record<string, unknown>;
  delete body.requestId;
  return body;
};

describe("buyer sessions", { timeout: 60_000 }, () => {
  const server = testServer();
  const post = (headers: Record<string, string>) =>
    server.request("/v1/threads", { method: "POST", headers: { "content-type": "application/json", ...headers } });

  it("no token: 401 for anything that chats or orders", async () => {
    const res = await post({});
    expect(res.status).toBe(401);
    expect(await problem(res)).toMatchObject({
      code: "unauthorized:session",
      errors: [{ field: "header.authorization" }],
    });
  });

  it("bad signature, expired, wrong audience, too long-lived, malformed: 401 without details of the key", async () => {
    const cases = {
      badSignature: await token({ secret: "another-secret-that-is-long-enough-000000" }),
      expired: await token({ expiresIn: -60, issuedAt: Math.floor(Date.now() / 1000) - 600 }),
      wrongAudience: await token({ audience: "another-app" }),
      tooLongLived: await token({ expiresIn: 30 * 86_400 }),
      garbage: "not.a.jwt",
    };
    for (const [name, jwt] of Object.entries(cases)) {
      const res = await post(bearer(jwt));
      expect(res.status, name).toBe(401);
      const body = await problem(res);
      expect(body.code, name).toBe("unauthorized:session");
      expect(JSON.stringify(body)).not.toMatch(/secret|stack|at \w+ \(/);
    }
    expect((await problem(await post(bearer(cases.expired)))).detail).toBe("session expired");
    expect((await post({ authorization: "Basic abc" })).status).toBe(401);
  });

  it("a token without a customer is refused; a none-algorithm token is refused", async () => {
    const noCustomer = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setAudience("ordershield")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("test-session-secret-0123456789-abcdefghij"));
    expect((await post(bearer(noCustomer))).status).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const payload = Buffer.from(
      JSON.stringify({
        sub: "x",
        customer_id: "C-1001",
        aud: "ordershield",
        exp: 9e9,
        iat: Math.floor(Date.now() / 1000),
      }),
    ).toString("base64url");
    expect((await post(bearer(`${header}.${payload}.`))).status).toBe(401);
  });

  it("another customer's thread is a 404 exactly like a thread that does not exist, on every buyer endpoint", async () => {
    const owner = await Buyer.of(server, { customerId: "C-1001" });
    const other = await Buyer.of(server, { customerId: "C-1003" });
    const threadId = await owner.start();
    await owner.say(threadId, "2 SE-MS28-CC-EPDM for pump 2");
    const missing = "no-such-thread";
    const calls: [string, string, unknown?][] = [
      ["GET", ""],
      ["POST", "/messages", { text: "what is in my order?" }],
      ["POST", "/confirm", { draftHash: "abc" }],
      ["POST", "/cancel", {}],
      ["GET", "/events"],
    ];
    for (const [method, suffix, body] of calls) {
      const ask = (id: string) =>
        server.request(`/v1/threads/${id}${suffix}`, {
          method,
          headers: other.headers(),
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
      const foreign = await ask(threadId);
      const absent = await ask(missing);
      expect(foreign.status, `${method} ${suffix}`).toBe(404);
      expect(await problem(foreign)).toEqual(await problem(absent));
    }
    // Naming the id to start it is no way in either.
    const claim = await server.request("/v1/threads", {
      method: "POST",
      headers: other.headers(),
      body: JSON.stringify({ threadId }),
    });
    expect(claim.status).toBe(404);
    // And the owner's thread is untouched.
    expect((await owner.thread(threadId)).draft.lines).toHaveLength(1);
  });
});

describe("guests", { timeout: 60_000 }, () => {
  const server = testServer();

  it("search the catalog and see list prices and general availability, never a contract price", async () => {
    const search = await server.request("/v1/catalog/search?q=mechanical%20seal%2028");
    expect(search.status).toBe(200);
    const { hits } = (await search.json()) as { hits: { sku: string }[] };
    expect(hits.map((h) => h.sku)).toContain("SE-MS28-CC-EPDM");

    const guest = (await (await server.request("/v1/catalog/products/SE-MS28-CC-EPDM")).json()) as {
      price: { unitPriceCents: number; source: string };
      availability: { inStock: boolean };
    };
    expect(guest.price.source).toBe("list");
    const buyer = (await (
      await server.request("/v1/catalog/products/SE-MS28-CC-EPDM", { headers: bearer(await token()) })
    ).json()) as { price: { unitPriceCents: number; source: string }; availability: { promiseDate: string } };
    // C-1001 has a contract price for this seal (the demo world's case): the guest never sees it.
    expect(buyer.price.source).not.toBe("list");
    expect(buyer.price.unitPriceCents).toBeLessThan(guest.price.unitPriceCents);
    expect(buyer.availability.promiseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof guest.availability.inStock).toBe("boolean");
  });

  it("cannot start a conversation or order", async () => {
    const start = await server.request("/v1/threads", { method: "POST" });
    expect(start.status).toBe(401);
    const owner = await Buyer.of(server);
    const threadId = await owner.start();
    const confirm = await server.request(`/v1/threads/${threadId}/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ draftHash: "x" }),
    });
    expect(confirm.status).toBe(401);
  });

  it("an unknown product is a 404 problem", async () => {
    const res = await server.request("/v1/catalog/products/NO-SUCH-SKU");
    expect(res.status).toBe(404);
    expect(await problem(res)).toMatchObject({ code: "not_found:product" });
  });
});

describe("rep credentials", () => {
  const server = testServer();
  it("rep endpoints need a rep key: none, a wrong one, or a buyer token is a 401", async () => {
    expect((await server.request("/v1/rep/threads")).status).toBe(401);
    expect((await server.request("/v1/rep/threads", { headers: repHeaders("wrong-key-0123456789") })).status).toBe(401);
    expect((await server.request("/v1/rep/threads", { headers: bearer(await token()) })).status).toBe(401);
    expect((await server.request("/v1/rep/threads", { headers: { "x-api-key": REP_KEY } })).status).toBe(200);
  });
});
