/**
 * One trial: a scenario's buyer script played against the shield graph (the real runtime, tools, engine, confirm,
 * approval and hand-off) on a private copy of its catalog. What the trial returns is what the grader needs: the
 * outbox, every report the engine produced, the transcript with tool calls, and timings.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage } from "@langchain/core/messages";
import { createShieldAgent, createShieldMemorySaver, isAgentError, type ThreadView } from "../agent/index.ts";
import type { Db } from "../catalog/db.ts";
import type { CleanOrder } from "../tools/clean-order.ts";
import type { CatalogCache } from "./world.ts";
import type { Scenario, Step } from "./scenario.ts";
import { checkTrajectory, readTrajectory } from "./trajectory.ts";

export type ModelFactory = (db: Db) => BaseChatModel;

export interface TranscriptEntry {
  step: string;
  replies: string[];
  tools: string[];
  error?: string;
}

export interface TrialRecord {
  scenario: Scenario;
  trial: number;
  db: Db;
  now: Date;
  threadId: string;
  outbox: CleanOrder[];
  /** Every block/approval code any report of the conversation carried. */
  codesSeen: Set<string>;
  final: ThreadView;
  transcript: TranscriptEntry[];
  turns: number;
  toolCalls: number;
  ms: number;
  /** Order-protocol violations read from the graph's state history (evals/trajectory.ts). */
  trajectory: string[];
  /** An error that ended the trial early (an AgentError or a crash): graded as a failure. */
  error?: string;
}

const REP_ID = "REP-EVAL";

function codesOf(view: ThreadView, into: Set<string>): void {
  const report = view.report;
  if (!report) return;
  for (const i of [...report.issues, ...report.lines.flatMap((l) => l.issues)]) into.add(i.code);
}

function describe(step: Step): string {
  if ("say" in step) return step.say;
  if ("confirm" in step) return step.confirm ? "<confirm>" : "<decline>";
  if ("rep" in step) return `<rep ${step.rep}>`;
  return `<event ${JSON.stringify(step.event)}>`;
}

function applyEvent(db: Db, event: Extract<Step, { event: unknown }>["event"]): void {
  if ("stock" in event) {
    const s = event.stock;
    if (s.warehouse)
      db.$client
        .prepare("update stock set on_hand = ? where sku = ? and warehouse = ?")
        .run(s.onHand, s.sku, s.warehouse);
    else db.$client.prepare("update stock set on_hand = ? where sku = ?").run(s.onHand, s.sku);
    // Inbound deliveries would still promise the part: "sold out" means nothing coming either.
    if (s.onHand === 0) db.$client.prepare("delete from stock_inbound where sku = ?").run(s.sku);
  } else {
    db.$client
      .prepare("update products set list_price_cents = ? where sku = ?")
      .run(event.listPrice.cents, event.listPrice.sku);
  }
}

/** Play `scenario` once on a fresh copy of its catalog with a model built by `makeModel`. */
export async function playTrial(
  scenario: Scenario,
  trial: number,
  catalogs: CatalogCache,
  makeModel: ModelFactory,
): Promise<TrialRecord> {
  const started = performance.now();
  const { db, now } = catalogs.open(scenario);
  // A checkpoint per super-step (not only per turn, the runtime's default): the trajectory check reads every node.
  const agent = createShieldAgent({
    db,
    model: makeModel(db),
    checkpointer: createShieldMemorySaver(),
    now: () => now,
    durability: "async",
  });
  const threadId = `eval-${scenario.id}-${trial}`.replace(/[^A-Za-z0-9._:@-]/g, "-").slice(0, 128);
  const buyer = { customerId: scenario.customer, contactId: scenario.contact ?? null, channel: "eval" };
  const rep = { customerId: scenario.customer, contactId: REP_ID, channel: "rep" };
  const transcript: TranscriptEntry[] = [];
  const codesSeen = new Set<string>();
  let final = await agent.getThread(threadId, buyer);
  let lastReply = "";
  let turns = 0;
  let error: string | undefined;

  for (const step of scenario.steps) {
    if ("say" in step && step.ifAsked && !new RegExp(step.ifAsked, "i").test(lastReply)) continue;
    const before = final.messages.length;
    const entry: TranscriptEntry = { step: describe(step), replies: [], tools: [] };
    transcript.push(entry);
    try {
      if ("event" in step) {
        applyEvent(db, step.event);
        continue;
      }
      let result: { replies: string[]; thread: ThreadView } | null = null;
      if ("say" in step) {
        turns++;
        result = await agent.send(threadId, step.say, buyer);
      } else if ("confirm" in step) {
        const pending = final.pending;
        if (pending?.type !== "confirm") {
          entry.error = "nothing to confirm";
          continue;
        }
        result = await agent.resume(threadId, { confirm: step.confirm, draftHash: pending.draftHash }, buyer);
      } else {
        if (final.pending?.type !== "approval") {
          entry.error = "nothing to approve";
          continue;
        }
        result = await agent.resume(threadId, { decision: step.rep, reason: step.reason }, rep);
      }
      final = result.thread;
      entry.replies = result.replies;
      entry.tools = final.messages
        .slice(before)
        .flatMap((m) => (AIMessage.isInstance(m) ? (m.tool_calls ?? []).map((c) => c.name) : []));
      lastReply = result.replies.join("\n");
      codesOf(final, codesSeen);
    } catch (e) {
      error = isAgentError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? (e.stack ?? e.message) : String(e);
      entry.error = error;
      break;
    }
  }

  const outbox = (
    db.$client.prepare("select payload from outbox order by created_at, rowid").all() as { payload: string }[]
  ).map((r) => JSON.parse(r.payload) as CleanOrder);
  const steps = await readTrajectory(agent.graph.getStateHistory({ configurable: { thread_id: threadId } }));
  return {
    scenario,
    trial,
    db,
    now,
    threadId,
    outbox,
    trajectory: checkTrajectory(steps, outbox),
    codesSeen,
    final,
    transcript,
    turns,
    toolCalls: transcript.reduce((n, t) => n + t.tools.length, 0),
    ms: performance.now() - started,
    ...(error ? { error } : {}),
  };
}
