/** The rep copilot API (`/v1/rep/*`, authenticated with the rep's API key). */
import { parseEvent, type ServerEvent } from "../shared/events.ts";
import { joinUrl, request, requestJson } from "../shared/http.ts";
import { readSse } from "../shared/sse.ts";
import type { ChatMessage, Draft, OrderState, Pending, Report } from "../shared/types.ts";

export type ThreadStatus = "needs_approval" | "blocked" | "active" | "ordered";

export interface QueueRow {
  id: string;
  customerId: string;
  customerName: string | null;
  contactId: string | null;
  channel: string;
  status: ThreadStatus;
  heldBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  reason: string | null;
  data: unknown;
}

export interface Note {
  at: string;
  repId: string;
  text: string;
}

export interface RepThread {
  threadId: string;
  status: ThreadStatus;
  heldBy: string | null;
  /** The rep asking holds the thread. */
  heldByYou: boolean;
  customerId: string;
  customerName: string | null;
  contactId: string | null;
  messages: ChatMessage[];
  draft: Draft | null;
  report: Report | null;
  pending: (Pending & { summary?: unknown }) | null;
  order: OrderState | null;
  audit: AuditEntry[];
  notes: Note[];
  lastEventId: number;
}

interface WireRepThread extends Omit<RepThread, "messages"> {
  messages: { id: string | null; role: "buyer" | "assistant" | "rep"; text: string }[];
}

export function createRepApi(options: { apiBase: string; apiKey: () => string }) {
  const url = (path: string) => joinUrl(options.apiBase, path);
  const headers = () => ({ "x-api-key": options.apiKey() });
  const thread = (id: string, rest = "") => url(`/v1/rep/threads/${encodeURIComponent(id)}${rest}`);
  const post = <T>(path: string, body: unknown) => requestJson<T>(path, { headers: headers(), body });

  async function* events(path: string, afterId: number, signal: AbortSignal): AsyncGenerator<ServerEvent> {
    const response = await request(path, {
      accept: "sse",
      signal,
      headers: { ...headers(), ...(afterId > 0 ? { "last-event-id": String(afterId) } : {}) },
    });
    for await (const m of readSse(response, signal)) {
      const e = parseEvent(m.event, m.data, m.id);
      if (e) yield e;
    }
  }

  return {
    queue: () => requestJson<{ threads: QueueRow[] }>(url("/v1/rep/threads?limit=200"), { headers: headers() }),
    async thread(id: string): Promise<RepThread> {
      const wire = await requestJson<WireRepThread>(thread(id), { headers: headers() });
      return {
        ...wire,
        draft: wire.draft && Array.isArray(wire.draft.lines) ? wire.draft : null,
        messages: wire.messages.map((m, i) => ({
          id: m.id ?? `h-${i}`,
          role: m.role === "buyer" ? "user" : m.role,
          text: m.text,
        })),
      };
    },
    queueEvents: (afterId: number, signal: AbortSignal) => events(url("/v1/rep/events"), afterId, signal),
    threadEvents: (id: string, afterId: number, signal: AbortSignal) => events(thread(id, "/events"), afterId, signal),
    /** `draftHash`: the version of the approval shown — another version waiting since is 409 conflict:draft_changed. */
    decide: (id: string, decision: "approve" | "reject", reason: string, draftHash: string) =>
      post<{ status: string; orderId: string | null }>(thread(id, "/decision"), { decision, reason, draftHash }),
    /**
     * `force`: take the thread from the colleague holding it, with the reason the override is audited with; without
     * it, their hold answers 409.
     */
    takeover: (id: string, force?: { reason: string }) =>
      post<{ heldBy: string | null }>(thread(id, "/takeover"), force ? { force: true, reason: force.reason } : {}),
    release: (id: string) => post<{ heldBy: string | null }>(thread(id, "/release"), {}),
    /** Write to the buyer under the message's key (see shared/message-key.ts): sent again under it, it arrives once. */
    message: (id: string, text: string, key: string) =>
      requestJson<{ messageId: string | null }>(thread(id, "/messages"), {
        headers: { ...headers(), "idempotency-key": key },
        body: { text },
      }),
    note: (id: string, text: string) => post<Note>(thread(id, "/notes"), { text }),
  };
}

export type RepApi = ReturnType<typeof createRepApi>;
