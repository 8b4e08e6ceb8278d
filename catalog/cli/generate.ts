/**
 * `npm run catalog:generate -- --skus N --out DIR [--seed S] [--customers N] [--as-of YYYY-MM-DD] [--import --db FILE]`
 * writes a synthetic catalog in the import format (one `<section>.json` per section), deterministic
 * from the seed, and prints how long it took; with `--import` it also imports the folder and prints
 * the import time and database size.
 */
import { parseArgs } from "node:util";
import { buildCatalog } from "../generate/build.ts";
import { ImportError, formatProblem } from "../import/errors.ts";
import { DEFAULT_CUSTOMERS, DEFAULT_SEED, MIN_SKUS } from "../generate/index.ts";

const DEFAULT_DB = ".data/ordershield.db";
const USAGE = `usage: npm run catalog:generate -- --skus N --out DIR [options]

  --skus N             number of products (>= ${MIN_SKUS})
  --out DIR            folder to write <section>.json files into
  --seed S             integer seed (default ${DEFAULT_SEED}); same seed and --as-of give identical files
  --customers N        number of customers (default ${DEFAULT_CUSTOMERS})
  --as-of YYYY-MM-DD   the day the catalog is current on (default: today, UTC)
  --import             also import the folder into the database
  --db FILE            database for --import (default: $DATABASE_PATH or ${DEFAULT_DB})`;

const MB = 1024 * 1024;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function positiveInt(name: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (raw === undefined || !Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a non-negative integer (got ${raw ?? "nothing"})`);
  return n;
}

function main(argv: string[]): number {
  let values;
  let skus: number, seed: number, customers: number;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        skus: { type: "string" },
        out: { type: "string" },
        seed: { type: "string" },
        customers: { type: "string" },
        "as-of": { type: "string" },
        import: { type: "boolean", default: false },
        db: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (!values.out) throw new Error("--out DIR is required");
    skus = positiveInt("skus", values.skus);
    if (skus < MIN_SKUS) throw new Error(`--skus must be at least ${MIN_SKUS}`);
    seed = positiveInt("seed", values.seed, DEFAULT_SEED);
    customers = positiveInt("customers", values.customers, DEFAULT_CUSTOMERS);
    if (values.db && !values.import) throw new Error("--db only makes sense with --import");
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const dbPath = values.import ? (values.db ?? process.env.DATABASE_PATH ?? DEFAULT_DB) : undefined;
  console.log(`generating ${skus} SKUs, ${customers} customers (seed ${seed}) into ${values.out}`);
  let result;
  const cpu = process.cpuUsage();
  try {
    result = buildCatalog({
      skus,
      seed,
      customers,
      outDir: values.out,
      ...(values["as-of"] ? { asOf: values["as-of"] } : {}),
      ...(dbPath ? { dbPath } : {}),
    });
  } catch (err) {
    if (err instanceof RangeError) {
      console.error(err.message);
      return 2;
    }
    if (err instanceof ImportError) {
      // A generator bug, not bad user input: show what the importer objected to.
      for (const problem of err.problems.slice(0, 50)) console.error(formatProblem(problem));
      console.error(`import rejected: ${err.problems.length} problem(s); the generated folder is in ${values.out}`);
      return 1;
    }
    throw err;
  }
  const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
  console.log(
    `generated ${rows} rows (${(result.jsonBytes / MB).toFixed(1)} MB JSON) in ${seconds(result.generateMs)}`,
  );
  if (result.import) {
    console.log(
      `imported into ${result.import.dbPath} in ${seconds(result.import.importMs)}; database ${(result.import.dbBytes / MB).toFixed(1)} MB`,
    );
    const used = process.cpuUsage(cpu);
    // On a shared machine wall time can be far above CPU time; both tell the story.
    console.log(
      `generate + import: ${seconds(result.generateMs + result.import.importMs)} (cpu ${seconds((used.user + used.system) / 1000)})`,
    );
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
