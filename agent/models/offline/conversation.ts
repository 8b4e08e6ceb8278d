/**
 * Everything the offline model knows about a conversation, derived from the messages alone (the graph
 * checkpoints messages; the model keeps nothing between calls): the current buyer message, the tool results
 * of this turn, the buyer's machines, the draft, and what the model asked last (a memo on its own last reply).
 */
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { DraftLine, Fix } from "../../../tools/types.ts";
import type { FeatureValue } from "../../../catalog/queries/types.ts";
import type { Lang } from "./language.ts";
import type { ShipToView } from "./ship-to.ts";

export interface MachineView {
  machineId: string;
  label: string;
  model: string;
  modelName: string;
  serial: string;
  site: string;
  /** Operating data (medium, temperature, pressure, supply…) the machine rules compare parts against. */
  attributes?: Record<string, FeatureValue>;
}

export interface DraftView {
  lines: DraftLine[];
  machineId?: string;
  poReference?: string;
  shipToId?: string;
  requestedDate?: string;
}

/** What the model is waiting for, stored on its reply (additional_kwargs.offline) so the next call can read it. */
/** A list of candidates offered to choose from ("Which one would you like, and how many?"). */
export interface ChooseProduct {
  kind: "choose_product";
  skus: string[];
  action: Action;
  quantity?: number;
  unit?: string;
  machineId?: string;
  options?: Record<string, string[]>;
  query?: string;
  /** The request that opened the list ("2 seal kits for the CD 63/36 cylinder"): its values still choose. */
  said?: string;
  /** A PO reference the buyer gave while this question was open and the order empty: it goes on with the line. */
  poReference?: string;
  /** Asked again at "ok, confirm" with placing the order without it offered (`openPickBeforePlacing`). */
  placingAsked?: boolean;
}

export type Pending =
  | ChooseProduct
  | {
      kind: "choose_machine";
      sku: string;
      action: Action;
      quantity?: number;
      unit?: string;
      options?: Record<string, string[]>;
      machineIds: string[];
      /** Whether the buyer named the product outright (its SKU, or words its name carries): an order may skip the machine. */
      named?: boolean;
      /** A PO reference the buyer gave while this question was open and the order empty: it goes on with the line. */
      poReference?: string;
    }
  | {
      kind: "fixes";
      lineId: string;
      fixes: Fix[];
      /** The fixes offered in the same reply for other lines, answered together ("… for the first, … for the second"). */
      others?: { lineId: string; fixes: Fix[] }[];
    }
  | {
      kind: "options";
      lineId: string;
      sku: string;
      groups: string[] /** The values the engine still allows, per group. */;
      values?: Record<string, string[]>;
    }
  | {
      kind: "quantity";
      sku: string;
      machineId?: string;
      options?: Record<string, string[]>;
      /**
       * A quantity the consultant proposed ("shall I change it to 5?"), or the one the buyer stated with a question
       * ("in stock? need 2"): accepting the offer orders that many.
       */
      quantity?: number;
      unit?: string;
      /**
       * The list the offered item was asked about from ("is the second one in stock?"): another of its items can still
       * be asked about or picked ("and the first?", "2 of the first then").
       */
      listed?: ChooseProduct;
      /** What the buyer asked about the item offered from the list: "and the first?" asks the same of another. */
      asked?: ("price" | "stock" | "compat")[];
      /** A PO reference the buyer gave while this question was open and the order empty: it goes on with the line. */
      poReference?: string;
    }
  /** `placing`: the buyer asked to place the order (the review it starts goes on to `place_order` when clean). */
  | { kind: "confirm"; placing?: true };

export type Action = "add" | "price" | "stock" | "compat" | "info";

export interface Memo {
  lang: Lang;
  pending?: Pending;
  /** The SKU the conversation is about ("how much is it?"). */
  focusSku?: string;
  /**
   * Items of this message still to be served after its tool calls ("… and 4 fittings for it" beside an identified
   * hose): carried from call to call within the turn only.
   */
  rest?: RestItem[];
  /**
   * Items of the buyer's last message set aside because a question of the consultant's was open ("Not added yet: …
   * once this is settled"): on the reply only, served after the next message's edits settle it.
   */
  held?: RestItem[];
  /** Option values set this turn because the buyer's other choices left only them (said with the line). */
  taken?: { lineId: string; group: string; value: string }[];
}

/** An item of the message not served yet: its words, and the count "each"/"jeweils" took from the item before. */
export interface RestItem {
  text: string;
  quantity?: number;
  /** A question of the message about another product, answered after its order was served. */
  question?: boolean;
}

export interface ToolResult {
  name: string;
  callId: string;
  args: Record<string, unknown>;
  data: Record<string, unknown>;
  error: boolean;
}

export interface Conversation {
  /** The buyer's current message. */
  text: string;
  /** The message as the buyer wrote it, before spelling and joined words were read apart (`index.ts`). */
  written?: string;
  /** Index of this model call within the buyer's turn (0 = first). */
  round: number;
  /** Tool results since the buyer's message, in order. */
  results: ToolResult[];
  machines?: MachineView[];
  /** The account's delivery addresses (listed with the installed base). */
  shipTos?: ShipToView[];
  /** The name of the buyer's own company (the session's account, listed with the installed base). */
  account?: string;
  history?: Record<string, unknown>[];
  draft: DraftView;
  memo: Memo;
  /** The memo of this turn's latest model call (undefined on the turn's first call). */
  turnMemo?: Memo;
  /** The model's last text reply before the buyer's message (what it asked, when a question is open). */
  lastReply?: string;
  /** The buyer's message before this one ("the 2 contactors" may point at what it described). */
  before?: string;
  /** Number of messages: a deterministic seed for tool-call ids. */
  size: number;
}

const parsed = new Map<string, Record<string, unknown>>();
/**
 * A tool message's content as data, memoised by its text: every model call of a thread reads every tool result of
 * the thread so far (the parsed data is only read, never changed).
 */
const parse = (content: unknown): Record<string, unknown> => {
  const text =
    typeof content === "string"
      ? content
      : Array.isArray(content)
        ? content.map((c) => (typeof c === "string" ? c : ((c as { text?: string }).text ?? ""))).join("")
        : "";
  let data = parsed.get(text);
  if (!data) {
    if (parsed.size > 2000) parsed.clear();
    parsed.set(text, (data = parseText(text)));
  }
  return data;
};

/**
 * The buyer's machines and addresses of an installed-base result, filtered once per parsed list: the parsed data is
 * shared and never changed, so every model call of the thread gets the same arrays — what is kept per list (the
 * machines as a memo key, the addresses a text names) is then read once, not once per call.
 */
const machineLists = new WeakMap<unknown[], MachineView[]>();
const shipToLists = new WeakMap<unknown[], ShipToView[]>();

function machinesOf(list: unknown[]): MachineView[] {
  let machines = machineLists.get(list);
  if (!machines) {
    machines = (list as MachineView[]).filter(
      (m) => m && typeof m.machineId === "string" && typeof m.label === "string",
    );
    machineLists.set(list, machines);
  }
  return machines;
}

function shipTosOf(list: unknown[]): ShipToView[] {
  let shipTos = shipToLists.get(list);
  if (!shipTos) {
    shipTos = (list as ShipToView[]).filter((t) => t && typeof t.shipToId === "string" && typeof t.label === "string");
    shipToLists.set(list, shipTos);
  }
  return shipTos;
}

function parseText(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { text };
  }
}

/** The list open, or the one an item offered from it was asked about from (`listed`). */
export function listOf(p: Pending | undefined): ChooseProduct | undefined {
  return p?.kind === "choose_product" ? p : p?.kind === "quantity" ? p.listed : undefined;
}

export function memoOf(m: BaseMessage): Memo | undefined {
  const memo = (m.additional_kwargs as { offline?: Memo } | undefined)?.offline;
  return memo && typeof memo === "object" ? memo : undefined;
}

/**
 * The conversation as the model reads it. `stateDraft` is the graph's current draft (the graph state, not the
 * prompt); without it (a model called outside the graph) the latest draft a tool returned stands in.
 */
export function readConversation(messages: BaseMessage[], stateDraft?: DraftView): Conversation {
  let h = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (HumanMessage.isInstance(messages[i]!)) {
      h = i;
      break;
    }
  }
  const calls = new Map<string, { name: string; args: Record<string, unknown> }>();
  for (const m of messages) {
    if (AIMessage.isInstance(m))
      for (const c of m.tool_calls ?? [])
        calls.set(c.id ?? "", { name: c.name, args: (c.args ?? {}) as Record<string, unknown> });
  }
  let machines: MachineView[] | undefined;
  let shipTos: ShipToView[] | undefined;
  let account: string | undefined;
  let history: Record<string, unknown>[] | undefined;
  let draft: DraftView | undefined;
  let memo: Memo | undefined;
  let turnMemo: Memo | undefined;
  let lastReply: string | undefined;
  const results: ToolResult[] = [];
  let round = 0;
  messages.forEach((m, i) => {
    if (ToolMessage.isInstance(m)) {
      const call = calls.get(m.tool_call_id);
      const name = m.name ?? call?.name ?? "";
      const data = parse(m.content);
      const r: ToolResult = {
        name,
        callId: m.tool_call_id,
        args: call?.args ?? {},
        data,
        error: m.status === "error" || "error" in data,
      };
      if (name === "get_installed_base" && Array.isArray(data.data)) machines = machinesOf(data.data);
      if (name === "get_installed_base" && Array.isArray(data.shipTos)) shipTos = shipTosOf(data.shipTos);
      const named = (data.account as { name?: unknown } | undefined)?.name;
      if (name === "get_installed_base" && typeof named === "string" && named.trim()) account = named;
      if (name === "get_order_history" && Array.isArray(data.data)) history = data.data as Record<string, unknown>[];
      if (data.draft && typeof data.draft === "object" && Array.isArray((data.draft as DraftView).lines))
        draft = data.draft as DraftView;
      if (i > h) results.push(r);
    } else if (AIMessage.isInstance(m)) {
      if (i > h && (m.tool_calls?.length ?? 0) > 0) {
        round++;
        turnMemo = memoOf(m);
      }
      if (i < h) memo = memoOf(m) ?? (m.tool_calls?.length ? memo : undefined);
      if (i < h && typeof m.content === "string" && m.content.trim()) lastReply = m.content;
    }
  });
  // Line details a tool reported (verdicts aside) are kept for lines the graph's draft still has unchanged.
  if (stateDraft)
    draft = {
      ...stateDraft,
      lines: stateDraft.lines.map((l) => ({
        ...(draft?.lines.find((d) => d.lineId === l.lineId && d.sku === l.sku) ?? {}),
        ...l,
      })),
    };
  const human = h >= 0 ? messages[h]! : undefined;
  const textOf = (m: BaseMessage) =>
    String((typeof m.content === "string" ? m.content : (parse(m.content).text as string)) ?? "");
  const text = human ? textOf(human) : "";
  const earlier = messages.slice(0, Math.max(h, 0)).findLast((m) => HumanMessage.isInstance(m));
  return {
    text: String(text ?? ""),
    round,
    results,
    ...(machines ? { machines } : {}),
    ...(shipTos ? { shipTos } : {}),
    ...(account ? { account } : {}),
    ...(history ? { history } : {}),
    draft: draft ?? { lines: [] },
    memo: memo ?? { lang: "en" },
    ...(turnMemo ? { turnMemo } : {}),
    ...(lastReply ? { lastReply } : {}),
    ...(earlier ? { before: textOf(earlier) } : {}),
    size: messages.length,
  };
}
