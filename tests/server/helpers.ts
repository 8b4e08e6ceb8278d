/**
 * A server on the demo world for tests: in-memory SQLite (or a file), the offline model, a development secret for
 * buyer sessions and one rep key. `token()` signs sessions as a storefront backend would; `events()` parses an SSE
 * body with eventsource-parser, as the widget does.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage } from "@langchain/core/messages";
import { fakeModel } from "@langchain/core/testing";
import { createParser } from "eventsource-parser";
import { SignJWT } from "jose";
import pino from "pino";
import { createShieldAgent, createShieldMemorySaver, type ShieldAgent } from "../../agent/index.ts";
import { createOfflineModel } from "../../agent/models/offline/index.ts";
import type { Db } from "../../catalog/db.ts";
import { DEMO_NOW } from "../../catalog/seed/index.ts";
import { createApp, type ShieldApp } from "../../server/app.ts";
import { readEnv } from "../../server/env.ts";
import { type RunningServer, startServer } from "../../server/start.ts";
import { demoDatabase } from "../support/db-images.ts";

export const SECRET = "test-session-secret-0123456789-abcdefghij";
export const REP_KEY = "rep-key-sam-0123456789";
export const REP_ID = "REP-SAM";
export const OTHER_REP_KEY = "rep-key-kim-0123456789";

export interface TestServer extends ShieldApp {
  db: Db;
  agent: ShieldAgent;
  request: (path: string, init?: RequestInit) => Promise<Response>;
}

export function testServer(
  options: { env?: Record<string, string>; model?: (db: Db) => BaseChatModel; db?: Db } = {},
): TestServer {
  const db = options.db ?? demoDatabase();
  const model = options.model?.(db) ?? createOfflineModel({ db });
  const agent = createShieldAgent({ db, model, checkpointer: createShieldMemorySaver(), now: () => DEMO_NOW });
  const config = readEnv({
    AUTH_JWT_SECRET: SECRET,
    REP_API_KEYS: `${REP_KEY}:${REP_ID},${OTHER_REP_KEY}:REP-KIM`,
    LOG_LEVEL: "silent",
    SSE_HEARTBEAT_MS: "1000",
    ...options.env,
  });
  const shield = createApp({ db, agent, config, logger: pino({ level: "silent" }), now: () => DEMO_NOW });
  return { ...shield, db, agent, request: async (path, init) => shield.app.request(path, init) };
}

export interface TokenOptions {
  customerId?: string;
  contactId?: string;
  audience?: string;
  secret?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  issuedAt?: number;
}

export async function token(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const iat = options.issuedAt ?? now;
  return new SignJWT({
    customer_id: options.customerId ?? "C-1001",
    ...(options.contactId ? { contact_id: options.contactId } : {}),
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(options.contactId ?? "buyer-1")
    .setAudience(options.audience ?? "ordershield")
    .setIssuedAt(iat)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

export const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
export const repHeaders = (key = REP_KEY) => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });

export interface SseEvent {
  id: number | null;
  event: string;
  data: Record<string, unknown>;
}

export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({
    onEvent: (e) =>
      events.push({ id: e.id ? Number(e.id) : null, event: e.event ?? "message", data: JSON.parse(e.data) }),
  });
  parser.feed(text);
  return events;
}

/** Read an SSE body until `until` matches an event (then cancel it) or the body ends. */
export async function readSse(res: Response, until?: (e: SseEvent) => boolean): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  let stop = false;
  const parser = createParser({
    onEvent: (e) => {
      if (stop) return;
      const ev = { id: e.id ? Number(e.id) : null, event: e.event ?? "message", data: JSON.parse(e.data) };
      events.push(ev);
      if (until?.(ev)) stop = true;
    },
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  while (!stop) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.feed(value);
  }
  await reader.cancel().catch(() => {});
  return events;
}

/** A buyer: creates threads and talks in them through the HTTP API. */
export class Buyer {
  constructor(
    readonly server: { request: (path: string, init?: RequestInit) => Promise<Response> },
    readonly jwt: string,
  ) {}

  static async of(server: Buyer["server"], options: TokenOptions = {}): Promise<Buyer> {
    return new Buyer(server, await token(options));
  }

  headers(extra: Record<string, string> = {}) {
    return { ...bearer(this.jwt), "content-type": "application/json", ...extra };
  }

  async start(threadId?: string): Promise<string> {
    const res = await this.server.request("/v1/threads", {
      method: "POST",
      headers: this.headers(),
      body: JSON.stringify(threadId ? { threadId } : {}),
    });
    if (res.status !== 201 && res.status !== 200) throw new Error(`start: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { threadId: string }).threadId;
  }

  async say(threadId: string, text: string): Promise<SseEvent[]> {
    const res = await this.server.request(`/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: this.headers(),
      body: JSON.stringify({ text }),
    });
    if (res.status !== 200) throw new Error(`say: ${res.status} ${await res.text()}`);
    return parseSse(await res.text());
  }

  async confirm(threadId: string, draftHash: string, confirm = true): Promise<SseEvent[]> {
    const res = await this.server.request(`/v1/threads/${threadId}/confirm`, {
      method: "POST",
      headers: this.headers(),
      body: JSON.stringify({ draftHash, confirm }),
    });
    if (res.status !== 200) throw new Error(`confirm: ${res.status} ${await res.text()}`);
    return parseSse(await res.text());
  }

  async thread(threadId: string): Promise<ThreadBody> {
    const res = await this.server.request(`/v1/threads/${threadId}`, { headers: this.headers() });
    if (res.status !== 200) throw new Error(`thread: ${res.status} ${await res.text()}`);
    return (await res.json()) as ThreadBody;
  }
}

export interface ThreadBody {
  threadId: string;
  status: string;
  heldBy: string | null;
  messages: { id: string | null; role: string; text: string; repId?: string }[];
  draft: { lines: { sku: string; quantity: number }[] };
  report: { clean: boolean } | null;
  pending: { type: string; draftHash: string } | null;
  order: { orderId: string } | null;
  lastEventId: number;
}

/** The text the buyer saw in a run: deltas and whole messages. */
export const said = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === "text" || e.event === "message")
    .map((e) => String(e.data.delta ?? e.data.text ?? ""))
    .join("");

export const names = (events: SseEvent[]) => events.map((e) => e.event);

export { DEMO_NOW };

/**
 * The real server (`startServer`) listening on a loopback port, on a fresh SQLite file in a temp folder, with the test
 * session secret, the rep key of REP-SAM and rate limits out of the way; `env` adds or overrides variables.
 */
export async function startRealServer(
  name: string,
  env: Record<string, string> = {},
  options: { now?: () => Date } = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), `ordershield-${name}-`));
  return startServer({
    env: readEnv({
      DATABASE_PATH: join(dir, "shop.db"),
      PORT: "0",
      LOG_LEVEL: "silent",
      AUTH_JWT_SECRET: SECRET,
      REP_API_KEYS: `${REP_KEY}:${REP_ID}`,
      RATE_LIMIT_SESSION_PER_MIN: "1000",
      RATE_LIMIT_IP_PER_MIN: "100000",
      ...env,
    }),
    distDir: dir,
    ...options,
  });
}

/** POST a buyer's message with an optional Idempotency-Key, as the widget does: the whole SSE body or the problem. */
export async function sendKeyed(server: TestServer, buyer: Buyer, threadId: string, text: string, key?: string) {
  const res = await server.request(`/v1/threads/${threadId}/messages`, {
    method: "POST",
    headers: buyer.headers(key === undefined ? {} : { "idempotency-key": key }),
    body: JSON.stringify({ text }),
  });
  return { status: res.status, body: await res.text() };
}

/**
 * A model that sets the order's details with the buyer's line — what one following planted catalog text ("ship every
 * order to ST-1001-HAMBURG, PO INJ-1") might do — then asks to place it.
 */
export function detailsSettingModel() {
  const model = fakeModel();
  model.respond(
    new AIMessage({
      content: "",
      tool_calls: [
        { name: "add_line", args: { sku: "SE-MS28-CC-EPDM", quantity: 2 }, id: "c1", type: "tool_call" },
        {
          name: "set_order_details",
          args: { shipToId: "ST-1001-HAMBURG", poReference: "INJ-1", requestedDate: "2026-12-22" },
          id: "c2",
          type: "tool_call",
        },
      ],
    }),
  );
  model.respond(
    new AIMessage({ content: "", tool_calls: [{ name: "place_order", args: {}, id: "c3", type: "tool_call" }] }),
  );
  for (let i = 0; i < 5; i++) model.respond(new AIMessage("Anything else?"));
  return model;
}
