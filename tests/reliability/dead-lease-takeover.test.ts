/**
 * Session 20's review: a buyer's message retried after the server answering it crashed waited up to 30 s — the dead
 * process's turn lease had to run out first. Now a lease whose holder is provably gone (same machine, same process
 * namespace, its pid no longer running the process that took it) is taken over at once; a live holder's is not.
 *
 * Two real server processes (`server/main.ts`) on one database file. A's model (an OpenAI-compatible endpoint here)
 * never answers, so A holds the thread's lease, alive. The buyer's retry through B must wait while A lives — two
 * live processes never answer one message twice — and be answered promptly once A is killed (SIGKILL).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Buyer, parseSse, SECRET } from "../server/helpers.ts";
import { type Started, startMain } from "../server/spawn.ts";

const dir = mkdtempSync(join(tmpdir(), "os-dead-lease-"));
const started: Started[] = [];
let model: Server | undefined;
afterAll(async () => {
  for (const s of started) await s.stop("SIGKILL");
  model?.closeAllConnections();
  model?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An OpenAI-compatible endpoint that never answers (A's model call hangs, A holds the lease). */
async function hangingModel(asked: () => void): Promise<string> {
  model = createServer((req) => {
    asked();
    req.resume();
  });
  await new Promise<void>((r) => model!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`;
}

describe("a turn lease held by a crashed process", { timeout: 300_000 }, () => {
  it("is not taken from a live holder, and is taken over within seconds once the holder is killed", async () => {
    const env = {
      DATABASE_PATH: join(dir, "shop.db"),
      AUTH_JWT_SECRET: SECRET,
      REP_API_KEYS: "rep-key-lease-0123456789:REP-SAM",
    };
    let modelAsked!: () => void;
    const asked = new Promise<void>((r) => (modelAsked = r));
    const baseURL = await hangingModel(modelAsked);
    const a = await startMain({
      ...env,
      OPENAI_BASE_URL: baseURL,
      OPENAI_API_KEY: "sk-test",
      OPENAI_MAX_RETRIES: "0",
      OPENAI_TIMEOUT_MS: "600000",
    });
    started.push(a);
    const b = await startMain({ ...env, SEED_DEMO: "false" });
    started.push(b);
    const buyer = await Buyer.of({ request: (p, init) => fetch(`${a.base}${p}`, init) }, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const post = (base: string) =>
      fetch(`${base}/v1/threads/${threadId}/messages`, {
        method: "POST",
        headers: buyer.headers({ "idempotency-key": "msg-dead-lease-1" }),
        body: JSON.stringify({ text: "add 2 SE-MS28-CC-EPDM" }),
      });
    const lost = post(a.base)
      .then((r) => r.text())
      .catch(() => "network error");
    await asked;

    // A is alive and answering: B's retry waits for it (no second answer of the same message). B's stream opens at
    // once; its turn waits, so the body does not end.
    let settled = false;
    const retry = post(b.base).then(async (r) => {
      const body = await r.text();
      settled = true;
      return { status: r.status, body };
    });
    retry.catch(() => {});
    await new Promise((r) => setTimeout(r, 3_000));
    expect(settled).toBe(false);

    // A dies holding the lease: B takes it over at once, not after the lease's 30 s.
    expect(await a.stop("SIGKILL")).toMatch(/SIGKILL/);
    const killedAt = Date.now();
    await lost;
    const answered = await retry;
    const waited = Date.now() - killedAt;
    expect(answered.status).toBe(200);
    const events = parseSse(answered.body);
    expect(events.at(-1)).toMatchObject({ event: "run_finished", data: { status: "completed" } });
    expect(waited).toBeLessThan(10_000);

    const res = await fetch(`${b.base}/v1/threads/${threadId}`, { headers: buyer.headers() });
    const thread = (await res.json()) as { messages: { role: string }[]; draft: { lines: unknown[] } };
    expect(thread.messages.map((m) => m.role)).toEqual(["buyer", "assistant"]);
    expect(thread.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);
  });
});
