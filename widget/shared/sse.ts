/**
 * Server-sent events over fetch. Browsers' EventSource cannot POST or send an Authorization header, so the widget
 * reads the response body itself and lets eventsource-parser do the framing (multi-line data, comments, ids, CRLF).
 */
import { createParser, type EventSourceMessage } from "eventsource-parser";

export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

/**
 * Yields each event of an SSE response body as it arrives; ends when the server closes the stream.
 * @example
 *   for await (const m of readSse(response)) if (m.event === "text") append(JSON.parse(m.data).delta);
 */
export async function* readSse(response: Response, signal?: AbortSignal): AsyncGenerator<SseMessage> {
  if (!response.body) return;
  const queue: SseMessage[] = [];
  const parser = createParser({
    onEvent: (m: EventSourceMessage) => {
      queue.push({ event: m.event ?? "message", data: m.data, ...(m.id ? { id: m.id } : {}) });
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const abort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener("abort", abort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(value);
      while (queue.length) yield queue.shift()!;
    }
    parser.reset({ consume: true });
    while (queue.length) yield queue.shift()!;
  } finally {
    signal?.removeEventListener("abort", abort);
    reader.releaseLock();
  }
}
