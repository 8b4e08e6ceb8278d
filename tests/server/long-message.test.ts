/**
 * A long buyer message against the running server (session 14 review): a 4,000-character message listing 200 parts
 * kept the offline consultant busy for seconds on the server's one thread, and /healthz (every other buyer) waited
 * the whole time; the items past the graph's twelve calls per step answered "too many tool calls".
 * No absolute timing: /healthz is polled while a message of twelve parts (the most served in one message) is answered
 * — the baseline of this machine, now — and again while the long one is, and the longest wait during the long one is
 * compared with the baseline: a long message holds the others no longer than the largest ordinary one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SEED_DIR } from "../../catalog/seed/index.ts";
import type { RunningServer } from "../../server/start.ts";
import { Buyer, said, type SseEvent, startRealServer } from "./helpers.ts";

let server: RunningServer;
let buyer: Buyer;

beforeAll(async () => {
  server = await startRealServer("long-message");
  buyer = await Buyer.of({ request: (path, init) => fetch(server.base + path, init) }, { customerId: "C-1001" });
  // The first messages of a process train the classifier and read the catalog: not part of any measurement.
  await buyer.say(await buyer.start(), "hello");
  await buyer.say(await buyer.start(), twelve(0));
}, 180_000);
afterAll(() => server?.close(0));

const SKUS = (JSON.parse(readFileSync(join(DEMO_SEED_DIR, "products.json"), "utf8")) as { sku: string }[]).map(
  (p) => p.sku,
);

/**
 * `run` while /healthz is asked again and again (the server runs in this process, so a block of its event loop holds
 * the asking too): the longest time between two answers, and how long `run` took.
 */
async function whilePolled<T>(run: () => Promise<T>) {
  let done = false;
  const started = performance.now();
  const result = run().finally(() => (done = true));
  let worst = 0;
  let answers = 0;
  let last = started;
  while (!done) {
    const res = await fetch(`${server.base}/healthz`);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    answers++;
    await sleep(5);
  }
  return { value: await result, worst, answers, took: performance.now() - started };
}

/** The baseline: a request of as many parts as the consultant serves in one message (twelve). */
const twelve = (k: number) =>
  `please add ${SKUS.slice(100, 112)
    .map((sku, i) => `${((i + k) % 3) + 1} x ${sku}`)
    .join(", ")}`;

const completed = (events: SseEvent[]) => events.at(-1)?.data.status;

describe("a long buyer message", { timeout: 300_000 }, () => {
  for (const [k, [what, text]] of (
    [
      [
        "a list of 200 parts (4,000 characters)",
        `please add ${Array.from({ length: 200 }, (_, i) => `${(i % 5) + 1} x ${SKUS[i % SKUS.length]}`).join(", ")}`.slice(
          0,
          4000,
        ),
      ],
      [
        "4,000 characters of numbers",
        Array.from({ length: 1000 }, (_, i) => String((i * 37) % 1000))
          .join(" ")
          .slice(0, 4000),
      ],
      // Session 15: text dense with numbers and no space to cut the size recognizer's windows at read as one window,
      // and chrono read a date in every "1/2": seconds on the event loop in one go.
      ["1,200 characters of digits joined by slashes", Array.from({ length: 2000 }, (_, i) => i % 10).join("/")],
      ["digits joined by commas", Array.from({ length: 2000 }, (_, i) => i % 10).join(",")],
      [
        "a German list of 200 parts",
        `Bitte bestellen: ${Array.from({ length: 200 }, (_, i) => `${(i % 5) + 1} Stück ${SKUS[(i * 7) % SKUS.length]}`).join("; ")}`.slice(
          0,
          4000,
        ),
      ],
    ] as [string, string][]
  ).entries())
    it(`${what}: other requests are answered meanwhile, and the buyer is told what to send again`, async () => {
      // The baseline: a request of twelve parts, measured the same way on this machine now.
      const short = await whilePolled(async () => buyer.say(await buyer.start(), twelve(k + 1)));
      expect(completed(short.value)).toBe("completed");

      const threadId = await buyer.start();
      const long = await whilePolled(() => buyer.say(threadId, text));
      expect(completed(long.value)).toBe("completed");
      console.info(
        `${what}: long ${Math.round(long.took)} ms, worst /healthz ${Math.round(long.worst)} ms over ${long.answers}; ` +
          `short ${Math.round(short.took)} ms, worst /healthz ${Math.round(short.worst)} ms`,
      );
      // The longest wait for /healthz while the long message is read is no longer than a request of twelve parts
      // takes (before: it waited for the whole long message, seconds; digits joined by slashes ~1.2 s in one go). A
      // quiet machine's twelve-part request can take ~100 ms, where scheduling noise alone exceeds 1.5 times it (a fresh
      // clone's CI saw 183 ms against 149; a full run beside other work 633 ms against 406): waits under 800 ms are
      // below what this guards against (1.2 s and more).
      expect(long.worst).toBeLessThanOrEqual(Math.max(3 * short.worst, 1.5 * short.took, 800));
      const reply = said(long.value);
      // Nothing dropped silently: where reading stopped, and what to send again, in the buyer's language.
      expect(reply).toMatch(/please send the rest|bitte schicken Sie den Rest/);
      expect(reply).not.toMatch(/too many tool calls|zu viele Werkzeugaufrufe/);
    });

  it("the items read are on the order, the first of the list in its order", async () => {
    const threadId = await buyer.start();
    const list = SKUS.slice(0, 30).map((sku, i) => `${(i % 3) + 1} x ${sku}`);
    const events = await buyer.say(threadId, `please add ${list.join(", ")}`);
    expect(completed(events)).toBe("completed");
    const thread = await buyer.thread(threadId);
    const skus = thread.draft.lines.map((l) => l.sku);
    // Every line is one of the first twelve items; the reply quotes where the rest begins.
    for (const sku of skus) expect(SKUS.slice(0, 12)).toContain(sku);
    expect(said(events)).toContain(`from "${list[12]}`);
  });
});
