/**
 * The widget's one script: defines <ordershield-chat> (Shadow DOM, so the shop's CSS neither leaks in nor out) and
 * its JS API.
 *
 * @example
 *   <script src="https://shop.example/ordershield/widget.js" async></script>
 *   <ordershield-chat api-base="https://shield.example" session-token="eyJ…" locale="de"></ordershield-chat>
 *
 *   const chat = document.querySelector("ordershield-chat");
 *   chat.open(); chat.close(); chat.toggle();
 *   chat.setSessionToken(freshToken);                 // e.g. after the shop refreshed its session
 *   const off = chat.on("order", (o) => console.log(o.orderId, o.status, o.erpOrderNumber));
 *   chat.send("I need a seal for pump 2");            // as if the buyer typed it
 */
import register from "preact-custom-element";
import { ChatWidget } from "./app.tsx";
import { bridgeOf, type ChatEventName, type Listener } from "./bridge.ts";
import css from "./chat.css?inline";
import cardCss from "../shared/card.css?inline";
import themeCss from "../shared/theme.css?inline";
import { sheet } from "../shared/sheet.ts";

export const TAG = "ordershield-chat";
// Why no `open` attribute: an observed attribute becomes a DOM property, which would shadow the open() method.
const ATTRIBUTES = ["api-base", "session-token", "locale", "theme", "inline"];

export interface OrderShieldChatElement extends HTMLElement {
  open(): void;
  close(): void;
  toggle(): void;
  setSessionToken(token: string | null): void;
  on(event: ChatEventName, listener: Listener): () => void;
  send(text: string): void;
  newConversation(): void;
  /** The conversation's id on the server (null before the first message). */
  readonly threadId: string | null;
}

if (!customElements.get(TAG)) {
  const Element = register(ChatWidget, TAG, ATTRIBUTES as never[], {
    shadow: true,
    adoptedStyleSheets: [sheet(themeCss + cardCss + css)],
  }) as unknown as {
    prototype: OrderShieldChatElement;
  };
  const api: Omit<OrderShieldChatElement, keyof HTMLElement | "threadId"> = {
    open(this: OrderShieldChatElement) {
      bridgeOf(this).setOpen(true);
    },
    close(this: OrderShieldChatElement) {
      bridgeOf(this).setOpen(false);
    },
    toggle(this: OrderShieldChatElement) {
      const b = bridgeOf(this);
      b.setOpen(!b.isOpen());
    },
    setSessionToken(this: OrderShieldChatElement, token: string | null) {
      if (token) this.setAttribute("session-token", token);
      else this.removeAttribute("session-token");
    },
    on(this: OrderShieldChatElement, event: ChatEventName, listener: Listener) {
      return bridgeOf(this).on(event, listener);
    },
    send(this: OrderShieldChatElement, text: string) {
      bridgeOf(this).send(text);
    },
    newConversation(this: OrderShieldChatElement) {
      bridgeOf(this).newConversation();
    },
  };
  Object.assign(Element.prototype, api);
  Object.defineProperty(Element.prototype, "threadId", {
    get(this: OrderShieldChatElement) {
      return bridgeOf(this).state()?.threadId ?? null;
    },
  });
}

declare global {
  interface HTMLElementTagNameMap {
    "ordershield-chat": OrderShieldChatElement;
  }
}
