/**
 * `npm start`: opens (and migrates) the database, loads the demo world into an empty one, and tells where the
 * product will be served. The HTTP server — buyer chat API, widget, rep copilot, demo ERP receiver — is not built
 * yet; until it is, `npm run chat` is the way to talk to the shield.
 */
import { statSync } from "node:fs";
import { openDatabase } from "../catalog/db.ts";
import { seedDemo } from "../catalog/seed/index.ts";
import { readEnv } from "./env.ts";

function main(): void {
  const env = readEnv();
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
  db.$client.close();
  const mb = (statSync(env.DATABASE_PATH).size / 1e6).toFixed(1);
  console.log(
    `Database ${env.DATABASE_PATH} (${mb} MB): ${counts.products} products, ${counts.customers} customers, ${counts.orders} orders.`,
  );
  console.log(`The HTTP server is not built yet; it will listen on http://${env.HOST}:${env.PORT}.`);
  console.log("Talk to the shield now in the terminal: npm run chat");
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
