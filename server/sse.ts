/**
 * Following a hub stream over Server-Sent Events: replay what the client missed (after `Last-Event-ID` or the id a
 * run started at), then live events, with heartbeat comments so proxies keep the connection. Replay and subscribe
 * happen in one synchronous step, so no event falls between them.
 */
import type { Context } from "hono";
import { type SSEStreamingApi, streamSSE } from "hono/streaming";
import type { Audience, EventHub, HubEvent } from "./events/hub.ts";
import type { QUEUE } from "./events/hub.ts";
import { AppError } from "./errors.ts";

export interface FollowOptions {
  key: string | typeof QUEUE;
  afterId: number;
  /** `all`: a buyer's stream (rep-only events filtered out); `rep`: everything. */
  audience: Audience;
  heartbeatMs: number;
  /** Close the stream after this event (e.g. the run's `run_finished`). */
  until?: (event: HubEvent) => boolean;
  /**
   * End the stream at this time (ms since the epoch): when the session token that opened it expires. The client
   * reconnects from its last event id with the token it has now — a fresh one continues, an expired one gets 401.
   */
  closeAt?: number;
  /** Called once when the stream ends, however it ends (a slot of `createStreamSlots` given back). */
  onClose?: () => void;
}

/**
 * Open streams per holder (a buyer session), bounded: `acquire` answers a release function, or throws
 * `429 rate_limit:streams` when the holder already has `max` open. A stream holds its slot until it ends.
 */
export function createStreamSlots(max: number) {
  const open = new Map<string, number>();
  return {
    acquire(holder: string): () => void {
      const n = open.get(holder) ?? 0;
      if (n >= max)
        throw new AppError("rate_limit:streams", `at most ${max} event streams may be open at once per session`, [], {
          headers: { "retry-after": "5" },
        });
      open.set(holder, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(holder) ?? 1) - 1;
        if (left > 0) open.set(holder, left);
        else open.delete(holder);
      };
    },
    /** Open streams of one holder (tests, /readyz). */
    count: (holder: string) => open.get(holder) ?? 0,
  };
}

/** Parse `Last-Event-ID`; anything that is not a non-negative integer counts as absent. */
export function lastEventId(header: string | undefined): number | undefined {
  if (header === undefined || !/^\d{1,15}$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

export function followStream(c: Context, hub: EventHub, options: FollowOptions): Response {
  return streamSSE(c, async (stream) => {
    try {
      await pump(stream, hub, options);
    } finally {
      options.onClose?.();
    }
  });
}

async function pump(stream: SSEStreamingApi, hub: EventHub, options: FollowOptions): Promise<void> {
  const queue: HubEvent[] = [];
  let wake: (() => void) | undefined;
  const visible = (e: HubEvent) => options.audience === "rep" || e.audience === "all";
  const push = (e: HubEvent) => {
    if (!visible(e)) return;
    queue.push(e);
    wake?.();
  };
  const replay = hub.since(options.key, options.afterId);
  if (!replay.complete)
    await stream.writeSSE({ event: "resync", data: JSON.stringify({ reason: "missed events are no longer held" }) });
  for (const e of replay.events) push(e);
  const unsubscribe = hub.subscribe(options.key, push);
  stream.onAbort(() => {
    unsubscribe();
    wake?.();
  });
  const closeAt = options.closeAt ?? Number.POSITIVE_INFINITY;
  try {
    while (!stream.aborted && !stream.closed && Date.now() < closeAt) {
      const e = queue.shift();
      if (!e) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, Math.min(options.heartbeatMs, closeAt - Date.now())));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
        if (!queue.length && !stream.aborted && Date.now() < closeAt) await stream.write(": ping\n\n");
        continue;
      }
      await stream.writeSSE({ id: String(e.id), event: e.event, data: e.json });
      if (options.until?.(e)) break;
    }
  } finally {
    unsubscribe();
  }
}
