/**
 * The tools the consultant model may call: thin LangChain `tool()` wrappers over the catalog reader and the engine.
 *
 * Three rules every tool follows (DESIGN.md, "The shield's invariants"):
 * - identity comes from the run context (`runtime.context.customerId`), never from arguments — an argument such as
 *   `customerId` naming the session's own customer is ignored (and the model told so); one naming another customer
 *   or contact refuses the call with a typed reason (`refused: "identity.other_customer"`);
 * - facts (prices, stock, dates, verdicts) come from the engine, so a tool result can be repeated to the buyer;
 * - catalog text is returned inside a `data` field marked as data, never as instructions.
 * Results are compact JSON strings; bad arguments give a readable `error` result, never an exception.
 */
import type { StructuredToolInterface } from "@langchain/core/tools";
import { validateDraft } from "./engine.ts";
import { msg } from "./messages/index.ts";
import type { Draft, DraftLine } from "./types.ts";
import { createCheckoutTools } from "./agent-tools/checkout-tools.ts";
import { createDraftTools } from "./agent-tools/draft-tools.ts";
import { createReadTools } from "./agent-tools/read-tools.ts";
import { fail, type AgentToolsOptions, type ToolDeps } from "./agent-tools/shared.ts";

export { runToolCall } from "./agent-tools/run-tool-call.ts";
export {
  compactReport,
  DATA_NOTE,
  MAX_DRAFT_LINES,
  type AgentToolsOptions,
  type SessionContext,
  type ShieldToolRuntime,
} from "./agent-tools/shared.ts";

/**
 * The names of the tools `createAgentTools` builds, in its order — for models and tests that need the list without a
 * database (the offline consultant's default tool set, the chaos model, robustness tests). A test keeps it equal to
 * what `createAgentTools` returns.
 */
export const AGENT_TOOL_NAMES = [
  "search_catalog",
  "get_product",
  "get_installed_base",
  "get_order_history",
  "check_compatibility",
  "check_stock",
  "get_configuration",
  "get_price",
  "add_line",
  "update_line",
  "remove_line",
  "set_options",
  "set_machine",
  "set_order_details",
  "clear_draft",
  "review_order",
  "place_order",
] as const;
export type AgentToolName = (typeof AGENT_TOOL_NAMES)[number];

/**
 * Build the consultant's tools over one catalog. Read tools return strings; draft tools and checkout tools return a
 * `Command` that updates `draft` / `checkout` / `report` and carries their ToolMessage.
 *
 * @example
 *   const tools = createAgentTools({ db, data: createCatalogReader(db) });
 *   const model = chatModel.bindTools(tools);
 */
export function createAgentTools(options: AgentToolsOptions): StructuredToolInterface[] {
  const { db, data } = options;
  const now = options.now ?? (() => new Date());
  const validate = (draft: Draft, customerId: string, language?: string) =>
    validateDraft(draft, { customerId, now: now(), data, ...(language ? { language } : {}) });

  /** One-line probe through the engine: the facts for a single SKU/quantity as this customer would get them. */
  const probe = (customerId: string, line: Omit<DraftLine, "lineId">, machineId?: string, language?: string) =>
    validate({ lines: [{ lineId: "probe", ...line }], ...(machineId ? { machineId } : {}) }, customerId, language);

  const noSession = fail(msg("tool.no_session", {}));

  const deps: ToolDeps = { db, data, validate, probe, noSession };
  return [...createReadTools(deps), ...createDraftTools(deps), ...createCheckoutTools(deps)];
}
