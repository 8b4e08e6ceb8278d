/**
 * Keep one live event stream open: on a drop, reconnect after a growing pause (0.5 s … 15 s) from the last event id
 * seen, so nothing is missed or applied twice; give up only on answers that a retry cannot fix (expired session,
 * not found, forbidden). Used by the buyer widget (its thread) and the copilot (the queue and the open thread).
 */
import type { ServerEvent } from "./events.ts";
import { isApiError, type ApiError } from "./http.ts";

const BACKOFF_MS = [500, 1000, 2000, 5000, 10000, 15000];
const FATAL = new Set(["session_expired", "forbidden", "not_found"]);

export interface FollowOptions {
  open(afterId: number, signal: AbortSignal): Promise<AsyncIterable<ServerEvent>> | AsyncIterable<ServerEvent>;
  lastId(): number;
  onEvent(event: ServerEvent): void;
  /** A failure a retry cannot fix; the stream stops. */
  onFatal(error: ApiError): void;
  /** Connected (again) after a drop: e.g. clear an "offline" note. */
  onConnected?(): void;
}

/** Starts following; returns stop(). */
export function follow(options: FollowOptions): () => void {
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | null = null;

  const connect = async () => {
    if (stopped) return;
    const controller = new AbortController();
    current = controller;
    try {
      const stream = await options.open(options.lastId(), controller.signal);
      attempt = 0;
      options.onConnected?.();
      for await (const event of stream) options.onEvent(event);
    } catch (error) {
      if (controller.signal.aborted || stopped) return;
      if (isApiError(error) && FATAL.has(error.code)) {
        stopped = true;
        options.onFatal(error);
        return;
      }
    }
    if (stopped || controller.signal.aborted) return;
    timer = setTimeout(connect, BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]);
  };
  const online = () => {
    if (stopped || !timer) return;
    clearTimeout(timer);
    timer = undefined;
    void connect();
  };
  addEventListener("online", online);
  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    current?.abort();
    removeEventListener("online", online);
  };
}
