/**
 * The element's JS API, kept apart from the Preact component: methods may be called before the element is connected
 * or rendered (a shop script calling `open()` right after `createElement`), so calls are remembered until the
 * component attaches, and listeners live on the element, not on a component instance that may re-mount.
 */
import type { ChatState } from "./state.ts";

export type ChatEventName = "order" | "open" | "close" | "error";
export type Listener = (detail: unknown) => void;

export interface ChatHandle {
  setOpen(open: boolean): void;
  isOpen(): boolean;
  send(text: string): Promise<void>;
  newConversation(): void;
  state(): ChatState;
}

export class ChatBridge {
  private handle: ChatHandle | null = null;
  private wantOpen: boolean | null = null;
  private queued: string[] = [];
  private listeners = new Map<ChatEventName, Set<Listener>>();

  constructor(private host: HTMLElement) {}

  attach(handle: ChatHandle): void {
    this.handle = handle;
    if (this.wantOpen !== null) handle.setOpen(this.wantOpen), (this.wantOpen = null);
    for (const text of this.queued.splice(0)) void handle.send(text);
  }

  detach(): void {
    this.handle = null;
  }

  setOpen(open: boolean): void {
    if (this.handle) this.handle.setOpen(open);
    else this.wantOpen = open;
  }

  isOpen(): boolean {
    return this.handle?.isOpen() ?? this.wantOpen ?? false;
  }

  send(text: string): void {
    if (this.handle) void this.handle.send(text);
    else this.queued.push(text);
  }

  on(name: ChatEventName, listener: Listener): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** To `on()` listeners, and as a DOM event `ordershield:<name>` that bubbles out of the shadow root. */
  emit(name: ChatEventName, detail: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        listener(detail);
      } catch (error) {
        console.error("ordershield: listener failed", error);
      }
    }
    this.host.dispatchEvent(new CustomEvent(`ordershield:${name}`, { detail, bubbles: true, composed: true }));
  }

  state(): ChatState | null {
    return this.handle?.state() ?? null;
  }

  newConversation(): void {
    this.handle?.newConversation();
  }
}

const BRIDGES = new WeakMap<HTMLElement, ChatBridge>();

export function bridgeOf(host: HTMLElement): ChatBridge {
  let b = BRIDGES.get(host);
  if (!b) BRIDGES.set(host, (b = new ChatBridge(host)));
  return b;
}
