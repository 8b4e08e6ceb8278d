/**
 * The HTTP server, as `npm start` runs it (a child process: file database, offline model, checkpoints in a file).
 *
 * - `server.turns_per_s`: offline-model chat turns per second over HTTP with SSE — autocannon posts buyer messages
 *   (each answered as a whole SSE run, `run_started` … `run_finished`) to 200 threads round-robin with 16
 *   connections, so no thread has two runs at once.
 * - `server.sse_concurrent`: open streams held at once — 1,000 rep-queue followers (`GET /v1/rep/events`), each
 *   of which must receive a heartbeat and one broadcast event while all are open.
 */
import autocannon from "autocannon";
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { join } from "node:path";
import { SignJWT } from "jose";
import type { BenchSuite, Figure } from "./types.ts";

const SECRET = "bench-session-secret-0123456789-abcdefgh";
const REP_KEY = "bench-rep-key-0123456789";

async function startServer(dir: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), ["server/main.ts"], {
    env: {
      ...process.env,
      DATABASE_PATH: join(dir, "server-bench.db"),
      PORT: "0",
      LOG_LEVEL: "silent",
      AUTH_JWT_SECRET: SECRET,
      REP_API_KEYS: `${REP_KEY}:REP-BENCH`,
      RATE_LIMIT_IP_PER_MIN: "100000000",
      RATE_LIMIT_SESSION_PER_MIN: "100000000",
      SSE_HEARTBEAT_MS: "1000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /storefront\s+(http:\/\/\S+?)\/\s/.exec(out);
      if (m && out.includes("Press Ctrl+C")) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return { base, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

const session = (customerId: string, sub: string) =>
  new SignJWT({ customer_id: customerId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(sub)
    .setAudience("ordershield")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(SECRET));

async function measureTurns(base: string, log: (m: string) => void, seconds: number) {
  const jwt = await session("C-1001", "bench-buyer");
  const headers = { authorization: `Bearer ${jwt}`, "content-type": "application/json" };
  const threads: string[] = [];
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${base}/v1/threads`, { method: "POST", headers, body: "{}" });
    threads.push(((await res.json()) as { threadId: string }).threadId);
  }
  // Warm up: one turn per thread binds it and loads the code paths.
  for (const t of threads.slice(0, 20))
    await (
      await fetch(`${base}/v1/threads/${t}/messages`, { method: "POST", headers, body: '{"text":"hello"}' })
    ).text();
  let next = 0;
  const body = JSON.stringify({ text: "is SE-MS28-CC-EPDM in stock? I need 5" });
  log(`bench: server turns over HTTP/SSE for ${seconds} s…`);
  const result = await autocannon({
    url: base,
    connections: 16,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers,
        body,
        setupRequest: (req) => ({ ...req, path: `/v1/threads/${threads[next++ % threads.length]}/messages` }),
      },
    ],
  });
  const completed = result["2xx"];
  return { perSecond: completed / (result.duration || seconds), non2xx: result.non2xx, p50: result.latency.p50 };
}

async function measureStreams(base: string, count: number, log: (m: string) => void) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const url = new URL(`${base}/v1/rep/events`);
  const streams: { pinged: boolean; broadcast: boolean; req: http.ClientRequest }[] = [];
  log(`bench: opening ${count} SSE streams…`);
  const open = () =>
    new Promise<void>((resolve, reject) => {
      const s = { pinged: false, broadcast: false, req: undefined as unknown as http.ClientRequest };
      s.req = http.get(url, { agent, headers: { "x-api-key": REP_KEY } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (chunk.includes(": ping")) s.pinged = true;
          if (chunk.includes("event: thread")) s.broadcast = true;
        });
        resolve();
      });
      s.req.on("error", reject);
      streams.push(s);
    });
  // In batches: a burst of 1,000 connects overflows the listen backlog (ECONNRESET), which is not what is measured.
  for (let opened = 0; opened < count; opened += 100)
    await Promise.all(Array.from({ length: Math.min(100, count - opened) }, open));
  const ready = (await (await fetch(`${base}/readyz`)).json()) as { streams: number };
  await new Promise((r) => setTimeout(r, 2500));
  // One broadcast to every follower: a new thread shows up in the queue.
  const jwt = await session("C-1003", "bench-broadcast");
  await fetch(`${base}/v1/threads`, { method: "POST", headers: { authorization: `Bearer ${jwt}` } });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && streams.some((s) => !s.broadcast)) await new Promise((r) => setTimeout(r, 100));
  const served = streams.filter((s) => s.pinged && s.broadcast).length;
  for (const s of streams) s.req.destroy();
  agent.destroy();
  return { served, open: ready.streams };
}

export const serverSuite: BenchSuite = {
  name: "server",
  description: "HTTP server (npm start): chat turns over SSE with autocannon; concurrent open SSE streams",
  async run(ctx) {
    const { base, child } = await startServer(ctx.tempDir("server"));
    try {
      const turns = await measureTurns(base, ctx.log, 10);
      ctx.log(`bench: ${Math.round(turns.perSecond)} turns/s (p50 ${turns.p50} ms, non-2xx ${turns.non2xx})`);
      const streams = await measureStreams(base, 1000, ctx.log);
      const figures: Figure[] = [
        {
          id: "server.turns_per_s",
          value: Math.round(turns.perSecond),
          unit: "turns/s",
          target: ">= 300",
          note: `offline model, check_stock turn, 16 connections, p50 ${turns.p50} ms, non-2xx ${turns.non2xx}`,
        },
        {
          id: "server.sse_concurrent",
          value: streams.served,
          unit: "streams",
          target: ">= 1000",
          note: `of 1,000 opened (${streams.open} open at the server), each got a heartbeat and a broadcast`,
        },
      ];
      return figures;
    } finally {
      await stop(child);
    }
  },
};
