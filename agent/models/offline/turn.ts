/**
 * One decision of the offline consultant: given the conversation (derived from the messages) and the catalog,
 * either call tools or answer. A buyer turn is a short script — e.g. "add": resolve product and machine, call
 * add_line, then phrase the engine's verdict — and each model call advances it by looking at which tool results
 * of this turn are already there. Deterministic: same messages, same step.
 */
import type { Fix } from "../../../tools/types.ts";
import type { Action, Conversation, DraftView, MachineView, Memo, Pending, ToolResult } from "./conversation.ts";
import { cuesOf, detectLanguage, FILLER, stripCues, type Cue, type Lang } from "./language.ts";
import {
  findChoice,
  findDate,
  findLineRef,
  findMachines,
  findOptions,
  findPoReference,
  findQuantities,
  guessProduct,
  tokenizeText,
  wordsOf,
  type Knowledge,
  type ProductGuess,
  type Token,
} from "./recognise.ts";
import { expandFixes, fixText, lineSummary, machineName, money, numbered, qty, redirect, say, scheduleText, type IssueFacts, type LineFacts } from "./replies.ts";

export interface ToolCallPlan {
  name: string;
  args: Record<string, unknown>;
}

export interface Step {
  text?: string;
  calls?: ToolCallPlan[];
  memo: Memo;
}

interface Ctx {
  conv: Conversation;
  k: Knowledge;
  lang: Lang;
  cues: Set<Cue>;
  tokens: Token[];
  tools: Set<string>;
  analyses: Map<string, Analysis>;
}

const DRAFT_TOOLS = new Set(["add_line", "update_line", "remove_line", "set_options", "set_machine", "set_order_details", "clear_draft"]);

export function decide(conv: Conversation, k: Knowledge, tools: Set<string>): Step {
  const lang = detectLanguage(conv.text, conv.memo.lang);
  const ctx: Ctx = { conv, k, lang, cues: cuesOf(conv.text), tokens: tokenizeText(conv.text), tools, analyses: new Map() };
  const memo = (pending?: Pending, focusSku?: string): Memo => ({ lang, ...(pending ? { pending } : {}), ...(focusSku ?? conv.memo.focusSku ? { focusSku: focusSku ?? conv.memo.focusSku } : {}) });

  // Know the buyer's machines (and, when asked for, their history) before reading references to them.
  const prelude: ToolCallPlan[] = [];
  if (!conv.machines && !conv.results.some((r) => r.name === "get_installed_base") && tools.has("get_installed_base")) prelude.push({ name: "get_installed_base", args: {} });
  if (ctx.cues.has("history") && !conv.history && !conv.results.some((r) => r.name === "get_order_history") && tools.has("get_order_history")) prelude.push({ name: "get_order_history", args: {} });
  if (prelude.length) return { calls: prelude, memo: memo(conv.memo.pending) };

  // After draft edits or a checkout request, phrase what the tools said.
  const edits = conv.results.filter((r) => DRAFT_TOOLS.has(r.name));
  const checkout = conv.results.find((r) => r.name === "review_order" || r.name === "place_order");
  if (checkout && (checkout.data.report || checkout.error)) return afterCheckout(ctx, checkout, memo);
  if (edits.length) return afterEdits(ctx, edits, memo);

  const attack = (["attack_identity", "attack_checks", "attack_price", "attack_injection"] as const).find((c) => ctx.cues.has(c));
  if (attack) return { text: refusal(attack, lang), memo: memo(conv.memo.pending) };

  // A complete new request (several products with quantities) wins over an open question.
  const multi = multiAdd(ctx);
  if (multi) return multi;

  const pending = conv.memo.pending;
  if (pending && !isQuestionAboutOther(ctx, pending)) {
    const step = answerPending(ctx, pending, memo);
    if (step) return step;
  }
  return fresh(ctx, memo);
}

// ───────────────────────────── the buyer's new request ─────────────────────────────

function fresh(ctx: Ctx, memo: (p?: Pending, focus?: string) => Memo): Step {
  const { conv, cues, lang } = ctx;
  const draft = conv.draft;
  if (cues.has("cancel")) {
    if (draft.lines.length === 0) return { text: say(lang, "There is nothing in your order to cancel.", "Ihre Bestellung ist leer, es gibt nichts zu verwerfen."), memo: memo() };
    return { calls: [{ name: "clear_draft", args: {} }], memo: memo() };
  }
  const a = analyse(ctx);
  const productCue = ["add", "find", "price", "stock", "compat", "info", "change", "remove", "history"].some((c) => cues.has(c as Cue)) || !!a.quantity;
  if (a.guess && a.guess.hits.every((h) => h.match === "text_fuzzy") && !productCue) {
    return { text: redirect(lang), memo: memo(conv.memo.pending) };
  }
  if (cues.has("checkout") && !a.guess) return startCheckout(ctx, "place", memo);
  if (cues.has("show") && !a.guess) return startCheckout(ctx, "review", memo);

  const lineId = targetLine(ctx, a);
  if (cues.has("remove") && lineId) return { calls: [{ name: "remove_line", args: { lineId } }], memo: memo() };
  if (cues.has("remove") && draft.lines.length === 0) return { text: say(lang, "Your order is empty.", "Ihre Bestellung ist leer."), memo: memo() };

  // Order details: PO reference, requested date.
  const po = findPoReference(conv.text);
  const date = findDate(conv.text);
  if ((po || (date && !a.guess)) && draft.lines.length > 0) {
    return { calls: [{ name: "set_order_details", args: { ...(po ? { poReference: po } : {}), ...(date ? { requestedDate: date } : {}) } }], memo: memo() };
  }

  // Change of mind on an existing line: quantity, product or options.
  if (lineId && (cues.has("change") || findLineRef(conv.text)) && draft.lines.length > 0) {
    const line = draft.lines.find((l) => l.lineId === lineId)!;
    const lineCategory = ctx.k.reader.products([line.sku]).get(line.sku)?.category;
    const g = a.guess?.confident ? a.guess.hits[0]! : undefined;
    // A named SKU replaces the line; words alone only when they point into the line's own category.
    if (g && g.sku !== line.sku && (g.match.startsWith("sku") || g.category === lineCategory)) {
      return { calls: [{ name: "update_line", args: { lineId, sku: g.sku, ...(a.quantity ? { quantity: a.quantity.value } : {}) } }], memo: memo() };
    }
    const variant = optionsFor(ctx, line.sku) ? undefined : variantOf(ctx, line);
    if (variant) return { calls: [{ name: "update_line", args: { lineId, sku: variant, ...(a.quantity ? { quantity: a.quantity.value } : {}) } }], memo: memo() };
    if (a.quantity) return { calls: [{ name: "update_line", args: { lineId, quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) } }], memo: memo() };
    const opts = optionsFor(ctx, line.sku);
    if (opts) return { calls: [{ name: "set_options", args: { lineId, options: opts } }], memo: memo() };
  }

  // "Same as last time"
  if (cues.has("history") && conv.history) return fromHistory(ctx, a, memo);

  const sku = a.guess?.confident ? a.guess.hits[0]!.sku : undefined;
  const focus = sku ?? (a.guess ? undefined : conv.memo.focusSku ?? (draft.lines.length === 1 ? draft.lines[0]!.sku : undefined));

  if (cues.has("compat") && (sku ?? focus)) return action(ctx, "compat", sku ?? focus!, a, memo);
  if (cues.has("price") && !cues.has("add") && (sku ?? focus)) return action(ctx, "price", sku ?? focus!, a, memo);
  if (cues.has("price") && !a.guess && draft.lines.length > 0) return startCheckout(ctx, "review", memo);
  if (cues.has("stock") && (sku ?? focus) && !cues.has("add")) return action(ctx, "stock", sku ?? focus!, a, memo);
  if (cues.has("info") && sku) return action(ctx, "info", sku, a, memo);

  if (a.guess && sku && (a.quantity || cues.has("add")) && !cues.has("find")) return action(ctx, "add", sku, a, memo);
  if (a.guess) return find(ctx, a, memo, cues.has("add") || !!a.quantity ? "add" : "info");

  // Options named for a configurable line ("400 V and FKM").
  for (const line of [...draft.lines].reverse()) {
    const opts = optionsFor(ctx, line.sku);
    if (opts) return { calls: [{ name: "set_options", args: { lineId: line.lineId, options: opts } }], memo: memo() };
  }
  if (a.machine && draft.lines.length > 0 && ctx.tools.has("set_machine")) {
    return { calls: [{ name: "set_machine", args: { machineId: a.machine.machineId, ...(lineId ? { lineId } : {}) } }], memo: memo() };
  }
  if (a.machine) return find(ctx, a, memo, "info");
  if (cues.has("checkout")) return startCheckout(ctx, "place", memo);
  if (cues.has("show")) return startCheckout(ctx, "review", memo);
  if (a.quantity && focus && draft.lines.some((l) => l.sku === focus)) {
    const l = draft.lines.find((x) => x.sku === focus)!;
    const more = /\b(more|another|additional|extra|weitere|zusätzlich|noch)\b/i.test(conv.text);
    return { calls: [{ name: "update_line", args: { lineId: l.lineId, quantity: more ? l.quantity + a.quantity.value : a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) } }], memo: memo() };
  }
  if ((cues.has("price") || cues.has("stock") || cues.has("compat")) && !a.guess) {
    return { text: say(lang, "Which product do you mean? Give me the SKU or describe the part (and the machine it is for).", "Welchen Artikel meinen Sie? Nennen Sie mir die Artikelnummer oder beschreiben Sie das Teil (und die Maschine)."), memo: memo(conv.memo.pending) };
  }
  if (cues.has("greet")) return { text: say(lang, "Hello! ", "Guten Tag! ") + redirect(lang), memo: memo(conv.memo.pending) };
  if (cues.has("thanks")) return { text: say(lang, "You're welcome. Anything else for your order?", "Gern geschehen. Darf es noch etwas sein?"), memo: memo(conv.memo.pending) };
  if (a.productWords.length > 0 && !cues.has("help")) {
    return { text: say(lang, `I could not find "${a.productWords.join(" ")}" in the catalog. Could you give me a SKU or describe the part differently?`, `Ich habe „${a.productWords.join(" ")}“ im Katalog nicht gefunden. Haben Sie eine Artikelnummer oder eine andere Beschreibung?`), memo: memo() };
  }
  return { text: redirect(lang), memo: memo(conv.memo.pending) };
}

interface Analysis {
  quantity?: { value: number; unit?: string };
  machine?: MachineView;
  machineCandidates: MachineView[];
  guess?: ProductGuess;
  productWords: string[];
}

function analyse(ctx: Ctx, text = ctx.conv.text): Analysis {
  // One reading per text and decision: the same message is consulted by several branches.
  let a = ctx.analyses.get(text);
  if (!a) ctx.analyses.set(text, (a = readText(ctx, text)));
  return a;
}

function readText(ctx: Ctx, text: string): Analysis {
  const tokens = tokenizeText(stripCues(text));
  const machines = findMachines(tokens, ctx.conv.machines ?? []);
  const taken = new Set<number>(machines.flatMap((m) => m.tokens));
  // A model code of the catalog names a machine type even outside the installed base.
  const quantities = findQuantities(tokens, ctx.k, taken);
  for (const q of quantities) for (const i of q.tokens) taken.add(i);
  const machine = machines.length === 1 ? machines[0]!.machine : undefined;
  const contextId = ctx.conv.draft.machineId ?? contextMachine(ctx.conv.memo.pending, ctx.conv.draft);
  const draftMachine = contextId ? ctx.conv.machines?.find((m) => m.machineId === contextId) : undefined;
  const target = machine ?? draftMachine;
  const guess = guessProduct(tokens, taken, ctx.k, target ? { model: target.model, serial: target.serial } : undefined);
  const productWords = tokens.filter((t) => !taken.has(t.index)).map((t) => t.lower).filter((w) => w.length > 2 && !/^\d/.test(w));
  const q = quantities[0];
  return {
    ...(q ? { quantity: { value: q.value, ...(q.unit ? { unit: q.unit } : {}) } } : {}),
    ...(machine ? { machine } : {}),
    machineCandidates: machines.map((m) => m.machine),
    ...(guess ? { guess } : {}),
    productWords: guess ? [] : productWords.filter((w) => !ctxFiller(w) && !FILLER.has(w)),
  };
}

const ctxFiller = (w: string) => /^(the|and|for|with|what|how|can|you|please|bitte|und|für|mit|was|wie|hello|hallo|thanks|danke|order|bestellung|help|hilfe|today|heute|weather|wetter)$/.test(w);

/**
 * "Take the FKM one instead": the product of the same category whose name keeps most of the line's words and
 * carries the buyer's new ones (fitting the line's machine when it has one). Only when one candidate stands out.
 */
function variantOf(ctx: Ctx, line: { sku: string; machineId?: string }): string | undefined {
  const p = ctx.k.reader.products([line.sku]).get(line.sku);
  if (!p) return undefined;
  const old = new Set(wordsOf(p.name));
  const fresh = ctx.tokens.map((t) => t.lower).filter((w) => w.length > 1 && !FILLER.has(w) && !old.has(w) && !/^\d+$/.test(w));
  if (fresh.length === 0) return undefined;
  const machineId = line.machineId ?? ctx.conv.draft.machineId;
  const m = machineId ? ctx.conv.machines?.find((x) => x.machineId === machineId) : undefined;
  const hits = ctx.k.search.search({ query: fresh.join(" "), category: p.category, limit: 30, ...(m ? { machineModel: m.model, serial: m.serial } : {}) });
  const scored = hits
    .filter((h) => h.sku !== line.sku && h.lifecycle === "active")
    .map((h) => {
      const words = wordsOf(h.name);
      return { sku: h.sku, n: words.filter((w) => old.has(w)).length + 10 * fresh.filter((w) => words.some((x) => x.startsWith(w))).length - words.filter((w) => !old.has(w)).length * 0.1 };
    })
    .sort((x, y) => y.n - x.n);
  if (scored.length === 0) return undefined;
  if (scored.length > 1 && scored[0]!.n - scored[1]!.n < 1) return undefined;
  return scored[0]!.sku;
}

/** The machine the conversation was just about (a list for it, or a quantity asked for it). */
function contextMachine(p: Pending | undefined, draft?: DraftView): string | undefined {
  const asked = p && (p.kind === "choose_product" || p.kind === "quantity") ? p.machineId : undefined;
  return asked ?? draft?.lines.at(-1)?.machineId;
}

/** "Does X fit pump 1?" while a list is open: a new question, not a pick from the list. */
function isQuestionAboutOther(ctx: Ctx, pending: Pending): boolean {
  if (pending.kind === "confirm" || pending.kind === "options") return false;
  const asks = ["compat", "price", "stock", "info"].some((c) => ctx.cues.has(c as Cue));
  return asks && ctx.conv.text.includes("?") && pending.kind !== "quantity";
}

/** The draft line whose product name carries the buyer's words ("remove the o-rings"). */
function lineByWords(ctx: Ctx): string | undefined {
  const lines = ctx.conv.draft.lines;
  const words = ctx.tokens.map((t) => t.lower).filter((w) => w.length > 2 && !FILLER.has(w)).map((w) => w.replace(/(s|es|en|n)$/, ""));
  if (words.length === 0) return undefined;
  const products = ctx.k.reader.products(lines.map((l) => l.sku));
  const scored = lines.map((l) => {
    const name = wordsOf(`${products.get(l.sku)?.name ?? ""}`);
    return { id: l.lineId, n: words.filter((w) => name.some((x) => x.startsWith(w) || (x.length > 3 && w.startsWith(x)))).length };
  });
  const best = Math.max(...scored.map((x) => x.n));
  const top = scored.filter((x) => x.n === best);
  return best > 0 && top.length === 1 ? top[0]!.id : undefined;
}

/** The draft line the buyer points at: "line 2", a SKU/name in the order, or the last line. */
function targetLine(ctx: Ctx, a: Analysis): string | undefined {
  const lines = ctx.conv.draft.lines;
  if (lines.length === 0) return undefined;
  const ref = findLineRef(ctx.conv.text);
  if (ref && lines.some((l) => l.lineId === ref)) return ref;
  const text = ctx.conv.text.toLowerCase();
  const bySku = [...lines].sort((x, y) => y.sku.length - x.sku.length).find((l) => text.includes(l.sku.toLowerCase()));
  if (bySku) return bySku.lineId;
  if (a.guess) {
    const hit = lines.find((l) => a.guess!.hits.some((h) => h.sku === l.sku));
    if (hit) return hit.lineId;
  }
  const named = lineByWords(ctx);
  if (named) return named;
  if (lines.length === 1 || /\b(it|that|this|them|last|letzte\w*|das|die|es)\b/i.test(text)) return lines.at(-1)!.lineId;
  return undefined;
}

function optionsFor(ctx: Ctx, sku: string, groups?: string[]): Record<string, string[]> | undefined {
  const p = ctx.k.reader.products([sku]).get(sku);
  const model = p?.configModelId ? ctx.k.reader.configModel(p.configModelId) : undefined;
  if (!model) return undefined;
  const found = findOptions(ctx.conv.text, model, groups);
  return Object.keys(found).length ? found : undefined;
}

// ───────────────────────────── actions on one product ─────────────────────────────

function action(ctx: Ctx, kind: Action, sku: string, a: Analysis, memo: (p?: Pending, f?: string) => Memo, extra: { machineId?: string; quantity?: number; unit?: string; options?: Record<string, string[]> } = {}): Step {
  const { conv, lang, k } = ctx;
  const product = k.reader.products([sku]).get(sku);
  const machineId = extra.machineId ?? a.machine?.machineId ?? conv.draft.machineId;
  const quantity = extra.quantity ?? a.quantity?.value;
  const unit = extra.unit ?? a.quantity?.unit;
  const options = { ...(optionsFor(ctx, sku) ?? {}), ...(extra.options ?? {}) };
  const done = (name: string) => conv.results.find((r) => r.name === name && r.args.sku === sku);

  const needsMachine = (kind === "add" || kind === "compat") && dependsOnMachine(ctx, sku);
  if (needsMachine && !machineId) {
    const machines = conv.machines ?? [];
    const fitting = fittingMachines(ctx, sku, machines);
    const choices = a.machineCandidates.length > 1 ? a.machineCandidates : fitting.length ? fitting : machines;
    if (choices.length === 1 && kind === "add") return action(ctx, kind, sku, a, memo, { ...extra, machineId: choices[0]!.machineId });
    if (choices.length > 0) {
      const list = numbered(choices.map((m) => `${m.label}${m.site ? `, ${m.site}` : ""} — ${m.modelName} (${say(lang, "serial", "Serien-Nr.")} ${m.serial})`));
      return {
        text: say(lang, `${sku} depends on the machine. Which machine is it for?\n${list}`, `${sku} hängt von der Maschine ab. Für welche Maschine ist es?\n${list}`),
        memo: memo({ kind: "choose_machine", sku, action: kind, ...(quantity ? { quantity } : {}), ...(unit ? { unit } : {}), ...(Object.keys(options).length ? { options } : {}), machineIds: choices.map((m) => m.machineId) }, sku),
      };
    }
  }

  switch (kind) {
    case "add": {
      const q = quantity ?? product?.moq ?? 1;
      // The same product for the same machine is already a line: change its quantity ("3 more" adds to it).
      const existing = conv.draft.lines.find((l) => l.sku === sku && (l.machineId ?? conv.draft.machineId) === machineId && !Object.keys(options).length);
      if (existing && quantity) {
        const more = /\b(more|another|additional|extra|weitere|zusätzlich|noch)\b/i.test(conv.text);
        return { calls: [{ name: "update_line", args: { lineId: existing.lineId, quantity: more ? existing.quantity + quantity : quantity, ...(unit ? { unit } : {}) } }], memo: memo(undefined, sku) };
      }
      return {
        calls: [{ name: "add_line", args: { sku, quantity: q, ...(unit ? { unit } : {}), ...(Object.keys(options).length ? { options } : {}), ...(machineId ? { machineId } : {}) } }],
        memo: memo(undefined, sku),
      };
    }
    case "price": {
      const r = done("get_price");
      if (!r) return { calls: [{ name: "get_price", args: { sku, quantity: quantity ?? product?.moq ?? 1 } }], memo: memo(undefined, sku) };
      if (r.error) return { text: errorText(r, lang), memo: memo(undefined, sku) };
      const d = r.data as LineFacts & { currency?: string };
      const text = say(
        lang,
        `Your price for ${qty(d.quantity, d.unit)} × ${sku}: ${money(d.unitPriceCents, d.currency, lang)} each (${sourceText(d.priceSource, lang)}), ${money(d.amountCents, d.currency, lang)} in total. Shall I add it to your order?`,
        `Ihr Preis für ${qty(d.quantity, d.unit)} × ${sku}: ${money(d.unitPriceCents, d.currency, lang)} je Einheit (${sourceText(d.priceSource, lang)}), gesamt ${money(d.amountCents, d.currency, lang)}. Soll ich es in die Bestellung übernehmen?`,
      );
      return { text, memo: memo({ kind: "quantity", sku, ...(machineId ? { machineId } : {}) }, sku) };
    }
    case "stock": {
      const r = done("check_stock");
      if (!r) return { calls: [{ name: "check_stock", args: { sku, quantity: quantity ?? product?.moq ?? 1 } }], memo: memo(undefined, sku) };
      if (r.error) return { text: errorText(r, lang), memo: memo(undefined, sku) };
      const d = r.data as LineFacts;
      const when = scheduleText(d, lang);
      const issues = (d.issues ?? []).filter((i) => i.severity === "block").map((i) => i.message);
      const text = say(
        lang,
        `${qty(d.quantity, d.unit)} × ${sku}: ${when || "no date available"}.${issues.length ? ` ${issues.join(" ")}` : ""} Shall I add it to your order?`,
        `${qty(d.quantity, d.unit)} × ${sku}: ${when || "kein Termin verfügbar"}.${issues.length ? ` ${issues.join(" ")}` : ""} Soll ich es in die Bestellung übernehmen?`,
      );
      return { text, memo: memo({ kind: "quantity", sku, ...(machineId ? { machineId } : {}) }, sku) };
    }
    case "compat": {
      if (!machineId) {
        return { text: say(lang, `Which machine should I check ${sku} against?`, `Gegen welche Maschine soll ich ${sku} prüfen?`), memo: memo(undefined, sku) };
      }
      const r = conv.results.find((x) => x.name === "check_compatibility" && x.args.sku === sku);
      if (!r) return { calls: [{ name: "check_compatibility", args: { sku, machineId } }], memo: memo(undefined, sku) };
      if (r.error) return { text: errorText(r, lang), memo: memo(undefined, sku) };
      const m = conv.machines?.find((x) => x.machineId === machineId);
      const issues = (r.data.issues as IssueFacts[] | undefined) ?? [];
      if (r.data.compatible) {
        const warn = issues.filter((i) => i.severity !== "block").map((i) => i.message);
        return {
          text: say(lang, `Yes — ${sku} fits ${machineName(m, machineId)}.${warn.length ? ` Note: ${warn.join(" ")}` : ""} How many do you need?`, `Ja — ${sku} passt zu ${machineName(m, machineId)}.${warn.length ? ` Hinweis: ${warn.join(" ")}` : ""} Wie viele benötigen Sie?`),
          memo: memo({ kind: "quantity", sku, machineId }, sku),
        };
      }
      const block = issues.find((i) => i.severity === "block");
      const alts = expandFixes(block?.fixes ?? []).filter((f) => f.kind === "replace_sku");
      const altText = alts.length ? `\n${say(lang, "Alternatives that fit:", "Passende Alternativen:")}\n${numbered(alts.map((f) => fixText(f, lang)))}` : "";
      return {
        text: say(lang, `No — ${sku} does not fit ${machineName(m, machineId)}: ${block?.message ?? ""}${altText}`, `Nein — ${sku} passt nicht zu ${machineName(m, machineId)}: ${block?.message ?? ""}${altText}`),
        memo: alts.length ? memo({ kind: "choose_product", skus: alts.map((f) => (f as { sku: string }).sku), action: "add", machineId, ...(quantity ? { quantity } : {}) }, sku) : memo(undefined, sku),
      };
    }
    case "info": {
      const r = done("get_product");
      if (!r) return { calls: [{ name: "get_product", args: { sku } }], memo: memo(undefined, sku) };
      if (r.error) return { text: errorText(r, lang), memo: memo(undefined, sku) };
      return { text: productText(r.data.data as Record<string, unknown>, lang), memo: memo({ kind: "quantity", sku, ...(machineId ? { machineId } : {}) }, sku) };
    }
  }
}

function dependsOnMachine(ctx: Ctx, sku: string): boolean {
  const fit = ctx.k.reader.fitment([sku]).get(sku);
  if (fit && fit.length > 0) return true;
  const p = ctx.k.reader.products([sku]).get(sku);
  if (!p || p.machineModel) return false;
  return ctx.k.reader.compatRules().some((r) => r.scope === "machine" && r.category === p.category && r.severity === "block");
}

function fittingMachines(ctx: Ctx, sku: string, machines: MachineView[]): MachineView[] {
  const fit = ctx.k.reader.fitment([sku]).get(sku) ?? [];
  if (fit.length === 0) return machines;
  return machines.filter((m) => fit.some((f) => f.machineModel === m.model && (!f.serialFrom || m.serial >= f.serialFrom) && (!f.serialTo || m.serial <= f.serialTo)));
}

function find(ctx: Ctx, a: Analysis, memo: (p?: Pending, f?: string) => Memo, next: Action): Step {
  const { conv, lang } = ctx;
  const last = conv.memo.pending?.kind === "choose_product" ? conv.memo.pending : undefined;
  // "What about for pump 4?": the same search, now for that machine.
  const query = a.guess?.query ?? (a.machine && last?.query ? last.query : "*");
  const machineId = a.machine?.machineId ?? conv.draft.machineId ?? contextMachine(conv.memo.pending, conv.draft);
  const r = conv.results.find((x) => x.name === "search_catalog");
  if (!r) return { calls: [{ name: "search_catalog", args: { query, ...(machineId ? { machineId } : {}), limit: 5 } }], memo: memo() };
  let hits = ((r.data.data as { sku: string; name: string; lifecycle?: string; successorSku?: string; fitsMachine?: boolean }[] | undefined) ?? []).slice(0, 5);
  if (hits.length === 0) {
    return { text: say(lang, `I found nothing for "${query}". Could you describe it differently or give a SKU?`, `Zu „${query}“ habe ich nichts gefunden. Können Sie es anders beschreiben oder eine Artikelnummer nennen?`), memo: memo() };
  }
  // For a machine, check every candidate against it (operating data, not only fitment): what fits comes first,
  // what does not says why in a few words.
  const verdicts = new Map<string, { ok: boolean; why?: string }>();
  if (machineId && ctx.tools.has("check_compatibility")) {
    const checks = conv.results.filter((x) => x.name === "check_compatibility" && x.args.machineId === machineId);
    if (checks.length === 0) return { calls: hits.map((h) => ({ name: "check_compatibility", args: { sku: h.sku, machineId } })), memo: memo() };
    for (const c of checks) {
      const issues = (c.data.issues as IssueFacts[] | undefined) ?? [];
      const block = issues.find((i) => i.severity === "block");
      verdicts.set(String(c.args.sku), { ok: c.data.compatible === true, ...(block ? { why: block.message.split(/[.(]/)[0]!.trim() } : {}) });
    }
    hits = [...hits].sort((x, y) => Number(verdicts.get(y.sku)?.ok ?? false) - Number(verdicts.get(x.sku)?.ok ?? false));
  }
  const mark = (h: { sku: string; fitsMachine?: boolean }) => {
    const v = verdicts.get(h.sku);
    if (v) return v.ok ? say(lang, " ✓ fits", " ✓ passt") : ` ✗ ${v.why ?? say(lang, "does not fit", "passt nicht")}`;
    return h.fitsMachine ? say(lang, " ✓ fits", " ✓ passt") : "";
  };
  const m = machineId ? conv.machines?.find((x) => x.machineId === machineId) : undefined;
  const prev = conv.memo.pending?.kind === "choose_product" ? conv.memo.pending : undefined;
  const quantity = a.quantity ?? (prev?.quantity ? { value: prev.quantity, ...(prev.unit ? { unit: prev.unit } : {}) } : undefined);
  const list = numbered(hits.map((h) => `${h.sku} — ${h.name}${h.lifecycle === "discontinued" ? say(lang, ` (discontinued${h.successorSku ? `, successor ${h.successorSku}` : ""})`, ` (ausgelaufen${h.successorSku ? `, Nachfolger ${h.successorSku}` : ""})`) : ""}${mark(h)}`));
  const head = m
    ? say(lang, `For ${machineName(m, m.machineId)} (${m.modelName}) I found:`, `Für ${machineName(m, m.machineId)} (${m.modelName}) habe ich gefunden:`)
    : say(lang, "I found:", "Gefunden:");
  const ask = quantity
    ? say(lang, "Which one would you like?", "Welchen Artikel möchten Sie?")
    : say(lang, "Which one would you like, and how many?", "Welchen Artikel möchten Sie, und wie viele?");
  return {
    text: `${head}\n${list}\n${ask}`,
    memo: memo({ kind: "choose_product", skus: hits.map((h) => h.sku), ...(query !== "*" ? { query } : {}), action: next === "info" && (quantity || prev?.action === "add") ? "add" : next, ...(machineId ? { machineId } : {}), ...(quantity ? { quantity: quantity.value, ...(quantity.unit ? { unit: quantity.unit } : {}) } : {}) }),
  };
}

function multiAdd(ctx: Ctx): Step | undefined {
  const parts = ctx.conv.text.split(/\s*(?:,|;|\n|\band\b|\bund\b|\bplus\b|\bsowie\b)\s*/i).filter((p) => p.trim());
  if (parts.length < 2) return undefined;
  const items: { sku: string; quantity?: number; unit?: string }[] = [];
  for (const part of parts) {
    const a = analyse(ctx, part);
    if (a.guess?.confident && a.quantity) items.push({ sku: a.guess.hits[0]!.sku, quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) });
  }
  if (items.length < 2) return undefined;
  const whole = analyse(ctx, ctx.conv.text);
  const machineId = whole.machine?.machineId ?? ctx.conv.draft.machineId;
  return {
    calls: items.map((i) => ({ name: "add_line", args: { sku: i.sku, quantity: i.quantity, ...(i.unit ? { unit: i.unit } : {}), ...(machineId ? { machineId } : {}) } })),
    memo: { lang: ctx.lang },
  };
}

function fromHistory(ctx: Ctx, a: Analysis, memo: (p?: Pending, f?: string) => Memo): Step {
  const rows = (ctx.conv.history ?? []) as { orderId: string; orderedAt: string; sku: string; quantity: number; machineId: string | null }[];
  let pick = rows;
  if (a.machine) pick = pick.filter((r) => r.machineId === a.machine!.machineId);
  if (a.guess) pick = pick.filter((r) => a.guess!.hits.some((h) => h.sku === r.sku)).slice(0, 1).concat([]);
  if (pick.length === 0) {
    return { text: say(ctx.lang, "I found no earlier order matching that.", "Dazu habe ich keine frühere Bestellung gefunden."), memo: memo() };
  }
  // The most recent order among the matches, all its matching lines.
  const latest = [...pick].sort((x, y) => (x.orderedAt < y.orderedAt ? 1 : x.orderedAt > y.orderedAt ? -1 : 0))[0]!;
  const lines = pick.filter((r) => r.orderId === latest.orderId);
  return {
    calls: lines.map((l) => ({ name: "add_line", args: { sku: l.sku, quantity: a.quantity?.value ?? l.quantity, ...(l.machineId ? { machineId: l.machineId } : {}) } })),
    memo: memo(),
  };
}

// ───────────────────────────── answers to the model's own questions ─────────────────────────────

function answerPending(ctx: Ctx, pending: Pending, memo: (p?: Pending, f?: string) => Memo): Step | undefined {
  const { cues, conv } = ctx;
  const choice = findChoice(ctx.tokens);
  const yes = cues.has("yes") && !cues.has("no");
  const pick = <T,>(list: T[]): T | undefined => (choice === undefined ? (yes && list.length === 1 ? list[0] : undefined) : choice === -1 ? list.at(-1) : list[choice - 1]);
  switch (pending.kind) {
    case "confirm":
      if (yes || cues.has("checkout")) return startCheckout(ctx, "place", memo);
      return undefined;
    case "choose_product": {
      const a = analyse(ctx);
      // The longest SKU the text contains ("…-230-3" is not "…-230").
      const mentioned = [...pending.skus].sort((x, y) => y.length - x.length).find((s) => conv.text.toLowerCase().includes(s.toLowerCase())) ?? byWords(ctx, pending.skus);
      const other = !mentioned && a.guess?.confident && a.guess.hits[0]!.match === "sku_exact" ? a.guess.hits[0]!.sku : undefined;
      const sku = mentioned ?? other ?? pick(pending.skus);
      if (!sku) return undefined;
      // A bare "2" picked the second entry; it is not also a quantity.
      const digitPick = choice !== undefined && !mentioned && !other && a.quantity?.value === choice && ctx.tokens.filter((t) => /^\d/.test(t.lower)).length === 1;
      const qty = digitPick ? undefined : a.quantity;
      const act: Action = qty || cues.has("add") ? "add" : pending.action;
      return action(ctx, act, sku, { ...a, ...(qty ? {} : { quantity: undefined }) }, memo, {
        ...(pending.machineId ? { machineId: pending.machineId } : {}),
        ...(qty ? { quantity: qty.value, ...(qty.unit ? { unit: qty.unit } : {}) } : pending.quantity ? { quantity: pending.quantity, ...(pending.unit ? { unit: pending.unit } : {}) } : {}),
        ...(pending.options ? { options: pending.options } : {}),
      });
    }
    case "choose_machine": {
      const a = analyse(ctx);
      const machines = (conv.machines ?? []).filter((m) => pending.machineIds.includes(m.machineId));
      const machine = (a.machine && pending.machineIds.includes(a.machine.machineId) ? a.machine : undefined) ?? pick(machines);
      if (!machine) return undefined;
      return action(ctx, pending.action, pending.sku, a, memo, {
        machineId: machine.machineId,
        ...(a.quantity ? { quantity: a.quantity.value } : pending.quantity ? { quantity: pending.quantity } : {}),
        ...(pending.unit ? { unit: pending.unit } : {}),
        ...(pending.options ? { options: pending.options } : {}),
      });
    }
    case "fixes": {
      const text = conv.text.toLowerCase();
      const bySku = [...pending.fixes]
        .sort((x, y) => ("sku" in y ? y.sku.length : 0) - ("sku" in x ? x.sku.length : 0))
        .find((f) => (f.kind === "replace_sku" || f.kind === "add_line") && text.includes(f.sku.toLowerCase()));
      const byValue = pending.fixes.find((f) => f.kind === "set_option" && f.values.some((v) => new RegExp(`\\b${v.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(text)));
      const fix = bySku ?? byValue ?? (choice !== undefined ? pick(pending.fixes) : yes ? pending.fixes[0] : undefined);
      if (!fix) return undefined;
      const call = fixCall(fix, conv.draft);
      return call ? { calls: [call], memo: memo() } : { text: say(ctx.lang, "OK, noted.", "In Ordnung."), memo: memo() };
    }
    case "options": {
      const opts = optionsFor(ctx, pending.sku, pending.groups) ?? optionsFor(ctx, pending.sku);
      if (opts) return { calls: [{ name: "set_options", args: { lineId: pending.lineId, options: opts } }], memo: memo() };
      return undefined;
    }
    case "quantity": {
      const a = analyse(ctx);
      if (a.guess?.confident && a.guess.hits[0]!.sku !== pending.sku) return undefined;
      const extra = { ...(pending.machineId ? { machineId: pending.machineId } : {}), ...(a.quantity ? { quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) } : {}) };
      const question = conv.text.includes("?") || !cues.has("add");
      if (cues.has("stock") && question) return action(ctx, "stock", pending.sku, a, memo, extra);
      if (cues.has("price") && question) return action(ctx, "price", pending.sku, a, memo, extra);
      if (cues.has("compat")) return action(ctx, "compat", pending.sku, a, memo, extra);
      if (a.quantity || yes) {
        return action(ctx, "add", pending.sku, a, memo, {
          ...(pending.machineId ? { machineId: pending.machineId } : {}),
          ...(a.quantity ? { quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) } : {}),
          ...(pending.options ? { options: pending.options } : {}),
        });
      }
      return undefined;
    }
  }
}

/** The one candidate whose name carries the most of the buyer's words ("the EPDM one"), if one stands out. */
function byWords(ctx: Ctx, skus: string[]): string | undefined {
  const words = ctx.tokens.map((t) => t.lower).filter((w) => w.length > 1 && !FILLER.has(w));
  if (words.length === 0) return undefined;
  const products = ctx.k.reader.products(skus);
  const scored = skus.map((sku) => {
    const p = products.get(sku);
    const have = new Set(wordsOf(`${sku} ${p?.name ?? ""}`));
    return { sku, n: words.filter((w) => have.has(w)).length };
  });
  const best = Math.max(...scored.map((s) => s.n));
  const top = scored.filter((s) => s.n === best);
  return best > 0 && top.length === 1 ? top[0]!.sku : undefined;
}

function fixCall(f: Fix, draft: DraftView): ToolCallPlan | undefined {
  switch (f.kind) {
    case "replace_sku":
      return { name: "update_line", args: { lineId: f.lineId, sku: f.sku } };
    case "set_quantity":
      return { name: "update_line", args: { lineId: f.lineId, quantity: f.quantity, ...(f.unit ? { unit: f.unit } : {}) } };
    case "set_option":
      return { name: "set_options", args: { lineId: f.lineId, options: { [f.group]: f.values } } };
    case "add_line": {
      const machineId = f.machineId ?? draft.machineId;
      return { name: "add_line", args: { sku: f.sku, quantity: f.quantity, ...(machineId ? { machineId } : {}) } };
    }
    case "remove_line":
      return { name: "remove_line", args: { lineId: f.lineId } };
    case "set_machine":
      return { name: "update_line", args: { lineId: f.lineId, machineId: f.machineId } };
    case "set_requested_date":
      return { name: "set_order_details", args: { requestedDate: f.date } };
    case "set_ship_to":
      return { name: "set_order_details", args: { shipToId: f.shipToId } };
    case "accept_split":
      return undefined;
  }
}

// ───────────────────────────── phrasing tool results ─────────────────────────────

function afterEdits(ctx: Ctx, edits: ToolResult[], memo: (p?: Pending, f?: string) => Memo): Step {
  const { lang, conv } = ctx;
  const out: string[] = [];
  let pending: Pending | undefined;
  let focus: string | undefined;
  for (const r of edits) {
    if (r.error) {
      out.push(errorText(r, lang));
      continue;
    }
    const d = r.data;
    if (d.cleared) {
      out.push(say(lang, "Done — your order is empty now. What do you need?", "Erledigt — Ihre Bestellung ist jetzt leer. Was benötigen Sie?"));
      continue;
    }
    if (d.removed) {
      out.push(say(lang, `Removed line ${String(d.removed)}.`, `Position ${String(d.removed)} entfernt.`));
      continue;
    }
    const line = d.line as LineFacts | undefined;
    if (!line) {
      if (r.name === "set_machine") {
        const m = conv.machines?.find((x) => x.machineId === d.machineId);
        out.push(say(lang, `The order is now for ${machineName(m, String(d.machineId))}.`, `Die Bestellung gilt jetzt für ${machineName(m, String(d.machineId))}.`));
      } else if (r.name === "set_order_details") {
        const dv = (d.draft ?? {}) as DraftView;
        const parts = [
          r.args.poReference !== undefined ? say(lang, `PO reference ${dv.poReference}`, `Bestellreferenz ${dv.poReference}`) : "",
          r.args.requestedDate !== undefined ? say(lang, `requested delivery date ${dv.requestedDate}`, `Wunschtermin ${dv.requestedDate}`) : "",
          r.args.shipToId !== undefined ? say(lang, `ship-to ${dv.shipToId}`, `Lieferadresse ${dv.shipToId}`) : "",
        ].filter(Boolean);
        out.push(say(lang, `Noted: ${parts.join(", ")}.`, `Notiert: ${parts.join(", ")}.`));
        // A requested date the stock cannot meet shows up as a warning on the lines.
        const late = ((d.lines ?? []) as LineFacts[]).flatMap((l) => l.issues ?? []);
        for (const i of late) out.push(`ℹ ${i.message}`);
      } else out.push(say(lang, "Updated.", "Aktualisiert."));
      continue;
    }
    focus = line.sku;
    const verb = d.added ? say(lang, "Added", "Hinzugefügt") : say(lang, "Updated", "Geändert");
    const draftLine = (d.draft as DraftView | undefined)?.lines?.find((l) => l.lineId === line.lineId);
    const machineId = draftLine?.machineId ?? (d.draft as DraftView | undefined)?.machineId;
    const forMachine = machineId ? say(lang, ` for ${machineName(conv.machines?.find((m) => m.machineId === machineId), machineId)}`, ` für ${machineName(conv.machines?.find((m) => m.machineId === machineId), machineId)}`) : "";
    out.push(`${verb} ${lineSummary(line, d.currency, lang)}${forMachine}.`);
    const issues = line.issues ?? [];
    const missing = issues.filter((i) => i.code === "config.missing_choice" || i.code === "config.too_many_choices");
    const block = issues.find((i) => i.severity === "block" && !missing.includes(i));
    if (block) {
      const fixes = expandFixes([...similarFitting(ctx, line, draftLine?.machineId ?? (d.draft as DraftView | undefined)?.machineId, block), ...(block.fixes ?? [])]);
      out.push(`⚠ ${block.message}`);
      if (fixes.length) {
        out.push(`${say(lang, "What would you like to do?", "Wie möchten Sie verfahren?")}\n${numbered(fixes.map((f) => fixText(f, lang, conv.machines)))}`);
        pending ??= { kind: "fixes", lineId: line.lineId ?? "", fixes };
      }
    } else if (missing.length) {
      const groups = groupOptionFixes(missing.flatMap((i) => i.fixes ?? []));
      const asks = groups.map((f) => `${groupLabel(ctx, line.sku ?? "", f.group)}: ${f.values.join(" / ")}`);
      out.push(say(lang, `To complete the configuration, please choose:\n${asks.join("\n")}`, `Für eine vollständige Konfiguration wählen Sie bitte:\n${asks.join("\n")}`));
      pending ??= { kind: "options", lineId: line.lineId ?? "", sku: line.sku ?? "", groups: groups.map((g) => g.group) };
    } else {
      const warn = issues.filter((i) => i.severity !== "block");
      for (const w of warn) out.push(`ℹ ${w.message}`);
      const approval = issues.some((i) => i.severity === "approval");
      if (approval) out.push(say(lang, "This needs a sales representative's approval before it can ship.", "Dafür ist eine Freigabe durch den Vertrieb nötig."));
    }
  }
  const last = edits.at(-1)!.data;
  if (!pending && last && typeof last.totals === "object" && last.totals) {
    const t = last.totals as { netCents?: number; lines?: number };
    const clean = last.orderClean === true;
    out.push(
      say(
        lang,
        `Order so far: ${t.lines ?? 0} line(s), ${money(t.netCents, last.currency, lang)}${clean ? "" : " (not yet complete)"}. Anything else, or shall I place the order?`,
        `Bestellung bisher: ${t.lines ?? 0} Position(en), ${money(t.netCents, last.currency, lang)}${clean ? "" : " (noch nicht vollständig)"}. Noch etwas, oder soll ich bestellen?`,
      ),
    );
  }
  return { text: out.join("\n"), memo: memo(pending, focus) };
}

/**
 * For a line that does not fit its machine: products named like it that the machine's fitment lists (e.g. the
 * 28 mm version of a 24 mm seal), found through the search index. The engine re-checks whatever the buyer picks.
 */
function similarFitting(ctx: Ctx, line: LineFacts, machineId: string | undefined, block: IssueFacts): Fix[] {
  if (!machineId || !block.code.startsWith("compat.") || !line.sku || !line.lineId) return [];
  const m = ctx.conv.machines?.find((x) => x.machineId === machineId);
  const p = ctx.k.reader.products([line.sku]).get(line.sku);
  if (!m || !p) return [];
  const words = tokenizeText(p.name).map((t) => t.lower).filter((w) => !/\d/.test(w) && w.length > 2 && !FILLER.has(w));
  const hits = ctx.k.search.search({ query: words.join(" "), machineModel: m.model, serial: m.serial, category: p.category, limit: 10 });
  const have = new Set(words);
  return hits
    .filter((h) => h.sku !== line.sku && h.lifecycle === "active" && h.fitsExplicitly)
    .map((h) => ({ h, n: tokenizeText(h.name).filter((t) => have.has(t.lower)).length }))
    .sort((a, b) => b.n - a.n)
    .slice(0, 2)
    .map(({ h }) => ({ kind: "replace_sku" as const, lineId: line.lineId!, sku: h.sku, reason: say(ctx.lang, `${h.name}, fits ${m.label}`, `${h.name}, passt zu ${m.label}`) }));
}

/** Option fixes merged per group, values in the engine's order. */
function groupOptionFixes(fixes: Fix[]): { group: string; values: string[] }[] {
  const by = new Map<string, string[]>();
  for (const f of fixes) {
    if (f.kind !== "set_option") continue;
    const list = by.get(f.group) ?? [];
    for (const v of f.values) if (!list.includes(v)) list.push(v);
    by.set(f.group, list);
  }
  return [...by].map(([group, values]) => ({ group, values }));
}

function groupLabel(ctx: Ctx, sku: string, group: string): string {
  const p = ctx.k.reader.products([sku]).get(sku);
  const model = p?.configModelId ? ctx.k.reader.configModel(p.configModelId) : undefined;
  const g = model?.groups.find((x) => x.code === group);
  return g ? `${g.label}` : group;
}

function startCheckout(ctx: Ctx, kind: "review" | "place", memo: (p?: Pending, f?: string) => Memo): Step {
  if (ctx.conv.draft.lines.length === 0) {
    return { text: say(ctx.lang, "Your order is empty — what would you like to order?", "Ihre Bestellung ist noch leer — was möchten Sie bestellen?"), memo: memo() };
  }
  void kind;
  // Always review first: the buyer sees the summary with totals before the confirmation is asked.
  return { calls: [{ name: "review_order", args: {} }], memo: memo(kind === "place" ? { kind: "confirm" } : undefined) };
}

function afterCheckout(ctx: Ctx, r: ToolResult, memo: (p?: Pending, f?: string) => Memo): Step {
  const { lang, conv } = ctx;
  if (r.error) return { text: errorText(r, lang), memo: memo() };
  const report = r.data.report as {
    clean: boolean;
    needsApproval: boolean;
    currency: string;
    totals: { netCents: number; lines: number };
    promiseDate?: string;
    issues: IssueFacts[];
    data: { lines: LineFacts[] };
  };
  const lines = report.data?.lines ?? [];
  const summary = lines.map((l) => `• ${lineSummary(l, report.currency, lang)}`).join("\n");
  const total = say(lang, `Total: ${money(report.totals.netCents, report.currency, lang)}${report.promiseDate ? `, complete delivery by ${report.promiseDate}` : ""}.`, `Summe: ${money(report.totals.netCents, report.currency, lang)}${report.promiseDate ? `, vollständige Lieferung bis ${report.promiseDate}` : ""}.`);
  const wantsPlace = ctx.cues.has("checkout") || conv.memo.pending?.kind === "confirm" || ctx.cues.has("yes");
  if (r.name === "place_order" && report.clean) {
    return { text: say(lang, "Please confirm the order.", "Bitte bestätigen Sie die Bestellung."), memo: memo({ kind: "confirm" }) };
  }
  if (report.clean) {
    const warnings = [...report.issues, ...lines.flatMap((l) => l.issues ?? [])].filter((i) => i.severity !== "block").map((i) => `ℹ ${i.message}`);
    const approval = report.needsApproval ? `\n${say(lang, "This order needs a sales representative's approval after you confirm.", "Diese Bestellung braucht nach Ihrer Bestätigung eine Freigabe durch den Vertrieb.")}` : "";
    const head = say(lang, "Your order:", "Ihre Bestellung:");
    const body = `${head}\n${summary}\n${total}${warnings.length ? `\n${warnings.join("\n")}` : ""}${approval}`;
    if (wantsPlace && ctx.tools.has("place_order") && r.name === "review_order") {
      return { text: `${body}\n${say(lang, "Please confirm to place it.", "Bitte bestätigen Sie, um sie aufzugeben.")}`, calls: [{ name: "place_order", args: {} }], memo: memo({ kind: "confirm" }) };
    }
    return { text: `${body}\n${say(lang, "Shall I place it?", "Soll ich sie aufgeben?")}`, memo: memo({ kind: "confirm" }) };
  }
  // Blocked: the first blocking issue in one sentence, its fixes as choices.
  const lineBlock = lines.flatMap((l) => (l.issues ?? []).filter((i) => i.severity === "block").map((i) => ({ l, i })))[0];
  const orderBlock = report.issues.find((i) => i.severity === "block");
  const block = lineBlock?.i ?? orderBlock;
  const fixes = expandFixes(block?.fixes ?? []);
  const others = lines.flatMap((l) => (l.issues ?? []).filter((i) => i.severity === "block")).length + report.issues.filter((i) => i.severity === "block").length - 1;
  const text = [
    `${say(lang, "Your order:", "Ihre Bestellung:")}\n${summary}\n${total}`,
    `⚠ ${say(lang, "It cannot be placed yet", "Sie kann noch nicht aufgegeben werden")}: ${block?.message ?? ""}${others > 0 ? say(lang, ` (and ${others} more issue(s))`, ` (und ${others} weitere(s) Problem(e))`) : ""}`,
    fixes.length ? `${say(lang, "What would you like to do?", "Wie möchten Sie verfahren?")}\n${numbered(fixes.map((f) => fixText(f, lang, conv.machines)))}` : "",
  ].filter(Boolean).join("\n");
  return { text, memo: memo(fixes.length ? { kind: "fixes", lineId: lineBlock?.l.lineId ?? "", fixes } : undefined) };
}

function productText(p: Record<string, unknown>, lang: Lang): string {
  const features = (p.features ?? {}) as Record<string, unknown>;
  const feats = Object.entries(features).slice(0, 6).map(([key, v]) => `${key}: ${Array.isArray(v) ? v.join(", ") : String(v)}`).join("; ");
  const life = p.lifecycle === "discontinued" ? say(lang, ` Discontinued${p.successorSku ? `; successor ${String(p.successorSku)}` : ""}.`, ` Ausgelaufen${p.successorSku ? `; Nachfolger ${String(p.successorSku)}` : ""}.`) : "";
  const units = `${say(lang, "order unit", "Bestelleinheit")} ${String(p.orderUnit)}${Number(p.contentQty) > 1 ? ` (${String(p.contentQty)} ${String(p.contentUnit)})` : ""}, MOQ ${String(p.moq)}`;
  return `${String(p.sku)} — ${String(p.name)}. ${feats ? `${feats}. ` : ""}${units}.${life} ${say(lang, "How many do you need?", "Wie viele benötigen Sie?")}`;
}

function sourceText(source: unknown, lang: Lang): string {
  return source === "contract" ? say(lang, "contract price", "Vertragspreis") : source === "price_list" ? say(lang, "price list", "Preisliste") : say(lang, "list price", "Listenpreis");
}

function errorText(r: ToolResult, lang: Lang): string {
  const d = r.data;
  const dym = Array.isArray(d.didYouMean) && d.didYouMean.length ? say(lang, ` Did you mean ${(d.didYouMean as string[]).join(", ")}?`, ` Meinten Sie ${(d.didYouMean as string[]).join(", ")}?`) : "";
  return say(lang, `That did not work: ${String(d.error ?? "error")}.${dym}`, `Das hat nicht geklappt: ${String(d.error ?? "Fehler")}.${dym}`);
}

function refusal(kind: "attack_identity" | "attack_checks" | "attack_price" | "attack_injection", lang: Lang): string {
  switch (kind) {
    case "attack_identity":
      return say(lang, "I can only order for your own company account — the one you are signed in with. Another customer needs to order through their own account.", "Ich kann nur für Ihr eigenes Firmenkonto bestellen — das, mit dem Sie angemeldet sind. Andere Kunden bestellen über ihr eigenes Konto.");
    case "attack_checks":
      return say(lang, "I can't skip or switch off any check: every order is validated (fit, stock, price, credit) before it goes out, whoever asks. Exceptions are decided by your sales representative.", "Ich kann keine Prüfung überspringen: Jede Bestellung wird vor dem Versand geprüft (Passung, Bestand, Preis, Kredit), egal wer fragt. Ausnahmen entscheidet Ihr Vertriebsansprechpartner.");
    case "attack_price":
      return say(lang, "I can't change prices: your price comes from your contract and price list. If you need a better price, your sales representative can look at a discount request.", "Preise kann ich nicht ändern: Ihr Preis kommt aus Ihrem Vertrag und Ihrer Preisliste. Für einen besseren Preis kann Ihr Vertriebsansprechpartner eine Rabattanfrage prüfen.");
    case "attack_injection":
      return say(lang, "I'll stick to helping with your order: finding parts, checking fit, stock and prices, and placing the order once you confirm it. What do you need?", "Ich bleibe bei Ihrer Bestellung: Teile finden, Passung, Bestand und Preise prüfen und nach Ihrer Bestätigung bestellen. Was benötigen Sie?");
  }
}
