/**
 * `startServer(options)`: everything `npm start` runs, without the printing and the signal handling — the database
 * (migrated, the demo world loaded into an empty one when SEED_DEMO), the model (OpenAI-compatible when configured,
 * else the offline consultant), the app with the ERP routes, the outbox worker that delivers placed orders to the
 * ERP webhook (the built-in demo ERP at /demo-erp unless ERP_WEBHOOK_URL is set), the storefront, copilot and widget
 * pages. `server/main.ts` and the browser tests both start the product through it, so what the tests drive is what
 * ships.
 */
import { serve } from "@hono/node-server";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { AddressInfo } from "node:net";
import pino, { type Logger } from "pino";
import { createShieldAgent, selectModel } from "../agent/index.ts";
import { type Db, openDatabase } from "../catalog/db.ts";
import { seedDemo } from "../catalog/seed/index.ts";
import { createApp } from "./app.ts";
import { type Env, modelEnv } from "./env.ts";
import { createDemoErp, createErpRoutes, createOutboxWorker, resolveErpConfig } from "./erp/index.ts";
import { createEventHub, type EventHub } from "./events/hub.ts";
import { widgetRoutesFromEnv } from "./routes/widget.ts";

export interface StartOptions {
  env: Env;
  logger?: Logger;
  /** The clock of the agent and the app (tests pin it to the demo world's date). Default: the system clock. */
  now?: () => Date;
  /** A chat model to use instead of the one the environment selects. */
  model?: BaseChatModel;
  /** Where the built widget bundles are (default: dist/ of the repo, as `npm run build` writes it). */
  distDir?: string;
  /** A rep key the demo copilot page may use without asking (default: the development key when it is the only one). */
  repDemoKey?: string;
}

export interface RunningServer {
  base: string;
  port: number;
  db: Db;
  hub: EventHub;
  provider: string;
  /** The ERP side as configured: the demo receiver's path, or the webhook URL orders go to. */
  erp: { demo: boolean; webhookUrl: string };
  /** Rows the database held after start-up (and seeding). */
  counts: { products: number; customers: number; orders: number };
  /** Milliseconds spent loading the demo world, or null when the database had products. */
  seededMs: number | null;
  /** Stop accepting, let open runs finish (up to `graceMs`), stop the worker, close streams and the database. */
  close(graceMs?: number): Promise<void>;
}

/** Above every `SO-<n>` number the database holds (the demo ERP's numbering), at least 100001. */
function nextDemoOrderNumber(db: Db): number {
  const { n } = db.$client
    .prepare(
      "SELECT max(CAST(substr(erp_order_number, 4) AS INTEGER)) AS n FROM orders WHERE erp_order_number GLOB 'SO-[0-9]*'",
    )
    .get() as { n: number | null };
  return Math.max(100001, (n ?? 0) + 1);
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { env } = options;
  const logger = options.logger ?? pino({ level: env.LOG_LEVEL, base: { service: "ordershield" } });
  const db = openDatabase(env.DATABASE_PATH);
  let seededMs: number | null = null;
  const { n } = db.$client.prepare("select count(*) as n from products").get() as { n: number };
  if (n === 0 && env.SEED_DEMO) {
    const started = performance.now();
    seedDemo(db);
    seededMs = Math.round(performance.now() - started);
  }
  const counts = db.$client
    .prepare(
      "select (select count(*) from products) as products, (select count(*) from customers) as customers, (select count(*) from orders) as orders",
    )
    .get() as RunningServer["counts"];

  const selected = options.model
    ? { provider: "custom", model: options.model }
    : await selectModel({ db, env: modelEnv(env) });
  const agent = createShieldAgent({ db, model: selected.model, ...(options.now ? { now: options.now } : {}) });
  const hub = createEventHub({ replay: env.SSE_REPLAY_EVENTS, replayBytes: env.SSE_REPLAY_BYTES });
  let accepting = true;
  let handle: ((request: Request) => Response | Promise<Response>) | null = null;
  const server = serve({
    fetch: (request) => (handle ? handle(request) : new Response("starting", { status: 503 })),
    hostname: env.HOST,
    port: env.PORT,
    // How often Node looks for requests past their time (default 30 s: a 30 s limit would cut at up to 60 s).
    serverOptions: { connectionsCheckingInterval: Math.min(30_000, Math.max(250, env.HTTP_REQUEST_TIMEOUT_MS / 4)) },
  });
  if ("keepAliveTimeout" in server) {
    server.keepAliveTimeout = env.HTTP_KEEPALIVE_TIMEOUT_MS;
    // A request (headers and body) must arrive within this, or Node answers 408 and closes: a trickled body no longer
    // holds a socket and a waiting handler for Node's default 5 minutes. Counted from a request's first byte until it
    // is read, so neither a stream being answered (SSE) nor an idle keep-alive socket is cut. Node 20 enforces neither
    // limit while the headers timeout is above the request timeout (tests/server/attack14.test.ts), so it is capped
    // by it — the old rule "headers timeout above keep-alive" is from before Node timed a request from its first byte.
    server.requestTimeout = env.HTTP_REQUEST_TIMEOUT_MS;
    server.headersTimeout = Math.min(env.HTTP_KEEPALIVE_TIMEOUT_MS + 1000, env.HTTP_REQUEST_TIMEOUT_MS);
  }
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const base =
    env.PUBLIC_URL?.replace(/\/$/, "") ?? `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${port}`;

  const erp = resolveErpConfig(env, base);
  const worker = createOutboxWorker({
    db,
    url: erp.webhookUrl,
    secret: erp.webhookSecret,
    timeoutMs: erp.timeoutMs,
    onOrderStatus: hub.publishOrderStatus,
    logger,
  });
  const demoErp = erp.demo
    ? createDemoErp({
        secret: erp.webhookSecret,
        shieldBaseUrl: base,
        ackKey: erp.ackKey,
        ackSecret: erp.ackSecret,
        logger,
        // Its page lists every customer's orders: only for the demo, like the storefront's sign-in.
        listing: !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL,
        // Numbers go on from the last one this database holds: counting from SO-100001 again after a restart gave a
        // new order an earlier order's number (now a 409: one ERP number, one order).
        firstOrderNumber: nextDemoOrderNumber(db),
      })
    : null;
  const { app, runner, peers } = createApp({
    db,
    agent,
    config: env,
    logger,
    hub,
    ready: () => accepting,
    onOrderPlaced: () => worker.wake(),
    ...(options.now ? { now: options.now } : {}),
    extraRoutes: (root) => {
      root.route(
        "/",
        createErpRoutes({
          db,
          onOrderStatus: hub.publishOrderStatus,
          ackKey: erp.ackKey,
          webhookSecret: erp.webhookSecret,
          ackSecret: erp.ackSecret,
          integrationKey: erp.integrationKey,
          webhookUrl: erp.webhookUrl,
          worker,
          logger,
        }),
      );
      if (demoErp) root.route("/demo-erp", demoErp.app);
      root.route(
        "/",
        widgetRoutesFromEnv({
          db,
          env,
          ...(options.distDir ? { distDir: options.distDir } : {}),
          ...(options.repDemoKey ? { repDemoKey: options.repDemoKey } : {}),
        }),
      );
    },
  });
  handle = (request) => app.fetch(request);
  worker.start();

  let closed: Promise<void> | null = null;
  return {
    base,
    port,
    db,
    hub,
    provider: selected.provider,
    erp: { demo: erp.demo, webhookUrl: erp.webhookUrl },
    counts,
    seededMs,
    close(graceMs = env.SHUTDOWN_GRACE_MS) {
      closed ??= (async () => {
        accepting = false;
        server.close();
        await runner.drain(graceMs);
        await worker.stop();
        if ("closeAllConnections" in server) server.closeAllConnections();
        peers.stop();
        db.$client.close();
      })();
      return closed;
    },
  };
}
