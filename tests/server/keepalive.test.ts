/**
 * Idle keep-alive connections: a client that pools connections (a load balancer, a storefront backend) reuses an idle
 * socket after a pause. Node closes idle sockets after 5 s by default, so a pool with a longer idle time races the
 * server's close and sees ECONNRESET; the server keeps them for HTTP_KEEPALIVE_TIMEOUT_MS (65 s by default).
 */
import { mkdtempSync } from "node:fs";
import { once } from "node:events";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, test } from "vitest";
import { DEMO_NOW } from "../../catalog/seed/index.ts";
import { readEnv } from "../../server/env.ts";
import { type RunningServer, startServer } from "../../server/start.ts";

const running: RunningServer[] = [];
afterAll(async () => {
  for (const s of running) await s.close(0);
});

async function start(extra: Record<string, string>): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "ordershield-keepalive-"));
  const server = await startServer({
    env: readEnv({ DATABASE_PATH: join(dir, "shop.db"), HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "silent", ...extra }),
    now: () => DEMO_NOW,
  });
  running.push(server);
  return server;
}

/**
 * One raw keep-alive connection, as a load balancer holds it: requests written on the same socket, and whether the
 * server has closed it.
 */
async function connection(base: string) {
  const { hostname, port } = new URL(base);
  const socket = net.connect(Number(port), hostname);
  await once(socket, "connect");
  let closed = false;
  let received = "";
  socket.on("end", () => {
    closed = true;
  });
  socket.on("data", (chunk: Buffer) => {
    received += chunk.toString("latin1");
  });
  return {
    isClosed: () => closed,
    async get(path: string): Promise<number> {
      received = "";
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
      while (!/\r\n\r\n/.test(received)) await once(socket, "data");
      return Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
    },
    destroy: () => socket.destroy(),
  };
}

describe("idle keep-alive connections", () => {
  test("a connection idle for longer than Node's default (5 s, closed at ~6 s) stays open and serves the next request", async () => {
    const server = await start({});
    const c = await connection(server.base);
    expect(await c.get("/healthz")).toBe(200);
    await sleep(7_000);
    expect(c.isClosed()).toBe(false);
    expect(await c.get("/healthz")).toBe(200);
    c.destroy();
  }, 30_000);

  test("HTTP_KEEPALIVE_TIMEOUT_MS is honoured: past it the server closes the idle connection", async () => {
    const server = await start({ HTTP_KEEPALIVE_TIMEOUT_MS: "1000" });
    const c = await connection(server.base);
    expect(await c.get("/healthz")).toBe(200);
    await sleep(300);
    expect(c.isClosed()).toBe(false);
    await sleep(2_700);
    expect(c.isClosed()).toBe(true);
    c.destroy();
  }, 30_000);

  test("a timeout outside 1 s … 10 min is refused with the variable named", () => {
    expect(() => readEnv({ HTTP_KEEPALIVE_TIMEOUT_MS: "10" })).toThrow(/HTTP_KEEPALIVE_TIMEOUT_MS/);
  });
});
