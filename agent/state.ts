/**
 * The graph state of one buyer thread: the conversation, the draft order being built, the engine's latest report,
 * where the checkout stands (requested, confirmed, approved) and the order that reached the ERP.
 */
import { Annotation, MessagesAnnotation, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import type { BaseMessage } from "@langchain/core/messages";
import { conversationLanguage } from "./conversation-language.ts";
import { messageLanguage } from "../tools/messages/index.ts";
import type { CleanOrderApproval } from "../tools/clean-order.ts";
import { EMPTY_DRAFT, type Draft, type ValidationReport } from "../tools/types.ts";

/** A thread id: one canonical type (string), checked at the runtime's edge. */
export const threadIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:@-]+$/, "letters, digits and . _ : @ - only");

/**
 * The run context: who is talking, from the authenticated session. Never from the model or the chat text. A rep
 * context must say which rep it is (`contactId` = the rep id): no rep id, no access.
 */
export const shieldContextSchema = z
  .object({
    customerId: z.string().min(1).max(128),
    contactId: z.string().min(1).max(128).nullable().optional(),
    /** widget | copilot | rep | chat | eval … — `rep` is required to decide approvals. */
    channel: z.string().min(1).max(32).default("widget"),
    /** The buyer's language (ISO 639-1 or a locale such as "de-DE"): catalog texts in replies come in it when the catalog has them. */
    locale: z.string().min(2).max(35).optional(),
  })
  .refine((c) => c.channel !== "rep" || (typeof c.contactId === "string" && c.contactId.length > 0), {
    message: "a rep context needs the rep id as contactId",
    path: ["contactId"],
  });
export type ShieldContext = z.infer<typeof shieldContextSchema>;

/** A review_order / place_order call waiting for the validate node. */
export interface CheckoutRequest {
  kind: "review" | "place";
  toolCallId: string;
}

export interface Confirmation {
  draftHash: string;
  at: string;
  /** The contact who confirmed (may differ from the thread's first contact): what the order and the audit record. */
  contactId?: string | null;
}

export interface OrderStatus {
  orderId: string;
  draftHash: string;
  totalCents: number;
  currency: string;
  status: "handed_off";
  createdAt: string;
}

/** The outcome of the last hand-off attempt that did not produce an order (what the buyer was told). */
export interface HandoffRefusal {
  status: "blocked" | "changed" | "needs_approval" | "stale" | "foreign";
  draftHash: string;
  changes: string[];
}

const last = <T>(initial: () => T) => Annotation<T>({ reducer: (_a: T, b: T) => b, default: initial });

export const ShieldState = Annotation.Root({
  ...MessagesAnnotation.spec,
  /** Bound once, at the first message of the thread: the customer this thread belongs to. */
  session: Annotation<ShieldContext | null>({ reducer: (a, b) => a ?? b, default: () => null }),
  draft: last<Draft>(() => EMPTY_DRAFT),
  report: last<ValidationReport | null>(() => null),
  checkout: last<CheckoutRequest | null>(() => null),
  confirmation: last<Confirmation | null>(() => null),
  /** Rep approvals of the current draft version (cleared when the draft changes hash). */
  approvals: last<CleanOrderApproval[]>(() => []),
  order: last<OrderStatus | null>(() => null),
  refusal: last<HandoffRefusal | null>(() => null),
});

export type ShieldStateType = typeof ShieldState.State;
export type ShieldUpdate = typeof ShieldState.Update;

/** The config a node receives: the run context is the session of whoever called (buyer or rep). */
export type ShieldRunConfig = LangGraphRunnableConfig & { context?: ShieldContext };

/**
 * The language of this run's replies and engine messages: the language the buyer writes in (English or German, read
 * from their messages, `conversation-language.ts`), starting from the session's locale — the buyer's current one (the
 * run's context), else the one the thread began with; a widget switched to another language than the thread began
 * with is followed as chosen. A rep's run keeps the buyer's language. Not identity: the customer still comes from the
 * bound session only.
 */
export function runLocale(
  state: { session: ShieldContext | null; messages?: readonly BaseMessage[] },
  config: ShieldRunConfig,
): string | undefined {
  const ctx = config.context;
  const current = ctx && ctx.channel !== "rep" ? ctx.locale : undefined;
  const locale = current ?? state.session?.locale ?? undefined;
  // A buyer who switched the widget's language since the thread began chose it: that language, message by message.
  const first = state.session?.locale;
  if (current && first && messageLanguage(current) !== messageLanguage(first)) return current;
  // Otherwise the language the buyer writes in wins over the session's: a German conversation gets German notices.
  const start = messageLanguage(locale) === "de" ? "de" : "en";
  const spoken = state.messages?.length ? conversationLanguage(state.messages, start) : start;
  return spoken === start ? locale : spoken;
}
