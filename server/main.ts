/**
 * `npm start`: reads the configuration once, opens (and migrates) the database, loads the demo world into an empty
 * one, picks the model (OpenAI-compatible when configured, else the built-in offline consultant), serves the app
 * and prints its URLs. SIGINT/SIGTERM shut down gracefully: stop accepting, let open runs finish (up to
 * SHUTDOWN_GRACE_MS), close the streams and the database.
 */
import { DEV_JWT_SECRET, DEV_REP_KEYS, readEnv } from "./env.ts";
import { startServer } from "./start.ts";

async function main(): Promise<void> {
  const env = readEnv();
  const started = await startServer({ env });
  // The handlers go in before anything is printed: whoever reads "Press Ctrl+C to stop." may signal at once, and a
  // signal that arrived between that line and the handlers would kill the process without a graceful shutdown.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Shutting down (${signal}).`);
    await started.close(env.SHUTDOWN_GRACE_MS);
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  const { base, counts } = started;
  if (started.seededMs !== null)
    console.log(`Loaded the demo world into ${env.DATABASE_PATH} in ${started.seededMs} ms.`);
  console.log(
    `Database ${env.DATABASE_PATH}: ${counts.products} products, ${counts.customers} customers, ${counts.orders} orders.`,
  );

  console.log(`OrderShield is serving (model: ${started.provider}):`);
  console.log(`  storefront     ${base}/`);
  console.log(`  rep copilot    ${base}/rep`);
  console.log(`  API docs       ${base}/docs   (OpenAPI: ${base}/openapi.json)`);
  console.log(`  health         ${base}/healthz  ${base}/readyz`);
  console.log(
    started.erp.demo
      ? `  demo ERP       ${base}/demo-erp   (orders are delivered here; set ERP_WEBHOOK_URL for yours)`
      : `  ERP webhook    ${started.erp.webhookUrl}`,
  );
  const [devKey, devRep] = DEV_REP_KEYS.split(":");
  if (env.REP_API_KEYS.size === 1 && env.REP_API_KEYS.get(devKey!) === devRep)
    console.log(`  rep API key    ${devKey} (rep ${devRep}; development default — set REP_API_KEYS)`);
  if (!env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL)
    console.log(
      `  buyer sessions HS256 with the development secret "${DEV_JWT_SECRET}" — set AUTH_JWT_SECRET or AUTH_JWKS_URL`,
    );

  console.log("Press Ctrl+C to stop.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
