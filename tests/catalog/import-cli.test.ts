import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { goodDocument } from "./import-fixture.ts";

const ROOT = resolve(import.meta.dirname, "../..");
// The tsx binary `npm run catalog:import` runs (not `npx tsx`: npx costs a second of npm start-up per call).
const TSX = join(ROOT, "node_modules/.bin/tsx");
let dir: string;

function runImport(...args: string[]) {
  const result = spawnSync(TSX, ["catalog/cli/import.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_PATH: join(dir, "env.db") },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const productCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM products").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "os-import-cli-"));
  const { products, ...rest } = goodDocument();
  const good = join(dir, "good");
  mkdirSync(good);
  for (const [section, rows] of Object.entries(rest))
    writeFileSync(join(good, `${section}.json`), JSON.stringify(rows));
  writeFileSync(join(good, "products.json"), JSON.stringify(products));
  const bad = join(dir, "bad");
  mkdirSync(bad);
  writeFileSync(join(bad, "categories.json"), JSON.stringify(goodDocument().categories));
  writeFileSync(
    join(bad, "products.csv"),
    "sku,name,category,listPriceCents\nP-1,Pump,pumps,100\nP-2,Seal,valves,abc\n",
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run catalog:import", () => {
  it("imports a folder into the --db file and prints counts, time and database size", () => {
    const db = join(dir, "cli.db");
    const { code, stdout, stderr } = runImport(join(dir, "good"), "--db", db);
    expect(code).toBe(0);
    expect(stdout).toMatch(/products\s+6\s+\(6 new, 0 updated\)/);
    expect(stdout).toMatch(/imported \d+ rows in [\d.]+ s .*database [\d.]+ MB/);
    // The fixture's material/medium table is read by no rule: imported, with a warning.
    expect(stderr).toContain(
      "warning: mediaCompat.json:[0] (row) — no compatibility rule uses the operator medium_compatible, so none of the 1 material/medium rows is ever consulted",
    );
    // Not a terminal: plain progress lines instead of a bar.
    expect(stdout).toMatch(/^write products 6\/6$/m);
    expect(productCount(db)).toBe(6);
    expect(statSync(db).size).toBeGreaterThan(0);

    const again = runImport(join(dir, "good"), "--db", db);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/products\s+6\s+\(0 new, 6 updated\)/);
    expect(productCount(db)).toBe(6);
  });

  it("uses DATABASE_PATH when --db is not given", () => {
    expect(runImport(join(dir, "good")).code).toBe(0);
    expect(productCount(join(dir, "env.db"))).toBe(6);
  });

  it("lists every problem as file:row field — reason, exits 1 and writes nothing", () => {
    const db = join(dir, "rejected.db");
    const { code, stderr } = runImport(join(dir, "bad"), "--db", db);
    expect(code).toBe(1);
    expect(stderr).toContain('products.csv:3 listPriceCents — expected a number, got "abc"');
    expect(stderr).toContain(
      'products.csv:3 category — unknown category "valves" (not in this import nor in the database)',
    );
    expect(stderr).toMatch(/import rejected: 2 problems; nothing was written/);
    expect(productCount(db)).toBe(0);
  });

  it("explains its usage when the path is missing", () => {
    const { code, stderr } = runImport();
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run catalog:import -- PATH \[--db FILE\]/);
  });
});
