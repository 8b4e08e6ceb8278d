/**
 * Agent turn overhead: a buyer turn through the shield graph (model → tools → model, checkpointed in SQLite after
 * every step) with a scripted model that answers instantly, so what is measured is the graph, the checkpoint and our
 * nodes — not an LLM. The shield runs the runtime's default durability ("input": the input checkpoint when the message
 * arrives, the last one at the end of the run), the bare agent "exit" (one checkpoint a run), into the same SQLite
 * file (the threads file beside the catalog, the runtime's default) through the same checkpointer. Beside it, the same tools and the same model under
 * a bare `createAgent` from the `langchain` package, measured in the same run: the ratio is the shield's share of a
 * turn. Where the time goes: agent/README.md, "Speed".
 */
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { createAgent } from "langchain";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { createShieldCheckpointer, defaultThreadStore } from "../../agent/checkpointer.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { shieldContextSchema } from "../../agent/state.ts";
import { createAgentTools } from "../../tools/agent-tools.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { validateDraft } from "../../tools/engine.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import type { BenchSuite, Figure } from "./types.ts";

/** Human → one check_stock call; tool result → a short answer. Instant and deterministic. */
class LoopModel extends BaseChatModel {
  private n = 0;
  constructor(private readonly sku: string) {
    super({});
  }
  _llmType() {
    return "bench-loop";
  }
  override bindTools(): ReturnType<NonNullable<BaseChatModel["bindTools"]>> {
    return this as never;
  }
  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const last = messages.at(-1);
    const message =
      last && ToolMessage.isInstance(last)
        ? new AIMessage("In stock; it can ship tomorrow.")
        : new AIMessage({
            content: "",
            tool_calls: [
              { name: "check_stock", args: { sku: this.sku, quantity: 2 }, id: `c${++this.n}`, type: "tool_call" },
            ],
          });
    return { generations: [{ text: "", message }] };
  }
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

export interface AgentBenchOptions {
  turns?: number;
  /** Turns per thread before a new thread starts (conversations are short). */
  turnsPerThread?: number;
  dir: string;
}

export async function measureAgentTurns(options: AgentBenchOptions) {
  const turns = options.turns ?? 400;
  const perThread = options.turnsPerThread ?? 8;
  const db = openDatabase(join(options.dir, "agent-bench.db"));
  seedDemo(db);
  const sku = (db.$client.prepare("SELECT sku FROM stock ORDER BY on_hand DESC LIMIT 1").get() as { sku: string }).sku;
  const customerId = (
    db.$client.prepare("SELECT id FROM customers WHERE blocked = 0 ORDER BY id LIMIT 1").get() as { id: string }
  ).id;
  const ctx = { customerId, contactId: null, channel: "widget" };
  const data = createCatalogReader(db);
  const now = () => DEMO_NOW;

  const shield = createShieldAgent({ db, model: new LoopModel(sku), data, now });
  const bare = createAgent({
    model: new LoopModel(sku),
    tools: createAgentTools({ db, data, now }),
    // The same checkpointer as the shield (SQLite beside the catalog file, same serializer): the ratio compares
    // graphs, not storage.
    checkpointer: createShieldCheckpointer(defaultThreadStore(db.$client)),
    contextSchema: shieldContextSchema,
  });

  const shieldTurn = async (thread: string) => {
    const r = await shield.send(thread, "do you have it in stock?", ctx);
    if (!r.replies.length) throw new Error("shield turn produced no reply");
  };
  const bareTurn = async (thread: string) => {
    const r = await bare.invoke({ messages: [new HumanMessage("do you have it in stock?")] }, {
      configurable: { thread_id: thread },
      context: ctx,
      durability: "exit",
    } as never);
    if (!(r.messages.at(-1) instanceof AIMessage)) throw new Error("bare turn produced no reply");
  };

  // Warm both paths, then interleave them so machine noise hits both alike.
  for (let i = 0; i < 20; i++) await shieldTurn(`warm-s-${i % 3}`), await bareTurn(`warm-b-${i % 3}`);
  const shieldMs: number[] = [];
  const bareMs: number[] = [];
  let shieldCpu = 0;
  let bareCpu = 0;
  for (let i = 0; i < turns; i++) {
    const thread = Math.floor(i / perThread);
    let t = performance.now();
    let c = process.cpuUsage();
    await shieldTurn(`s-${thread}`);
    shieldMs.push(performance.now() - t);
    shieldCpu += cpuMs(process.cpuUsage(c));
    t = performance.now();
    c = process.cpuUsage();
    await bareTurn(`b-${thread}`);
    bareMs.push(performance.now() - t);
    bareCpu += cpuMs(process.cpuUsage(c));
  }
  db.$client.close();
  return {
    turns,
    shieldP50: percentile(shieldMs, 50),
    shieldP95: percentile(shieldMs, 95),
    bareP50: percentile(bareMs, 50),
    shieldCpuMs: shieldCpu / turns,
    bareCpuMs: bareCpu / turns,
  };
}

/**
 * Hand-off under contention: `workers` processes each check out `perWorker` orders of the same scarce SKU at once,
 * through the real hand-off transaction on one database file. Oversold = units held from stock beyond what was free.
 */
export async function measureHandoffContention(dir: string, workers = 4, perWorker = 250) {
  const path = join(dir, "contention.db");
  const db = openDatabase(path);
  seedDemo(db);
  const customerId = (
    db.$client.prepare("SELECT id FROM customers WHERE blocked = 0 ORDER BY id LIMIT 1").get() as { id: string }
  ).id;
  const data = createCatalogReader(db);
  // A SKU that one unit at a time can be ordered cleanly for this customer, with little free stock.
  const candidates = db.$client
    .prepare(
      "SELECT s.sku, SUM(s.on_hand - s.reserved) AS free FROM stock s JOIN products p ON p.sku = s.sku WHERE p.moq = 1 AND p.order_step = 1 AND p.config_model_id IS NULL AND p.lifecycle = 'active' GROUP BY s.sku HAVING free BETWEEN 3 AND 40 ORDER BY free",
    )
    .all() as { sku: string; free: number }[];
  const pick = candidates.find(
    (c) =>
      validateDraft({ lines: [{ lineId: "L1", sku: c.sku, quantity: 1 }] }, { customerId, now: DEMO_NOW, data }).clean,
  );
  if (!pick) throw new Error("no scarce, orderable SKU in the demo world");
  db.$client.close();
  const spawnedAt = performance.now();
  const children = Array.from({ length: workers }, (_, w) =>
    spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        fileURLToPath(import.meta.url),
        HANDOFF_WORKER_FLAG,
        path,
        pick.sku,
        customerId,
        String(w),
        String(perWorker),
      ],
      { stdio: ["pipe", "pipe", "inherit"] },
    ),
  );
  const lines = children.map((child) => {
    const out: string[] = [];
    let buffer = "";
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.setEncoding("utf8").on("data", (d: string) => {
        buffer += d;
        for (let i = buffer.indexOf("\n"); i >= 0; i = buffer.indexOf("\n")) {
          out.push(buffer.slice(0, i));
          buffer = buffer.slice(i + 1);
          if (out.length === 1) resolve();
        }
      });
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`hand-off worker exited ${code}`))));
    });
    const done = new Promise<void>((resolve, reject) =>
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`hand-off worker exited ${code}`)))),
    );
    return { out, ready, done };
  });
  // Every process loaded and its buyers' confirmations computed before the first checkout: the window measured is
  // the checkouts only, all processes racing for the same rows.
  await Promise.all(lines.map((l) => l.ready));
  const startupSeconds = (performance.now() - spawnedAt) / 1000;
  for (const c of children) c.stdin!.end("go\n");
  await Promise.all(lines.map((l) => l.done));
  const results = lines.map(
    (l) => JSON.parse(l.out[1] ?? "null") as { statuses: string[]; busy: number; startedAt: number; endedAt: number },
  );
  const seconds = (Math.max(...results.map((r) => r.endedAt)) - Math.min(...results.map((r) => r.startedAt))) / 1000;
  const statuses = results.flatMap((r) => r.statuses);
  const check = openDatabase(path);
  const held = (
    check.$client.prepare("SELECT COALESCE(SUM(quantity), 0) AS q FROM reservations WHERE sku = ?").get(pick.sku) as {
      q: number;
    }
  ).q;
  check.$client.close();
  return {
    checkouts: statuses.length,
    placed: statuses.filter((s) => s === "placed").length,
    free: pick.free,
    held,
    oversold: Math.max(0, held - pick.free),
    seconds,
    startupSeconds,
    workers,
    busy: results.reduce((a, r) => a + r.busy, 0),
  };
}

const HANDOFF_WORKER_FLAG = "--handoff-worker";

/** Worker side of measureHandoffContention (this file run as a script). */
function handoffWorker([path, sku, customerId, worker, count]: string[]) {
  const db = openDatabase(path!, { migrate: false });
  const draft: Draft = { lines: [{ lineId: "L1", sku: sku!, quantity: 1 }] };
  // Every buyer confirmed while stock looked available: that is the race the transaction must win.
  const confirmedReport = validateDraft(draft, {
    customerId: customerId!,
    now: DEMO_NOW,
    data: createCatalogReader(db),
  });
  process.stdout.write("ready\n");
  process.stdin.once("data", () => {
    const statuses: string[] = [];
    let busy = 0;
    const startedAt = performance.timeOrigin + performance.now();
    for (let i = 0; i < Number(count); i++) {
      const checkout = () =>
        handOff(db, {
          threadId: `bench-${worker}-${i}`,
          draft,
          confirmedHash: hashDraft(draft),
          customerId: customerId!,
          channel: "bench",
          confirmedReport,
          now: DEMO_NOW,
        }).status;
      for (;;) {
        try {
          statuses.push(checkout());
          break;
        } catch (err) {
          // The write lock stayed taken past busy_timeout (the other processes kept winning it): the server tells
          // the buyer "busy, nothing placed" and the buyer confirms again — the same hand-off, idempotent.
          if ((err as { code?: string }).code !== "SQLITE_BUSY") throw err;
          busy++;
        }
      }
    }
    const endedAt = performance.timeOrigin + performance.now();
    db.$client.close();
    process.stdout.write(`${JSON.stringify({ statuses, busy, startedAt, endedAt })}\n`);
  });
}

if (process.argv[2] === HANDOFF_WORKER_FLAG) handoffWorker(process.argv.slice(3));

export const agentSuite: BenchSuite = {
  name: "agent",
  description:
    "buyer turn through the shield graph + SQLite checkpoint vs a bare createAgent; hand-off under contention",
  async run(ctx) {
    ctx.log("agent: measuring turns (shield graph vs bare createAgent, demo world)…");
    const r = await measureAgentTurns({ dir: ctx.tempDir("agent"), ...(ctx.quick ? { turns: 100 } : {}) });
    const figures: Figure[] = [
      {
        id: "agent.turn.p50_ms",
        value: r.shieldP50,
        unit: "ms",
        target: "<= 5",
        note: `${r.turns} turns, p95 ${r.shieldP95.toFixed(2)} ms, CPU ${r.shieldCpuMs.toFixed(2)} ms/turn; model→tool→model, SQLite checkpoint`,
      },
      {
        id: "agent.vs_bare.ratio",
        value: r.shieldP50 / r.bareP50,
        unit: "x",
        target: "<= 1.1",
        baseline: { name: "langchain createAgent, same tools/model/checkpointer", value: r.bareP50, unit: "ms" },
        note: `bare p50 ${r.bareP50.toFixed(2)} ms, CPU ${r.bareCpuMs.toFixed(2)} ms/turn`,
      },
    ];
    ctx.log("agent: 1,000 concurrent checkouts of scarce stock from 4 processes…");
    const c = await measureHandoffContention(ctx.tempDir("handoff"));
    figures.push(
      {
        id: "handoff.contention.oversold_units",
        value: c.oversold,
        unit: "units",
        target: "== 0",
        note: `${c.checkouts} checkouts, ${c.placed} orders, ${c.held} units held of ${c.free} free; ${c.busy} hand-offs found the lock busy past busy_timeout and were confirmed again`,
      },
      {
        id: "handoff.contention.orders_per_s",
        value: Math.round(c.checkouts / c.seconds),
        unit: "1/s",
        note: `checkouts decided (placed or refused) per second by ${c.workers} processes racing on one SQLite file, BEGIN IMMEDIATE per hand-off; ${c.seconds.toFixed(2)} s window from the first checkout to the last (process start ${c.startupSeconds.toFixed(1)} s, not counted)`,
      },
    );
    return figures;
  },
};
