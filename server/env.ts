/**
 * Configuration, read once at start-up from `process.env` and validated by one zod schema; everything else receives
 * it as arguments (no `process.env` anywhere else in server/). Every variable is listed in `.env.example` and the
 * README. A malformed value stops the start with the variable at fault.
 */
import { z } from "zod";
import { erpEnvShape } from "./erp/config.ts";
import { openAIEnvSchema } from "../agent/index.ts";

const flag = (fallback: "true" | "false") =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback)
    .transform((v) => v === "true" || v === "1");

/** `a,b , c` → ["a","b","c"]; empty entries dropped. */
const list = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** The rep keys given to reps in development when REP_API_KEYS is not set (printed at start). */
export const DEV_REP_KEYS = "dev-rep-key-demo:REP-DEMO";
/** The buyer-session secret used in development when neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is set. */
export const DEV_JWT_SECRET = "dev-only-session-secret-change-me-0123456789";

/** `key:REP-ID,key2:REP-2` → Map(key → rep id). Keys at least 12 characters; rep ids like contact ids. */
const repKeys = z
  .string()
  .default(DEV_REP_KEYS)
  .transform((v, ctx) => {
    const keys = new Map<string, string>();
    for (const entry of v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const at = entry.lastIndexOf(":");
      const key = entry.slice(0, at);
      const repId = entry.slice(at + 1);
      if (at < 1 || key.length < 12 || !/^[\w.-]{1,64}$/.test(repId)) {
        ctx.addIssue({ code: "custom", message: "expected key:REP-ID pairs separated by commas (keys ≥ 12 chars)" });
        return z.NEVER;
      }
      keys.set(key, repId);
    }
    return keys;
  });

const serverSchema = z.object({
  // --- server ---
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The public base URL printed at start and used in links (default http://HOST:PORT). */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How long graceful shutdown waits for open runs before it closes the database. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10_000_000)
    .default(64 * 1024),
  /** Widget origins allowed by CORS (comma-separated, exact origins). Empty: same-origin only. */
  CORS_ORIGINS: list,
  /** Requests per minute per IP, and chat turns per minute per buyer session (or per IP for guests). */
  RATE_LIMIT_IP_PER_MIN: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_SESSION_PER_MIN: z.coerce.number().int().min(1).default(60),
  /**
   * Reverse proxies in front of the server that append to X-Forwarded-For (0: none — the peer address is the client;
   * 1: one load balancer; 2: a CDN and a load balancer). The rate limits key on the address the outermost one saw.
   * Set it only when every request passes those proxies: otherwise a client writes its own address into the header.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** SSE events kept per thread for Last-Event-ID resume. */
  SSE_REPLAY_EVENTS: z.coerce.number().int().min(16).max(100_000).default(500),
  /** And at most this many characters of event data per thread (large drafts make large events). */
  SSE_REPLAY_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(1024 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  /**
   * How often a process looks for threads another process (sharing the database) changed, to tell its own streams to
   * re-read them (server/events/peers.ts); 0 turns it off (one process per database).
   */
  SSE_PEER_POLL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  SSE_HEARTBEAT_MS: z.coerce.number().int().min(1000).max(300_000).default(15_000),
  /**
   * How long an idle keep-alive connection stays open. Longer than the idle timeout of whatever pools connections in
   * front (load balancers use 60 s): a server that closes first races the client's next request (ECONNRESET).
   */
  HTTP_KEEPALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(65_000),
  /**
   * How long a client may take to send one whole request, headers and body (Node's default is 5 minutes): a client
   * trickling a body a byte at a time held a socket and a handler that long. Streams answered are not cut by it.
   */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /**
   * Event streams (`GET /v1/threads/{id}/events`) one buyer session may hold open at once, per process. Each lives
   * until its token expires: without a bound one session held thousands (a widget holds one per tab).
   */
  SSE_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(10_000).default(16),
  /**
   * Event streams (`GET /v1/rep/events`, `GET /v1/rep/threads/{id}/events`) one rep may hold open at once, per process.
   * A rep's streams have no token to expire with: without a bound a reconnect loop that never closed the old ones (or
   * a leaked key) held any number of them for the life of the process. A copilot tab holds two.
   */
  SSE_STREAMS_PER_REP: z.coerce.number().int().min(1).max(10_000).default(64),

  // --- database ---
  DATABASE_PATH: z.string().min(1).default(".data/ordershield.db"),
  /** Load the demo world into an empty database on start. */
  SEED_DEMO: flag("true"),

  // --- buyer sessions (JWT signed by the storefront backend) ---
  /** HS256 shared secret (≥ 32 chars). */
  AUTH_JWT_SECRET: z.string().min(32).optional(),
  /** Or a JWKS URL (RS256/ES256/EdDSA keys); wins over the secret. */
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_AUDIENCE: z.string().min(1).default("ordershield"),
  AUTH_ISSUER: z.string().min(1).optional(),
  /** Refuse tokens living longer than this (seconds between iat and exp). */
  AUTH_MAX_TOKEN_AGE_S: z.coerce
    .number()
    .int()
    .min(60)
    .max(86_400 * 7)
    .default(3600),
  /** Rep credentials: `key:REP-ID` pairs, comma-separated. Default: one development key (printed at start). */
  REP_API_KEYS: repKeys,

  // --- ERP hand-off: outbox worker, acknowledgements, inventory and price events (server/erp/config.ts) ---
  ...erpEnvShape,
});

const envSchema = serverSchema.extend(openAIEnvSchema.shape);

export type Env = z.infer<typeof envSchema>;

/** Every variable the server reads (the README and `.env.example` list exactly these). */
export const ENV_VARIABLES = Object.keys(envSchema.shape) as (keyof Env)[];

export class ConfigError extends Error {
  readonly code = "invalid:config";
}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (`PORT=`) means "not set", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The variables the model provider reads (agent's selectModel), from the parsed configuration. */
export function modelEnv(env: Env): Record<string, string | undefined> {
  return {
    OPENAI_API_KEY: env.OPENAI_API_KEY,
    OPENAI_BASE_URL: env.OPENAI_BASE_URL,
    OPENAI_MODEL: env.OPENAI_MODEL,
    OPENAI_TIMEOUT_MS: String(env.OPENAI_TIMEOUT_MS),
    OPENAI_MAX_RETRIES: String(env.OPENAI_MAX_RETRIES),
    OPENAI_TEMPERATURE: String(env.OPENAI_TEMPERATURE),
  };
}
