/**
 * The agent's typed errors: what a caller (the server, the terminal chat, the evals) can get back from the runtime
 * instead of an answer. One base class with a stable `code` of the form `type:surface`, which the server maps to a
 * status and a problem+json body; the message is safe to show. Domain problems (a blocked order) are never errors:
 * they are messages in the thread.
 */
import pRetry from "p-retry";
import type { z } from "zod";

export type AgentErrorCode =
  | "forbidden:thread"
  | "unauthorized:rep"
  | "bad_request:context"
  | "bad_request:thread_id"
  | "bad_request:resume"
  | "bad_request:message"
  | "unavailable:busy"
  | "conflict:run"
  | "conflict:no_approval"
  | "conflict:draft_changed"
  | "conflict:idempotency_key";

export class AgentError extends Error {
  constructor(
    readonly code: AgentErrorCode,
    message: string,
    /** The input field at fault, when one is (`context.contactId`, `value.draftHash`, …). */
    readonly field?: string,
  ) {
    super(message);
    this.name = "AgentError";
  }
}

/**
 * The thread belongs to another customer — or a first message lost the race to bind it. The same error either way,
 * so a caller cannot tell a foreign thread from one it just failed to start.
 */
export class ThreadAccessError extends AgentError {
  constructor(message = "this conversation belongs to another customer") {
    super("forbidden:thread", message);
    this.name = "ThreadAccessError";
  }
}

/** A rep action without an authenticated rep id. */
export class RepIdentityError extends AgentError {
  constructor() {
    super("unauthorized:rep", "a rep action needs an authenticated rep id (contactId of a rep session)", "contactId");
    this.name = "RepIdentityError";
  }
}

export class InvalidRequestError extends AgentError {
  constructor(code: Extract<AgentErrorCode, `bad_request:${string}`>, message: string, field?: string) {
    super(code, message, field);
    this.name = "InvalidRequestError";
  }
}

/** The database stayed locked by another writer past the busy timeout: nothing was done; try again shortly. */
export class BusyError extends AgentError {
  constructor() {
    super("unavailable:busy", "the order system is busy right now; nothing was changed, please try again in a moment");
    this.name = "BusyError";
  }
}

/** Another process kept running a turn of this thread past the wait: nothing was written; send the message again. */
export class RunConflictError extends AgentError {
  constructor() {
    super("conflict:run", "a reply is still being written in this conversation; wait a moment and send it again");
    this.name = "RunConflictError";
  }
}

/**
 * A rep's decision found no approval waiting once it held the thread: a colleague decided it (perhaps through another
 * process sharing the database), or the buyer withdrew it. Nothing was decided or written.
 */
export class NoApprovalError extends AgentError {
  constructor() {
    super("conflict:no_approval", "no approval is waiting in this conversation (decided or withdrawn)");
    this.name = "NoApprovalError";
  }
}

/**
 * A rep's decision named a draft version (`draftHash`) other than the one whose approval waits: the buyer changed the
 * order after the rep looked at it (and it came back for approval as another version). Nothing was decided: the rep
 * reads the new version and decides on that one.
 */
export class StaleApprovalError extends AgentError {
  constructor() {
    super(
      "conflict:draft_changed",
      "the order changed since you looked at it: the approval waiting is for another version; review it and decide again",
      "value.draftHash",
    );
    this.name = "StaleApprovalError";
  }
}

/**
 * A message sent under a key (the client's Idempotency-Key) that an earlier message of the thread already carries, with
 * other text: a key names one message. Nothing was kept or run.
 */
export class MessageKeyConflictError extends AgentError {
  constructor() {
    super(
      "conflict:idempotency_key",
      "this message key was already used for another message in this conversation",
      "messageKey",
    );
    this.name = "MessageKeyConflictError";
  }
}

export const isAgentError = (error: unknown): error is AgentError => error instanceof AgentError;

/** SQLite could not take the write lock in time (busy_timeout): another writer holds the database. */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** How a write that met a held lock is tried again: attempts after the first, and the pause before each (ms). */
export interface BusyRetry {
  retries: number;
  minTimeout: number;
  maxTimeout: number;
}

/**
 * Two more attempts, 100–400 ms apart (randomised, so competing processes do not retry in step). Each attempt may
 * wait out SQLite's busy_timeout, so this stays short: a lock held this long means a stuck writer, not a busy shop.
 */
export const BUSY_RETRY: BusyRetry = { retries: 2, minTimeout: 100, maxTimeout: 400 };

/**
 * Runs a write that fails with SQLITE_BUSY without having written anything (a transaction that could not start, or
 * rolled back), trying it again after a short pause while the database stays busy; any other error is thrown at once.
 */
export function retryWhileBusy<T>(write: () => T, retry: BusyRetry = BUSY_RETRY): Promise<T> {
  return pRetry(async () => write(), { ...retry, randomize: true, shouldRetry: ({ error }) => isDatabaseBusy(error) });
}

/** Parse `value` with `schema` or throw an InvalidRequestError naming the first field at fault under `root`. */
export function parseOrThrow<T>(
  schema: z.ZodType<T>,
  value: unknown,
  code: Extract<AgentErrorCode, `bad_request:${string}`>,
  root: string,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [root, ...(issue?.path ?? []).map(String)].join(".");
  throw new InvalidRequestError(code, `${path}: ${issue?.message ?? "invalid"}`, path);
}
