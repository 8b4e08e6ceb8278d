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
import { createEventHub } from "./events/hub.ts";

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
  const { app, runner } = createApp({ db, agent, config: env, logger, hub, ready: () => accepting });
  // --- ERP hand-off (branch `erp`, wired at merge): createErpRoutes(deps) via createApp's extraRoutes,
  //     createOutboxWorker(deps).start() and createDemoErp(deps) when ERP_WEBHOOK_URL is unset; both publish
  //     order status through `hub.publishOrderStatus`. ---

  const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const base =
    env.PUBLIC_URL?.replace(/\/$/, "") ?? `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${port}`;
  console.log(`OrderShield is serving (model: ${provider}):`);
  console.log(`  storefront     ${base}/`);
  console.log(`  rep copilot    ${base}/rep`);
  console.log(`  API docs       ${base}/docs   (OpenAPI: ${base}/openapi.json)`);
  console.log(`  health         ${base}/healthz  ${base}/readyz`);
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
