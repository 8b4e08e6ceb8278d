/**
 * `/docs`: Swagger UI over `/openapi.json`, with its script and stylesheet served from the installed
 * `swagger-ui-dist` package under `/docs/assets/` — the page works on a machine without network (no CDN).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { swaggerUI } from "@hono/swagger-ui";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../types.ts";

const ASSETS = "/docs/assets";
/** The only files the page loads; anything else under /docs/assets is a 404. */
const FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const distDir = (): string => dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

export function registerDocsRoutes(app: OpenAPIHono<AppEnv>): void {
  const dir = distDir();
  const cache = new Map<string, Promise<Buffer>>();
  // @hono/swagger-ui builds `${baseUrl}/swagger-ui-dist/<file>`; without a version the path has no `@x.y.z`.
  app.get("/docs", swaggerUI({ url: "/openapi.json", baseUrl: ASSETS, title: "OrderShield API" }));
  app.get(`${ASSETS}/swagger-ui-dist/:file`, async (c) => {
    const file = c.req.param("file");
    const type = FILES[file];
    if (!type) return c.notFound();
    let body = cache.get(file);
    if (!body) {
      body = readFile(join(dir, file));
      cache.set(file, body);
    }
    return c.body(new Uint8Array(await body), 200, {
      "content-type": type,
      "cache-control": "public, max-age=86400",
    });
  });
}
