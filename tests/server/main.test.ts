import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readEnv } from "../../server/env.ts";

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");

describe("npm start (until the server exists)", () => {
  it("seeds the demo world into an empty database once and says where the server will be", () => {
    const dir = mkdtempSync(join(tmpdir(), "os-start-"));
    try {
      const env = { ...process.env, DATABASE_PATH: join(dir, "demo.db"), PORT: "4123" };
      const first = execFileSync(tsx, ["server/main.ts"], { env, encoding: "utf8" });
      expect(first).toMatch(/Loaded the demo world/);
      expect(first).toMatch(/\d{3} products, \d+ customers, 0 orders/);
      expect(first).toContain("http://127.0.0.1:4123");
      const second = execFileSync(tsx, ["server/main.ts"], { env, encoding: "utf8" });
      expect(second).not.toMatch(/Loaded the demo world/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails with the variable at fault on bad configuration", () => {
    const run = spawnSync(tsx, ["server/main.ts"], { env: { ...process.env, PORT: "not-a-port" }, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/PORT/);
  });

  it("reads defaults when nothing is set", () => {
    expect(readEnv({})).toEqual({
      DATABASE_PATH: ".data/ordershield.db",
      HOST: "127.0.0.1",
      PORT: 3000,
      SEED_DEMO: true,
    });
  });
});
