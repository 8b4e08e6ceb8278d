/**
 * Load held: N buyers talk at once, for a fixed time, through two real server processes (`npm start`) on one
 * SQLite file — as behind a load balancer, so every turn's checkpoint and audit write competes for the one write
 * lock (SQLite busy is waited out and retried, never shown to a buyer). Afterwards every message a buyer sent is in
 * their thread, in order, through either process. Zero errors, zero lost messages; p95 latency printed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { Buyer, SECRET, type SseEvent } from "../server/helpers.ts";
import { type Started, startMain } from "../server/spawn.ts";
import { recordCounts, reliabilityScale } from "./counts.ts";

const dir = mkdtempSync(join(tmpdir(), "os-load-"));
const running: Started[] = [];
afterAll(async () => {
  for (const s of running) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const TEXTS = [
  "I need 2 mechanical seals for pump 2 in hall B",
  "is SE-MS28-CC-EPDM in stock? I need 5",
  "what does FL-CART-10-5UM cost?",
  "what's in my order?",
  "add 4 FL-CART-10-5UM",
  "hello",
];
const CUSTOMERS = ["C-1001", "C-1003"];

/**
 * fetch-like requests on a fresh connection each, so the figures are the server's and not a client pool's (how idle
 * pooled connections are kept is tests/server/keepalive.test.ts).
 */
const request =
  (base: string) =>
  (path: string, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        new URL(path, base),
        { method: init.method ?? "GET", headers: init.headers as Record<string, string>, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve(
              new Response(Buffer.concat(chunks), {
                status: res.statusCode ?? 0,
                headers: Object.entries(res.headers).map(([k, v]) => [k, String(v)] as [string, string]),
              }),
            ),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(typeof init.body === "string" ? init.body : undefined);
    });

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

describe("load held", () => {
  test("concurrent buyers through two server processes: no errors, no lost messages", { timeout: 600_000 }, async ({
    task,
  }) => {
    const buyers = reliabilityScale(8, 40);
    const seconds = reliabilityScale(5, 30);
    const env = {
      DATABASE_PATH: join(dir, "shop.db"),
      AUTH_JWT_SECRET: SECRET,
      RATE_LIMIT_IP_PER_MIN: "100000000",
      RATE_LIMIT_SESSION_PER_MIN: "100000000",
    };
    running.push(await startMain(env)); // seeds the database first
    running.push(await startMain({ ...env, SEED_DEMO: "false" }));
    const via = running.map((s) => ({ request: request(s.base) }));

    // One turn through each process first: the offline consultant learns its catalog on its first call.
    for (const v of via) {
      const warm = await Buyer.of(v, { customerId: "C-1001" });
      await warm.say(await warm.start(), "hello");
    }

    const latencies: number[] = [];
    const errors: string[] = [];
    let requests = 2 * via.length;
    const sent = new Map<string, { buyer: Buyer; texts: string[] }>();
    const stopAt = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: buyers }, async (_, b) => {
        const buyer = await Buyer.of(via[b % 2]!, { customerId: CUSTOMERS[b % CUSTOMERS.length]! });
        const threadId = await buyer.start();
        requests++;
        const texts: string[] = [];
        sent.set(threadId, { buyer, texts });
        // At least two turns each, however slow the machine; then on until the time is up.
        for (let n = 0; n < 2 || Date.now() < stopAt; n++) {
          // Each message is unique, so the check afterwards finds each one, not just one like it.
          const text = `${TEXTS[(b + n) % TEXTS.length]} (buyer ${b}, message ${n})`;
          const t = performance.now();
          let events: SseEvent[];
          try {
            // Alternate the process each turn: a thread is served by both.
            events = await new Buyer(via[(b + n) % 2]!, buyer.jwt).say(threadId, text);
          } catch (err) {
            const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : "";
            errors.push(`buyer ${b} message ${n}: ${err instanceof Error ? err.message : String(err)}${cause}`);
            continue;
          } finally {
            requests++;
          }
          texts.push(text);
          latencies.push(performance.now() - t);
          const failed = events.filter((e) => e.event === "error");
          const end = events.at(-1);
          if (failed.length || end?.data.status !== "completed")
            errors.push(`buyer ${b} message ${n}: ${JSON.stringify(failed.length ? failed : end)}`);
        }
      }),
    );

    const lost: string[] = [];
    for (const [threadId, { buyer, texts }] of sent) {
      const thread = await new Buyer(via[1]!, buyer.jwt).thread(threadId);
      requests++;
      const said = thread.messages.filter((m) => m.role === "buyer").map((m) => m.text);
      const missing = texts.filter((t) => !said.includes(t));
      if (missing.length) lost.push(`${threadId}: ${missing.length} of ${texts.length} missing`);
      else if (said.join("\n") !== texts.join("\n")) lost.push(`${threadId}: out of order`);
    }
    const p95 = percentile(latencies, 95);
    const turns = latencies.length;
    console.log(
      `load: ${buyers} buyers for ${seconds} s over 2 processes: ${turns} turns (${(turns / seconds).toFixed(1)}/s), ` +
        `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, ${errors.length} errors, ${lost.length} threads lost messages`,
    );
    recordCounts(task, {
      check: "load",
      requests,
      faults: 0,
      inputs: turns,
      orders: 0,
      lost: errors.length + lost.length,
      extra: { buyers, seconds, turns, p95_ms: Math.round(p95) },
    });
    expect({ errors, lost }).toEqual({ errors: [], lost: [] });
    expect(turns).toBeGreaterThanOrEqual(2 * buyers);
    expect(errors).toEqual([]);
    expect(lost).toEqual([]);
  });
});
