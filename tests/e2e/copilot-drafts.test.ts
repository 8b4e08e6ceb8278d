/**
 * Session 20's review: a rep typed a message (or a note) in one conversation, looked at another and came back — the
 * typed text was gone. The copilot keeps what a rep typed and has not sent per conversation (sessionStorage, for the
 * tab's lifetime) and gives it back on return; a sent message leaves no draft behind. Real Chromium.
 */
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_JWT_SECRET } from "../../server/env.ts";
import { browserSkipReason, hasText, visible, type World, startWorld } from "./harness.ts";

const skip = browserSkipReason();

async function threadWithMessage(world: World, customerId: string, text: string): Promise<string> {
  const jwt = await new SignJWT({ customer_id: customerId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(`buyer-${customerId}`)
    .setAudience("ordershield")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(new TextEncoder().encode(DEV_JWT_SECRET));
  const headers = { authorization: `Bearer ${jwt}`, "content-type": "application/json" };
  const res = await fetch(`${world.base}/v1/threads`, { method: "POST", headers, body: "{}" });
  const { threadId } = (await res.json()) as { threadId: string };
  const said = await fetch(`${world.base}/v1/threads/${threadId}/messages`, {
    method: "POST",
    headers,
    body: JSON.stringify({ text }),
  });
  await said.text();
  return threadId;
}

describe.skipIf(skip !== null)("a rep's unsent text when switching conversations", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("is kept per conversation and restored on return; sending clears it", { timeout: 120_000 }, async () => {
    const first = await threadWithMessage(world, "C-1001", "add 2 SE-MS28-CC-EPDM");
    const second = await threadWithMessage(world, "C-1003", "what is in my order?");
    const context = await world.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const rep = await context.newPage();
    const errors: string[] = [];
    rep.on("pageerror", (e) => errors.push(e.message));
    await rep.goto(`${world.base}/rep`);
    const copilot = rep.locator("ordershield-copilot");
    const open = async (id: string) => {
      await copilot.locator(`button[data-thread="${id}"]`).click();
      await visible(copilot.getByRole("textbox", { name: "New internal note" }));
    };

    await open(first);
    await copilot.getByRole("button", { name: "Take over", exact: true }).click();
    await visible(copilot.getByRole("button", { name: "Hand back to assistant" }));
    const message = copilot.getByRole("textbox", { name: "Message to the buyer" });
    const note = copilot.getByRole("textbox", { name: "New internal note" });
    await message.fill("I can offer 5 % on the seals if you take");
    await note.fill("asked for a discount");

    await open(second);
    await expect.poll(() => note.inputValue()).toBe("");
    await note.fill("second customer, check credit");

    await open(first);
    await expect.poll(() => message.inputValue()).toBe("I can offer 5 % on the seals if you take");
    await expect.poll(() => note.inputValue()).toBe("asked for a discount");
    await open(second);
    await expect.poll(() => note.inputValue()).toBe("second customer, check credit");

    // Sent, it is no draft any more: back in the conversation the field is empty.
    await open(first);
    await message.fill("I can offer 5 % on the seals.");
    await copilot.getByRole("button", { name: "Send to buyer" }).click();
    await hasText(copilot.getByRole("log", { name: "Transcript" }), "I can offer 5 % on the seals.");
    await open(second);
    await open(first);
    await expect.poll(() => message.inputValue()).toBe("");
    await expect.poll(() => note.inputValue()).toBe("asked for a discount");
    expect(errors).toEqual([]);
    await context.close();
  });
});
