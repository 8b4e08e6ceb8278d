/**
 * Placeholder pages for the demo storefront (`/`) and the rep sidebar (`/rep`); the widget issue replaces them with
 * the real widget and copilot. They say what is served and where the API is documented.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../types.ts";

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1d2430}code{background:#eef1f5;padding:0 .25rem;border-radius:3px}</style>
</head><body><main>${body}</main></body></html>`;

export function registerPages(app: OpenAPIHono<AppEnv>): void {
  app.get("/", (c) =>
    c.html(
      page(
        "OrderShield — demo storefront",
        `<h1>OrderShield demo storefront</h1>
<p>The buyer chat widget will be embedded here (not built yet). The API it uses is live:</p>
<ul><li><a href="/docs">API documentation (Swagger UI)</a> — <a href="/openapi.json">openapi.json</a></li>
<li><a href="/rep">Rep copilot</a></li><li><a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a></li></ul>`,
      ),
    ),
  );
  app.get("/rep", (c) =>
    c.html(
      page(
        "OrderShield — rep copilot",
        `<h1>OrderShield rep copilot</h1>
<p>The rep sidebar will live here (not built yet). Its API is under <code>/v1/rep/*</code>, authenticated with a rep API
key: see <a href="/docs">the API documentation</a>.</p>`,
      ),
    ),
  );
}
