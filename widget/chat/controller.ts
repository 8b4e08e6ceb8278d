/**
 * The buyer conversation's behaviour: one thread per customer and site (its id kept in localStorage, so a reload
 * continues it and reloads the history from the server), a live stream of the thread's events (reconnecting with
 * Last-Event-ID, so a rep's approval or the ERP's order number arrives while the buyer waits), sending messages,
 * confirming the exact draft version, applying fixes. Errors become states the buyer can read, never exceptions.
 */
import type { ServerEvent } from "../shared/events.ts";
import { follow } from "../shared/follow.ts";
import { isApiError } from "../shared/http.ts";
import { messageKey } from "../shared/message-key.ts";
import { store, tokenCustomer } from "../shared/session.ts";
import type { Fix, OrderState } from "../shared/types.ts";
import { createBuyerApi, type BuyerApi, type EventStream } from "./api.ts";
import { chatReducer, INITIAL, type ChatAction, type ChatState } from "./state.ts";

export interface ChatControllerOptions {
  apiBase: string;
  token: string | null;
  /** Called after every state change (re-render). */
  onChange: () => void;
  /** Public events of the element's JS API. */
  emit: (name: "order" | "error", detail: unknown) => void;
  /** The widget's current locale (the server answers in it). */
  locale?: () => string;
}

export class ChatController {
  state: ChatState = INITIAL;
  private api: BuyerApi;
  private token: string | null;
  private stopFollowing: (() => void) | null = null;
  private run: AbortController | null = null;
  /** A message not taken by the server (offline, an error), with the key it was first sent under. */
  private queued: { text: string; key: string } | null = null;
  private disposed = false;
  private lastOrder = "";

  constructor(private options: ChatControllerOptions) {
    this.token = options.token;
    this.api = createBuyerApi({
      apiBase: options.apiBase,
      token: () => this.token,
      ...(options.locale ? { locale: options.locale } : {}),
    });
    addEventListener("online", this.onOnline);
  }

  private get storageKey() {
    return `ordershield:thread:${this.options.apiBase}:${tokenCustomer(this.token) ?? "anon"}`;
  }

  private dispatch(action: ChatAction) {
    const before = this.state;
    this.state = chatReducer(this.state, action);
    if (this.state === before) return;
    const order = this.state.order;
    const key = order ? `${order.orderId}:${order.status}:${order.erpOrderNumber ?? ""}` : "";
    if (order && key !== this.lastOrder) {
      if (this.lastOrder || action.type === "event") this.options.emit("order", { ...order } satisfies OrderState);
      this.lastOrder = key;
    }
    if (this.state.error && this.state.error !== before.error) this.options.emit("error", { ...this.state.error });
    this.options.onChange();
  }

  /** Reload the stored thread, if any, and follow it. */
  async start(): Promise<void> {
    if (!this.token) return;
    const id = store.get(this.storageKey);
    if (!id) return;
    await this.load(id);
  }

  private async load(id: string): Promise<void> {
    try {
      const snapshot = await this.api.getThread(id);
      this.dispatch({ type: "snapshot", snapshot, lastEventId: snapshot.lastEventId ?? 0 });
      this.follow();
    } catch (error) {
      if (isApiError(error) && (error.code === "not_found" || error.code === "forbidden")) {
        store.set(this.storageKey, null);
        this.dispatch({ type: "reset" });
        return;
      }
      this.fail(error);
      this.dispatch({ type: "snapshot", snapshot: emptySnapshot(id) });
    }
  }

  setToken(token: string | null): void {
    if (token === this.token) return;
    const sameCustomer = tokenCustomer(token) === tokenCustomer(this.token);
    this.token = token;
    if (sameCustomer && this.state.threadId) {
      if (this.state.error?.code === "session_expired") this.dispatch({ type: "error", error: null });
      if (!this.stopFollowing) this.follow();
      return;
    }
    this.stop();
    this.dispatch({ type: "reset" });
    void this.start();
  }

  /** Start a new conversation (the old one stays on the server). */
  newConversation(): void {
    this.stop();
    store.set(this.storageKey, null);
    this.dispatch({ type: "reset" });
  }

  /**
   * Send a message. `key` names it to the server (Idempotency-Key): a retry of a message whose request failed after
   * the server took it (a reset connection, a proxy's 502) is then not a second message and a second turn.
   */
  async send(text: string, key = messageKey()): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed || this.state.busy) return;
    if (!navigator.onLine) {
      this.queued = { text: trimmed, key };
      this.dispatch({ type: "error", error: { code: "offline" } });
      return;
    }
    const localId = `local-${Date.now().toString(36)}`;
    this.dispatch({ type: "send", id: localId, text: trimmed });
    let accepted = false;
    await this.runStream(async (signal) => {
      const id = await this.ensureThread();
      const stream = await this.api.sendMessage(id, trimmed, key, signal);
      accepted = true;
      return stream;
    });
    if (!accepted && this.state.error) {
      this.queued = { text: trimmed, key };
      this.dispatch({ type: "unsend", id: localId });
    }
  }

  async confirm(draftHash: string, yes: boolean): Promise<void> {
    const id = this.state.threadId;
    if (!id || this.state.busy) return;
    this.dispatch({ type: "busy", busy: true });
    await this.runStream((signal) => this.api.confirm(id, draftHash, yes, signal));
  }

  /** A fix button: the buyer asks for that change in words (see I18n.fixMessage), and the agent makes it. */
  async applyFix(fix: Fix, say: (fix: Fix, sku: string) => string): Promise<void> {
    const lineId = "lineId" in fix ? fix.lineId : undefined;
    const sku = this.state.report?.lines.find((l) => l.lineId === lineId)?.sku ?? "";
    await this.send(say(fix, sku));
  }

  async cancel(): Promise<void> {
    const id = this.state.threadId;
    this.run?.abort();
    if (id) await this.api.cancel(id).catch(() => {});
  }

  retry(): void {
    this.dispatch({ type: "error", error: null });
    const queued = this.queued;
    this.queued = null;
    if (queued) void this.send(queued.text, queued.key);
    else if (this.state.threadId && this.state.messages.length === 0) void this.load(this.state.threadId);
    else if (this.state.threadId && !this.stopFollowing) this.follow();
  }

  dismissError(): void {
    this.dispatch({ type: "error", error: null });
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    removeEventListener("online", this.onOnline);
  }

  private onOnline = () => {
    if (this.state.error?.code === "offline") this.retry();
  };

  private async ensureThread(): Promise<string> {
    if (this.state.threadId) return this.state.threadId;
    const { threadId } = await this.api.createThread();
    store.set(this.storageKey, threadId);
    this.state = { ...this.state, threadId };
    this.follow();
    return threadId;
  }

  private async runStream(open: (signal: AbortSignal) => Promise<EventStream>): Promise<void> {
    const controller = new AbortController();
    this.run = controller;
    try {
      const stream = await open(controller.signal);
      for await (const event of stream) this.onEvent(event);
    } catch (error) {
      if (!controller.signal.aborted) this.fail(error);
    } finally {
      if (this.run === controller) this.run = null;
      if (this.state.busy) this.dispatch({ type: "busy", busy: false });
    }
  }

  private onEvent(event: ServerEvent): void {
    if (event.event === "resync") {
      if (this.state.threadId) void this.load(this.state.threadId);
      return;
    }
    this.dispatch({ type: "event", event });
  }

  private fail(error: unknown): void {
    if (!isApiError(error)) {
      console.error("ordershield:", error);
      this.dispatch({ type: "error", error: { code: "server" } });
      return;
    }
    this.dispatch({
      type: "error",
      error: { code: error.code, ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}) },
    });
  }

  /** Keep one live stream of the thread open (a rep's approval, the ERP's order number arrive on it). */
  private follow(): void {
    const id = this.state.threadId;
    if (!id || this.disposed || !this.token) return;
    this.stopFollowing?.();
    this.stopFollowing = follow({
      open: (afterId, signal) => this.api.follow(id, afterId, signal),
      lastId: () => this.state.lastEventId,
      onEvent: (event) => this.onEvent(event),
      onFatal: (error) => {
        this.stopFollowing = null;
        this.fail(error);
      },
    });
  }

  private stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.run?.abort();
    this.run = null;
  }
}

const emptySnapshot = (threadId: string) => ({
  threadId,
  messages: [],
  draft: null,
  report: null,
  pending: null,
  order: null,
});
