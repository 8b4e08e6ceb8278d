/**
 * A message's name for the server (`Idempotency-Key`), made once when the buyer or the rep sends it and kept with the
 * unsent text: "Try again" after a failed request sends it under the same key, so a request that failed after the
 * server took it (a proxy's 502, a reset connection) is not a second message. Used by the buyer widget and the copilot.
 */
import { isApiError } from "./http.ts";

/** A fresh message key: random, unique per message (crypto.randomUUID needs a secure context; pages may be http). */
export function messageKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A failure after which the server may or may not have taken the message: no answer (offline, a reset connection) or
 * a gateway's 502/503/504. Sending it again under its key is then safe and the only way to be sure it arrived.
 */
export const mayHaveBeenTaken = (error: unknown): boolean =>
  isApiError(error) && (error.code === "offline" || [502, 503, 504].includes(error.status));
