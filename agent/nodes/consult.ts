/**
 * The graph's `model` node: the model, and the tool calls it makes, in one super-step. A buyer turn is model ⇄ tools
 * until the model answers in words or asks to check out; as two nodes every round trip cost two super-steps of
 * LangGraph's bookkeeping (tasks, channel writes, a checkpoint each), most of a turn's time outside the model and
 * the engine. Here the model step (nodes/model.ts) and the tools step (nodes/tools.ts) run one after another inside
 * the node, each on the state the other left — the same functions, the same state updates in the same order, the
 * same routers — and the graph sees one update. What the shield decides is untouched: only `review_order` /
 * `place_order` leave the loop, to the validate node, and from there only a clean report reaches confirm.
 *
 * Each model call gets the draft of the state it runs on with the call (nodes/model.ts, a call option): a call after
 * the first, the state as the tools left it, as it had as a task of its own.
 */
import type { BaseMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { Command, messagesStateReducer } from "@langchain/langgraph";
import type { ShieldRunConfig, ShieldStateType, ShieldUpdate } from "../state.ts";
import { createModelNode, type ModelNodeOptions } from "./model.ts";
import { createToolsNode } from "./tools.ts";

export interface ConsultNodeOptions extends ModelNodeOptions {
  tools: StructuredToolInterface[];
}

/** The state after `update`, as the graph's reducers would leave it (messages appended by id, the rest replaced). */
function applied(state: ShieldStateType, update: ShieldUpdate): ShieldStateType {
  const next = { ...state, ...update } as ShieldStateType;
  next.messages = update.messages
    ? messagesStateReducer(state.messages, update.messages as BaseMessage[])
    : state.messages;
  // The session is bound once (its reducer keeps the first); no step here writes it.
  next.session = state.session;
  return next;
}

const gotoOf = (command: Command): string | undefined => {
  const goto = command.goto;
  return typeof goto === "string" ? goto : Array.isArray(goto) && typeof goto[0] === "string" ? goto[0] : undefined;
};

export function createConsultNode(options: ConsultNodeOptions) {
  const modelStep = createModelNode(options);
  const toolsStep = createToolsNode(options.tools);
  return async function model(state: ShieldStateType, config: ShieldRunConfig): Promise<Command> {
    let current = state;
    const update: ShieldUpdate = {};
    const messages: BaseMessage[] = [];
    const take = (step: Command) => {
      const u = (step.update ?? {}) as ShieldUpdate;
      current = applied(current, u);
      const { messages: added, ...rest } = u;
      if (added) messages.push(...(added as BaseMessage[]));
      Object.assign(update, rest);
    };
    const done = (goto: string | undefined) => new Command({ update: { ...update, messages }, goto: goto as never });
    for (;;) {
      // The first call runs on the node's input state; a later one on the state the tools left.
      const said = await modelStep(current, config);
      take(said);
      if (gotoOf(said) !== "tools") return done(gotoOf(said));
      const did = await toolsStep(current, config);
      take(did);
      if (gotoOf(did) !== "model") return done(gotoOf(did));
      // Between rounds the run may have been cancelled (LangGraph checks between super-steps).
      config.signal?.throwIfAborted();
    }
  };
}
