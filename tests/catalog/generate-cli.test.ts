import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const run = (...args: string[]) =>
  spawnSync(TSX, ["catalog/cli/generate.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATABASE_PATH: "" },
  });

describe("npm run catalog:generate", () => {
  it("writes a folder, imports it and reports times and database size", () => {
    const dir = mkdtempSync(join(tmpdir(), "os-gen-cli-"));
    try {
      const out = join(dir, "catalog");
      const db = join(dir, "catalog.db");
      const res = run(
        "--skus",
        "300",
        "--out",
        out,
        "--seed",
        "4",
        "--customers",
        "20",
        "--as-of",
        "2026-06-01",
        "--import",
        "--db",
        db,
      );
      expect(res.stderr).toBe("");
      expect(res.status).toBe(0);
      expect(res.stdout).toMatch(/generated \d+ rows .* in \d+\.\d s/);
      expect(res.stdout).toMatch(/imported into .* in \d+\.\d s; database \d+\.\d MB/);
      expect(JSON.parse(readFileSync(join(out, "products.json"), "utf8"))).toHaveLength(300);
      const sqlite = new Database(db, { readonly: true });
      expect(sqlite.prepare("SELECT count(*) AS n FROM products").get()).toEqual({ n: 300 });
      expect(sqlite.prepare("SELECT count(*) AS n FROM customers").get()).toEqual({ n: 20 });
      sqlite.close();

      // Same seed again (no import): the files come out identical.
      const again = run(
        "--skus",
        "300",
        "--out",
        join(dir, "again"),
        "--seed",
        "4",
        "--customers",
        "20",
        "--as-of",
        "2026-06-01",
      );
      expect(again.status).toBe(0);
      expect(existsSync(join(dir, "again", "catalog.db"))).toBe(false);
      expect(readFileSync(join(dir, "again", "fitment.json")).equals(readFileSync(join(out, "fitment.json")))).toBe(
        true,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("explains bad arguments with the usage and exit code 2", () => {
    const missing = run("--skus", "300");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--out DIR is required/);
    expect(missing.stderr).toMatch(/usage: npm run catalog:generate/);
    const tiny = run("--skus", "3", "--out", join(tmpdir(), "never-written"));
    expect(tiny.status).toBe(2);
    expect(tiny.stderr).toMatch(/--skus must be at least 100/);
  });
});
