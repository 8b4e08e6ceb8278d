/**
 * The simulated buyer: a model plays a scenario's persona (goal, known facts, unknown facts) turn by turn, with stop
 * rules — the goal reached (it says so, or an order / a pending approval ends the conversation), `maxTurns`
 * messages sent — and a check of every message before the agent sees it: a fact the buyer states must come from
 * the persona or from what the agent said. A simulator that invents one (a serial, a quantity, a PO number the
 * persona does not hold) spoils the trial — it is re-run and never counted against the agent.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { z } from "zod";
import type { Persona, Step } from "./scenario.ts";

/** What the buyer does next. */
export type BuyerMove = { kind: "step"; step: Step } | { kind: "stop"; reason: string };

export interface BuyerView {
  /** The agent's replies of the last turn, joined. */
  lastReply: string;
  /** The agent is waiting for the buyer to confirm an order (the shield's confirmation step). */
  pendingConfirm: boolean;
  /** An order reached the outbox, or the conversation waits for a rep: the conversation is over. */
  settled: boolean;
}

/** A simulator turn stated facts the persona does not hold. */
export class SimulatorInventedError extends Error {
  readonly code = "eval:simulator_invented";
  constructor(
    readonly said: string,
    readonly facts: string[],
  ) {
    super(`the buyer simulator invented ${facts.join(", ")} in "${said.slice(0, 200)}"`);
    this.name = "SimulatorInventedError";
  }
}

const moveSchema = z.union([
  z.object({ confirm: z.boolean() }),
  z.object({ say: z.string().min(1).max(4000), done: z.boolean().optional() }),
  z.object({ done: z.literal(true) }),
]);

export function personaPrompt(p: Persona): string {
  const known = Object.entries(p.known)
    .map(([k, v]) => `- ${k}: ${v}`)
    .join("\n");
  return `You play a B2B buyer talking to a supplier's ordering assistant. Stay in role; write like a busy buyer.
Your goal: ${p.goal}
What you know (state only these facts, exactly as given; never make up numbers, codes, serials or references):
${known || "- nothing beyond the goal"}
What you do not know: ${p.unknown.join("; ") || "anything not listed above"}.
If the assistant asks for anything you do not know, say you don't know — do not guess.
${p.confirms ? "When the assistant asks you to confirm an order that matches your goal, confirm it." : "Do not confirm any order."}
Answer with ONE JSON object and nothing else:
{"say": "<your next message>"} — or {"confirm": true|false} when asked to confirm the order — or {"done": true} when your goal is reached or cannot be reached.`;
}

/** Facts in `said` that neither the persona nor the agent's own words contain: tokens with a digit, and codes. */
export function inventedFacts(said: string, persona: Persona, agentSaid: readonly string[]): string[] {
  const tokensOf = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}./@-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
  // Whole tokens, not substrings: "7" is not allowed because the persona holds "NB-77".
  const allowed = new Set(
    tokensOf([persona.goal, persona.opening ?? "", ...Object.values(persona.known), ...agentSaid].join("\n")).map((t) =>
      t.toLowerCase(),
    ),
  );
  const facts = tokensOf(said).filter((t) => /\p{N}/u.test(t) || (/^[A-Z][A-Z-]{2,}$/.test(t) && !COMMON_CAPS.has(t)));
  return [...new Set(facts.filter((f) => !allowed.has(f.toLowerCase())))];
}

/** Capitalised words that are not facts. */
const COMMON_CAPS = new Set(["THE", "AND", "YES", "NO", "OK", "OKAY", "PLEASE", "THANKS", "ASAP", "PO"]);

function parseMove(text: string): z.infer<typeof moveSchema> {
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  try {
    const parsed = moveSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: the model wrote a plain message
  }
  return { say: text.trim() || "…" };
}

export interface BuyerSimulatorOptions {
  persona: Persona;
  model: BaseChatModel;
}

/**
 * The steps a simulated buyer takes, asked one at a time: pass `view()` the conversation as it stands.
 *
 * @example
 *   for await (const step of simulateBuyer({ persona, model }, () => ({ lastReply, pendingConfirm, settled }))) …
 */
export async function* simulateBuyer(options: BuyerSimulatorOptions, view: () => BuyerView): AsyncGenerator<Step> {
  const { persona, model } = options;
  const history: BaseMessage[] = [new SystemMessage(personaPrompt(persona))];
  const agentSaid: string[] = [];
  let sent = 0;
  let first = true;
  while (sent < persona.maxTurns) {
    const now = view();
    if (!first) {
      agentSaid.push(now.lastReply);
      if (now.settled) return;
    }
    if (first && persona.opening) {
      first = false;
      sent++;
      history.push(
        new HumanMessage("(you start the conversation)"),
        new AIMessage(JSON.stringify({ say: persona.opening })),
      );
      yield { say: persona.opening };
      continue;
    }
    const prompt = first
      ? "(you start the conversation: write your first message)"
      : `assistant: ${now.lastReply || "(no reply)"}${now.pendingConfirm ? "\n(the assistant asks you to confirm this order: answer with confirm)" : ""}`;
    first = false;
    history.push(new HumanMessage(prompt));
    const answer = await model.invoke(history);
    const text = typeof answer.content === "string" ? answer.content : JSON.stringify(answer.content);
    history.push(answer);
    const move = parseMove(text);
    if ("confirm" in move) {
      // Without a pending confirmation the yes or no is said in words.
      yield now.pendingConfirm ? { confirm: move.confirm } : { say: move.confirm ? "Yes, please." : "No, thanks." };
      continue;
    }
    if (!("say" in move)) return;
    const invented = inventedFacts(move.say, persona, agentSaid);
    if (invented.length) throw new SimulatorInventedError(move.say, invented);
    sent++;
    yield { say: move.say };
    if (move.done) return;
  }
}
