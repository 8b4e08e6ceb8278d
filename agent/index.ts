/**
 * The agent's public surface: what the server, the terminal chat and the evals import.
 */
export { buildShieldGraph, type ShieldGraphDeps, type ShieldGraphBuilder } from "./graph.ts";
export {
  createShieldAgent,
  messageIdOfKey,
  messageText,
  resumeValueSchema,
  statusOf,
  MAX_MESSAGE_CHARS,
  MAX_MESSAGE_KEY_CHARS,
  type AgentEvent,
  type GraphStep,
  type PendingInterrupt,
  type ShieldAgent,
  type ShieldAgentOptions,
  type ThreadView,
  type TurnOptions,
  type TurnResult,
} from "./runtime.ts";
export {
  AgentError,
  BusyError,
  InvalidRequestError,
  isAgentError,
  isDatabaseBusy,
  MessageKeyConflictError,
  NoApprovalError,
  RepIdentityError,
  StaleApprovalError,
  ThreadAccessError,
  type AgentErrorCode,
} from "./errors.ts";
export {
  shieldContextSchema,
  threadIdSchema,
  ShieldState,
  type ShieldContext,
  type OrderStatus,
  type HandoffRefusal,
} from "./state.ts";
export { confirmResumeSchema, type ConfirmInterrupt, type ConfirmResume, type ReportSummary } from "./nodes/confirm.ts";
export { approvalResumeSchema, type ApprovalInterrupt, type ApprovalResume } from "./nodes/approve.ts";
export { createShieldCheckpointer, createShieldMemorySaver } from "./checkpointer.ts";
export { selectModel, type SelectedModel, type ProviderName } from "./models/index.ts";
export { createOpenAIModel, openAIEnvSchema, wantsOpenAI } from "./models/openai.ts";
