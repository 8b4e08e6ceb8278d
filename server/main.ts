/**
 * `npm start`: reads the configuration once, opens (and migrates) the database, loads the demo world into an empty
 * one, picks the model (OpenAI-compatible when configured, else the built-in offline consultant), serves the app
 * and prints its URLs. SIGINT/SIGTERM shut down gracefully: stop accepting, let open runs finish (up to
 * SHUTDOWN_GRACE_MS), close the streams and the database.
 */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createShieldAgent, selectModel } from "../agent/index.ts";
import { openDatabase } from "../catalog/db.ts";
import { seedDemo } from "../catalog/seed/index.ts";
import { createApp } from "./app.ts";
import { DEV_JWT_SECRET, DEV_REP_KEYS, modelEnv, readEnv } from "./env.ts";
import { createDemoErp, createErpRoutes, createOutboxWorker, resolveErpConfig } from "./erp/index.ts";
import { createEventHub } from "./events/hub.ts";
import { widgetRoutesFromEnv } from "./routes/widget.ts";

async function main(): Promise<void> {
  const env = readEnv();
  const logger = pino({ level: env.LOG_LEVEL, base: { service: "ordershield" } });
  const db = openDatabase(env.DATABASE_PATH);
  const { n } = db.$client.prepare("select count(*) as n from products").get() as { n: number };
  if (n === 0 && env.SEED_DEMO) {
    const started = performance.now();
    seedDemo(db);
    console.log(`Loaded the demo world into ${env.DATABASE_PATH} in ${Math.round(performance.now() - started)} ms.`);
  }
  const counts = db.$client
    .prepare(
      "select (select count(*) from products) as products, (select count(*) from customers) as customers, (select count(*) from orders) as orders",
    )
    .get() as { products: number; customers: number; orders: number };
  console.log(
    `Database ${env.DATABASE_PATH}: ${counts.products} products, ${counts.customers} customers, ${counts.orders} orders.`,
  );

  const { provider, model } = await selectModel({ db, env: modelEnv(env) });
  const agent = createShieldAgent({ db, model });
  const hub = createEventHub({ replay: env.SSE_REPLAY_EVENTS });
  let accepting = true;
  // The demo ERP acknowledges to this server's own URL, known only once it listens (PORT=0 picks one): the server
  // listens first and answers 503 until the app is built a moment later.
  let handle: ((request: Request) => Response | Promise<Response>) | null = null;
  const server = serve({
    fetch: (request) => (handle ? handle(request) : new Response("starting", { status: 503 })),
    hostname: env.HOST,
    port: env.PORT,
  });
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
    ? createDemoErp({ secret: erp.webhookSecret, shieldBaseUrl: base, ackKey: erp.ackKey, logger })
    : null;
  const { app, runner } = createApp({
    db,
    agent,
    config: env,
    logger,
    hub,
    ready: () => accepting,
    onOrderPlaced: () => worker.wake(),
    extraRoutes: (root) => {
      root.route(
        "/",
        createErpRoutes({
          db,
          onOrderStatus: hub.publishOrderStatus,
          ackKey: erp.ackKey,
          webhookSecret: erp.webhookSecret,
          integrationKey: erp.integrationKey,
          webhookUrl: erp.webhookUrl,
          worker,
          logger,
        }),
      );
      if (demoErp) root.route("/demo-erp", demoErp.app);
      root.route("/", widgetRoutesFromEnv({ db, env }));
    },
  });
  handle = (request) => app.fetch(request);
  worker.start();

  console.log(`OrderShield is serving (model: ${provider}):`);
  console.log(`  storefront     ${base}/`);
  console.log(`  rep copilot    ${base}/rep`);
  console.log(`  API docs       ${base}/docs   (OpenAPI: ${base}/openapi.json)`);
  console.log(`  health         ${base}/healthz  ${base}/readyz`);
  console.log(
    erp.demo
      ? `  demo ERP       ${base}/demo-erp   (orders are delivered here; set ERP_WEBHOOK_URL for yours)`
      : `  ERP webhook    ${erp.webhookUrl}`,
  );
  const [devKey, devRep] = DEV_REP_KEYS.split(":");
  if (env.REP_API_KEYS.size === 1 && env.REP_API_KEYS.get(devKey!) === devRep)
    console.log(`  rep API key    ${devKey} (rep ${devRep}; development default — set REP_API_KEYS)`);
  if (!env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL)
    console.log(
      `  buyer sessions HS256 with the development secret "${DEV_JWT_SECRET}" — set AUTH_JWT_SECRET or AUTH_JWKS_URL`,
    );

  console.log("Press Ctrl+C to stop.");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    accepting = false;
    logger.info({ signal }, "shutting down");
    server.close();
    await runner.drain(env.SHUTDOWN_GRACE_MS);
    // Deliveries in flight finish (or their lease expires and the next start retries them): never a lost order.
    await worker.stop();
    // Followers of thread/queue streams never end on their own.
    if ("closeAllConnections" in server) server.closeAllConnections();
    db.$client.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
