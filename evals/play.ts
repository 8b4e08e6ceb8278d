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
import { checkTrajectory, type TrajectoryStep, trajectoryStep } from "./trajectory.ts";
import { type BuyerSteps, closeOnSimulatorError, withSimulatedBuyer } from "./simulated.ts";
import { type PriceTable, type Usage, UsageMeter, ZERO_USAGE } from "./usage.ts";

/** What a factory may key a model on: the trial it drives (the chaos model seeds itself from it). */
export interface TrialInfo {
  scenario: Scenario;
  trial: number;
  now: Date;
  /**
   * The agent the model drives: `bare` — the bare agent of `--compare-bare`, whose place_order orders at once — gets
   * a model that checks out only when the buyer asks (the offline consultant's `checkout: "on-request"`).
   */
  agent?: "shield" | "bare";
}

export type ModelFactory = (db: Db, trial?: TrialInfo) => BaseChatModel;

/** Tokens and cost of one trial, per component. */
export interface TrialUsage {
  agent: Usage;
  buyer: Usage;
}

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
  /** Tokens and cost per component. */
  usage?: TrialUsage;
  /**
   * Leaks already judged at the moment each order was placed (the bare agent: its orders hold nothing, so the data
   * may move on afterwards); when absent the grader re-validates the outbox itself.
   */
  leaksAtPlacement?: string[];
  /** Why the trial was not played (a persona scenario without a buyer model): not graded, not counted. */
  skipped?: string;
  /** Buyer-simulator attempts thrown away because the simulator invented facts (not counted against the agent). */
  simulator?: { reruns: number; invented: string[] };
}

const REP_ID = "REP-EVAL";

function codesOf(view: ThreadView, into: Set<string>): void {
  const report = view.report;
  if (!report) return;
  for (const i of [...report.issues, ...report.lines.flatMap((l) => l.issues)]) into.add(i.code);
}

export function describe(step: Step): string {
  if ("say" in step) return step.say;
  if ("confirm" in step) return step.confirm ? "<confirm>" : "<decline>";
  if ("rep" in step) return `<rep ${step.rep}>`;
  return `<event ${JSON.stringify(step.event)}>`;
}

export function applyEvent(db: Db, event: Extract<Step, { event: unknown }>["event"]): void {
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

/** What a trial needs besides the scenario and the agent's model. */
export interface PlayExtras {
  /** USD per million tokens per model (evals/usage.ts). */
  prices?: PriceTable;
  /** The model that plays a persona scenario's buyer; without one, persona scenarios are skipped. */
  buyerModel?: ModelFactory;
}

/** How one trial is played: the shield (playTrial) or the bare agent (playBareTrial). */
export type PlayFn = (
  scenario: Scenario,
  trial: number,
  catalogs: CatalogCache,
  makeModel: ModelFactory,
  extras?: PlayExtras,
) => Promise<TrialRecord>;

/** A thread id for one trial that the runtime accepts (its id alphabet, at most 128 characters). */
export const trialThreadId = (prefix: string, scenario: Scenario, trial: number): string =>
  `${prefix}-${scenario.id}-${trial}`.replace(/[^A-Za-z0-9._:@-]/g, "-").slice(0, 128);

/**
 * Play `scenario` once on a fresh copy of its catalog with a model built by `makeModel` — its script, or its persona
 * played by the buyer simulator (re-run when the simulator invents a fact).
 */
export const playTrial: PlayFn = (...args) => withSimulatedBuyer(playShieldTrial)(...args);

async function playShieldTrial(
  scenario: Scenario,
  trial: number,
  catalogs: CatalogCache,
  makeModel: ModelFactory,
  extras: PlayExtras = {},
  buyerSteps?: BuyerSteps,
): Promise<TrialRecord> {
  const prices = extras.prices;
  const started = performance.now();
  const { db, now } = catalogs.open(scenario);
  const meter = new UsageMeter();
  const model = withMeter(makeModel(db, { scenario, trial, now }), meter);
  // The trajectory check reads every super-step as the graph streams it (the node(s) that ran and the state they
  // left), so an in-memory thread of one trial is checkpointed once per run and at interrupts ("exit"): nobody needs it
  // to survive the process.
  const steps: TrajectoryStep[] = [];
  const agent = createShieldAgent({
    db,
    model,
    checkpointer: createShieldMemorySaver(),
    durability: "exit",
    now: () => now,
    onStep: (_threadId, step) => steps.push(trajectoryStep(step)),
  });
  const threadId = trialThreadId("eval", scenario, trial);
  const buyer = { customerId: scenario.customer, contactId: scenario.contact ?? null, channel: "eval" };
  const rep = { customerId: scenario.customer, contactId: REP_ID, channel: "rep" };
  const transcript: TranscriptEntry[] = [];
  const codesSeen = new Set<string>();
  let final = await agent.getThread(threadId, buyer);
  let lastReply = "";
  let turns = 0;
  let error: string | undefined;

  // Only a simulated buyer asks (its stop rule); a scripted trial never prepares it.
  let outboxCount: ReturnType<typeof db.$client.prepare> | undefined;
  const buyerMoves =
    buyerSteps?.(() => ({
      lastReply,
      pendingConfirm: final.pending?.type === "confirm",
      settled:
        ((outboxCount ??= db.$client.prepare("select count(*) as n from outbox")).get() as { n: number }).n > 0 ||
        final.pending?.type === "approval",
    })) ??
    scenario.steps ??
    [];
  for await (const step of closeOnSimulatorError(buyerMoves, db)) {
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
    usage: { agent: meter.total(prices ?? {}), buyer: buyerSteps?.usage(prices ?? {}) ?? ZERO_USAGE },
    ...(error ? { error } : {}),
  };
}

/**
 * The model with `meter` among its callbacks — on the instance (direct calls) and on every tool-bound copy, since a
 * provider's bindTools may return a new instance built from its constructor fields.
 */
export function withMeter<M extends BaseChatModel>(model: M, meter: UsageMeter): M {
  const existing = Array.isArray(model.callbacks) ? model.callbacks : [];
  model.callbacks = [...existing, meter];
  const bindTools = model.bindTools?.bind(model);
  if (bindTools)
    model.bindTools = ((...args: Parameters<typeof bindTools>) =>
      bindTools(...args).withConfig({ callbacks: [meter] })) as typeof bindTools;
  return model;
}
