/**
 * <ordershield-copilot>: the queue of conversations (needs approval first, then blocked, active, ordered), live; one
 * conversation's transcript, draft card with the engine's report, audit trail and notes; approve or reject with a
 * reason; take over and write to the buyer; hand back. Two columns when wide (the /rep page), one when it is a
 * narrow sidebar beside a CRM.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { OrderStatus } from "../chat/order-status.tsx";
import { chatReducer, INITIAL } from "../chat/state.ts";
import { DraftCard } from "../shared/draft-card.tsx";
import { follow } from "../shared/follow.ts";
import { isApiError } from "../shared/http.ts";
import { i18n as makeI18n, toLocale, type I18n } from "../shared/i18n.ts";
import { mayHaveBeenTaken, messageKey } from "../shared/message-key.ts";
import { store } from "../shared/session.ts";
import { createRepApi, type QueueRow, type RepApi, type RepThread, type ThreadStatus } from "./api.ts";
import { copilotStrings, type CopilotT } from "./strings.ts";

export interface CopilotProps {
  apiBase?: string;
  apiKey?: string;
  locale?: string;
  theme?: string;
  thread?: string;
}

const ORDER: ThreadStatus[] = ["needs_approval", "blocked", "active", "ordered"];
const KEY_STORE = "ordershield:rep-key";

export function Copilot(props: CopilotProps) {
  const locale = toLocale(props.locale ?? navigator.language);
  const t = useMemo(() => copilotStrings(locale), [locale]);
  const i18n = useMemo(() => makeI18n(locale), [locale]);
  const [key, setKey] = useState<string>(props.apiKey || store.get(KEY_STORE) || "");
  useEffect(() => {
    if (props.apiKey) setKey(props.apiKey);
  }, [props.apiKey]);
  const keyRef = useRef(key);
  keyRef.current = key;
  const api = useMemo(
    () => createRepApi({ apiBase: props.apiBase ?? "", apiKey: () => keyRef.current }),
    [props.apiBase],
  );

  if (!key)
    return (
      <div class="os-root cp">
        <SignIn
          t={t}
          onKey={(k) => {
            store.set(KEY_STORE, k);
            setKey(k);
          }}
        />
      </div>
    );
  return (
    <Workspace
      api={api}
      t={t}
      i18n={i18n}
      initialThread={props.thread ?? null}
      onSignOut={
        props.apiKey
          ? undefined
          : () => {
              store.set(KEY_STORE, null);
              // The next rep at this tab does not get this one's unsent messages.
              drafts.clear();
              setKey("");
            }
      }
    />
  );
}

function SignIn({ t, onKey }: { t: CopilotT; onKey: (key: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <form
      class="cp-signin"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onKey(value.trim());
      }}
    >
      <h1 class="cp-title">{t("title")}</h1>
      <label for="cp-key">{t("signIn")}</label>
      <input
        id="cp-key"
        type="password"
        autoComplete="off"
        value={value}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
      />
      <p class="cp-muted">{t("signInHint")}</p>
      <button class="os-btn primary" type="submit">
        {t("signInButton")}
      </button>
    </form>
  );
}

interface WorkspaceProps {
  api: RepApi;
  t: CopilotT;
  i18n: I18n;
  initialThread: string | null;
  onSignOut: (() => void) | undefined;
}

function Workspace({ api, t, i18n, initialThread, onSignOut }: WorkspaceProps) {
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [selected, setSelected] = useState<string | null>(initialThread);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lastQueueId = useRef(0);

  useEffect(() => {
    let stop = () => {};
    const load = () =>
      api
        .queue()
        .then((r) => setRows(r.threads))
        .catch((e: unknown) => setError(isApiError(e) ? e.message : String(e)));
    void load().then(() => {
      stop = follow({
        open: (after, signal) => api.queueEvents(after, signal),
        lastId: () => lastQueueId.current,
        onConnected: () => setLive(true),
        onFatal: (e) => {
          setLive(false);
          setError(e.message);
        },
        onEvent: (e) => {
          if (e.id !== undefined) lastQueueId.current = e.id;
          if (e.event === "thread") {
            const d = e.data;
            setRows((prev) => {
              const old = prev.find((r) => r.id === d.threadId);
              const row: QueueRow = {
                ...(old ?? { contactId: null, channel: "widget", createdAt: new Date().toISOString() }),
                id: d.threadId,
                customerId: d.customerId ?? old?.customerId ?? "",
                customerName: d.customerName ?? old?.customerName ?? null,
                status: d.status as ThreadStatus,
                heldBy: d.heldBy,
                updatedAt: new Date().toISOString(),
              };
              return [row, ...prev.filter((r) => r.id !== d.threadId)];
            });
          } else if (e.event === "resync") void load();
        },
      });
    });
    return () => stop();
  }, [api]);

  const groups = ORDER.map((status) => ({
    status,
    rows: rows.filter((r) => r.status === status).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
  })).filter((g) => g.rows.length > 0);

  return (
    <div class="os-root cp" data-selected={selected ? "" : undefined}>
      <header class="cp-head">
        <h1 class="cp-title">{t("title")}</h1>
        <span class={`cp-live ${live ? "on" : ""}`}>{live ? t("live") : t("offline")}</span>
        {onSignOut && (
          <button type="button" class="os-btn ghost" onClick={onSignOut}>
            {t("signOut")}
          </button>
        )}
      </header>
      {error && (
        <p class="cp-error" role="alert">
          {t("err", { detail: error })}
        </p>
      )}
      <div class="cp-body">
        <nav class="cp-queue" aria-label={t("queue")}>
          {groups.length === 0 && <p class="cp-muted">{t("empty")}</p>}
          {groups.map((g) => (
            <section key={g.status} aria-labelledby={`cp-g-${g.status}`}>
              <h2 class="cp-group" id={`cp-g-${g.status}`}>
                <span class={`cp-dot ${g.status}`} aria-hidden="true" />
                {t(g.status)} <span class="cp-count">{g.rows.length}</span>
              </h2>
              <ul class="cp-rows">
                {g.rows.map((r) => (
                  <li key={r.id}>
                    <button
                      type="button"
                      class="cp-row"
                      aria-current={r.id === selected ? "true" : undefined}
                      data-thread={r.id}
                      onClick={() => setSelected(r.id)}
                    >
                      <span class="cp-row-main">
                        <b>{r.customerName ?? r.customerId}</b>
                        {r.customerName ? <span class="cp-muted"> {r.customerId}</span> : null}
                        <span class="cp-muted">
                          {r.id.slice(0, 8)} · {timeOf(r.updatedAt, i18n.locale)}
                        </span>
                      </span>
                      {r.heldBy && <span class="cp-held">{t("heldBy", { rep: r.heldBy })}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
        <main class="cp-thread">
          {selected ? (
            <ThreadPanel key={selected} api={api} id={selected} t={t} i18n={i18n} onBack={() => setSelected(null)} />
          ) : (
            <p class="cp-muted cp-pick">{t("pick")}</p>
          )}
        </main>
      </div>
    </div>
  );
}

const timeOf = (iso: string, locale: string) =>
  new Date(iso.includes("T") ? iso : `${iso.replace(" ", "T")}Z`).toLocaleTimeString(
    locale === "de" ? "de-DE" : "en-GB",
    {
      hour: "2-digit",
      minute: "2-digit",
    },
  );

interface ThreadPanelProps {
  api: RepApi;
  id: string;
  t: CopilotT;
  i18n: I18n;
  onBack: () => void;
}

function ThreadPanel({ api, id, t, i18n, onBack }: ThreadPanelProps) {
  const [detail, setDetail] = useState<RepThread | null>(null);
  const [state, dispatch] = useReducer(chatReducer, INITIAL);
  const lastId = useRef(0);
  lastId.current = state.lastEventId;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A message to the buyer whose request failed where the server may have taken it, with the key it was sent under.
  const [unsent, setUnsent] = useState<{ text: string; key: string } | null>(null);

  const reload = async () => {
    try {
      const d = await api.thread(id);
      setDetail(d);
      dispatch({
        type: "snapshot",
        snapshot: d,
        lastEventId: d.lastEventId,
      });
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    }
  };

  useEffect(() => {
    let stop = () => {};
    void reload().then(() => {
      stop = follow({
        open: (after, signal) => api.threadEvents(id, after, signal),
        lastId: () => lastId.current,
        onFatal: (e) => setError(e.message),
        onEvent: (e) => {
          dispatch({ type: "event", event: e });
          if (["run_finished", "takeover", "note", "order_status", "resync"].includes(e.event)) void reload();
        },
      });
    });
    return () => stop();
  }, [id]);

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await reload();
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  /** Write to the buyer; "Try again" and coming back online send the same message under the same key. */
  const write = (text: string, key = messageKey()) =>
    act(async () => {
      setUnsent(null);
      try {
        await api.message(id, text, key);
      } catch (e) {
        // Said once, in its own alert with "Try again", not also as a failed request.
        if (!mayHaveBeenTaken(e)) throw e;
        setUnsent({ text, key });
      }
    });
  const unsentRef = useRef(unsent);
  unsentRef.current = unsent;
  useEffect(() => {
    const onOnline = () => {
      const u = unsentRef.current;
      if (u) void write(u.text, u.key);
    };
    addEventListener("online", onOnline);
    return () => removeEventListener("online", onOnline);
  }, [id]);

  if (!detail) return <p class="cp-muted">…</p>;
  const held = state.heldBy ?? detail.heldBy;
  // Held by this rep (the server says so for the rep asking); a live takeover event before the reload counts as not.
  const mine = held !== null && held === detail.heldBy && detail.heldByYou;
  const pending = state.pending;
  return (
    <article class="cp-detail" aria-labelledby="cp-thread-title">
      <div class="cp-detail-head">
        <button type="button" class="os-btn ghost cp-back" onClick={onBack}>
          ← {t("back")}
        </button>
        <h2 id="cp-thread-title">
          {detail.customerName ?? detail.customerId}
          {detail.customerName ? <span class="cp-muted"> {detail.customerId}</span> : null}
          <span class={`cp-status ${detail.status}`}>{t(detail.status)}</span>
        </h2>
        <span class="cp-muted">{id}</span>
        <div class="cp-actions">
          {!held ? (
            <button type="button" class="os-btn" disabled={busy} onClick={() => act(() => api.takeover(id))}>
              {t("takeover")}
            </button>
          ) : mine ? (
            <button type="button" class="os-btn" disabled={busy} onClick={() => act(() => api.release(id))}>
              {t("release")}
            </button>
          ) : (
            <span class="cp-held">{t("heldBy", { rep: held })}</span>
          )}
        </div>
      </div>
      {held && !mine && (
        <TakeoverFrom t={t} rep={held} busy={busy} onTake={(reason) => act(() => api.takeover(id, { reason }))} />
      )}
      {error && (
        <p class="cp-error" role="alert">
          {t("err", { detail: error })}
        </p>
      )}
      {pending?.type === "approval" && (
        <Decision
          t={t}
          busy={busy}
          onDecide={(decision, reason) => act(() => api.decide(id, decision, reason, pending.draftHash))}
        />
      )}
      <OrderStatus i18n={i18n} order={state.order} pending={null} />
      {(state.draft?.lines.length ?? 0) > 0 && (
        <DraftCard i18n={i18n} draft={state.draft} report={state.report} title={t("draftOrder")} />
      )}
      <section class="cp-section" aria-labelledby="cp-tr">
        <h3 id="cp-tr">{t("transcript")}</h3>
        <div class="cp-log" role="log" aria-label={t("transcript")}>
          {state.messages.map((m) => (
            <p key={m.id} class={`cp-msg ${m.role}`}>
              <b>{m.role === "user" ? t("buyer") : m.role === "rep" ? t("rep") : t("assistant")}</b> {m.text}
            </p>
          ))}
        </div>
        {state.streaming && (
          <p class="cp-msg assistant" aria-hidden="true">
            {state.streaming.text}
          </p>
        )}
        {mine && (
          <TextForm
            id="cp-write"
            label={t("writeLabel")}
            button={t("send")}
            busy={busy}
            hint={t("holding")}
            draftKey={`${id}:message`}
            onSubmit={(text) => void write(text)}
          />
        )}
        {unsent && (
          <div class="cp-error cp-unsent" role="alert">
            <span>{t("unsent", { text: unsent.text })}</span>
            <button type="button" class="os-btn" disabled={busy} onClick={() => void write(unsent.text, unsent.key)}>
              {t("retry")}
            </button>
            <button type="button" class="os-btn ghost" disabled={busy} onClick={() => setUnsent(null)}>
              {t("discard")}
            </button>
          </div>
        )}
      </section>
      <section class="cp-section" aria-labelledby="cp-notes">
        <h3 id="cp-notes">{t("notes")}</h3>
        {detail.notes.length === 0 ? (
          <p class="cp-muted">{t("noNotes")}</p>
        ) : (
          <ul class="cp-list">
            {detail.notes.map((n, i) => (
              <li key={i}>
                <span class="cp-muted">
                  {n.repId} · {timeOf(n.at, i18n.locale)}
                </span>
                <br />
                {n.text}
              </li>
            ))}
          </ul>
        )}
        <TextForm
          id="cp-note"
          label={t("noteLabel")}
          button={t("addNote")}
          busy={busy}
          draftKey={`${id}:note`}
          onSubmit={(text) => act(() => api.note(id, text))}
        />
      </section>
      <section class="cp-section" aria-labelledby="cp-audit">
        <h3 id="cp-audit">{t("audit")}</h3>
        {detail.audit.length === 0 ? (
          <p class="cp-muted">{t("noAudit")}</p>
        ) : (
          <ul class="cp-list">
            {detail.audit.map((a, i) => (
              <li key={i}>
                <b>{a.action}</b>{" "}
                <span class="cp-muted">
                  {a.actor} · {timeOf(a.at, i18n.locale)}
                </span>
                {a.reason && (
                  <>
                    <br />“{a.reason}”
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** A reason the rep must give (an approval decision, a forced takeover): the field, and the error when it is empty. */
function ReasonField(p: {
  id: string;
  errorId: string;
  label: string;
  placeholder: string;
  required: string;
  value: string;
  missing: boolean;
  maxLength?: number;
  onInput: (value: string) => void;
}) {
  return (
    <>
      <label for={p.id}>{p.label}</label>
      <textarea
        id={p.id}
        rows={2}
        maxLength={p.maxLength}
        value={p.value}
        placeholder={p.placeholder}
        aria-invalid={p.missing ? "true" : undefined}
        aria-describedby={p.missing ? p.errorId : undefined}
        onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value)}
      />
      {p.missing && (
        <p id={p.errorId} class="cp-error">
          {p.required}
        </p>
      )}
    </>
  );
}

function Decision({
  t,
  busy,
  onDecide,
}: {
  t: CopilotT;
  busy: boolean;
  onDecide: (decision: "approve" | "reject", reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const decide = (d: "approve" | "reject") => {
    if (!reason.trim()) return setMissing(true);
    onDecide(d, reason.trim());
  };
  return (
    <section class="cp-approval" aria-labelledby="cp-appr">
      <h3 id="cp-appr">{t("approval")}</h3>
      <p>{t("approvalText")}</p>
      <ReasonField
        id="cp-reason"
        errorId="cp-reason-err"
        label={t("reason")}
        placeholder={t("reasonPlaceholder")}
        required={t("reasonRequired")}
        value={reason}
        missing={missing}
        onInput={(v) => {
          setReason(v);
          setMissing(false);
        }}
      />
      <div class="cp-row-actions">
        <button type="button" class="os-btn primary" disabled={busy} onClick={() => decide("approve")}>
          {t("approve")}
        </button>
        <button type="button" class="os-btn danger" disabled={busy} onClick={() => decide("reject")}>
          {t("reject")}
        </button>
      </div>
    </section>
  );
}

/**
 * Taking a thread from the colleague who holds it is an override: the rep says why before it is sent, and the reason
 * goes to the audit trail with it (the API refuses a forced takeover without one).
 */
function TakeoverFrom({
  t,
  rep,
  busy,
  onTake,
}: {
  t: CopilotT;
  rep: string;
  busy: boolean;
  onTake: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="cp-form cp-takeover"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        onTake(reason.trim());
      }}
    >
      <ReasonField
        id="cp-takeover-reason"
        errorId="cp-takeover-err"
        label={t("takeoverReason")}
        placeholder={t("takeoverReasonPlaceholder")}
        required={t("reasonRequired")}
        value={reason}
        missing={missing}
        maxLength={1000}
        onInput={(v) => {
          setReason(v);
          setMissing(false);
        }}
      />
      <button type="submit" class="os-btn" disabled={busy}>
        {t("takeoverFrom", { rep })}
      </button>
    </form>
  );
}

/**
 * What a rep typed and has not sent, per conversation and field. The thread panel is rebuilt for each conversation
 * (it is keyed by the thread id), so without this a message half written to one buyer was gone after a look at
 * another queue entry. sessionStorage: kept across a reload of the tab, never shared with another tab or rep; in
 * memory where storage is refused.
 */
const drafts = {
  memory: new Map<string, string>(),
  key: (draftKey: string) => `ordershield:rep-draft:${draftKey}`,
  get(draftKey: string): string {
    try {
      return sessionStorage.getItem(drafts.key(draftKey)) ?? "";
    } catch {
      return drafts.memory.get(draftKey) ?? "";
    }
  },
  set(draftKey: string, text: string): void {
    try {
      if (text) sessionStorage.setItem(drafts.key(draftKey), text);
      else sessionStorage.removeItem(drafts.key(draftKey));
    } catch {
      if (text) drafts.memory.set(draftKey, text);
      else drafts.memory.delete(draftKey);
    }
  },
  clear(): void {
    drafts.memory.clear();
    try {
      for (const k of Object.keys(sessionStorage)) if (k.startsWith(drafts.key(""))) sessionStorage.removeItem(k);
    } catch {
      // Nothing stored.
    }
  },
};

function TextForm(props: {
  id: string;
  label: string;
  button: string;
  busy: boolean;
  hint?: string;
  /** Keep the unsent text under this key (thread id + field) and restore it when the form is shown again. */
  draftKey?: string;
  onSubmit: (text: string) => void;
}) {
  const [text, setTextState] = useState(() => (props.draftKey ? drafts.get(props.draftKey) : ""));
  const setText = (value: string) => {
    setTextState(value);
    if (props.draftKey) drafts.set(props.draftKey, value);
  };
  return (
    <form
      class="cp-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        props.onSubmit(text.trim());
        setText("");
      }}
    >
      <label for={props.id}>{props.label}</label>
      {props.hint && <p class="cp-muted">{props.hint}</p>}
      <textarea id={props.id} rows={2} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <button type="submit" class="os-btn" disabled={props.busy || !text.trim()}>
        {props.button}
      </button>
    </form>
  );
}
