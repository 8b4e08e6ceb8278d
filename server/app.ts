/**
 * `createApp(deps)` builds the HTTP app from its dependencies without listening (tests call `app.request`;
 * `server/main.ts` serves it). Middleware, in order: request id + pino request log, secure headers, CORS allow-list,
 * body limit, rate limit per IP; one `onError` turns everything into problem+json. Routes: health, buyer threads
 * over SSE, catalog, rep copilot, OpenAPI document and Swagger UI, placeholder pages.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Logger } from "pino";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { ShieldAgent } from "../agent/index.ts";
import type { Db } from "../catalog/db.ts";
import { buyerAuth, createBuyerVerifier, createRepVerifier, repAuth } from "./auth/index.ts";
import { DEV_JWT_SECRET, type Env } from "./env.ts";
import { AppError, problemResponse, toAppError, zodFields } from "./errors.ts";
import { createEventHub, type EventHub } from "./events/hub.ts";
import { type PeerSync, syncPeers } from "./events/peers.ts";
import { sseEventSchema } from "./events/schema.ts";
import { ipRateLimit } from "./rate-limit.ts";
import { registerBuyerRoutes } from "./routes/buyer.ts";
import { registerCatalogRoutes } from "./routes/catalog.ts";
import { registerDocsRoutes } from "./routes/docs.ts";
import { registerHealthRoutes } from "./routes/health.ts";
import { registerPages } from "./routes/pages.ts";
import { registerRepRoutes } from "./routes/rep.ts";
import { createRunner, type Runner } from "./runs.ts";
import { createThreadService, type ThreadService } from "./threads.ts";
import type { AppEnv } from "./types.ts";

export type AppConfig = Env;

/** Routes whose router sets its own body limit (the ERP's integration events). */
const OWN_BODY_LIMIT = "/v1/integration/";

export interface AppDeps {
  db: Db;
  agent: ShieldAgent;
  config: AppConfig;
  logger: Logger;
  /** The in-process event hub; pass one to publish order status from the ERP side. Default: a new one. */
  hub?: EventHub;
  now?: () => Date;
  /** False while starting or shutting down (answers /readyz 503). */
  ready?: () => boolean;
  /** A hand-off wrote an order: server/main.ts wakes the outbox worker so the ERP gets it at once. */
  onOrderPlaced?: (threadId: string) => void;
  /** Mount further routers before the placeholder pages and the 404 handler (ERP routes, demo ERP, widget pages). */
  extraRoutes?: (app: OpenAPIHono<AppEnv>) => void;
}

export interface ShieldApp {
  app: OpenAPIHono<AppEnv>;
  hub: EventHub;
  runner: Runner;
  threads: ThreadService;
  /** Other processes' changes to followed threads (events/peers.ts); stop it before closing the database. */
  peers: PeerSync;
}

export function createApp(deps: AppDeps): ShieldApp {
  const { config, logger } = deps;
  const hub = deps.hub ?? createEventHub({ replay: config.SSE_REPLAY_EVENTS, replayBytes: config.SSE_REPLAY_BYTES });
  const now = deps.now ?? (() => new Date());
  const peers = syncPeers({ db: deps.db.$client, hub, pollMs: config.SSE_PEER_POLL_MS });
  const threads = createThreadService({ db: deps.db, agent: deps.agent, hub, now });
  const runner = createRunner({
    hub,
    log: logger,
    onFinished: (threadId) => threads.afterRun(threadId),
    ...(deps.onOrderPlaced ? { onOrderPlaced: deps.onOrderPlaced } : {}),
  });

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "json" ? "body" : result.target === "param" ? "path" : result.target;
        throw new AppError(`bad_request:${where}`, `invalid ${where}`, zodFields(result.error, where));
      }
    },
  });

  app.use(requestId({ limitLength: 64 }));
  app.use(async (c, next) => {
    const log = logger.child({ reqId: c.var.requestId });
    c.set("log", log);
    const started = performance.now();
    await next();
    log.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      "request",
    );
  });
  // No inline script anywhere but /docs: Swagger UI starts with an inline script; the storefront, the copilot (whose
  // rep key may sit in localStorage) and the widget load only their own files, so one markup injection there must not
  // run. Inline styles stay allowed (the pages' own <style>, the widgets' style attributes).
  const csp = (scriptSrc: string[]) =>
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc,
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    });
  const strictHeaders = csp(["'self'"]);
  const docsHeaders = csp(["'self'", "'unsafe-inline'"]);
  app.use((c, next) => (c.req.path === "/docs" ? docsHeaders(c, next) : strictHeaders(c, next)));
  app.use(
    "/v1/*",
    cors({
      origin: (origin) => (config.CORS_ORIGINS.includes(origin) ? origin : null),
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID", "X-Api-Key"],
      exposeHeaders: ["X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"],
      maxAge: 600,
    }),
  );
  const apiBodyLimit = bodyLimit({
    maxSize: config.BODY_LIMIT_BYTES,
    onError: () => {
      throw new AppError("payload_too_large:body", `request bodies are limited to ${config.BODY_LIMIT_BYTES} bytes`, [
        { field: "body", message: `larger than ${config.BODY_LIMIT_BYTES} bytes` },
      ]);
    },
  });
  // The WMS's stock and price batches have a limit of their own (server/erp/routes/shared.ts: 2 MB, "up to 1,000
  // changes" in docs/erp-integration.md), applied after their key is checked; this one refused them first at 64 KB.
  app.use("/v1/*", (c, next) => (c.req.path.startsWith(OWN_BODY_LIMIT) ? next() : apiBodyLimit(c, next)));
  app.use("/v1/*", ipRateLimit(config.RATE_LIMIT_IP_PER_MIN, config.TRUST_PROXY_HOPS));

  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.status >= 500) (c.var.log ?? logger).error({ err: error }, "request failed");
    return problemResponse(c, appError);
  });
  app.notFound((c) =>
    problemResponse(c, new AppError("not_found:route", `no route for ${c.req.method} ${c.req.path}`)),
  );

  const verifyBuyer = createBuyerVerifier({
    ...(config.AUTH_JWKS_URL
      ? { jwksUrl: config.AUTH_JWKS_URL }
      : { secret: config.AUTH_JWT_SECRET ?? DEV_JWT_SECRET }),
    audience: config.AUTH_AUDIENCE,
    ...(config.AUTH_ISSUER ? { issuer: config.AUTH_ISSUER } : {}),
    maxTokenAgeS: config.AUTH_MAX_TOKEN_AGE_S,
  });
  const verifyRep = createRepVerifier(config.REP_API_KEYS);
  // Guests may consult the catalog; conversations (and so orders) need a session.
  app.use("/v1/threads/*", buyerAuth(verifyBuyer, { guests: false }));
  app.use("/v1/threads", buyerAuth(verifyBuyer, { guests: false }));
  app.use("/v1/catalog/*", buyerAuth(verifyBuyer, { guests: true }));
  app.use("/v1/rep/*", repAuth(verifyRep));
  app.openAPIRegistry.registerComponent("securitySchemes", "buyerSession", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "A session token signed by the storefront backend (claims: sub, customer_id, contact_id?, aud, exp, iat).",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "repKey", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.register("SseEvent", sseEventSchema);

  const routeDeps = { ...deps, hub, runner, threads, now, config };
  registerHealthRoutes(app, { db: deps.db, runner, hub, ready: deps.ready ?? (() => true) });
  registerBuyerRoutes(app, routeDeps);
  registerCatalogRoutes(app, routeDeps);
  registerRepRoutes(app, routeDeps);
  // --- ERP hand-off: createErpRoutes(deps), inventory events (branch `erp`) are mounted here at merge. ---
  deps.extraRoutes?.(app);

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "OrderShield API",
      version: "1.0.0",
      description:
        "Buyer chat over Server-Sent Events, catalog, rep copilot. Errors are application/problem+json. SSE events: components.schemas.SseEvent.",
    },
  });
  registerDocsRoutes(app);
  registerPages(app);
  return { app, hub, runner, threads, peers };
}
