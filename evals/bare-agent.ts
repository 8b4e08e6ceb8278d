/**
 * The bare agent the shield is compared with: `createAgent` from the `langchain` package with the SAME tools as the
 * shield (read tools, draft tools, review_order) and the same model — but `place_order` places the order directly:
 * it writes the draft to the orders table and the outbox as it stands, with no validate node, no buyer confirmation
 * of the exact draft, no rep approval and no re-check in the hand-off. That is what a plain "LLM + create-order API"
 * integration does, and what the comparison (`npm run evals -- --compare-bare`) measures: how many of the orders it
 * sends are ones the engine would have stopped.
 *
 * The order it writes is not a clean order; it carries the same fields the grader reads (lines with SKU, quantity,
 * unit, machine, options; PO reference, ship-to) plus the raw `draft` it was placed from, so the grader can re-validate
 * it with the same engine.
 */
import { createHash } from "node:crypto";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { type BaseMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { Command, MemorySaver } from "@langchain/langgraph";
import { withLangGraph } from "@langchain/langgraph/zod";
import { createAgent, tool } from "langchain";
import { z } from "zod";
import { BARE_SYSTEM_PROMPT } from "../agent/models/prompts.ts";
import { type ShieldContext, shieldContextSchema } from "../agent/state.ts";
import type { Db } from "../catalog/db.ts";
import { createCatalogReader } from "../catalog/queries/index.ts";
import { compactReport, createAgentTools, runToolCall } from "../tools/agent-tools.ts";
import { hashDraft } from "../tools/draft-hash.ts";
import { validateDraft } from "../tools/engine.ts";
import { type Draft, EMPTY_DRAFT, type ValidationReport } from "../tools/types.ts";

export interface BareAgentOptions {
  db: Db;
  model: BaseChatModel;
  now?: () => Date;
  systemPrompt?: string;
}

/** The order a bare agent sends: the grader's fields plus the draft it came from. */
export interface BareOrder {
  header: {
    orderId: string;
    customerId: string;
    threadId: string;
    confirmedDraftHash: string;
    customerPoReference?: string;
    parties: { shipTo: { id: string } | null };
  };
  lines: {
    lineNo: number;
    lineId: string;
    sku: string;
    quantity: number;
    orderUnit: string;
    machineId?: string;
    unitPriceCents: number;
    components: { group: string; values: string[] }[];
  }[];
  draft: Draft;
}

export interface BareAgent {
  /** The compiled createAgent graph (for state history and benchmarks). */
  graph: ReturnType<typeof createAgent>;
  /** The tools the model is bound to: the shield's, with review_order and place_order run without a gate. */
  tools: StructuredToolInterface[];
  /** One buyer turn: the agent's text replies and the thread's messages and draft after it. */
  send(
    threadId: string,
    text: string,
    session: ShieldContext,
  ): Promise<{ replies: string[]; messages: BaseMessage[]; draft: Draft }>;
}

// The draft in the graph state too (the offline model reads it there); the last write of a step wins, since every
// tool writes the whole draft as it stands after its call.
const BareState = z.object({
  draft: withLangGraph(z.custom<Draft>(), { reducer: { fn: (_a: Draft, b: Draft) => b }, default: () => EMPTY_DRAFT }),
});

const textOf = (m: BaseMessage) => (typeof m.content === "string" ? m.content : "");

/** What createAgent's tool node hands a tool (langchain's ToolRuntime, the parts used here). */
interface BareToolRuntime {
  context?: unknown;
  toolCallId?: string;
  config?: { configurable?: Record<string, unknown> };
}

/**
 * @example
 *   const bare = createBareAgent({ db, model: createOfflineModel({ db }) });
 *   await bare.send("t-1", "2 SE-MS28-CC-EPDM for pump 2, place the order", { customerId: "C-1001", channel: "eval" });
 */
export function createBareAgent(options: BareAgentOptions): BareAgent {
  const { db } = options;
  const data = createCatalogReader(db);
  const now = options.now ?? (() => new Date());
  const shieldTools = createAgentTools({ db, data, now });
  const validate = (draft: Draft, customerId: string): ValidationReport =>
    validateDraft(draft, { customerId, now: now(), data });

  // The draft per thread, threaded through the calls of one model message one after another (as the shield's tools
  // node does), so several edits in one message compose: the bare agent is no worse at building a draft.
  const drafts = new Map<string, Draft>();
  const queues = new Map<string, Promise<unknown>>();
  const threadOf = (runtime: BareToolRuntime) =>
    (runtime.config?.configurable?.thread_id as string | undefined) ?? "bare";
  const inOrder = <T>(thread: string, run: () => Promise<T> | T): Promise<T> => {
    const next = (queues.get(thread) ?? Promise.resolve()).then(run);
    queues.set(
      thread,
      next.catch(() => undefined),
    );
    return next;
  };
  const reply = (runtime: BareToolRuntime, name: string, content: string, draft?: Draft) =>
    new Command({
      update: {
        ...(draft ? { draft } : {}),
        messages: [new ToolMessage({ content, tool_call_id: runtime.toolCallId ?? "", name })],
      },
    });

  const wrap = (shieldTool: StructuredToolInterface) =>
    tool(
      (args: Record<string, unknown>, runtime: BareToolRuntime) =>
        inOrder(threadOf(runtime), async () => {
          const thread = threadOf(runtime);
          const out = await runToolCall(
            shieldTools,
            { name: shieldTool.name, args, id: runtime.toolCallId ?? "", type: "tool_call" },
            { state: { draft: drafts.get(thread) ?? EMPTY_DRAFT }, context: runtime.context as ShieldContext },
          );
          if (!(out instanceof Command)) return reply(runtime, shieldTool.name, textOf(out));
          const update = (out.update ?? {}) as { draft?: Draft; messages?: BaseMessage[] };
          if (update.draft) drafts.set(thread, update.draft);
          const content = update.messages?.map(textOf).join("\n") ?? "";
          return reply(runtime, shieldTool.name, content, drafts.get(thread));
        }),
      { name: shieldTool.name, description: shieldTool.description, schema: shieldTool.schema as z.ZodObject },
    );

  // review_order without a validate node: the engine's report as the tool's own answer (the shape the shield's
  // validate node gives), so the model knows exactly what the shield's model knows.
  const review_order = tool(
    (_args: Record<string, unknown>, runtime: BareToolRuntime) =>
      inOrder(threadOf(runtime), () => {
        const draft = drafts.get(threadOf(runtime)) ?? EMPTY_DRAFT;
        const customerId = (runtime.context as ShieldContext | undefined)?.customerId ?? "";
        const content = JSON.stringify({
          next: "review only; nothing was placed",
          report: compactReport(validate(draft, customerId)),
        });
        return reply(runtime, "review_order", content);
      }),
    {
      name: "review_order",
      description: shieldTools.find((t) => t.name === "review_order")?.description ?? "Validate the draft.",
      schema: z.object({}),
    },
  );

  const place_order = tool(
    (_args: Record<string, unknown>, runtime: BareToolRuntime) =>
      inOrder(threadOf(runtime), () => {
        const session = runtime.context as ShieldContext | undefined;
        const thread = threadOf(runtime);
        const draft = drafts.get(thread) ?? EMPTY_DRAFT;
        const answer = (content: unknown, next?: Draft) => reply(runtime, "place_order", JSON.stringify(content), next);
        if (!session?.customerId) return answer({ error: "no authenticated session" });
        if (draft.lines.length === 0) return answer({ error: "the order is empty" });
        // The ERP prices what it receives (the engine's pricing, as an ERP would compute it) but checks nothing.
        const report = validate(draft, session.customerId);
        const order = writeBareOrder(db, draft, session, thread, now(), report);
        // A new draft after an order, as the shield starts one after its hand-off.
        drafts.set(thread, EMPTY_DRAFT);
        // The ERP's answer: its prices and dates (the engine's report, as an ERP would compute them on receipt).
        return answer(
          {
            status: "placed",
            orderId: order.header.orderId,
            next: "the order was sent to the ERP",
            report: compactReport(report),
          },
          EMPTY_DRAFT,
        );
      }),
    {
      name: "place_order",
      description: "Place the order in the ERP now, exactly as the draft stands.",
      schema: z.object({}),
      // The order is sent: the turn ends with the ERP's answer (a model written for a confirmation step would
      // otherwise go on asking to place it).
      returnDirect: true,
    },
  );

  const tools = [
    ...shieldTools.filter((t) => t.name !== "review_order" && t.name !== "place_order").map(wrap),
    review_order,
    place_order,
  ] as unknown as StructuredToolInterface[];
  const agent = createAgent({
    model: options.model,
    tools,
    systemPrompt: options.systemPrompt ?? BARE_SYSTEM_PROMPT,
    stateSchema: BareState,
    contextSchema: shieldContextSchema,
    checkpointer: new MemorySaver(),
  });

  return {
    graph: agent,
    tools,
    async send(threadId, text, session) {
      const config = { configurable: { thread_id: threadId }, context: session, recursionLimit: 80 };
      const state = (await agent.getState(config as never)) as { values?: { messages?: BaseMessage[] } };
      const before = state.values?.messages ?? [];
      const result = (await agent.invoke({ messages: [new HumanMessage(text)] } as never, config as never)) as {
        messages: BaseMessage[];
        draft?: Draft;
      };
      const replies = result.messages
        .slice(before.length + 1)
        .filter(
          (m) => (m.getType() === "ai" || (m.getType() === "tool" && m.name === "place_order")) && textOf(m).trim(),
        )
        .map(textOf);
      return { replies, messages: result.messages, draft: result.draft ?? EMPTY_DRAFT };
    },
  };
}

/** Write the draft as an order and an outbox event, unchecked: one order per call. */
function writeBareOrder(
  db: Db,
  draft: Draft,
  session: ShieldContext,
  threadId: string,
  at: Date,
  priced: ValidationReport,
): BareOrder {
  const client = db.$client;
  const seq = (client.prepare("select count(*) as n from orders").get() as { n: number }).n + 1;
  const draftHash = hashDraft(draft);
  const orderId = `bare_${createHash("sha256").update(`${threadId}:${seq}:${draftHash}`).digest("hex").slice(0, 20)}`;
  const products = createCatalogReader(db).products(draft.lines.map((l) => l.sku));
  const lines = draft.lines.map((l, i) => {
    const product = products.get(l.sku);
    const machineId = l.machineId ?? draft.machineId;
    return {
      lineNo: i + 1,
      lineId: l.lineId,
      sku: l.sku,
      quantity: l.quantity,
      orderUnit: l.unit ?? product?.orderUnit ?? "PCE",
      ...(machineId ? { machineId } : {}),
      unitPriceCents:
        priced.lines.find((r) => r.lineId === l.lineId)?.unitPriceCents ??
        l.requestedUnitPriceCents ??
        product?.listPriceCents ??
        0,
      components: Object.entries(l.options ?? {}).map(([group, values]) => ({ group, values: [...values] })),
    };
  });
  const order: BareOrder = {
    header: {
      orderId,
      customerId: session.customerId,
      threadId,
      confirmedDraftHash: draftHash,
      ...(draft.poReference ? { customerPoReference: draft.poReference } : {}),
      parties: { shipTo: draft.shipToId ? { id: draft.shipToId } : null },
    },
    lines,
    draft,
  };
  const total = lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);
  client.transaction(() => {
    client
      .prepare(
        `insert into orders (id, idempotency_key, thread_id, draft_hash, customer_id, contact_id, channel, status,
           currency, total_cents, po_reference, ship_to_id, payload, created_at)
         values (?, ?, ?, ?, ?, ?, 'bare', 'handed_off', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        orderId,
        orderId,
        threadId,
        draftHash,
        session.customerId,
        session.contactId ?? null,
        priced.currency,
        Math.round(total),
        draft.poReference ?? null,
        draft.shipToId ?? null,
        JSON.stringify(order),
        at.toISOString(),
      );
    client
      .prepare("insert into outbox (id, order_id, event_type, payload) values (?, ?, 'order.created', ?)")
      .run(`evt_${orderId}`, orderId, JSON.stringify(order));
  })();
  return order;
}
