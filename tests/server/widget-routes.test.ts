/**
 * The browser pages' server side: built assets (or a clear 503 before the build), the storefront and /rep pages, and
 * the demo storefront's session minting — its tokens must pass the server's own buyer verifier, and it must be off
 * as soon as a deployment configures real buyer sessions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { seedDemo } from "../../catalog/seed/index.ts";
import { createBuyerVerifier } from "../../server/auth/index.ts";
import { DEV_JWT_SECRET, readEnv } from "../../server/env.ts";
import { widgetRoutesFromEnv } from "../../server/routes/widget.ts";

describe("widget routes", () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "widget-routes-"));
    db = openDatabase(join(dir, "shop.db"));
    seedDemo(db);
  });
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the built script, and says how to build it when it is missing", async () => {
    const dist = join(dir, "dist");
    const app = widgetRoutesFromEnv({ db, env: readEnv({}), distDir: dist });
    const missing = await app.request("/assets/widget.js");
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain("npm run build");
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, "widget.js"), "/* widget */");
    const ok = await app.request("/assets/widget.js");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("javascript");
    expect((await app.request("/assets/../server.js")).status).toBe(404);
    const shop = await (await app.request("/")).text();
    expect(shop).toContain('<script src="/assets/widget.js');
    expect(shop).toContain("<ordershield-chat");
    expect(await (await app.request("/rep")).text()).toContain(
      '<ordershield-copilot api-base="" api-key="dev-rep-key-demo"',
    );
  });

  it("mints a session token the server accepts, for the chosen demo customer only", async () => {
    const env = readEnv({});
    const app = widgetRoutesFromEnv({ db, env });
    const res = await app.request("/demo/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customerId: "C-1004" }),
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const verify = createBuyerVerifier({
      secret: DEV_JWT_SECRET,
      audience: env.AUTH_AUDIENCE,
      maxTokenAgeS: env.AUTH_MAX_TOKEN_AGE_S,
    });
    expect(await verify(token)).toMatchObject({ kind: "buyer", customerId: "C-1004", contactId: "CT-1004-1" });
    const unknown = await app.request("/demo/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customerId: "C-9999" }),
    });
    expect(unknown.status).toBe(404);
  });

  it("mints nothing and hands out no rep key once real credentials are configured", async () => {
    const env = readEnv({
      AUTH_JWT_SECRET: "a-real-secret-of-the-shop-0123456789abcdef",
      REP_API_KEYS: "rep-key-000000001:REP-1",
    });
    const app = widgetRoutesFromEnv({ db, env });
    const res = await app.request("/demo/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customerId: "C-1001" }),
    });
    expect(res.status).toBe(404);
    const rep = await (await app.request("/rep")).text();
    expect(rep).not.toContain("api-key=");
  });
});
