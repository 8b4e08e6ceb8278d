/**
 * Rate limits (hono-rate-limiter, fixed one-minute windows in memory): per client IP on every API request, and per
 * buyer session on the endpoints that start a run (a guest counts by IP). Over the limit: 429 problem+json with
 * `Retry-After` and the draft-7 `RateLimit` headers.
 *
 * The client IP is the peer address unless the deployment says how many reverse proxies it runs behind
 * (`TRUST_PROXY_HOPS`): then it is the address the outermost of them appended to `X-Forwarded-For`. Behind a proxy the
 * peer address is the proxy's, one bucket for every buyer; trusting the header without a proxy lets each request pick
 * its own bucket, so it stays off by default.
 */
import { isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import { AppError } from "./errors.ts";
import type { AppEnv } from "./types.ts";

/** The peer address; `local` for in-process requests (`app.request`). */
function peerIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

/**
 * The client's address. `trustedHops` 0: the peer address (no proxy header is trusted). N > 0: the N-th address from
 * the right of `X-Forwarded-For` — each of the N proxies appends the address it was reached from, so that one was
 * written by the outermost trusted proxy; whatever a client sends sits left of it. A chain shorter than N (a request
 * that passed fewer proxies) gives its left-most address; no header, or an entry that is no IP address, the peer's.
 */
export function clientIp(c: Context, trustedHops = 0): string {
  if (trustedHops <= 0) return peerIp(c);
  const hops = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!hops.length) return peerIp(c);
  const hop = hops[Math.max(0, hops.length - trustedHops)]!;
  return isIP(hop) ? hop : peerIp(c);
}

const tooMany = (c: Context) => {
  const reset = Number(c.res.headers.get("RateLimit-Reset") ?? c.res.headers.get("ratelimit-reset") ?? 60);
  throw new AppError("rate_limit:requests", "too many requests; slow down", [], {
    headers: { "retry-after": String(Number.isFinite(reset) && reset > 0 ? reset : 60) },
  });
};

export const ipRateLimit = (perMinute: number, trustedHops = 0) =>
  rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    keyGenerator: (c) => `ip:${clientIp(c, trustedHops)}`,
    handler: tooMany,
  });

export const sessionRateLimit = (perMinute: number, trustedHops = 0) =>
  rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    keyGenerator: (c) => {
      const s = c.var.session;
      return s?.kind === "buyer" ? `session:${s.sessionId}` : `guest:${clientIp(c, trustedHops)}`;
    },
    handler: tooMany,
  });
