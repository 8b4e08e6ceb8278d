/**
 * Hostile text in real Chromium (session 14's adversarial review): markup and `javascript:` links in a product's name
 * and description (catalog import), a customer's name, the buyer's own words, the model's reply that repeats them, a
 * rep's message and internal note — on a host page with a strict Content-Security-Policy (no inline script or style)
 * carrying two widgets. Everything must show as the literal text, run nothing, make no element, and the widgets must
 * work under the policy without violating it. This held on the code as it was; it pins what no test covered.
 */
import { SignJWT } from "jose";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_JWT_SECRET } from "../../server/env.ts";
import { browserSkipReason, hasText, REP_KEY, startWorld, visible, type World } from "../e2e/harness.ts";

const skip = browserSkipReason();
const SKU = "SE-MS28-CC-EPDM";
const NAME = `Seal <img src=x onerror="window.__pwned='name'"><script>window.__pwned='name-script'</script>`;
const DESCRIPTION = `<a href="javascript:window.__pwned='description'">click</a> <svg onload="window.__pwned='svg'">`;
const CUSTOMER = `Nordsee <img src=x onerror="window.__pwned='customer'"> GmbH`;
const BUYER_TEXT = `2 ${SKU} for pump 2 <img src=x onerror="window.__pwned='buyer'"> [x](javascript:window.__pwned='md')`;
const REP_TEXT = `<script>window.__pwned='rep'</script> see javascript:window.__pwned='link' <b>bold</b>`;
const NOTE = `<iframe srcdoc="<script>parent.__pwned='note'</script>"></iframe> credit check`;
/** Strict: scripts and styles only from the shop's own origin, no inline anything, no frames, no images. */
const CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; frame-src 'none'";

/** Markup a hostile string could have made inside a shadow root (or the document). */
const dangerous = (page: Page, host: string) =>
  page.evaluate((selector) => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const el of document.querySelectorAll(selector)) if (el.shadowRoot) roots.push(el.shadowRoot);
    const found: string[] = [];
    // The rep's "<b>bold</b>" as an element, or any element a hostile string could have made.
    for (const root of roots)
      for (const el of root.querySelectorAll("*"))
        if (el.matches("img, script:not([src]), iframe, svg[onload], [onerror], [onload]") || el.textContent === "bold")
          found.push(el.outerHTML.slice(0, 80));
    for (const root of roots)
      for (const a of root.querySelectorAll("a[href]"))
        if (!/^https?:|^\/|^#/.test(a.getAttribute("href") ?? "")) found.push(a.outerHTML.slice(0, 80));
    return { found, pwned: (window as unknown as { __pwned?: string }).__pwned ?? null };
  }, host);

describe.skipIf(skip !== null)("hostile text in the widget and the copilot", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
    world.db.$client.prepare("update products set name = ?, description = ? where sku = ?").run(NAME, DESCRIPTION, SKU);
    world.db.$client.prepare("update customers set name = ? where id = 'C-1001'").run(CUSTOMER);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("is shown as text under a strict CSP with two widgets on the page, in the buyer's and the rep's view", async () => {
    const token = await new SignJWT({ customer_id: "C-1001" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("hostile-buyer")
      .setAudience("ordershield")
      .setIssuedAt()
      .setExpirationTime("20m")
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route(`${world.base}/hostile-host.html`, (route) =>
      route.fulfill({
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP },
        body: `<!doctype html><html lang="en"><head><title>Shop</title>
<script src="/assets/widget.js"></script></head><body>
<main><ordershield-chat id="one" inline session-token="${token}" locale="en"></ordershield-chat>
<ordershield-chat id="two" inline session-token="${token}" locale="en"></ordershield-chat></main></body></html>`,
      }),
    );
    await page.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${world.base}/hostile-host.html`);
    const one = page.locator("#one");
    const two = page.locator("#two");
    const input = (w: typeof one) => w.getByRole("textbox", { name: /Message to the order assistant/ });
    await visible(input(one));
    await visible(input(two));

    await input(one).fill(BUYER_TEXT);
    await input(one).press("Enter");
    const card = one.locator(`[data-sku="${SKU}"]`);
    await visible(card);
    await hasText(card, "Seal <img src=x onerror=");
    await hasText(one.getByRole("log"), "<img src=x onerror=\"window.__pwned='buyer'\">");
    await hasText(one.getByRole("log"), "[x](javascript:window.__pwned='md')");

    // The second widget on the page works on its own (its own shadow root, the same session).
    await input(two).fill(`1 ${SKU} for pump 2`);
    await input(two).press("Enter");
    await visible(two.locator(`[data-sku="${SKU}"]`));

    // A rep takes the first conversation over, writes to the buyer and leaves an internal note.
    const threadId = await one.evaluate((el) => (el as unknown as { threadId: string }).threadId);
    const rep = (path: string, body: unknown) =>
      fetch(`${world.base}/v1/rep/threads/${threadId}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${REP_KEY}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await rep("/takeover", {})).status).toBe(200);
    expect((await rep("/messages", { text: REP_TEXT })).status).toBe(201);
    expect((await rep("/notes", { text: NOTE })).status).toBe(201);
    await hasText(one.getByRole("log"), "<script>window.__pwned='rep'</script> see javascript:");

    const buyerSide = await dangerous(page, "ordershield-chat");
    expect(buyerSide).toEqual({ found: [], pwned: null });
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);

    // The rep's copilot shows the buyer's words, the customer, the product and the note — as text.
    const copilot = await context.newPage();
    copilot.on("pageerror", (e) => errors.push(e.message));
    await copilot.goto(`${world.base}/rep`);
    await copilot
      .getByRole("navigation", { name: "Conversations" })
      .getByRole("button", { name: /Nordsee <img/ })
      .first()
      .click();
    const view = copilot.locator("ordershield-copilot");
    const shown = () => view.evaluate((el) => el.shadowRoot?.textContent ?? "");
    for (const text of ["credit check", "<iframe srcdoc=", "onerror=\"window.__pwned='buyer'\"", "<script>window"])
      await expect.poll(shown, { timeout: 30_000 }).toContain(text);
    await hasText(view.locator(`[data-sku="${SKU}"]`), "Seal <img");
    expect(await dangerous(copilot, "ordershield-copilot")).toEqual({ found: [], pwned: null });
    // The note the copilot shows never reached the buyer's widgets.
    for (const w of [one, two])
      expect(await w.evaluate((el) => el.shadowRoot?.textContent)).not.toContain("credit check");
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
