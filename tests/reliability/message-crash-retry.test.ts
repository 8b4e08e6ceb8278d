/**
 * A buyer's message whose turn a crash cut, sent again under its Idempotency-Key (the widget's "Try again" after the
 * connection dropped with the server). The server kept the message (input durability), but the retry found it and
 * answered `resync` — a repeat — so the buyer got no reply until typing again. Now the retry runs the turn the crash
 * cut, once: one buyer message, one answer, the line added once; a further retry is a repeat.
 *
 * Two real server processes (`server/main.ts`) on one database file: the first is killed (SIGKILL) while its model
 * call is in flight — the model is an OpenAI-compatible endpoint in this test that kills the process when asked —,
 * the second (the built-in offline model) gets the retry.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Buyer, parseSse, SECRET } from "../server/helpers.ts";
import { type Started, startMain } from "../server/spawn.ts";

const dir = mkdtempSync(join(tmpdir(), "os-crash-retry-"));
const started: Started[] = [];
let model: Server | undefined;
afterAll(async () => {
  for (const s of started) await s.stop("SIGKILL");
  model?.close();
  rmSync(dir, { recursive: true, force: true });
});

const REP_KEY = "rep-key-crash-0123456789";

/** An OpenAI-compatible endpoint that kills `victim()` when the model is asked anything. */
async function killingModel(victim: () => Started | undefined, asked: () => void): Promise<string> {
  model = createServer((req) => {
    asked();
    victim()?.child.kill("SIGKILL");
    req.resume();
  });
  await new Promise<void>((r) => model!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`;
}

describe("a message whose turn a crash cut, sent again under its key", { timeout: 180_000 }, () => {
  it("is answered once by the restarted server: one message, one answer, the line added once", async () => {
    const env = {
      DATABASE_PATH: join(dir, "shop.db"),
      AUTH_JWT_SECRET: SECRET,
      REP_API_KEYS: `${REP_KEY}:REP-SAM`,
    };
    let first: Started | undefined;
    let modelAsked!: () => void;
    const asked = new Promise<void>((r) => (modelAsked = r));
    const baseURL = await killingModel(() => first, modelAsked);
    first = await startMain({ ...env, OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: "sk-test", OPENAI_MAX_RETRIES: "0" });
    started.push(first);
    const buyer = await Buyer.of({ request: (p, init) => fetch(`${first!.base}${p}`, init) }, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const text = "add 2 SE-MS28-CC-EPDM";
    const key = "msg-crash-0001";
    const post = (base: string) =>
      fetch(`${base}/v1/threads/${threadId}/messages`, {
        method: "POST",
        headers: buyer.headers({ "idempotency-key": key }),
        body: JSON.stringify({ text }),
      });
    // The connection dies with the process: the buyer's browser sees a network error.
    const lost = post(first.base)
      .then((r) => r.text())
      .catch(() => "network error");
    await asked;
    expect(await first.stop()).toMatch(/SIGKILL/);
    await lost;

    const second = await startMain(env);
    started.push(second);
    const again = await post(second.base);
    expect(again.status).toBe(200);
    const events = parseSse(await again.text());
    expect(events.at(-1)).toMatchObject({ event: "run_finished", data: { status: "completed" } });
    expect(events.map((e) => e.event)).not.toContain("resync");
    expect(events.some((e) => e.event === "message" || e.event === "text")).toBe(true);

    const read = async () => {
      const res = await fetch(`${second.base}/v1/threads/${threadId}`, { headers: buyer.headers() });
      return (await res.json()) as {
        messages: { role: string; text: string }[];
        draft: { lines: { sku: string; quantity: number }[] };
      };
    };
    const thread = await read();
    expect(thread.messages.map((m) => m.role)).toEqual(["buyer", "assistant"]);
    expect(thread.messages[0]!.text).toBe(text);
    expect(thread.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);

    // Sent yet again: a repeat now — no second turn, the line not added twice.
    const third = await post(second.base);
    expect(parseSse(await third.text()).map((e) => e.event)).toContain("resync");
    const after = await read();
    expect(after.messages).toHaveLength(2);
    expect(after.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);
  });
});
