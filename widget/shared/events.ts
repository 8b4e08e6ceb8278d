/**
 * The server's SSE events as the widgets read them, and the guards that check each `data:` payload at the edge.
 * Unknown events are ignored (the server may add some); a known event with a malformed payload is dropped and
 * reported once to the console, never thrown into the UI.
 */
import type { Draft, Pending, Report } from "./types.ts";

export interface EventMap {
  run_started: { runId: string; kind: string; by: "buyer" | "rep" };
  text: { runId: string; delta: string; messageId?: string };
  message: { role: "assistant" | "buyer" | "rep"; text: string; messageId?: string; repId?: string };
  tool: { runId: string; name: string; status: "ok" | "error"; label?: string };
  draft: { draft: Draft; report: Report | null };
  report: { report: Report };
  interrupt: Pending & { summary?: unknown };
  handoff: { status: string };
  order_status: {
    orderId: string;
    threadId: string;
    status: string;
    erpOrderNumber?: string;
    message?: string;
    at?: string;
  };
  takeover: { heldBy: string | null };
  note: { repId: string; text: string; at: string };
  thread: {
    threadId: string;
    status: string;
    customerId: string | null;
    customerName?: string | null;
    heldBy: string | null;
  };
  error: { code: string; detail: string };
  run_finished: { runId: string; status: string; pending: "confirm" | "approval" | null; orderId: string | null };
  resync: { reason: string };
}
export type EventName = keyof EventMap;
export type ServerEvent = { [K in EventName]: { event: K; data: EventMap[K]; id?: number } }[EventName];

type Guard = (d: Record<string, unknown>) => boolean;
const str = (v: unknown) => typeof v === "string";
const obj = (v: unknown) => typeof v === "object" && v !== null;

const GUARDS: Record<EventName, Guard> = {
  run_started: (d) => str(d.runId),
  text: (d) => str(d.delta),
  message: (d) => str(d.text) && str(d.role),
  tool: (d) => str(d.name),
  draft: (d) => obj(d.draft) && Array.isArray((d.draft as Draft).lines),
  report: (d) => obj(d.report) && Array.isArray((d.report as Report).lines),
  interrupt: (d) => str(d.type) && str(d.draftHash),
  handoff: (d) => str(d.status),
  order_status: (d) => str(d.orderId) && str(d.status),
  takeover: (d) => d.heldBy === null || str(d.heldBy),
  note: (d) => str(d.text),
  thread: (d) => str(d.threadId),
  error: (d) => str(d.code),
  run_finished: (d) => str(d.runId),
  resync: () => true,
};

/** Parse one SSE message into a typed event; null for unknown or malformed ones. */
export function parseEvent(event: string, data: string, id?: string): ServerEvent | null {
  const guard = GUARDS[event as EventName];
  if (!guard) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    parsed = undefined;
  }
  if (!obj(parsed) || !guard(parsed as Record<string, unknown>)) {
    console.warn(`ordershield: ignored a malformed "${event}" event`);
    return null;
  }
  const n = id === undefined ? Number.NaN : Number(id);
  return { event, data: parsed, ...(Number.isFinite(n) ? { id: n } : {}) } as ServerEvent;
}
