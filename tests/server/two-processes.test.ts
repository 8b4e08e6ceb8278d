/**
 * Two server processes on one database file (as behind a load balancer): two buyers of different customers start
 * the same thread ids at the same moment, one through each process. Each id gets exactly one owner; both processes
 * agree who it is; the loser sees a 404 as for any thread that is not theirs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Buyer, SECRET } from "./helpers.ts";
import { type Started, startMain } from "./spawn.ts";

const dir = mkdtempSync(join(tmpdir(), "os-two-"));
const REP_KEYS = "rep-key-sam-two-processes:REP-SAM,rep-key-kim-two-processes:REP-KIM";
const running: Started[] = [];
afterAll(async () => {
  for (const s of running) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("two server processes, one database", { timeout: 180_000 }, () => {
  it("binds each contested thread to exactly one customer", async () => {
    const env = { DATABASE_PATH: join(dir, "shared.db"), AUTH_JWT_SECRET: SECRET, REP_API_KEYS: REP_KEYS };
    running.push(await startMain(env)); // seeds the database first
    running.push(await startMain({ ...env, SEED_DEMO: "false" }));
    const [p1, p2] = running.map((s) => ({
      request: (path: string, init?: RequestInit) => fetch(s.base + path, init),
    }));
    const a = await Buyer.of(p1!, { customerId: "C-1001" });
    const b = await Buyer.of(p2!, { customerId: "C-1003" });
    const claim = (buyer: Buyer, id: string) =>
      buyer.server.request("/v1/threads", {
        method: "POST",
        headers: buyer.headers(),
        body: JSON.stringify({ threadId: id }),
      });

    const ids = Array.from({ length: 24 }, (_, i) => `contested-${i}`);
    const results = await Promise.all(ids.map((id) => Promise.all([claim(a, id), claim(b, id)])));
    const owners: Record<string, Buyer> = {};
    for (const [i, [ra, rb]] of results.entries()) {
      const statuses = [ra.status, rb.status];
      // Exactly one of them got it (201), the other a 404 — never both.
      expect(
        statuses.filter((s) => s === 201),
        ids[i],
      ).toHaveLength(1);
      expect(
        statuses.filter((s) => s === 404),
        ids[i],
      ).toHaveLength(1);
      owners[ids[i]!] = ra.status === 201 ? a : b;
    }

    // Both processes agree: the owner reads it through either process; the other customer through neither.
    for (const id of ids.slice(0, 6)) {
      const owner = owners[id]!;
      const other = owner === a ? b : a;
      for (const via of [p1!, p2!]) {
        const read = (buyer: Buyer) => via.request(`/v1/threads/${id}`, { headers: buyer.headers() });
        expect((await read(owner)).status).toBe(200);
        expect((await read(other)).status).toBe(404);
      }
    }

    // And the owner talks in it through the other process.
    const id = ids[0]!;
    const owner = owners[id]!;
    const elsewhere = new Buyer(owner === a ? p2! : p1!, owner.jwt);
    const run = await elsewhere.say(id, "what is in my order?");
    expect(run.at(-1)?.data).toMatchObject({ status: "completed" });
  });

  it("two reps taking over the same threads through different processes: each thread ends with exactly one holder", async () => {
    const [p1, p2] = running;
    const buyer = await Buyer.of({ request: (path, init) => fetch(p1!.base + path, init) }, { customerId: "C-1001" });
    const ids = await Promise.all(Array.from({ length: 12 }, () => buyer.start()));
    const takeover = (base: string, key: string, id: string) =>
      fetch(`${base}/v1/rep/threads/${id}/takeover`, { method: "POST", headers: { authorization: `Bearer ${key}` } });
    const [samKey, kimKey] = REP_KEYS.split(",").map((k) => k.split(":")[0]!);
    const results = await Promise.all(
      ids.map((id) => Promise.all([takeover(p1!.base, samKey!, id), takeover(p2!.base, kimKey!, id)])),
    );
    for (const [i, [sam, kim]] of results.entries()) {
      expect([sam.status, kim.status].sort(), ids[i]).toEqual([200, 409]);
      const holder = sam.status === 200 ? "REP-SAM" : "REP-KIM";
      // Both processes agree on who holds it.
      for (const base of [p1!.base, p2!.base]) {
        const view = await fetch(`${base}/v1/rep/threads/${ids[i]}`, {
          headers: { authorization: `Bearer ${samKey}` },
        });
        expect(((await view.json()) as { heldBy: string }).heldBy, ids[i]).toBe(holder);
      }
    }
  });
  it("two reps deciding one approval through different processes: one decision is taken, the other is a 409", async () => {
    // Session 13: in one process the second decision was already a 409 (tests/server/attack.test.ts). Through two,
    // both passed the route's check before either ran; the second then resumed into nothing under the thread's lease
    // and answered 200 `completed` — a rep told their rejection went through while the colleague's approval placed
    // the order.
    const [p1, p2] = running;
    const [samKey, kimKey] = REP_KEYS.split(",").map((k) => k.split(":")[0]!);
    const decide = (base: string, key: string, id: string, decision: string, draftHash: string) =>
      fetch(`${base}/v1/rep/threads/${id}/decision`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ decision, reason: "as agreed", draftHash }),
      });
    const buyer = await Buyer.of({ request: (path, init) => fetch(p1!.base + path, init) }, { customerId: "C-1004" });
    for (let round = 0; round < 4; round++) {
      const id = await buyer.start();
      await buyer.say(id, "20 PU-NCP-32-160-400");
      const place = await buyer.say(id, "place the order");
      const hash = String(place.find((e) => e.event === "interrupt")!.data.draftHash);
      await buyer.confirm(id, hash);
      expect((await buyer.thread(id)).pending?.type).toBe("approval");
      const [sam, kim] = await Promise.all([
        decide(p1!.base, samKey!, id, "approve", hash),
        decide(p2!.base, kimKey!, id, "reject", hash),
      ]);
      const answers = [
        { rep: "REP-SAM", status: sam.status, body: (await sam.json()) as { code?: string } },
        { rep: "REP-KIM", status: kim.status, body: (await kim.json()) as { code?: string } },
      ];
      expect(answers.map((a) => a.status).sort(), id).toEqual([200, 409]);
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body.code).toMatch(/^conflict:/);
      const view = (await (
        await fetch(`${p1!.base}/v1/rep/threads/${id}`, {
          headers: { authorization: `Bearer ${samKey}` },
        })
      ).json()) as { audit: { actor: string; action: string }[] };
      const taken = answers.find((a) => a.status === 200)!;
      expect(view.audit.filter((a) => a.action.startsWith("approval.")).map((a) => a.actor)).toEqual([
        `rep:${taken.rep}`,
      ]);
    }
  });
});
