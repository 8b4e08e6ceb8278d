/**
 * Agent turn overhead: a buyer turn through the shield graph (model → tools → model, checkpointed in SQLite after
 * every step) with a scripted model that answers instantly, so what is measured is the graph, the checkpoint and our
 * nodes — not an LLM. Both sides checkpoint with durability "exit" (the runtime's default). Beside it, the same tools and the same model under a bare `createAgent` from the `langchain`
 * package with the same checkpointer, measured in the same run: the ratio is the shield's share of a turn.
 */
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { createAgent } from "langchain";
import { join } from "node:path";
import { openDatabase } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { shieldContextSchema } from "../../agent/state.ts";
import { createAgentTools } from "../../tools/agent-tools.ts";
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
    const message = last && ToolMessage.isInstance(last)
      ? new AIMessage("In stock; it can ship tomorrow.")
      : new AIMessage({ content: "", tool_calls: [{ name: "check_stock", args: { sku: this.sku, quantity: 2 }, id: `c${++this.n}`, type: "tool_call" }] });
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
  const customerId = (db.$client.prepare("SELECT id FROM customers WHERE blocked = 0 ORDER BY id LIMIT 1").get() as { id: string }).id;
  const ctx = { customerId, contactId: null, channel: "widget" };
  const data = createCatalogReader(db);
  const now = () => DEMO_NOW;

  const shield = createShieldAgent({ db, model: new LoopModel(sku), data, now });
  const bare = createAgent({
    model: new LoopModel(sku),
    tools: createAgentTools({ db, data, now }),
    checkpointer: new SqliteSaver(db.$client),
    contextSchema: shieldContextSchema,
  });

  const shieldTurn = async (thread: string) => {
    const r = await shield.send(thread, "do you have it in stock?", ctx);
    if (!r.replies.length) throw new Error("shield turn produced no reply");
  };
  const bareTurn = async (thread: string) => {
    const r = await bare.invoke({ messages: [new HumanMessage("do you have it in stock?")] }, { configurable: { thread_id: thread }, context: ctx, durability: "exit" } as never);
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
  return { turns, shieldP50: percentile(shieldMs, 50), shieldP95: percentile(shieldMs, 95), bareP50: percentile(bareMs, 50), shieldCpuMs: shieldCpu / turns, bareCpuMs: bareCpu / turns };
}

export const agentSuite: BenchSuite = {
  name: "agent",
  description: "buyer turn through the shield graph + SQLite checkpoint (scripted model) vs a bare createAgent",
  async run(ctx) {
    ctx.log("agent: measuring turns (shield graph vs bare createAgent, demo world)…");
    const r = await measureAgentTurns({ dir: ctx.tempDir("agent") });
    const figures: Figure[] = [
      { id: "agent.turn.p50_ms", value: r.shieldP50, unit: "ms", target: "<= 5", note: `${r.turns} turns, p95 ${r.shieldP95.toFixed(2)} ms, CPU ${r.shieldCpuMs.toFixed(2)} ms/turn; model→tool→model, SQLite checkpoint` },
      {
        id: "agent.vs_bare.ratio",
        value: r.shieldP50 / r.bareP50,
        unit: "x",
        target: "<= 1.1",
        baseline: { name: "langchain createAgent, same tools/model/checkpointer", value: r.bareP50, unit: "ms" },
        note: `bare p50 ${r.bareP50.toFixed(2)} ms, CPU ${r.bareCpuMs.toFixed(2)} ms/turn`,
      },
    ];
    return figures;
  },
};
