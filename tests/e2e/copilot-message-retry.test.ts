/**
 * A rep's message to the buyer whose answer was lost, in real Chromium: the server took it, but the copilot got a
 * proxy's 502 or a reset connection. The copilot keeps the message with the Idempotency-Key it was sent under and
 * "Try again" sends it under the same key, so the buyer gets it once (the server answers the repeat with 200 and the
 * first message's id) — the same mechanism as the buyer widget's (tests/e2e/message-retry.test.ts).
 */
import type { Locator, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSkipReason,
  hasText,
  openShop,
  REP_KEY,
  say,
  startWorld,
  storedThreadId,
  visible,
  type World,
} from "./harness.ts";

const skip = browserSkipReason();
const buyerTranscript = (page: Page) => page.getByRole("log", { name: /Conversation|Gesprächsverlauf/ });
const occurrences = async (log: Locator, text: string) => ((await log.textContent()) ?? "").split(text).length - 1;

describe.skipIf(skip !== null)("a rep's message sent again after its answer was lost", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("reaches the buyer's thread once: 'Try again' sends it under the same key", async () => {
    const { page, context, errors } = await openShop(world, "C-1001");
    await page
      .getByRole("button", { name: /Order assistant/ })
      .last()
      .click();
    await say(page, "add 2 SE-MS28-CC-EPDM");
    await hasText(buyerTranscript(page), "SE-MS28-CC-EPDM");
    const threadId = await storedThreadId(page);

    const rep = await context.newPage();
    rep.on("pageerror", (e) => errors.push(e.message));
    // Each message's first POST reaches the server and is taken; the copilot gets a failure instead of the answer.
    const keys: string[] = [];
    const failures: ((route: Route) => Promise<void>)[] = [
      (route) => route.fulfill({ status: 502, contentType: "text/html", body: "<h1>502 Bad Gateway</h1>" }),
      (route) => route.abort("connectionreset"),
    ];
    let failNext = false;
    await rep.route("**/v1/rep/threads/*/messages", async (route) => {
      keys.push(route.request().headers()["idempotency-key"] ?? "");
      if (!failNext) return route.continue();
      failNext = false;
      const upstream = await route.fetch();
      await upstream.body();
      await failures.shift()?.(route);
    });
    await rep.goto(`${world.base}/rep`);
    await rep
      .getByRole("navigation", { name: "Conversations" })
      .getByRole("button", { name: /C-1001/ })
      .first()
      .click();
    const copilot = rep.locator("ordershield-copilot");
    await copilot.getByRole("button", { name: "Take over", exact: true }).click();
    await visible(copilot.getByRole("button", { name: "Hand back to assistant" }));
    const repTranscript = copilot.getByRole("log", { name: "Transcript" });

    const texts = ["I can offer 5 % on the seals.", "They ship from Hamburg tomorrow."];
    for (const [i, text] of texts.entries()) {
      failNext = true;
      await copilot.getByRole("textbox", { name: "Message to the buyer" }).fill(text);
      await copilot.getByRole("button", { name: "Send to buyer" }).click();
      const unsent = copilot.getByRole("alert").filter({ hasText: text });
      await visible(unsent);
      await unsent.getByRole("button", { name: "Try again" }).click();
      await expect.poll(() => keys.length, { timeout: 30_000 }).toBe(2 * (i + 1));
      await expect.poll(() => unsent.count(), { timeout: 30_000 }).toBe(0);
      // The retry named the same message: one key, sent twice; each message its own key.
      expect(keys[2 * i]).toMatch(/^[\x21-\x7e]{16,}$/);
      expect(keys[2 * i + 1]).toBe(keys[2 * i]);
      await hasText(buyerTranscript(page), text);
      await hasText(repTranscript, text);
    }
    expect(new Set(keys).size).toBe(texts.length);

    // What the server keeps: each rep message once, in order.
    const res = await fetch(`${world.base}/v1/rep/threads/${threadId}`, {
      headers: { authorization: `Bearer ${REP_KEY}` },
    });
    const thread = (await res.json()) as { messages: { role: string; text: string }[] };
    expect(thread.messages.filter((m) => m.role === "rep").map((m) => m.text)).toEqual(texts);
    // And what the buyer and the rep see: each message once.
    for (const text of texts) {
      await expect.poll(() => occurrences(buyerTranscript(page), text), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => occurrences(repTranscript, text), { timeout: 30_000 }).toBe(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
