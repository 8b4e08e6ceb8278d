/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers and we are not shutting down). */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Db } from "../../catalog/db.ts";
import type { EventHub } from "../events/hub.ts";
import type { Runner } from "../runs.ts";
import type { AppEnv } from "../types.ts";
import { json } from "./shared.ts";

export interface HealthDeps {
  db: Db;
  runner: Runner;
  hub: EventHub;
  ready: () => boolean;
}

const readySchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.boolean(),
  runs: z.number().int(),
  streams: z.number().int(),
});

const routes = {
  healthz: createRoute({
    method: "get",
    path: "/healthz",
    tags: ["health"],
    summary: "Liveness",
    responses: { 200: json(z.object({ status: z.literal("ok") }), "Alive") },
  }),
  readyz: createRoute({
    method: "get",
    path: "/readyz",
    tags: ["health"],
    summary: "Readiness",
    responses: { 200: json(readySchema, "Ready"), 503: json(readySchema, "Not ready") },
  }),
};

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: HealthDeps): void {
  app.openapi(routes.healthz, (c) => c.json({ status: "ok" as const }, 200));
  app.openapi(routes.readyz, (c) => {
    let database = false;
    try {
      database = deps.db.$client.prepare("select 1 as ok").get() !== undefined;
    } catch {
      database = false;
    }
    const ok = database && deps.ready();
    const body = {
      status: ok ? ("ready" as const) : ("not_ready" as const),
      database,
      runs: deps.runner.activeCount(),
      streams: deps.hub.listenerCount(),
    };
    return ok ? c.json(body, 200) : c.json(body, 503);
  });
}
