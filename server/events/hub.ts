/**
 * The in-process event hub: every thread has a bounded log of numbered events (what its SSE streams show), and the
 * rep queue has one too. Streams subscribe live; a reconnect with `Last-Event-ID` replays what it missed from the log,
 * or gets a `resync` event when the log no longer holds it (the client then reads the thread again). The ERP side
 * publishes order status changes here (`publishOrderStatus`), so the buyer's thread and the rep queue show them.
 */
import type { OrderStatusEvent } from "../erp/types.ts";
import type { SseEventName } from "./schema.ts";

/** `rep`: internal notes and the like, never sent on a buyer's stream. */
export type Audience = "all" | "rep";

export interface HubEvent {
  /** Per-stream, increasing (from a base above any earlier lifetime's ids, see idBase); the SSE `id`. */
  id: number;
  event: SseEventName;
  data: unknown;
  /** `data` as JSON, serialised once for every stream that writes it (and what the log's byte budget counts). */
  json: string;
  audience: Audience;
}

export type HubListener = (event: HubEvent) => void;

interface Stream {
  nextId: number;
  log: HubEvent[];
  /** Characters of `json` the log holds. */
  logBytes: number;
  listeners: Set<HubListener>;
}

export interface EventHubOptions {
  /** Events kept per thread for replay. */
  replay?: number;
  /**
   * And at most this many characters of event data per thread (the newest event is always kept). A count alone let
   * one buyer's large drafts (a 200-line draft's `draft` event is about 350 kB) pin hundreds of MB per thread.
   */
  replayBytes?: number;
  /** Threads whose logs are kept in memory (least recently used dropped first; their listeners stay). */
  maxThreads?: number;
}

export const QUEUE = Symbol("queue");
export type Key = string | typeof QUEUE;

/** What another part of the process (the peer sync, events/peers.ts) learns from the hub. */
export interface HubObserver {
  /** An event was published on this stream (after its listeners ran). */
  published(key: Key, event: HubEvent): void;
  /** A stream got a subscriber (before its replay is read). */
  subscribed(key: Key): void;
}

export type Replay = { events: HubEvent[]; complete: true } | { events: HubEvent[]; complete: false };

/**
 * Where a new stream's ids start: above every id this clock could have handed out before. Ids are per process and
 * per stream, and a client keeps the last one it saw across a restart (a deploy), a reconnect to another process or
 * the eviction of a quiet stream; had each stream counted from 1 again, "the events after 40" from the last lifetime
 * would replay this lifetime's events 41… and skip its first 40, with no resync. Starting at milliseconds × 100
 * (15 digits, what `Last-Event-ID` parsing accepts) puts any earlier lifetime's ids — fewer than 100 events per
 * millisecond it lived — below this one's first, so `since` sees them as no longer held and the client resyncs.
 */
const idBase = (now: number, floor: number) => Math.max(now * 100, floor);

export function createEventHub(options: EventHubOptions = {}) {
  const replay = options.replay ?? 500;
  const replayBytes = options.replayBytes ?? 4 * 1024 * 1024;
  const maxThreads = options.maxThreads ?? 20_000;
  const streams = new Map<Key, Stream>();
  let observer: HubObserver | undefined;
  /** Above every id handed out so far: a stream evicted and made again within one millisecond still starts higher. */
  let highWater = 0;

  function stream(key: Key): Stream {
    let s = streams.get(key);
    if (s) {
      streams.delete(key);
      streams.set(key, s);
      return s;
    }
    s = { nextId: idBase(Date.now(), highWater + 1), log: [], logBytes: 0, listeners: new Set() };
    streams.set(key, s);
    if (streams.size > maxThreads) {
      for (const [k, old] of streams) {
        if (old.listeners.size === 0 && k !== QUEUE) {
          streams.delete(k);
          break;
        }
      }
    }
    return s;
  }

  function publish(key: Key, event: SseEventName, data: unknown, audience: Audience = "all"): HubEvent {
    const s = stream(key);
    const e: HubEvent = { id: s.nextId++, event, data, json: JSON.stringify(data) ?? "null", audience };
    if (e.id > highWater) highWater = e.id;
    s.log.push(e);
    s.logBytes += e.json.length;
    while (s.log.length > replay || (s.logBytes > replayBytes && s.log.length > 1))
      s.logBytes -= s.log.shift()!.json.length;
    for (const listener of [...s.listeners]) {
      try {
        listener(e);
      } catch {
        // A failing subscriber (a closed socket) must not stop the others.
      }
    }
    observer?.published(key, e);
    return e;
  }

  return {
    /** Publish on one thread's stream. */
    publish: (threadId: string, event: SseEventName, data: unknown, audience: Audience = "all") =>
      publish(threadId, event, data, audience),
    /** Publish on the rep queue stream. */
    publishQueue: (event: SseEventName, data: unknown) => publish(QUEUE, event, data, "rep"),
    /** The ERP side's entry point: an order's status changed. Shown on the buyer's thread and the rep queue. */
    publishOrderStatus(event: OrderStatusEvent): void {
      publish(event.threadId, "order_status", event);
      publish(QUEUE, "order_status", event, "rep");
    },
    /** The id the next event of this stream will get. */
    nextId: (key: Key) => stream(key).nextId,
    /**
     * Events after `lastId`. `complete: false` when some were already dropped from the log (or `lastId` is from
     * another process lifetime): the client must re-read the thread.
     */
    since(key: Key, lastId: number): Replay {
      const s = stream(key);
      if (lastId >= s.nextId) return { events: [], complete: false };
      const events = s.log.filter((e) => e.id > lastId);
      const first = s.log[0]?.id ?? s.nextId;
      return { events, complete: lastId + 1 >= first };
    },
    subscribe(key: Key, listener: HubListener): () => void {
      observer?.subscribed(key);
      const s = stream(key);
      s.listeners.add(listener);
      return () => s.listeners.delete(listener);
    },
    /** Streams with at least one subscriber. */
    subscribedKeys(): Key[] {
      const keys: Key[] = [];
      for (const [key, s] of streams) if (s.listeners.size) keys.push(key);
      return keys;
    },
    /** One observer (the peer sync); `undefined` detaches it. */
    observe(next: HubObserver | undefined): void {
      observer = next;
    },
    /** Open subscriptions (for /readyz and the SSE bench). */
    listenerCount: () => [...streams.values()].reduce((n, s) => n + s.listeners.size, 0),
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
