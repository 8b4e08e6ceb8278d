/**
 * Session 16's adversarial review of the server: unicode tricks in what buyers and reps type, and two server
 * processes on one database file confirming one draft.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Buyer, DEMO_NOW, parseSse, REP_KEY, repHeaders, startRealServer, testServer } from "./helpers.ts";

const post = (server: ReturnType<typeof testServer>, path: string, headers: Record<string, string>, body: unknown) =>
  server.request(path, { method: "POST", headers, body: JSON.stringify(body) });

describe("invisible characters in what buyers and reps type", { timeout: 120_000 }, () => {
  it("are not part of the text: a PO reference pasted with them reaches the ERP as the buyer sees it", async () => {
    // Found in session 16: "our PO number is PO-47<ZWSP>11" (a zero-width space, as a PDF or a web page pastes it)
    // put "PO-47" in the clean order; a soft hyphen gave "PO", a bidi isolate "PO". The buyer saw PO-4711 on screen
    // and the ERP got a reference that matches nothing.
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    for (const po of ["PO-47\u200B11", "PO-\u20664711\u2069", "PO-47\u00AD11", "\uFEFFPO-4711\u200D"]) {
      const id = await buyer.start();
      await buyer.say(id, "2 SE-MS28-CC-EPDM for pump 2");
      await buyer.say(id, `our PO number is ${po}`);
      const place = await buyer.say(id, "place the order");
      const hash = String(place.find((e) => e.event === "interrupt")?.data.draftHash);
      const done = await buyer.confirm(id, hash);
      const orderId = String(done.at(-1)?.data.orderId);
      const row = server.db.$client
        .prepare("SELECT po_reference AS po, payload FROM orders WHERE id = ?")
        .get(orderId) as { po: string; payload: string } | undefined;
      expect(row?.po, JSON.stringify(po)).toBe("PO-4711");
      expect(JSON.parse(row!.payload).header.customerPoReference, JSON.stringify(po)).toBe("PO-4711");
      // The transcript keeps what the buyer meant, without the invisible characters.
      const said = (await buyer.thread(id)).messages.filter((m) => m.role === "buyer").map((m) => m.text);
      expect(said[1]).toBe("our PO number is PO-4711");
    }
  });

  it("a message of nothing but invisible characters is a 400 naming body.text, like an empty one", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const id = await buyer.start();
    for (const text of ["\u200B\u200B", " \u202E \uFEFF ", "\u2066\u2069"]) {
      const res = await post(server, `/v1/threads/${id}/messages`, buyer.headers(), { text });
      expect(res.status, JSON.stringify(text)).toBe(400);
      const problem = (await res.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain("body.text");
    }
    expect((await buyer.thread(id)).messages).toEqual([]);
  });

  it("a rep's message and note lose them too (the same field holds a decision's and a takeover's reason)", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const id = await buyer.start();
    await buyer.say(id, "hello");
    expect((await post(server, `/v1/rep/threads/${id}/takeover`, repHeaders(REP_KEY), {})).status).toBe(200);
    const sent = await post(server, `/v1/rep/threads/${id}/messages`, repHeaders(REP_KEY), {
      text: "your PO PO-47\u200B11 is noted \u202Etxt.exe",
    });
    expect(sent.ok).toBe(true);
    const noted = await post(server, `/v1/rep/threads/${id}/notes`, repHeaders(REP_KEY), { text: "\u200Bcall back" });
    expect(noted.ok).toBe(true);
    const onlyInvisible = await post(server, `/v1/rep/threads/${id}/notes`, repHeaders(REP_KEY), { text: "\u200B" });
    expect(onlyInvisible.status).toBe(400);
    const view = (await (await server.request(`/v1/rep/threads/${id}`, { headers: repHeaders(REP_KEY) })).json()) as {
      messages: { role: string; text: string }[];
      notes: { text: string }[];
    };
    expect(view.messages.filter((m) => m.role === "rep").map((m) => m.text)).toEqual([
      "your PO PO-4711 is noted txt.exe",
    ]);
    expect(view.notes.map((n) => n.text)).toEqual(["call back"]);
  });
});

describe("two server processes on one database file confirming one draft (held)", { timeout: 240_000 }, () => {
  // Held in session 16: the thread's lease (agent/thread-lease.ts) serialises the runs; this pins it for confirmations.
  it("the same confirmation through both at once is one order; a confirmation racing a change places only the draft it names", async () => {
    const DATABASE_PATH = join(mkdtempSync(join(tmpdir(), "os-confirm-two-")), "shop.db");
    const s1 = await startRealServer("confirm-a", { DATABASE_PATH }, { now: () => DEMO_NOW });
    const s2 = await startRealServer("confirm-b", { DATABASE_PATH, SEED_DEMO: "false" }, { now: () => DEMO_NOW });
    try {
      const via = (s: { base: string }) => ({ request: (p: string, i?: RequestInit) => fetch(s.base + p, i) });
      const one = await Buyer.of(via(s1), { customerId: "C-1001" });
      const two = new Buyer(via(s2), one.jwt);
      const post = async (b: Buyer, path: string, body: unknown) => {
        const res = await b.server.request(path, { method: "POST", headers: b.headers(), body: JSON.stringify(body) });
        expect(res.status, path).toBe(200);
        return parseSse(await res.text());
      };
      const ready = async () => {
        const id = await one.start();
        await one.say(id, "2 SE-MS28-CC-EPDM for pump 2");
        const place = await one.say(id, "place the order");
        return { id, hash: String(place.find((e) => e.event === "interrupt")?.data.draftHash) };
      };
      const orders = (id: string) =>
        s1.db.$client
          .prepare(
            "SELECT o.id, o.draft_hash AS hash, group_concat(l.sku || ' x ' || l.quantity) AS lines FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.thread_id = ? GROUP BY o.id",
          )
          .all(id) as { id: string; hash: string; lines: string }[];

      for (let i = 0; i < 3; i++) {
        const { id, hash } = await ready();
        const [a, b] = await Promise.all([
          post(one, `/v1/threads/${id}/confirm`, { draftHash: hash }),
          post(two, `/v1/threads/${id}/confirm`, { draftHash: hash }),
        ]);
        const placed = orders(id);
        expect(placed, id).toEqual([{ id: expect.any(String), hash, lines: "SE-MS28-CC-EPDM x 2.0" }]);
        // Both answers name that one order.
        expect([a.at(-1)?.data.orderId, b.at(-1)?.data.orderId]).toEqual([placed[0]!.id, placed[0]!.id]);
      }
      for (const delay of [0, 20, 80]) {
        const { id, hash } = await ready();
        // The buyer changes the quantity through one process while their confirmation of the old version reaches
        // the other: either the confirmation came first (an order of 2 at that hash) or the change did (no order).
        const change = post(two, `/v1/threads/${id}/messages`, { text: "change the quantity to 5" });
        await new Promise((r) => setTimeout(r, delay));
        await Promise.all([post(one, `/v1/threads/${id}/confirm`, { draftHash: hash }), change]);
        const placed = orders(id);
        expect(placed.length, `${id} after ${delay} ms`).toBeLessThanOrEqual(1);
        for (const o of placed) expect(o, id).toMatchObject({ hash, lines: "SE-MS28-CC-EPDM x 2.0" });
      }
    } finally {
      await s1.close();
      await s2.close();
    }
  });
});

describe("the pages' Content-Security-Policy", { timeout: 60_000 }, () => {
  // Session 16: every page allowed inline script ('unsafe-inline'), which only Swagger UI needs — on the storefront
  // and on /rep, whose copilot keeps a rep key in localStorage, one markup injection anywhere would have run. The
  // widget, copilot and storefront load only their own scripts (tests/widget/hostile-text.test.ts runs them under a
  // policy without inline script).
  const directives = (res: Response) =>
    Object.fromEntries(
      (res.headers.get("content-security-policy") ?? "")
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );
  it("allows no inline script except on /docs (Swagger UI's start-up script)", async () => {
    const server = testServer();
    for (const path of ["/", "/rep", "/healthz", "/v1/catalog/search?q=seal", "/openapi.json", "/nope"]) {
      const csp = directives(await server.request(path));
      expect(csp["script-src"], path).toEqual(["'self'"]);
      expect(csp["object-src"], path).toEqual(["'none'"]);
      expect(csp["frame-ancestors"], path).toEqual(["'self'"]);
    }
    const docs = await server.request("/docs");
    expect(docs.status).toBe(200);
    expect(directives(docs)["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
