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
  /**
   * Characters of event data that may wait for a client reading slower than the stream is written (beyond what it was
   * replayed at the start); past it the stream ends and the client resumes from its last id — as the hub's log holds
   * no more than this (SSE_REPLAY_BYTES), it is told to resync. Without a bound a follower that stopped reading (a
   * zero TCP window) pinned every event its thread published since, whatever the log's budget. Default 4 MiB.
   */
  maxQueuedBytes?: number;
}

/**
 * Open streams per holder (a buyer session, a rep), bounded: `acquire` answers a release function, or throws
 * `429 rate_limit:streams` when the holder already has `max` open. A stream holds its slot until it ends.
 */
export function createStreamSlots(max: number, per = "session") {
  const open = new Map<string, number>();
  return {
    acquire(holder: string): () => void {
      const n = open.get(holder) ?? 0;
      if (n >= max)
        throw new AppError("rate_limit:streams", `at most ${max} event streams may be open at once per ${per}`, [], {
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
  let queuedBytes = 0;
  let wake: (() => void) | undefined;
  let unsubscribe = () => {};
  const visible = (e: HubEvent) => options.audience === "rep" || e.audience === "all";
  const replay = hub.since(options.key, options.afterId);
  if (!replay.complete)
    await stream.writeSSE({ event: "resync", data: JSON.stringify({ reason: "missed events are no longer held" }) });
  for (const e of replay.events) if (visible(e)) queue.push(e);
  queuedBytes = queue.reduce((n, e) => n + e.json.length, 0);
  const allowed = (options.maxQueuedBytes ?? 4 * 1024 * 1024) + queuedBytes;
  const push = (e: HubEvent) => {
    if (!visible(e) || stream.aborted) return;
    queue.push(e);
    queuedBytes += e.json.length;
    // The newest event always fits (as in the hub's log); more than the allowance waiting means the client stopped
    // reading: drop what waits and end the stream (the pending write ends with it).
    if (queue.length > 1 && queuedBytes > allowed) {
      queue.length = 0;
      queuedBytes = 0;
      unsubscribe();
      stream.abort();
    }
    wake?.();
  };
  unsubscribe = hub.subscribe(options.key, push);
  stream.onAbort(() => {
    unsubscribe();
    wake?.();
  });
  const closeAt = options.closeAt ?? Number.POSITIVE_INFINITY;
  try {
    while (!stream.aborted && !stream.closed && Date.now() < closeAt) {
      const e = queue.shift();
      if (e) queuedBytes -= e.json.length;
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
