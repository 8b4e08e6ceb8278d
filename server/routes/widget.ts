/**
 * What the browser loads: the built scripts (dist/widget: widget.js, copilot.js, storefront.js — `npm run build`,
 * run by `npm start`), the demo storefront at `/` (and `/products/:sku`), the rep copilot page at `/rep`, and the
 * demo storefront's backend (./storefront.ts) when enabled.
 *
 * Mount (server/main.ts): `createApp({ …, extraRoutes: (app) => app.route("/", widgetRoutesFromEnv({ db, env })) })`;
 * extraRoutes are registered before the placeholder pages, so these answer `/` and `/rep`.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { Hono, type Context } from "hono";
import type { Db } from "../../catalog/db.ts";
import { DEV_JWT_SECRET, DEV_REP_KEYS, type Env } from "../env.ts";
import { createStorefrontRoutes, type StorefrontOptions } from "./storefront.ts";

export const DEFAULT_WIDGET_DIST = resolve(import.meta.dirname, "../../dist/widget");

export interface WidgetRoutesOptions {
  db: Db;
  /** Where `npm run build` put the bundles. */
  distDir?: string;
  /** The demo storefront's session minting; null disables `/demo/*` (the pages still load, signed out). */
  storefront: Omit<StorefrontOptions, "db"> | null;
  /** Put this rep key into the /rep page (development keys only); otherwise the rep signs in with theirs. */
  repDemoKey?: string | null;
  /** Where the demo ERP receiver shows what it received (linked from the storefront). */
  erpPagePath?: string;
}

const ASSETS = new Set([
  "widget.js",
  "copilot.js",
  "storefront.js",
  "widget.js.map",
  "copilot.js.map",
  "storefront.js.map",
]);

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function page(options: { title: string; body: string; scripts: string[]; version: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${options.title}</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath fill='%230b5cab' d='M12 2 4 5v6c0 5 3.4 9.3 8 11 4.6-1.7 8-6 8-11V5l-8-3Z'/%3E%3C/svg%3E">
${options.scripts.map((s) => `<script src="/assets/${s}?v=${options.version}" defer></script>`).join("\n")}
</head><body>${options.body}</body></html>`;
}

export function createWidgetRoutes(options: WidgetRoutesOptions): Hono {
  const dist = options.distDir ?? DEFAULT_WIDGET_DIST;
  const app = new Hono();
  const built = () => existsSync(join(dist, "widget.js"));
  // Why a version query: a rebuilt bundle must not be served from a browser cache of the last one.
  const version = () => (built() ? statSync(join(dist, "widget.js")).mtimeMs.toString(36) : "0");

  app.get("/assets/:file", (c) => {
    const file = c.req.param("file");
    if (!ASSETS.has(file)) return c.notFound();
    const path = join(dist, file);
    if (!existsSync(path))
      return c.json(
        {
          status: 503,
          code: "unavailable:widget",
          detail: "the widget is not built: run `npm run build` (npm start does)",
        },
        503,
      );
    return c.body(readFileSync(path), 200, {
      "content-type": file.endsWith(".map") ? "application/json" : "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=300",
      "access-control-allow-origin": "*",
    });
  });

  if (options.storefront) app.route("/", createStorefrontRoutes({ db: options.db, ...options.storefront }));

  const shop = (c: Context) =>
    c.html(
      page({
        version: version(),
        title: "Nordhydra Industrial Supply — pumps, seals and spare parts",
        scripts: ["widget.js", "storefront.js"],
        body: `<div id="shop" data-demo="${options.storefront ? "on" : "off"}" data-erp="${escapeAttr(options.erpPagePath ?? "")}"></div>
<noscript>This shop needs JavaScript.</noscript>
<ordershield-chat api-base=""></ordershield-chat>`,
      }),
    );
  app.get("/", shop);
  app.get("/products/:sku", shop);

  app.get("/rep", (c) =>
    c.html(
      page({
        version: version(),
        title: "OrderShield — sales copilot",
        scripts: ["copilot.js"],
        body: `<style>html,body{margin:0;height:100%;background:#f5f7fa}ordershield-copilot{height:100vh}</style>
<ordershield-copilot api-base=""${options.repDemoKey ? ` api-key="${escapeAttr(options.repDemoKey)}"` : ""}${
          c.req.query("thread") ? ` thread="${escapeAttr(c.req.query("thread")!)}"` : ""
        }></ordershield-copilot>`,
      }),
    ),
  );
  return app;
}

/**
 * The routes as `npm start` serves them: the demo storefront mints sessions only while buyer sessions use the
 * development secret (a deployment with AUTH_JWT_SECRET or AUTH_JWKS_URL gets the pages, signed out), and the /rep
 * page carries the rep key only while it is the development default.
 */
export function widgetRoutesFromEnv(options: { db: Db; env: Env; distDir?: string; repDemoKey?: string }): Hono {
  const { env } = options;
  const devSessions = !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL;
  const [devKey, devRep] = DEV_REP_KEYS.split(":");
  const devRepKey = env.REP_API_KEYS.size === 1 && env.REP_API_KEYS.get(devKey!) === devRep ? devKey! : null;
  return createWidgetRoutes({
    db: options.db,
    ...(options.distDir ? { distDir: options.distDir } : {}),
    storefront: devSessions
      ? {
          secret: DEV_JWT_SECRET,
          audience: env.AUTH_AUDIENCE,
          ...(env.AUTH_ISSUER ? { issuer: env.AUTH_ISSUER } : {}),
          ttlS: Math.min(3600, env.AUTH_MAX_TOKEN_AGE_S),
        }
      : null,
    repDemoKey: options.repDemoKey ?? devRepKey,
    // The demo ERP lists its orders only for the demo (server/start.ts): no link to a page that is not served.
    erpPagePath: env.ERP_WEBHOOK_URL || !devSessions ? "" : "/demo-erp",
  });
}
