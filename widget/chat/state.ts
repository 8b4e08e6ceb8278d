/**
 * The buyer conversation as data: one pure reducer over the server's events and the widget's own actions. The
 * components only render this state; the controller (./controller.ts) feeds it. Kept pure so the rules (dedupe by
 * event id, one streaming bubble, what a `run_finished` clears) are tested without a browser.
 */
import type { ServerEvent } from "../shared/events.ts";
import type { ApiErrorCode } from "../shared/http.ts";
import type { ChatMessage, Draft, OrderState, Pending, Report, ThreadSnapshot } from "../shared/types.ts";

export interface ChatError {
  code: ApiErrorCode;
  retryAfter?: number;
}

export interface ChatState {
  threadId: string | null;
  messages: ChatMessage[];
  /** The assistant message being streamed: shown, but outside the live region (no announcement per token). */
  streaming: { id: string; text: string } | null;
  /** What the agent is doing right now ("Checking stock…"), as a tool name. */
  activity: { name: string; label?: string } | null;
  busy: boolean;
  draft: Draft | null;
  report: Report | null;
  pending: Pending | null;
  order: OrderState | null;
  /** A rep took over the conversation. */
  heldBy: string | null;
  error: ChatError | null;
  /** Highest event id applied: replays and the same event on two streams are applied once. */
  lastEventId: number;
}

export const INITIAL: ChatState = {
  threadId: null,
  messages: [],
  streaming: null,
  activity: null,
  busy: false,
  draft: null,
  report: null,
  pending: null,
  order: null,
  heldBy: null,
  error: null,
  lastEventId: 0,
};

export type ChatAction =
  | { type: "event"; event: ServerEvent }
  | { type: "snapshot"; snapshot: ThreadSnapshot; lastEventId?: number }
  | { type: "send"; id: string; text: string }
  /** A message that never reached the server leaves the transcript (it is kept for "Try again"). */
  | { type: "unsend"; id: string }
  | { type: "busy"; busy: boolean }
  | { type: "error"; error: ChatError | null }
  | { type: "reset" };

/** The streamed message joins the transcript, once: a message of the same id is replaced, never repeated. */
const finish = (s: ChatState): ChatState => {
  const done = s.streaming;
  if (!done?.text.trim()) return { ...s, streaming: null };
  const message: ChatMessage = { id: done.id, role: "assistant", text: done.text };
  const at = s.messages.findIndex((m) => m.id === done.id);
  const messages = at < 0 ? [...s.messages, message] : s.messages.map((m, i) => (i === at ? message : m));
  return { ...s, messages, streaming: null };
};

export function chatReducer(s: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case "reset":
      return INITIAL;
    case "busy":
      return action.busy ? { ...s, busy: true, error: null } : { ...finish(s), busy: false, activity: null };
    case "error":
      return action.error ? { ...finish(s), busy: false, activity: null, error: action.error } : { ...s, error: null };
    case "send":
      return {
        ...s,
        busy: true,
        error: null,
        messages: [...s.messages, { id: action.id, role: "user", text: action.text }],
      };
    case "unsend":
      return { ...s, messages: s.messages.filter((m) => m.id !== action.id) };
    case "snapshot": {
      const snap = action.snapshot;
      return {
        ...INITIAL,
        threadId: snap.threadId,
        messages: snap.messages,
        draft: snap.draft,
        report: snap.report,
        pending: snap.pending,
        order: snap.order,
        heldBy: s.threadId === snap.threadId ? s.heldBy : null,
        lastEventId: action.lastEventId ?? s.lastEventId,
      };
    }
    case "event":
      return applyEvent(s, action.event);
  }
}

function applyEvent(s0: ChatState, e: ServerEvent): ChatState {
  if (e.id !== undefined) {
    if (e.id <= s0.lastEventId) return s0;
  }
  const s = e.id !== undefined ? { ...s0, lastEventId: e.id } : s0;
  switch (e.event) {
    case "run_started":
      return { ...s, busy: true, error: null };
    case "text": {
      const id = e.data.messageId ?? e.data.runId;
      const base = s.streaming && s.streaming.id !== id ? finish(s) : s;
      // More of a message already in the transcript (a tool call came between its parts): it streams on in place.
      const earlier = base.streaming ? undefined : base.messages.find((m) => m.id === id);
      const text = (base.streaming?.text ?? earlier?.text ?? "") + e.data.delta;
      const messages = earlier ? base.messages.filter((m) => m !== earlier) : base.messages;
      return { ...base, messages, streaming: { id, text }, activity: null };
    }
    case "message": {
      const { role, text, messageId } = e.data;
      if (role === "buyer") {
        // Our own message, echoed: already shown when it was sent from this tab.
        const last = [...s.messages].reverse().find((m) => m.role === "user");
        if (last && last.text === text && last.id.startsWith("local-")) return s;
        return { ...s, messages: [...s.messages, { id: messageId ?? `b-${e.id}`, role: "user", text }] };
      }
      const id = messageId ?? `m-${e.id ?? s.messages.length}`;
      if (s.streaming && (s.streaming.id === id || !messageId)) {
        return {
          ...s,
          streaming: null,
          messages: [...s.messages, { id: s.streaming.id, role: role === "rep" ? "rep" : "assistant", text }],
        };
      }
      if (s.messages.some((m) => m.id === id)) return s;
      return { ...finish(s), messages: [...s.messages, { id, role: role === "rep" ? "rep" : "assistant", text }] };
    }
    case "tool":
      return { ...finish(s), activity: { name: e.data.name, ...(e.data.label ? { label: e.data.label } : {}) } };
    case "draft":
      return { ...s, draft: e.data.draft, report: e.data.report ?? s.report };
    case "report":
      return { ...s, report: e.data.report };
    case "interrupt":
      return {
        ...s,
        pending:
          e.data.type === "confirm"
            ? { type: "confirm", draftHash: e.data.draftHash }
            : { type: "approval", draftHash: e.data.draftHash, ...(e.data.codes ? { codes: e.data.codes } : {}) },
      };
    case "handoff":
      return s;
    case "order_status":
      return {
        ...s,
        pending: null,
        order: {
          ...(s.order?.orderId === e.data.orderId ? s.order : {}),
          orderId: e.data.orderId,
          status: e.data.status,
          ...(e.data.erpOrderNumber ? { erpOrderNumber: e.data.erpOrderNumber } : {}),
          ...(e.data.message ? { reason: e.data.message } : {}),
        },
      };
    case "takeover":
      return { ...s, heldBy: e.data.heldBy };
    case "error":
      return { ...finish(s), busy: false, activity: null, error: { code: errorCodeOf(e.data.code) } };
    case "run_finished": {
      const done = { ...finish(s), busy: false, activity: null };
      const orderId = e.data.orderId;
      // The thread goes on with an empty draft of the next revision: the placed lines now live in the order.
      if (orderId && s.order?.orderId !== orderId)
        return { ...done, pending: null, draft: null, report: null, order: { orderId, status: "handed_off" } };
      if (e.data.pending === null && s.pending) return { ...done, pending: null };
      return done;
    }
    default:
      return s;
  }
}

/** A server problem code (`rate_limit:session`, `unauthorized:session`…) as what the buyer is told. */
export function errorCodeOf(problem: string): ApiErrorCode {
  const type = problem.split(":")[0];
  switch (type) {
    case "rate_limit":
      return "rate_limited";
    case "unauthorized":
      return "session_expired";
    case "forbidden":
      return "forbidden";
    case "not_found":
      return "not_found";
    case "conflict":
      return "conflict";
    case "bad_request":
      return "bad_request";
    default:
      return "server";
  }
}
