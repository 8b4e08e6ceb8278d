/**
 * The browser tests' world: the widget bundles built into a temp folder, the product started as `npm start` starts it
 * (server/start.ts: the API, the storefront, the copilot, the outbox worker and the demo ERP receiver) on a loopback
 * port over a fresh demo database with the offline model, and Debian Chromium driven by playwright-core. Without
 * Chromium the suites are skipped loudly — except in CI, where that is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import type { Db } from "../../catalog/db.ts";
import { DEMO_NOW } from "../../catalog/seed/index.ts";
import { readEnv } from "../../server/env.ts";
import type { EventHub } from "../../server/events/hub.ts";
import { startServer } from "../../server/start.ts";
import { buildWidgets, type BuiltBundle } from "../../widget/build.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const REP_KEY = "e2e-rep-key-0001";
/** A colleague's key (REP-KIM): used over HTTP to hold a thread the copilot's rep then sees held. */
export const COLLEAGUE_KEY = "e2e-rep-key-kim-0002";
export const ARTIFACTS = resolve(import.meta.dirname, "../../.artifacts/e2e");

/** Why the browser tests cannot run here, or null when they can. Throws in CI: a skipped browser suite is a failure. */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`browser tests cannot run in CI: ${reason}`);
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
      `!! SKIPPED: the widget's browser tests (tests/e2e) did not run: ${reason}.\n` +
      `!! bash .ci/run installs it.\n` +
      `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
  );
  return reason;
}

export interface World {
  base: string;
  db: Db;
  hub: EventHub;
  browser: Browser;
  bundles: BuiltBundle[];
  close(): Promise<void>;
}

/** `model`: a chat model in place of the offline consultant (a scripted one, standing for any model). */
export async function startWorld(options: { model?: BaseChatModel } = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "ordershield-e2e-"));
  const dist = join(dir, "dist");
  const bundles = await buildWidgets({ outDir: dist });
  const started = await startServer({
    env: readEnv({
      DATABASE_PATH: join(dir, "shop.db"),
      HOST: "127.0.0.1",
      PORT: "0",
      REP_API_KEYS: `${REP_KEY}:REP-E2E,${COLLEAGUE_KEY}:REP-KIM`,
      LOG_LEVEL: "silent",
    }),
    now: () => DEMO_NOW,
    ...(options.model ? { model: options.model } : {}),
    distDir: dist,
    repDemoKey: REP_KEY,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    base: started.base,
    db: started.db,
    hub: started.hub,
    browser,
    bundles,
    async close() {
      await browser.close();
      await started.close(1000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A screenshot of a key state, kept for humans in .artifacts/e2e (git-ignored). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** The buyer's storefront, signed in as `customerId`, with the chat panel open. */
export async function openShop(
  world: World,
  customerId: string,
  options: { locale?: "en" | "de"; width?: number; height?: number } = {},
) {
  const context = await world.browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(
    ([id, locale]) => {
      localStorage.setItem("nordhydra:customer", id!);
      localStorage.setItem("nordhydra:locale", locale!);
    },
    [customerId, options.locale ?? "en"],
  );
  const session = page.waitForResponse((r) => r.url().endsWith("/demo/session") && r.ok());
  await page.goto(`${world.base}/`);
  await session;
  return { page, context, errors };
}

/** The chat's input, send on Enter. */
export async function say(page: Page, text: string): Promise<void> {
  const input = page.getByRole("textbox", {
    name: /Message to the order assistant|Nachricht an den Bestellassistenten/,
  });
  await input.fill(text);
  await input.press("Enter");
}

// Playwright's web-first assertions belong to @playwright/test; with vitest, poll the page the same way.
const POLL = { timeout: 30_000, interval: 100 };

export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: POLL.timeout });
}

/** The buyer thread's id the widget keeps in localStorage — written once the server has answered, so it is awaited. */
export async function storedThreadId(page: Page): Promise<string> {
  const read = () =>
    page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith("ordershield:thread:"))?.[1] ?? "");
  await expect.poll(read, POLL).not.toBe("");
  return read();
}

export async function hasText(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(
      () =>
        locator
          .first()
          .innerText()
          .catch(() => ""),
      POLL,
    )
    .toContain(text);
}

export async function lacksText(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(
      () =>
        locator
          .first()
          .innerText()
          .catch(() => ""),
      POLL,
    )
    .not.toContain(text);
}

export async function count(locator: Locator, n: number): Promise<void> {
  await expect.poll(() => locator.count(), POLL).toBe(n);
}

/** Focus inside a shadow root shows on the root, not on document.activeElement. */
export async function focused(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el), POLL)
    .toBe(true);
}
