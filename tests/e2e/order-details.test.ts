/**
 * Session 17's adversarial review, in real Chromium: what the buyer confirms includes the order's details. A model
 * that follows instructions planted in catalog text (here a scripted one, standing for any model: the shield must hold
 * whatever the model does) may set the ship-to, PO reference or requested date with the buyer's lines. The engine
 * lets that through — they are the customer's own sites and free fields — so the buyer's confirmation is the check,
 * and it must show them: the confirm card showed only the lines and the total.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detailsSettingModel } from "../server/helpers.ts";
import { browserSkipReason, hasText, openShop, say, startWorld, visible, type World } from "./harness.ts";

const skip = browserSkipReason();
const widget = (page: Page) => page.locator("ordershield-chat");

describe.skipIf(skip !== null)("the order's details at the buyer's confirmation", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ model: detailsSettingModel() });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("the confirm card shows the ship-to, PO reference and requested date the model set, and so does the order", async () => {
    const { page, context, errors } = await openShop(world, "C-1001");
    await page
      .getByRole("button", { name: /Order assistant/ })
      .last()
      .click();
    await say(page, "2 seals for pump 2");
    const confirm = page.getByRole("button", { name: /^Confirm order/ });
    await visible(confirm);
    const details = widget(page).getByRole("definition");
    await visible(details);
    const card = widget(page).locator(".os-details");
    // The ship-to as the buyer knows it — the site's name and address — not only its id.
    await hasText(card, "Bottling plant Hamburg");
    await hasText(card, "Veddeler Damm 40, 20457 Hamburg");
    await hasText(card, "INJ-1");
    expect(await card.textContent()).toMatch(/Requested delivery date/);
    await confirm.click();
    await visible(widget(page).locator(".os-status"));
    const row = world.db.$client.prepare("select payload from orders").get() as { payload: string };
    const header = (JSON.parse(row.payload) as { header: Record<string, unknown> }).header;
    expect(header).toMatchObject({ customerPoReference: "INJ-1" });
    expect(JSON.stringify(header)).toContain("ST-1001-HAMBURG");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
