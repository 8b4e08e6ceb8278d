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
  // The answer's body is only read for the error note, and never for long: a slow body must not hold the lease.
  const text = await readSome(response, options.timeoutMs);
  const status = response.status;
  if (status >= 200 && status < 300) return { kind: "delivered", statusCode: status };
  const note = `HTTP ${status}${text ? `: ${text}` : ""}`;
  if (status === 410) return { kind: "gone", statusCode: 410, error: note };
  return {
    kind: "failed",
    statusCode: status,
    error: note,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), options.now),
  };
}

async function readSome(response: Response, timeoutMs: number): Promise<string> {
  try {
    const text = await Promise.race([
      response.text(),
      new Promise<string>((resolve) => setTimeout(() => resolve(""), timeoutMs).unref()),
    ]);
    return text.replace(/\s+/g, " ").trim().slice(0, ERROR_TEXT_MAX);
  } catch {
    return "";
  }
}
