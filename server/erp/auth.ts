/**
 * Credentials of the machine-to-machine routes: a bearer key (compared in constant time), or for the ERP's
 * acknowledgements alternatively a Standard Webhooks signature with the shared webhook secret.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { ErpError } from "./problem.ts";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Constant-time comparison of a presented key with the configured one. */
export function keyMatches(presented: string | undefined, expected: string | undefined): boolean {
  if (!presented || !expected) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return m?.[1];
}

/** `Authorization: Bearer <key>`; with no key configured the route is closed (401), never open. */
export function requireKey(key: string | undefined, surface: string): MiddlewareHandler {
  return async (c, next) => {
    if (!key) throw new ErpError(`unauthorized:${surface}`, `No ${surface} key is configured on this server.`);
    if (!keyMatches(bearerToken(c.req.header("authorization")), key))
      throw new ErpError(`unauthorized:${surface}`, "Missing or wrong bearer key.");
    await next();
  };
}

/**
 * The `webhook-id` of a request `requireErpCredentials` let in by its signature (none for a bearer key). A signature
 * covers id, timestamp and body, not the URL: the id is what binds a signed request to the one thing it may do.
 */
export function signedWebhookId(header: (name: string) => string | undefined): string | undefined {
  if (bearerToken(header("authorization")) !== undefined) return undefined;
  return header("webhook-signature") !== undefined ? (header("webhook-id") ?? "") : undefined;
}

/**
 * The ERP's acknowledgement: `Authorization: Bearer ERP_ACK_KEY`, or signed like our webhooks (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature` over the raw body with ERP_ACK_SECRET, else ERP_WEBHOOK_SECRET; older than
 * 5 minutes is refused).
 */
export function requireErpCredentials(options: {
  ackKey?: string | undefined;
  secret?: string | undefined;
}): MiddlewareHandler {
  const webhook = options.secret ? new Webhook(options.secret) : undefined;
  return async (c, next) => {
    const token = bearerToken(c.req.header("authorization"));
    if (token !== undefined) {
      if (!keyMatches(token, options.ackKey)) throw new ErpError("unauthorized:erp", "Wrong ERP acknowledgement key.");
      return next();
    }
    if (c.req.header("webhook-signature") !== undefined) {
      if (!webhook)
        throw new ErpError(
          "unauthorized:erp",
          "Signed acknowledgements need ERP_ACK_SECRET or ERP_WEBHOOK_SECRET on this server.",
        );
      const raw = await c.req.text();
      try {
        webhook.verify(
          raw,
          {
            "webhook-id": c.req.header("webhook-id") ?? "",
            "webhook-timestamp": c.req.header("webhook-timestamp") ?? "",
            "webhook-signature": c.req.header("webhook-signature") ?? "",
          },
          { jsonParse: false },
        );
      } catch (error) {
        const why = error instanceof WebhookVerificationError ? error.message : "unreadable signature";
        throw new ErpError("unauthorized:erp", `Signature refused: ${why}.`);
      }
      return next();
    }
    throw new ErpError("unauthorized:erp", "Send the ERP acknowledgement key as a bearer token, or sign the request.");
  };
}
