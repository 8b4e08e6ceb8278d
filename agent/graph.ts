/**
 * The shield graph: model ⇄ tools for the consultation; validate → confirm → (approve) → handoff for the order.
 * Every node routes itself (Command goto) through the pure routers in routes.ts.
 * Only the engine (validate, and again inside the hand-off transaction) decides that an order is clean, and only a
 * buyer's confirmation of that exact draft hash leads to the hand-off — whatever the model says or calls.
 * The model node runs the model's tool calls itself, round after round, in one super-step (nodes/consult.ts: the
 * model step and the tools step, routed by the same routers as two nodes were); only a review/place request leaves it.
 *
 *   START → model [⇄ tools] ─┬─ review/place → validate ─┬─ clean place → confirm ─┬→ approve → handoff → END
 *                            │                          └─ otherwise → model      └→ handoff
 *                            └─ text → END           (handoff → confirm again when the database is locked)
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { END, START, StateGraph } from "@langchain/langgraph";
import type { Db } from "../catalog/db.ts";
import { createCatalogReader } from "../catalog/queries/index.ts";
import type { CatalogReader } from "../catalog/queries/types.ts";
import { createAgentTools } from "../tools/agent-tools.ts";
import { createApproveNode } from "./nodes/approve.ts";
import { createConfirmNode } from "./nodes/confirm.ts";
import { createHandoffNode } from "./nodes/handoff.ts";
import { createConsultNode } from "./nodes/consult.ts";
import { createToolsNode } from "./nodes/tools.ts";
import { createValidateNode } from "./nodes/validate.ts";
import { shieldContextSchema, ShieldState } from "./state.ts";

export interface ShieldGraphDeps {
  db: Db;
  /** Any LangChain chat model with tool calling (ChatOpenAI, the offline model, a fake or the chaos model). */
  model: BaseChatModel;
  /** Defaults to a reader over `db`. */
  data?: CatalogReader;
  /** Clock for prices, dates and audit entries (tests pin it). */
  now?: () => Date;
  /** Defaults to the consultant's tools over `data`. */
  tools?: StructuredToolInterface[];
  systemPrompt?: string;
}

/**
 * @example
 *   const graph = buildShieldGraph({ db, model }).compile({ checkpointer: new SqliteSaver(db.$client) });
 *   await graph.invoke({ messages: [new HumanMessage("2 seals for pump 2")] }, { configurable: { thread_id }, context: { customerId, channel: "widget" } });
 */
export function buildShieldGraph(deps: ShieldGraphDeps) {
  const now = deps.now ?? (() => new Date());
  const data = deps.data ?? createCatalogReader(deps.db);
  const tools = deps.tools ?? createAgentTools({ db: deps.db, data, now });
  if (typeof deps.model.bindTools !== "function")
    throw new Error("the chat model does not support tool calling (bindTools)");
  const model = deps.model.bindTools(tools);

  return (
    new StateGraph(ShieldState, shieldContextSchema)
      .addNode(
        "model",
        createConsultNode({ model, tools, ...(deps.systemPrompt ? { systemPrompt: deps.systemPrompt } : {}) }),
        // "tools" only to keep the node below in the graph: the model node runs its tool calls itself.
        { ends: ["validate", END, "tools"] },
      )
      // A thread checkpointed by an earlier version with a tools step still due (a run that failed after the model's
      // call) goes on from there.
      .addNode("tools", createToolsNode(tools), { ends: ["validate", "model"] })
      .addNode("validate", createValidateNode({ data, now }), { ends: ["confirm", "model"] })
      .addNode("confirm", createConfirmNode({ now }), { ends: ["approve", "handoff", "confirm", "model", END] })
      .addNode("approve", createApproveNode({ db: deps.db, now }), { ends: ["handoff", "approve", "model", END] })
      .addNode("handoff", createHandoffNode({ db: deps.db, now }), { ends: ["confirm", END] })
      .addEdge(START, "model")
  );
}

export type ShieldGraphBuilder = ReturnType<typeof buildShieldGraph>;
