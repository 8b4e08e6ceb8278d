/**
 * The buyer API of the server, as the widget calls it. Paths and bodies live here only; everything returns parsed
 * data or a stream of typed events, and throws ApiError.
 */
import { parseEvent, type ServerEvent } from "../shared/events.ts";
import { joinUrl, request, requestJson } from "../shared/http.ts";
import { readSse } from "../shared/sse.ts";
import type { ChatMessage, ThreadSnapshot } from "../shared/types.ts";

export interface BuyerApiOptions {
  apiBase: string;
  token: () => string | null;
  /** The widget's locale: sent as Accept-Language, so replies and the engine's messages come in it. */
  locale?: () => string;
}

export type EventStream = AsyncGenerator<ServerEvent>;

async function* events(response: Response, signal?: AbortSignal): EventStream {
  for await (const m of readSse(response, signal)) {
    const e = parseEvent(m.event, m.data, m.id);
    if (e) yield e;
  }
}

/** `GET /v1/threads/:id` as the server sends it. */
interface WireThread extends Omit<ThreadSnapshot, "messages"> {
  messages: { id: string | null; role: "buyer" | "assistant" | "rep"; text: string }[];
}

function snapshotOf(wire: WireThread): ThreadSnapshot {
  const messages: ChatMessage[] = wire.messages.map((m, i) => ({
    id: m.id ?? `h-${i}`,
    role: m.role === "buyer" ? "user" : m.role,
    text: m.text,
  }));
  const draft = wire.draft && Array.isArray(wire.draft.lines) ? wire.draft : null;
  return { ...wire, messages, draft };
}

export function createBuyerApi(options: BuyerApiOptions) {
  const url = (path: string) => joinUrl(options.apiBase, path);
  const thread = (id: string, rest = "") => url(`/v1/threads/${encodeURIComponent(id)}${rest}`);
  const auth = () => {
    const locale = options.locale?.();
    return { token: options.token(), ...(locale ? { headers: { "accept-language": locale } } : {}) };
  };

  const run = async (
    path: string,
    body: unknown,
    signal?: AbortSignal,
    headers: Record<string, string> = {},
  ): Promise<EventStream> => {
    const a = auth();
    const response = await request(path, {
      ...a,
      headers: { ...a.headers, ...headers },
      body,
      accept: "sse",
      ...(signal ? { signal } : {}),
    });
    return events(response, signal);
  };

  return {
    createThread: () => requestJson<{ threadId: string }>(url("/v1/threads"), { ...auth(), body: {} }),
    getThread: async (id: string): Promise<ThreadSnapshot> =>
      snapshotOf(await requestJson<WireThread>(thread(id), auth())),
    /** Send a buyer message under its key (sent again under it, it is not a second turn); the answer streams. */
    sendMessage: (id: string, text: string, key: string, signal?: AbortSignal) =>
      run(thread(id, "/messages"), { text }, signal, { "idempotency-key": key }),
    /** Confirm (or decline) one exact draft version. */
    confirm: (id: string, draftHash: string, confirm: boolean, signal?: AbortSignal) =>
      run(thread(id, "/confirm"), { draftHash, confirm }, signal),
    cancel: (id: string) => request(thread(id, "/cancel"), { ...auth(), body: {} }).then(() => undefined),
    /** Every event of the thread from `afterId` on, live, until `signal` aborts or the server closes. */
    async follow(id: string, afterId: number, signal: AbortSignal): Promise<EventStream> {
      const response = await request(thread(id, "/events"), {
        ...auth(),
        accept: "sse",
        signal,
        headers: afterId > 0 ? { "last-event-id": String(afterId) } : {},
      });
      return events(response, signal);
    },
  };
}

export type BuyerApi = ReturnType<typeof createBuyerApi>;
