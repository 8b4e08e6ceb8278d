/**
 * Session 18's adversarial review, in real Chromium: a message whose request failed after the server took it. The
 * widget keeps a message it could not send and offers to send it again — but "failed" may mean the answer was lost on
 * the way back (a proxy's 502 after the upstream ran, a reset connection). Sent again, it was a second message and a
 * second turn. The widget now names each message with an Idempotency-Key and sends it again under the same key.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSkipReason,
  hasText,
  openShop,
  say,
  startWorld,
  storedThreadId,
  visible,
  type World,
} from "./harness.ts";

const skip = browserSkipReason();
const transcript = (page: Page) => page.getByRole("log", { name: /Conversation|Gesprächsverlauf/ });

describe.skipIf(skip !== null)("a message sent again after its answer was lost", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("is one message and one turn on the server: the retry shows the answer the first request got", async () => {
    const { page, context, errors } = await openShop(world, "C-1001");
    const keys: string[] = [];
    let lost = 0;
    // The first POST reaches the server and is answered in full; the buyer's browser gets a proxy's 502 instead.
    await page.route("**/v1/threads/*/messages", async (route) => {
      keys.push(route.request().headers()["idempotency-key"] ?? "");
      if (lost++ > 0) return route.continue();
      const upstream = await route.fetch();
      await upstream.body();
      return route.fulfill({ status: 502, contentType: "text/html", body: "<h1>502 Bad Gateway</h1>" });
    });
    await page
      .getByRole("button", { name: /Order assistant/ })
      .last()
      .click();
    await say(page, "add 2 SE-MS28-CC-EPDM");
    const alert = page.locator("ordershield-chat").getByRole("alert");
    await visible(alert);
    await alert.getByRole("button", { name: /Try again|Erneut/ }).click();
    await hasText(transcript(page), "SE-MS28-CC-EPDM");
    await expect.poll(() => keys.length, { timeout: 30_000 }).toBe(2);

    // What the server keeps: one buyer message, one answer, the line once at 2.
    const threadId = await storedThreadId(page);
    const res = await fetch(`${world.base}/v1/rep/threads/${threadId}`, {
      headers: { authorization: "Bearer e2e-rep-key-0001" },
    });
    const thread = (await res.json()) as {
      messages: { role: string; text: string }[];
      draft: { lines: { sku: string; quantity: number }[] };
    };
    expect(thread.messages.filter((m) => m.role === "buyer").map((m) => m.text)).toEqual(["add 2 SE-MS28-CC-EPDM"]);
    expect(thread.messages.filter((m) => m.role === "assistant")).toHaveLength(1);
    expect(thread.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);
    // The retry named the same message: one key, sent twice.
    expect(keys[0]).toMatch(/^[\x21-\x7e]{16,}$/);
    expect(keys[1]).toBe(keys[0]);
    // And what the buyer sees: their message once.
    await expect
      .poll(async () => ((await transcript(page).textContent()) ?? "").split("add 2 SE-MS28-CC-EPDM").length - 1, {
        timeout: 30_000,
      })
      .toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
