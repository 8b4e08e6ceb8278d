/**
 * The buyer widget, the rep copilot and the demo storefront in real Chromium against the real server (offline
 * model, demo world): what a buyer and a rep see and do. Screenshots of the key states go to .artifacts/e2e.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSkipReason,
  COLLEAGUE_KEY,
  count,
  focused,
  hasText,
  lacksText,
  openShop,
  say,
  shot,
  startWorld,
  visible,
  type World,
} from "./harness.ts";

const skip = browserSkipReason();
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core on one element (shadow roots included); only serious and critical findings. */
async function axeFindings(page: Page, selector: string): Promise<string[]> {
  // Evaluated through the browser's debugging protocol, not as an inline <script>: the pages allow no inline script
  // (server/app.ts, Content-Security-Policy), and the test's tool must not need the product to weaken that.
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document.querySelector(sel), { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, selector);
}

const widget = (page: Page) => page.locator("ordershield-chat");
const transcript = (page: Page) => page.getByRole("log", { name: /Conversation|Gesprächsverlauf/ });

describe.skipIf(skip !== null)("widget in Chromium", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("keeps the buyer widget within its size budget", () => {
    const chat = world.bundles.find((b) => b.name === "widget")!;
    expect(chat.gzipBytes / 1024).toBeLessThanOrEqual(25);
  });

  it("a buyer finds a part for their machine, fixes a block, configures a product, confirms and sees the order status; a reload keeps it", async () => {
    const { page, context, errors } = await openShop(world, "C-1001");
    await expect.poll(() => page.getByRole("button", { name: "Pump 2" }).count()).toBe(1);
    await shot(page, "01-storefront");

    await page
      .getByRole("button", { name: /Order assistant/ })
      .last()
      .click();
    await say(page, "I need SE-MS24-CC-EPDM for pump 2");
    const fix = page.getByRole("button", { name: "Use SE-MS28-CC-EPDM instead" });
    await fix.waitFor();
    await visible(widget(page).getByText("Needs a change before ordering"));
    await hasText(widget(page).locator('[data-code="compat.serial_range"]'), "serial range");
    await hasText(widget(page).locator(".os-badge.rejected"), "Blocked");
    await fix.scrollIntoViewIfNeeded();
    await shot(page, "02-widget-blocked-with-fixes");

    await fix.click();
    await visible(widget(page).getByText("All checks passed"));
    await hasText(widget(page).locator('[data-sku="SE-MS28-CC-EPDM"]'), "€99.00");
    await hasText(widget(page).locator('[data-sku="SE-MS28-CC-EPDM"]'), "contract price");

    // A configurable pump: each open choice offers its allowed values as buttons.
    await say(page, "I need a pump PU-NCP-CFG with 400V");
    for (const value of ["2.2", "32", "EPDM"]) {
      const button = widget(page).locator('[data-sku="PU-NCP-CFG"] .os-fixes button', {
        hasText: new RegExp(`^${value}$`),
      });
      await button.first().waitFor();
      await button.first().click();
      await count(button, 0);
    }
    // The EPDM seal leaves one ATEX value: it is taken and said, not asked.
    await visible(
      widget(page)
        .getByText(/the only choice your other options allow/)
        .last(),
    );
    await hasText(widget(page).locator('[data-sku="PU-NCP-CFG"]'), "Mechanical seal: Carbon/ceramic, EPDM");
    await count(widget(page).locator('[data-sku="PU-NCP-CFG"] .os-issue.block'), 0);

    await say(page, "place the order");
    const confirm = page.getByRole("button", { name: /^Confirm order/ });
    await confirm.waitFor();
    await confirm.scrollIntoViewIfNeeded();
    await shot(page, "03-widget-confirm");
    const orderEvent = page.evaluate(
      () => new Promise((ok) => document.querySelector("ordershield-chat")!.on("order", (o) => ok(o))),
    );
    await confirm.click();
    const status = widget(page).locator(".os-status");
    const order = (await orderEvent) as { orderId: string; status: string };
    expect(order.status).toBe("handed_off");
    const row = world.db.$client
      .prepare("select id, customer_id as customerId from orders where id = ?")
      .get(order.orderId);
    expect(row).toEqual({ id: order.orderId, customerId: "C-1001" });

    // The outbox worker delivers the signed webhook to the demo ERP receiver, which verifies it, validates the clean
    // order and acknowledges with its own number: the open widget shows it, without a reload.
    await hasText(status, "ERP order number SO-1");
    const erpNumber = (await status.textContent())!.match(/SO-\d+/)![0];
    await shot(page, "04-widget-erp-confirmed");

    await page.reload();
    await page
      .getByRole("button", { name: /Order assistant/ })
      .last()
      .click();
    await hasText(transcript(page), "I need SE-MS24-CC-EPDM for pump 2");
    await hasText(transcript(page), order.orderId);
    await hasText(widget(page).locator(".os-status"), order.orderId);
    await hasText(widget(page).locator(".os-status"), erpNumber);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("a rep approves a pending order from the copilot and the buyer's widget updates", async () => {
    const { page, context } = await openShop(world, "C-1004");
    await page
      .getByRole("button", { name: /Order assistant/ })
      .last()
      .click();
    await say(page, "I need 9 PU-NCP-40-200-400");
    await visible(widget(page).getByText("Needs a sales rep's approval"));
    await say(page, "place the order");
    await page.getByRole("button", { name: /^Confirm order/ }).click();
    await visible(widget(page).locator('.os-status[data-status="pending_approval"]'));
    await shot(page, "05-widget-waiting-for-approval");

    const rep = await context.newPage();
    await rep.goto(`${world.base}/rep`);
    // The queue names the customer (with its number), not just the number.
    const queued = rep
      .getByRole("navigation", { name: "Conversations" })
      .getByRole("button", { name: /Stadtwerke Süd Wasser GmbH.*C-1004/ });
    await queued.click();
    await visible(rep.getByRole("heading", { name: /Stadtwerke Süd Wasser GmbH/ }));
    await visible(rep.getByRole("heading", { name: "Approval needed" }));
    await hasText(rep.locator("ordershield-copilot").locator('[data-sku="PU-NCP-40-200-400"]'), "€26,550.00");
    await rep.getByLabel("Reason").fill("Framework agreement 2027 covers this volume");
    await shot(rep, "06-copilot-approval");
    expect(await axeFindings(rep, "ordershield-copilot")).toEqual([]);
    await rep.getByRole("button", { name: "Approve" }).click();
    await visible(rep.getByText("“Framework agreement 2027 covers this volume”"));

    // Approved, handed off, delivered to the demo ERP and acknowledged: the buyer's open widget ends on the ERP's number.
    await hasText(widget(page).locator(".os-status"), "ERP order number SO-1");
    await shot(page, "07-widget-approved-and-sent");
    const audit = world.db.$client
      .prepare("select actor, reason from audit_log where reason = ?")
      .get("Framework agreement 2027 covers this volume");
    expect(audit).toEqual({ actor: "rep:REP-E2E", reason: "Framework agreement 2027 covers this volume" });
    await context.close();
  }, 120_000);

  it("a thread a colleague holds shows who holds it; the rep takes it over explicitly and can then write to the buyer", async () => {
    const { page, context } = await openShop(world, "C-1005");
    await page
      .getByRole("button", { name: /Order assistant/ })
      .last()
      .click();
    await say(page, "I need SE-MS24-CC-EPDM for pump 2");
    await visible(widget(page).locator('[data-sku="SE-MS24-CC-EPDM"]'));
    const { id: threadId } = world.db.$client
      .prepare("select id from threads where customer_id = 'C-1005' order by created_at desc limit 1")
      .get() as { id: string };
    const colleague = await fetch(`${world.base}/v1/rep/threads/${threadId}/takeover`, {
      method: "POST",
      headers: { authorization: `Bearer ${COLLEAGUE_KEY}` },
    });
    expect(colleague.status).toBe(200);

    const rep = await context.newPage();
    await rep.goto(`${world.base}/rep`);
    await rep
      .getByRole("navigation", { name: "Conversations" })
      .getByRole("button", { name: /C-1005/ })
      .first()
      .click();
    const copilot = rep.locator("ordershield-copilot");
    await visible(copilot.getByRole("button", { name: "Take over from REP-KIM" }));
    // Not this rep's thread: no box to write to the buyer, no hand-back.
    expect(await copilot.getByRole("textbox", { name: "Message to the buyer" }).count()).toBe(0);
    expect(await copilot.getByRole("button", { name: "Hand back to assistant" }).count()).toBe(0);
    expect(await axeFindings(rep, "ordershield-copilot")).toEqual([]);

    // Taking it from a colleague is an override: without a reason the copilot asks for one and sends nothing.
    await copilot.getByRole("button", { name: "Take over from REP-KIM" }).click();
    await visible(copilot.getByText("A reason is required."));
    expect(world.db.$client.prepare("select held_by from threads where id = ?").pluck().get(threadId)).toBe("REP-KIM");
    await copilot.getByRole("textbox", { name: "Reason for taking over" }).fill("Kim is on leave; the buyer called");
    expect(await axeFindings(rep, "ordershield-copilot")).toEqual([]);
    await copilot.getByRole("button", { name: "Take over from REP-KIM" }).click();
    await visible(copilot.getByRole("button", { name: "Hand back to assistant" }));
    // The audit trail shows who took it and why.
    await visible(copilot.getByText("“Kim is on leave; the buyer called”"));
    await copilot.getByRole("textbox", { name: "Message to the buyer" }).fill("Hello, this is the sales desk.");
    await copilot.getByRole("button", { name: "Send to buyer" }).click();
    await hasText(transcript(page), "Hello, this is the sales desk.");
    const audit = world.db.$client
      .prepare("select actor, reason, data from audit_log where subject = ? and action = 'thread.takeover' order by id")
      .all(`thread:${threadId}`);
    expect(audit).toEqual([
      { actor: "rep:REP-KIM", reason: null, data: null },
      { actor: "rep:REP-E2E", reason: "Kim is on leave; the buyer called", data: JSON.stringify({ from: "REP-KIM" }) },
    ]);
    await context.close();
  }, 120_000);

  it("the storefront shows the signed-in customer's own price and availability", async () => {
    const { page, context } = await openShop(world, "C-1001");
    await page.goto(`${world.base}/products/SE-MS28-CC-EPDM`);
    const buy = page.locator(".sf-buy");
    await hasText(buy, "€99.00");
    await hasText(buy, "your contract price");
    await hasText(buy, "In stock");
    await shot(page, "00-storefront-product");
    await page.getByLabel("Signed in as").selectOption("C-1004");
    await hasText(buy, "your price list");
    await context.close();
  }, 60_000);

  it("the shop's CSS does not leak into the widget and the widget's does not leak out", async () => {
    const { page, context } = await openShop(world, "C-1001");
    await page.addStyleTag({
      content: `* { font-family: "Comic Sans MS", cursive !important; color: rgb(255, 0, 0) !important; letter-spacing: 3px !important; }
        button { background: rgb(255, 0, 255) !important; border-radius: 0 !important; }
        p { font-size: 40px !important; }`,
    });
    await page.evaluate(() => {
      const probe = document.createElement("p");
      probe.className = "os-msg os-panel";
      probe.id = "probe";
      probe.textContent = "host";
      document.body.append(probe);
    });
    const launcher = page.getByRole("button", { name: /Order assistant/ }).last();
    const style = (name: string) => launcher.evaluate((el, n) => getComputedStyle(el).getPropertyValue(n), name);
    expect(await style("background-color")).toBe("rgb(11, 92, 171)");
    expect(await style("color")).toBe("rgb(255, 255, 255)");
    expect(await style("font-family")).not.toContain("Comic");
    await launcher.click();
    const greeting = widget(page).locator(".os-msg.assistant").first();
    expect(await greeting.evaluate((el) => getComputedStyle(el).fontSize)).toBe("14px");
    expect(await greeting.evaluate((el) => getComputedStyle(el).color)).not.toBe("rgb(255, 0, 0)");
    expect(await greeting.evaluate((el) => getComputedStyle(el).letterSpacing)).toBe("normal");
    // Out: the widget's classes mean nothing on the host page.
    const probe = page.locator("#probe");
    expect(await probe.evaluate((el) => getComputedStyle(el).borderRadius)).toBe("0px");
    expect(await probe.evaluate((el) => getComputedStyle(el).display)).toBe("block");
    await shot(page, "08-hostile-host-css");
    await context.close();
  }, 60_000);

  it("has no serious or critical accessibility violations, works by keyboard and speaks German", async () => {
    const { page, context } = await openShop(world, "C-1006", { locale: "de" });
    const launcher = page.getByRole("button", { name: /Bestellassistent/ }).last();
    await launcher.focus();
    await page.keyboard.press("Enter");
    const input = page.getByRole("textbox", { name: "Nachricht an den Bestellassistenten" });
    await focused(input);
    await page.keyboard.type("Ich brauche SE-MS24-CC-EPDM für Milk pump 1");
    await page.keyboard.press("Enter");
    await hasText(transcript(page), "SE-MS24-CC-EPDM");
    await visible(widget(page).locator(".os-card"));
    await shot(page, "09-widget-german");
    expect(await axeFindings(page, "ordershield-chat")).toEqual([]);
    await page.keyboard.press("Escape");
    await visible(launcher);
    await context.close();
  }, 60_000);

  it("fits a phone screen", async () => {
    const { page, context } = await openShop(world, "C-1001", { width: 390, height: 780 });
    await page
      .getByRole("button", { name: /Order assistant/ })
      .last()
      .click();
    const box = await widget(page).locator(".os-panel").boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 780 });
    await say(page, "I need a mechanical seal for pump 2 in hall B");
    await hasText(transcript(page), "SE-MS28-CC-EPDM");
    await shot(page, "10-widget-phone");
    await context.close();
  }, 60_000);

  it("tells the buyer when the session expired and keeps the unsent message for a retry", async () => {
    const { page, context } = await openShop(world, "C-1001");
    await page
      .getByRole("button", { name: /Order assistant/ })
      .last()
      .click();
    await page.evaluate(() => document.querySelector("ordershield-chat")!.setSessionToken("expired.token.value"));
    await say(page, "hello");
    await hasText(widget(page).getByRole("alert"), "Your session has expired");
    await lacksText(transcript(page), "hello");
    await shot(page, "11-widget-session-expired");
    await context.close();
  }, 60_000);

  it("the API docs page renders every operation with no network beyond the server", async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const outside: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(world.base)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${world.base}/docs`);
    await visible(page.locator(".opblock-summary-path").first());
    await hasText(page.locator(".swagger-ui .title"), "OrderShield API");
    expect(await page.locator(".opblock").count()).toBeGreaterThan(10);
    expect(outside).toEqual([]);
    await shot(page, "12-api-docs");
    await context.close();
  }, 60_000);
});
