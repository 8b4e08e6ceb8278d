/**
 * One webhook request: the outbox event signed per Standard Webhooks (the `standardwebhooks` package) and what the
 * ERP's answer means for the event. The body is the same bytes on every attempt (its `timestamp` is the event's
 * creation time); `webhook-timestamp` and the signature are made per attempt.
 */
import type { Webhook } from "standardwebhooks";
import { parseRetryAfter } from "./backoff.ts";
import type { ClaimedEvent } from "./outbox-store.ts";

export type DeliveryOutcome =
  | { kind: "delivered"; statusCode: number }
  /** 410 Gone: the endpoint is to be disabled. */
  | { kind: "gone"; statusCode: 410; error: string }
  | { kind: "failed"; statusCode: number | null; error: string; retryAfterMs: number | null };

export interface SendOptions {
  url: string;
  webhook: Webhook;
  fetch: typeof fetch;
  timeoutMs: number;
  now: Date;
}

/** The webhook body: the Standard Webhooks envelope around the clean order. */
export function webhookBody(event: ClaimedEvent): string {
  return `{"type":${JSON.stringify(event.eventType)},"timestamp":${JSON.stringify(event.createdAt)},"data":${event.payload}}`;
}

export function signedHeaders(webhook: Webhook, id: string, at: Date, body: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "OrderShield-Webhooks/1",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": webhook.sign(id, at, body),
  };
}

const ERROR_TEXT_MAX = 500;

export async function sendEvent(event: ClaimedEvent, options: SendOptions): Promise<DeliveryOutcome> {
  const body = webhookBody(event);
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      method: "POST",
      headers: signedHeaders(options.webhook, event.id, options.now, body),
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: "manual",
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const text = timedOut
      ? `no answer within ${options.timeoutMs} ms`
      : `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ""}`;
    return { kind: "failed", statusCode: null, error: text, retryAfterMs: null };
  }
  const status = response.status;
  if (status >= 200 && status < 300) {
    // Delivered once the status is in: the body is not waited for (an endless or trickled one held the event's slot
    // until the timeout), and it is let go so the connection closes.
    void response.body?.cancel().catch(() => {});
    return { kind: "delivered", statusCode: status };
  }
  const text = await readNote(response, options.timeoutMs);
  const note = `HTTP ${status}${text ? `: ${text}` : ""}`;
  if (status === 410) return { kind: "gone", statusCode: 410, error: note };
  return {
    kind: "failed",
    statusCode: status,
    error: note,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), options.now),
  };
}

/** At most this many bytes of an error answer are read, for the note; the rest is never received. */
const NOTE_BYTES = 2048;
/** And for no longer than this: a trickled error page must not hold the event's lease either. */
const NOTE_WAIT_MS = 1000;

/**
 * The start of an error answer's body, for the attempt's note. Only the first NOTE_BYTES are read, within
 * NOTE_WAIT_MS, and then the body is cancelled: `response.text()` read an endless body into memory until the
 * request's timeout — tens of MB a second per delivery in flight, in the process that serves every buyer.
 */
async function readNote(response: Response, timeoutMs: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.min(timeoutMs, NOTE_WAIT_MS));
    timer.unref();
  });
  try {
    while (size < NOTE_BYTES) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === null || next.done) break;
      chunks.push(next.value);
      size += next.value.byteLength;
    }
  } catch {
    // A body that fails half-way gives the note what arrived.
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, NOTE_BYTES));
  return text.replace(/\s+/g, " ").trim().slice(0, ERROR_TEXT_MAX);
}
