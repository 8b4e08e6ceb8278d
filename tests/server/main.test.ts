/**
 * `npm start` on a fresh database: it seeds the demo world once, serves the API, the docs and the placeholder
 * pages, prints where, accepts the development credentials it prints, and stops cleanly on SIGTERM.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DEV_JWT_SECRET, ENV_VARIABLES, readEnv } from "../../server/env.ts";
import { Buyer } from "./helpers.ts";
import { startMain } from "./spawn.ts";

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
const dir = mkdtempSync(join(tmpdir(), "os-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm start", { timeout: 120_000 }, () => {
  it("seeds once, serves API, docs and pages, takes a buyer to a confirmation, and shuts down gracefully", async () => {
    const env = { DATABASE_PATH: join(dir, "demo.db") };
    const first = await startMain(env);
    try {
      expect(first.stdout()).toMatch(/Loaded the demo world/);
      expect(first.stdout()).toMatch(/\d{3} products, \d+ customers, 0 orders/);
      expect(first.stdout()).toMatch(/rep copilot\s+http:\/\/127\.0\.0\.1:\d+\/rep/);
      expect(first.stdout()).toMatch(/API docs\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
      const { base } = first;
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
      expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ status: "ready", database: true });
      const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
      };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(["/v1/threads", "/v1/threads/{id}/messages", "/v1/rep/threads/{id}/decision"]),
      );
      expect(doc.components.schemas).toHaveProperty("SseEvent");
      for (const page of ["/docs", "/", "/rep"]) {
        const res = await fetch(base + page);
        expect(res.status, page).toBe(200);
        expect(res.headers.get("content-type"), page).toMatch(/text\/html/);
      }
      // The printed development credentials work: a buyer session signed with the dev secret, the dev rep key.
      const over = { request: (path: string, init?: RequestInit) => fetch(base + path, init) };
      const buyer = await Buyer.of(over, { secret: DEV_JWT_SECRET });
      const threadId = await buyer.start();
      await buyer.say(threadId, "2 SE-MS28-CC-EPDM for pump 2");
      const place = await buyer.say(threadId, "place the order");
      expect(place.find((e) => e.event === "interrupt")?.data).toMatchObject({ type: "confirm" });
      const key = /rep API key\s+(\S+)/.exec(first.stdout())![1]!;
      const queue = await fetch(`${base}/v1/rep/threads`, { headers: { "x-api-key": key } });
      expect(((await queue.json()) as { threads: { id: string }[] }).threads.map((t) => t.id)).toContain(threadId);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = await startMain(env);
    try {
      expect(second.stdout()).not.toMatch(/Loaded the demo world/);
    } finally {
      expect(await second.stop("SIGINT")).toBe(0);
    }
  });

  it("fails with the variable at fault on bad configuration", () => {
    const run = spawnSync(tsx, ["server/main.ts"], {
      env: { ...process.env, DATABASE_PATH: join(dir, "bad.db"), PORT: "not-a-port" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/PORT/);
    for (const [name, value] of [
      ["AUTH_JWT_SECRET", "short"],
      ["REP_API_KEYS", "nocolon"],
      ["ERP_WEBHOOK_SECRET", "not-whsec"],
    ] as const) {
      expect(() => readEnv({ [name]: value }), name).toThrow(name);
    }
  });

  it("reads defaults when nothing is set", () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      DATABASE_PATH: ".data/ordershield.db",
      HOST: "127.0.0.1",
      PORT: 3000,
      SEED_DEMO: true,
      AUTH_AUDIENCE: "ordershield",
      CORS_ORIGINS: [],
      OPENAI_MODEL: "gpt-4o-mini",
    });
    expect([...env.REP_API_KEYS.values()]).toEqual(["REP-DEMO"]);
    expect(readEnv({ CORS_ORIGINS: "https://shop.example, https://b.example" }).CORS_ORIGINS).toEqual([
      "https://shop.example",
      "https://b.example",
    ]);
  });

  it(".env.example and the README list every variable, and every example value is valid", () => {
    const examples: Record<string, string> = {};
    for (const line of readFileSync(".env.example", "utf8").split("\n")) {
      const m = /^#? ?([A-Z][A-Z0-9_]+)=(.*)$/.exec(line);
      if (m) examples[m[1]!] = m[2]!;
    }
    const listed = Object.keys(examples).filter((k) => ENV_VARIABLES.includes(k as never));
    expect(listed.sort()).toEqual([...ENV_VARIABLES].sort());
    expect(() => readEnv(Object.fromEntries(listed.map((k) => [k, examples[k]])))).not.toThrow();
    const readme = readFileSync("README.md", "utf8");
    for (const name of ENV_VARIABLES) expect(readme, name).toContain(`\`${name}\``);
  });
});
