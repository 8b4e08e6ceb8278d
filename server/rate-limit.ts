/**
 * Rate limits (hono-rate-limiter, fixed one-minute windows in memory): per client IP on every API request, and per
 * buyer session on the endpoints that start a run (a guest counts by IP). Over the limit: 429 problem+json with
 * `Retry-After` and the draft-7 `RateLimit` headers.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import { AppError } from "./errors.ts";
import type { AppEnv } from "./types.ts";

/** The peer address (no proxy headers are trusted); `local` for in-process requests (`app.request`). */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

const tooMany = (c: Context) => {
  const reset = Number(c.res.headers.get("RateLimit-Reset") ?? c.res.headers.get("ratelimit-reset") ?? 60);
  throw new AppError("rate_limit:requests", "too many requests; slow down", [], {
    headers: { "retry-after": String(Number.isFinite(reset) && reset > 0 ? reset : 60) },
  });
};

export const ipRateLimit = (perMinute: number) =>
  rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    keyGenerator: (c) => `ip:${clientIp(c)}`,
    handler: tooMany,
  });

export const sessionRateLimit = (perMinute: number) =>
  rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    keyGenerator: (c) => {
      const s = c.var.session;
      return s?.kind === "buyer" ? `session:${s.sessionId}` : `guest:${clientIp(c)}`;
    },
    handler: tooMany,
  });
