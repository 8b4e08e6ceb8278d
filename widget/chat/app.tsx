/**
 * <ordershield-chat>: the launcher button and the chat panel. Renders the controller's state; the transcript is a
 * `role="log"` holding finished messages only, so a screen reader announces each reply once, not each token.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { DraftCard } from "../shared/draft-card.tsx";
import { i18n as makeI18n, toLocale, type I18n } from "../shared/i18n.ts";
import { ChatIcon, CloseIcon, NewIcon, SendIcon, ShieldIcon, StopIcon } from "../shared/icons.tsx";
import { bridgeOf, type ChatBridge } from "./bridge.ts";
import { ChatController } from "./controller.ts";
import { OrderStatus } from "./order-status.tsx";
import type { ChatState } from "./state.ts";

export interface ChatWidgetProps {
  apiBase?: string;
  sessionToken?: string;
  locale?: string;
  theme?: string;
  inline?: string;
}

export function ChatWidget(props: ChatWidgetProps) {
  const locale = toLocale(props.locale ?? (typeof navigator === "undefined" ? "en" : navigator.language));
  const i18n = useMemo(() => makeI18n(locale), [locale]);
  const rootRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number, _: unknown) => n + 1, 0);
  const inline = props.inline !== undefined && props.inline !== "false";
  const [open, setOpen] = useState(inline);
  const bridge = useRef<ChatBridge | null>(null);
  const apiBase = props.apiBase ?? "";
  // Read at each request, so a locale switch applies from the next message on.
  const localeRef = useRef(locale);
  localeRef.current = locale;

  const controller = useMemo(
    () =>
      new ChatController({
        apiBase,
        token: props.sessionToken || null,
        onChange: () => rerender(undefined),
        emit: (name, detail) => bridge.current?.emit(name, detail),
        locale: () => localeRef.current,
      }),
    [apiBase],
  );

  useEffect(() => {
    void controller.start();
    return () => controller.dispose();
  }, [controller]);
  useEffect(() => controller.setToken(props.sessionToken || null), [controller, props.sessionToken]);

  useEffect(() => {
    const host = (rootRef.current?.getRootNode() as ShadowRoot | undefined)?.host as HTMLElement | undefined;
    if (!host) return;
    const b = bridgeOf(host);
    bridge.current = b;
    b.attach({
      setOpen: (v) => setOpen(inline || v),
      isOpen: () => open,
      send: (text) => controller.send(text),
      newConversation: () => controller.newConversation(),
      state: () => controller.state,
    });
    return () => b.detach();
  }, [controller, open, inline]);

  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current !== open) bridge.current?.emit(open ? "open" : "close", null);
    wasOpen.current = open;
  }, [open]);

  return (
    <div class="os-root" ref={rootRef} lang={locale}>
      {open ? (
        <Panel
          i18n={i18n}
          state={controller.state}
          controller={controller}
          inline={inline}
          signedIn={Boolean(props.sessionToken)}
          onClose={() => setOpen(false)}
        />
      ) : (
        <button type="button" class="os-launcher" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          <ChatIcon />
          <span>{i18n.t("title")}</span>
          <span class="os-sr">{i18n.t("open")}</span>
        </button>
      )}
    </div>
  );
}

interface PanelProps {
  i18n: I18n;
  state: ChatState;
  controller: ChatController;
  inline: boolean;
  signedIn: boolean;
  onClose: () => void;
}

function Panel({ i18n, state, controller, inline, signedIn, onClose }: PanelProps) {
  const { t } = i18n;
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");

  useEffect(() => {
    if (!inline) inputRef.current?.focus();
  }, []);
  // Keep the newest content in view while it streams.
  useEffect(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [state.messages.length, state.streaming?.text, state.activity, state.report, state.order, state.pending]);

  const submit = (e?: Event) => {
    e?.preventDefault();
    if (!text.trim() || state.busy) return;
    void controller.send(text);
    setText("");
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) submit(e);
  };
  const panelRef = useRef<HTMLElement>(null);
  // Escape closes the floating panel from anywhere inside it (focus then returns to the launcher).
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel || inline) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.stopPropagation();
      onClose();
    };
    panel.addEventListener("keydown", onKey);
    return () => panel.removeEventListener("keydown", onKey);
  }, [inline, onClose]);
  const hasDraft = (state.draft?.lines.length ?? 0) > 0 || (state.report?.lines.length ?? 0) > 0;
  const pending = state.pending;
  const report = state.report;
  const confirmable = pending?.type === "confirm" && report?.draftHash === pending.draftHash;

  return (
    <section
      class="os-panel"
      ref={panelRef}
      {...(inline ? {} : { role: "dialog" })}
      aria-labelledby="os-title"
      data-open
    >
      <div class="os-head">
        <span class="os-avatar">
          <ShieldIcon />
        </span>
        <div class="os-head-text">
          <h2 id="os-title">{t("title")}</h2>
          <p>{t("subtitle")}</p>
        </div>
        <button
          type="button"
          class="os-btn ghost"
          title={t("newChat")}
          aria-label={t("newChat")}
          onClick={() => controller.newConversation()}
        >
          <NewIcon />
        </button>
        {!inline && (
          <button type="button" class="os-btn ghost" title={t("close")} aria-label={t("close")} onClick={onClose}>
            <CloseIcon />
          </button>
        )}
      </div>
      <div class="os-scroll" ref={scrollRef}>
        <div class="os-log" role="log" aria-label={t("transcript")} aria-live="polite">
          <p class="os-msg assistant">{t("greeting")}</p>
          {state.messages.map((m) => (
            <p key={m.id} class={`os-msg ${m.role}`} data-role={m.role}>
              {m.role === "rep" && <span class="os-who">{t("rep")}</span>}
              {m.role === "user" && <span class="os-sr">{t("you")}: </span>}
              {m.text}
            </p>
          ))}
        </div>
        {state.streaming && (
          <p class="os-msg assistant os-streaming" aria-hidden="true">
            {state.streaming.text}
          </p>
        )}
        {state.busy && !state.streaming && (
          <div class="os-activity" role="status">
            <span class="os-dots" aria-hidden="true">
              <i />
              <i />
              <i />
            </span>
            {state.activity ? i18n.tool(state.activity.name, state.activity.label) : t("typing")}
          </div>
        )}
        {(hasDraft || state.order || pending) && (
          <div class="os-after">
            {hasDraft && (
              <DraftCard
                i18n={i18n}
                draft={state.draft}
                report={report}
                disabled={state.busy}
                onFix={(fix) => void controller.applyFix(fix, i18n.fixMessage)}
              >
                {pending?.type === "confirm" && (
                  <fieldset class="os-confirm">
                    <legend>{t("confirmTitle")}</legend>
                    <p>{confirmable ? t("confirmText") : t("confirmStale")}</p>
                    <div class="os-confirm-actions">
                      <button
                        type="button"
                        class="os-btn primary"
                        disabled={!confirmable || state.busy}
                        onClick={() => void controller.confirm(pending.draftHash, true)}
                      >
                        {t("confirm", { total: report ? i18n.money(report.totals.netCents, report.currency) : "" })}
                      </button>
                      <button
                        type="button"
                        class="os-btn"
                        disabled={state.busy}
                        onClick={() => void controller.confirm(pending.draftHash, false)}
                      >
                        {t("decline")}
                      </button>
                    </div>
                  </fieldset>
                )}
              </DraftCard>
            )}
            <OrderStatus i18n={i18n} order={state.order} pending={pending} />
          </div>
        )}
      </div>
      {!signedIn && (
        <p class="os-alert offline" role="status">
          {t("signedOut")}
        </p>
      )}
      {state.error && (
        <div class={`os-alert ${state.error.code}`} role="alert">
          <span>{t(`err_${state.error.code}`, { s: state.error.retryAfter ?? 30 })}</span>
          {state.error.code !== "session_expired" && state.error.code !== "forbidden" ? (
            <button type="button" class="os-btn" onClick={() => controller.retry()}>
              {t("retry")}
            </button>
          ) : (
            <button type="button" class="os-btn" onClick={() => controller.dismissError()}>
              {t("dismiss")}
            </button>
          )}
        </div>
      )}
      <form class="os-composer" onSubmit={submit}>
        <label class="os-sr" for="os-input">
          {t("inputLabel")}
        </label>
        <textarea
          id="os-input"
          ref={inputRef}
          rows={1}
          value={text}
          placeholder={t("placeholder")}
          maxLength={4000}
          disabled={!signedIn}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          onKeyDown={onKeyDown}
        />
        {state.busy ? (
          <button
            type="button"
            class="os-btn"
            aria-label={t("stop")}
            title={t("stop")}
            onClick={() => void controller.cancel()}
          >
            <StopIcon />
          </button>
        ) : (
          <button type="submit" class="os-btn primary" aria-label={t("send")} title={t("send")} disabled={!text.trim()}>
            <SendIcon />
          </button>
        )}
      </form>
      <div class="os-foot">{t("poweredBy")}</div>
    </section>
  );
}
