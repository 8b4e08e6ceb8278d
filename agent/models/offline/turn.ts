/**
 * One decision of the offline consultant: given the conversation (derived from the messages) and the catalog,
 * either call tools or answer. A buyer turn is a short script — e.g. "add": resolve product and machine, call
 * add_line, then phrase the engine's verdict — and each model call advances it by looking at which tool results
 * of this turn are already there. Deterministic: same messages, same step.
 */
import type { Conversation, Memo, Pending, RestItem, ToolResult } from "./conversation.ts";
import type { Understanding } from "./nlu/understand.ts";
import {
  findOptions,
  guessProduct,
  orderReferences,
  tokenizeText,
  unknownCodes,
  wordsOf,
  type Knowledge,
} from "./recognise.ts";
import { hasMarker, markerWords } from "./nlu/evidence.ts";
import { trainingDocuments } from "./nlu/corpus.ts";
import { foldUmlauts } from "./nlu/subwords.ts";
import {
  analyse,
  compoundHead,
  nameNames,
  type CheckoutPolicy,
  type Ctx,
  type Step,
  type ToolCallPlan,
} from "./context.ts";
import { FILLER } from "./language.ts";
import { cuesOf, INTENT_THRESHOLD } from "./nlu/understand.ts";
import { say } from "./replies.ts";
import { echoesConfirm, poolAnswers, transition, transitionItem } from "./dialogue.ts";
import { afterCheckout, afterEdits, refusal } from "./phrasing.ts";
import { oddQuantities, oddQuantityQuestion } from "./odd-quantities.ts";
import { monthsIn, namesUsualOrder } from "./month-order.ts";
import { EACH_ITEM, multiAdd } from "./actions.ts";
import { WITHOUT } from "./destructive.ts";

export type { Step, ToolCallPlan } from "./context.ts";

/** Tools that read products for the words of the message (their answers are about the item they were asked for). */
const PRODUCT_READS = new Set(["search_catalog", "check_compatibility"]);
const DRAFT_TOOLS = new Set([
  "add_line",
  "update_line",
  "remove_line",
  "set_options",
  "set_machine",
  "set_order_details",
  "clear_draft",
]);

export function decide(
  whole: Conversation,
  k: Knowledge,
  tools: Set<string>,
  understood: Understanding,
  checkout: CheckoutPolicy = "when-ready",
): Step {
  const lang = understood.lang;
  const u = dropsLine(whole, k, understood)
    ? asRemoval(understood, whole.text)
    : choosesOptions(whole, k, understood) ||
        unpricedRequest(whole, k, understood) ||
        leavesOutOfEarlierOrder(whole, k, understood)
      ? withoutAttack(understood, whole.text)
      : understood;
  // A compound message with an illegitimate clause: that clause is refused, the rest is served as the message.
  const conv = u.attack && u.rest ? { ...whole, text: u.rest } : whole;
  const ctx: Ctx = {
    conv,
    k,
    lang,
    u,
    // With an illegitimate request in the message, its "ok"/"yes" goes with that request: it accepts nothing else.
    cues: u.attack && u.cues.has("yes") ? new Set([...u.cues].filter((c) => c !== "yes")) : u.cues,
    tokens: tokenizeText(conv.text),
    tools,
    checkout,
    analyses: new Map(),
  };
  if (echoesConfirm(ctx)) ctx.cues = new Set([...ctx.cues].filter((c) => c !== "help")).add("yes");
  // "how fast to Kiel? the bakery needs the cold room before christmas": a reorder reading with no word of an
  // earlier order is no reorder — nothing of the history is offered or added unasked.
  if (ctx.cues.has("history") && !asksEarlierOrder(conv.text))
    ctx.cues = new Set([...ctx.cues].filter((c) => c !== "history"));
  const step = decideClauses(ctx);
  // The refusal is said once, before what was served of the rest (or of a request inside the refused clause).
  const refused = u.attack ? refusal(u.attack, lang) : "";
  if (u.attack && step.text && !step.calls?.length && !step.text.startsWith(refused))
    return { ...step, text: `${refused}\n${step.text}` };
  return step;
}

/** Words of an earlier order besides the corpus's markers: "as before", "last time", "like in March", "the usual". */
const EARLIER =
  /(?<![\p{L}])(?:same|again|gleiche[mnrs]?|glich\w*|dasselbe|derselbe|dieselbe|selbe[mnrs]?|nochmal\w*|nomal|wieder|erneut|last|previous|earlier|letzte[mnrs]?|letscht\w*|vorige[mnrs]?|vorher|bisher|gehabt|usual|always|immer|früher|frueher|history|historie|ordered|bestellt|had|hatten)(?![\p{L}])/iu;

/** Whether a message has a word of an earlier order (a marker of the corpus, sameness, a month's or order's reference). */
function asksEarlierOrder(text: string): boolean {
  return (
    hasMarker("history", text) || EARLIER.test(text) || monthsIn(text).length > 0 || orderReferences(text).length > 0
  );
}

/**
 * "With STO and the brake chopper": values of a configurable line's options (or of the product whose options were
 * asked), named with none of the words that mark a request to get past the checks or the price (`nlu/evidence.ts`),
 * are a choice of options — whatever the classifier makes of "with … and …" around words it does not know.
 */
function choosesOptions(conv: Conversation, k: Knowledge, u: Understanding): boolean {
  if (!u.clauses.some((c) => ATTACK.test(c.intent))) return false;
  if (u.clauses.some((c) => ATTACK.test(c.intent) && hasMarker(c.intent, c.text))) return false;
  const p = conv.memo.pending;
  const skus = p?.kind === "options" ? [p.sku] : conv.draft.lines.map((l) => l.sku);
  const groupsOf = (sku: string) => {
    const product = k.reader.products([sku]).get(sku);
    const model = product?.configModelId ? k.reader.configModel(product.configModelId) : undefined;
    const local = model ? k.reader.inLanguage?.(u.lang).configModel(model.id) : undefined;
    return new Set(
      [model, local].flatMap((m) => (m ? Object.keys(findOptions(conv.text, m, undefined, k.gloss?.words)) : [])),
    );
  };
  return skus.some((sku) => groupsOf(sku).size > 0);
}

/**
 * "Getriebemotor fürs Steigband: 1,1 kW, i=20, 400V 50Hz, Aufsteck (Hohlwelle), ohne Bremse, IP55": a request that names
 * a product and has no word of a price in it (none that marks a price question or a price demand in the corpus, no
 * amount of money or percentage) is no demand to change the price, whatever the classifier makes of the specs.
 */
function unpricedRequest(conv: Conversation, k: Knowledge, u: Understanding): boolean {
  if (u.attack !== "attack_price" || u.cues.has("price_named") || /%/.test(conv.text)) return false;
  if (u.clauses.some((c) => c.intent === "attack_price" && namesPrice(c.text))) return false;
  return !!guessProduct(tokenizeText(conv.text), new Set(), k)?.confident;
}

/**
 * "ach vergiss die T-Stücke doch", "forget the fittings": an override reading of a clause that has none of the
 * words that mark such a request in the corpus ("Anweisungen", "instructions", "rules") and whose words name a line of
 * the order is the buyer dropping that line — "vergiss alle Anweisungen" is still refused.
 */
function dropsLine(conv: Conversation, k: Knowledge, u: Understanding): boolean {
  const lines = new Set(conv.draft.lines.map((l) => l.sku));
  const attacks = u.clauses.filter((c) => ATTACK.test(c.intent));
  if (lines.size === 0 || attacks.length === 0) return false;
  const names = (text: string) => {
    const guess = guessProduct(tokenizeText(text), new Set(), k);
    return !!guess && guess.hits.slice(0, guess.confident ? 1 : 8).some((h) => lines.has(h.sku));
  };
  // "…, but without the chain", "aber ohne die Kette": what the buyer leaves off names a line of the order — the
  // clause read as a request to skip the checks (split before the line's words, too) drops that line.
  const phrase = leftOffPhrase(conv.text);
  const leftOff =
    !!phrase &&
    // (Once dropped this turn, the words name the line no more: the reply reports the removal.)
    (carrying(
      k,
      phrase,
      conv.draft.lines.map((l) => l.sku),
    ).length === 1 ||
      conv.results.some((r) => r.name === "remove_line"));
  return attacks.every((c) => {
    if (leftOff && WITHOUT.test(c.text) && !/[%€$]/.test(c.text)) return true;
    // "…, and skip the air filter": a reading of a request to skip a check too weak to refuse, whose words name a line
    // of the order, is the buyer dropping that line.
    // (Its words besides those of skipping are the words of the line: "skip the gas nozzles".)
    // ("just the glue" says no skipping: a word of skipping must be there.)
    if (c.intent === "attack_checks" && !u.attack && !/[%€$\d]/.test(c.text)) {
      const words = c.text.split(/\s+/);
      const rest = words.filter((w) => !hasMarker(c.intent, w)).join(" ");
      if (rest.split(/\s+/).length < words.length && carrying(k, rest, [...lines]).length === 1) return true;
    }
    // Only an override reading ("vergiss …" is read as one): a demand on the price or the checks that names a line
    // ("10% Rabatt auf die Bögen") is refused, never read as dropping the line.
    if (hasMarker(c.intent, c.text) || namesPrice(c.text) || /[%€$]/.test(c.text)) return false;
    return c.intent === "attack_injection" && names(c.text);
  });
}

/** Words beside a product's that name nothing ("please", "this time", "diesmal"). */
const ASIDE = /^(?:please|pls|bitte|this|time|diesmal|doch|then|dann|too|auch|after|all)$/u;

/**
 * The words a message leaves off ("…, but without the chain", "aber ohne die Kette") — none when they are a check's or a
 * price's ("without the credit check for the chain") or carry a number.
 */
function leftOffPhrase(text: string): string | undefined {
  const phrase = WITHOUT.exec(text)?.[1];
  if (!phrase || /\d/.test(phrase) || ATTACK_INTENTS.some((i) => hasMarker(i, phrase)) || namesPrice(phrase))
    return undefined;
  return phrase;
}

/** The products among `skus` whose names carry every word of `phrase` (three letters or more); none without such words. */
function carrying(k: Knowledge, phrase: string, skus: string[]): string[] {
  const words = tokenizeText(phrase)
    .map((t) => t.lower)
    .filter((w) => w.length >= 3 && /^\p{L}+$/u.test(w) && !FILLER.has(w) && !ASIDE.test(w));
  if (words.length === 0) return [];
  const unique = [...new Set(skus)];
  const names = k.allNames(unique);
  return unique.filter((sku) => {
    const name = wordsOf(names.get(sku) ?? "");
    return words.every((w) => nameNames(name, w) || compoundHead(name, w));
  });
}

/**
 * "like last time, but without the grease", "wie letztes Mal, nur ohne das Fett": a clause read as a request to skip
 * the checks whose words left off name a product of an earlier order, in a message that names an earlier order, is
 * that order again without that product — read whole (the reorder reading leaves the product out), never refused.
 */
function leavesOutOfEarlierOrder(conv: Conversation, k: Knowledge, u: Understanding): boolean {
  if (!conv.history?.length || !u.clauses.some((c) => ATTACK.test(c.intent)) || !asksEarlierOrder(conv.text))
    return false;
  const phrase = leftOffPhrase(conv.text);
  return (
    !!phrase &&
    carrying(
      k,
      phrase,
      conv.history.map((h) => String(h.sku)),
    ).length > 0
  );
}

/** The understanding with its illegitimate readings read as removals of what they name. */
function asRemoval(u: Understanding, text: string): Understanding {
  const clauses: Understanding["clauses"] = [];
  let read = false;
  for (const c of u.clauses) {
    const before = clauses.at(-1);
    // "but without the" | "grease": the words split off the removal are what it removes.
    if (read && before && c.intent === "None" && before.end <= c.start) {
      clauses[clauses.length - 1] = { ...before, end: c.end, text: text.slice(before.start, c.end) };
      read = false;
      continue;
    }
    read = ATTACK.test(c.intent);
    clauses.push(read ? { ...c, intent: "remove" as const, score: Math.max(c.score, INTENT_THRESHOLD) } : c);
  }
  const { attack: _attack, ...rest } = u;
  return { ...rest, clauses, cues: cuesOf(clauses), rest: text };
}

let priceWords: Set<string> | undefined;
/**
 * Whether a text has a word that marks talk of prices in the corpus: a word of the price questions and price demands
 * together ("price", "Preis", "cost", "kostenlos", "discount") that other intents (almost) never use.
 */
export function namesPrice(text: string): boolean {
  priceWords ??= markerWords(
    "attack_price",
    trainingDocuments().map((d) => (d.intent === "price" ? { ...d, intent: "attack_price" as const } : d)),
  );
  const words = priceWords;
  return (foldUmlauts(text.toLowerCase()).match(/\p{L}{3,}/gu) ?? []).some((w) => words.has(w));
}

const ATTACK = /^attack_/;
const ATTACK_INTENTS = ["attack_checks", "attack_price", "attack_identity", "attack_injection"] as const;

/** The understanding with its attack readings set aside: each such clause takes its best other reading. */
function withoutAttack(u: Understanding, text: string): Understanding {
  const clauses = u.clauses.map((c) => {
    if (!ATTACK.test(c.intent)) return c;
    const next = c.ranked?.find((x) => !ATTACK.test(x.intent) && x.score > 0);
    return next ? { ...c, intent: next.intent, score: next.score } : { ...c, intent: "None" as const, score: 0 };
  });
  const { attack: _attack, ...rest } = u;
  const cues = cuesOf(clauses);
  if (u.cues.has("price_named")) cues.add("price_named");
  return { ...rest, clauses, cues, rest: text };
}

function decideClauses(read: Ctx): Step {
  const ctx = poolAnswers(read);
  const { conv, lang, tools } = ctx;
  const memo = (pending?: Pending, focusSku?: string): Memo => ({
    lang,
    ...(pending ? { pending } : {}),
    ...((focusSku ?? conv.memo.focusSku) ? { focusSku: focusSku ?? conv.memo.focusSku } : {}),
  });

  // Know the buyer's machines (and, when asked for, their history) before reading references to them.
  const prelude: ToolCallPlan[] = [];
  if (!conv.machines && !conv.results.some((r) => r.name === "get_installed_base") && tools.has("get_installed_base"))
    prelude.push({ name: "get_installed_base", args: {} });
  // An order reference in the message may name an earlier order ("same as our order PK-25-0917"), and so may an item
  // of a list the classifier reads as no reorder ("2 filter driers DML 084 and the pressure switch as usual").
  if (
    (ctx.cues.has("history") ||
      orderReferences(conv.text).length > 0 ||
      unknownCodes(conv.text, ctx.k).length > 0 ||
      monthsIn(conv.text).length > 0 ||
      namesUsualOrder(conv.text)) &&
    !conv.history &&
    !conv.results.some((r) => r.name === "get_order_history") &&
    tools.has("get_order_history")
  )
    prelude.push({ name: "get_order_history", args: {} });
  if (prelude.length) return { calls: prelude, memo: memo(conv.memo.pending) };
  // "add -5 …", "NaN", "1e308", "0.0000001 pieces": no quantity to act on — named back, nothing changed.
  const odd = conv.results.some((r) => DRAFT_TOOLS.has(r.name)) ? [] : oddQuantities(conv.written ?? conv.text, ctx.k);
  if (odd.length) return { text: oddQuantityQuestion(odd, lang), memo: memo(conv.memo.pending) };

  // After draft edits or a checkout request, phrase what the tools said.
  const edits = conv.results.filter((r) => DRAFT_TOOLS.has(r.name));
  const checkout = conv.results.find((r) => r.name === "review_order" || r.name === "place_order");
  if (checkout && (checkout.data.report || checkout.error)) return afterCheckout(ctx, checkout, memo);
  const beside = conv.turnMemo?.rest ? [] : edits.length ? leftBeside(ctx, edits) : [];
  const rest = conv.turnMemo?.rest ?? beside;
  if (edits.length && rest.length)
    return serveRest(
      ctx,
      afterEdits(
        ctx,
        edits,
        memo,
        rest.some((x) => !x.question),
      ),
      rest,
    );
  if (edits.length) return afterEdits(ctx, edits, memo);

  // Where the conversation stands and what the message says: one transition of the dialogue table.
  return withHeld(ctx, withOpenItems(ctx, transition(ctx, memo)));
}

/**
 * "4 bearings 6205 and 2 v-belts SPZ", "2 Zahnriemen und 3 Kettenschlösser": several items asked for, none identified —
 * the reply offers the list for one of them; the others, whose words find none of the listed products, are named as
 * not added yet, so none vanishes.
 */
function withOpenItems(ctx: Ctx, step: Step): Step {
  if (step.calls?.length || !step.text) return step;
  const p = step.memo.pending;
  const offered = p?.kind === "choose_product" ? p.skus : p?.kind === "quantity" ? p.listed?.skus : undefined;
  if (!offered?.length) return step;
  const items = multiAdd(ctx, true);
  if (!items || items.calls?.length || !items.memo.rest?.length) return step;
  const listed = new Set(offered);
  const open = items.memo.rest.filter((x) => {
    const guess = guessProduct(partOf(ctx, x.text).tokens, new Set(), ctx.k);
    return !(guess?.hits ?? []).some((h) => listed.has(h.sku));
  });
  if (open.length === 0 || open.length === items.memo.rest.length) return step;
  const quoted = open.map((x) => say(ctx.lang, `"${x.text}"`, `„${x.text}“`)).join(", ");
  return {
    ...step,
    text: `${step.text}\n${say(ctx.lang, `Also not added yet: ${quoted} — which products do you mean?`, `Ebenfalls noch nicht hinzugefügt: ${quoted} — welche Artikel meinen Sie?`)}`,
  };
}

/**
 * "zwei Schachteln Kontaktrohre 1,2 und drei Gasdüsen", "2 load wheels and a new drive controller": several items
 * asked for, none identified by its words alone, and the turn added one of them (the buyer's machine told which) —
 * the others, whose words find none of the products added, are served after the edits (`serveRest`), so none
 * vanishes. The items as `withOpenItems` reads them (`multiAdd`, `openOnly`).
 */
function leftBeside(ctx: Ctx, edits: ToolResult[]): RestItem[] {
  if (edits.some((r) => r.name !== "add_line")) return [];
  const added = new Set(edits.map((r) => String(r.args.sku ?? "")));
  const items = multiAdd(ctx, true);
  if (!items || items.calls?.length || !items.memo.rest?.length) return [];
  const open = items.memo.rest.filter((x) => {
    const guess = guessProduct(partOf(ctx, x.text).tokens, new Set(), ctx.k);
    return !(guess?.hits ?? []).some((h) => added.has(h.sku));
  });
  return open.length === items.memo.rest.length ? [] : open;
}

/**
 * "80 mm points, 16 pieces. And one bag of the bolts for them." — the bolts were set aside while the points' fix was
 * open; "Then the 70 mm standard points, 16 pieces" settles it: the items held on the consultant's last reply are served
 * after this message's edits, as if said with them. Not when the message adds products of its own (it may name them
 * again) or touches nothing on the order.
 */
const SETTLING = new Set(["update_line", "set_options", "set_machine"]);

function withHeld(ctx: Ctx, step: Step): Step {
  const held = ctx.conv.memo.held ?? [];
  if (held.length === 0 || ctx.conv.round > 0 || !step.calls?.length) return step;
  const edits = step.calls.filter((c) => DRAFT_TOOLS.has(c.name));
  if (edits.length === 0 || edits.some((c) => !SETTLING.has(c.name))) return step;
  const served = held.filter((x) => namesOther(ctx, x.text));
  if (served.length === 0) return step;
  return { ...step, memo: { ...step.memo, rest: [...(step.memo.rest ?? []), ...served] } };
}

/**
 * Whether a held item's words name a product of the catalog (not only by a misspelling) that is on no line of the
 * order: "So that's 2 contactors and 2 MPCBs" restates lines already added, and words the catalog only half knows
 * would bring a list of strangers.
 */
function namesOther(ctx: Ctx, text: string): boolean {
  // ("For Halle 1 Platz 2 two boxes of contact tips 1.2": read as an item of its own — its machine's name, count and
  // unit are no product words; with them the search only half knows the words.)
  const guess = analyse(partOf(ctx, text)).guess;
  if (!guess || guess.hits.every((h) => h.match === "text_fuzzy")) return false;
  const lines = new Set(ctx.conv.draft.lines.map((l) => l.sku));
  return !guess.hits.slice(0, guess.confident ? 1 : 8).some((h) => lines.has(h.sku));
}

/**
 * "1 m hose … for press 3 and 4 fittings for it": the identified items were added; the items the message asked for
 * whose product was not identified are not dropped. The first is decided as a message of its own (a list to choose
 * from, or "not found"), after what the edits said; any others are named. When the edits left a question of their
 * own open (a fix, an option), the items are only named, so the one open question stays the edits'.
 */
function serveRest(ctx: Ctx, edited: Step, rest: RestItem[]): Step {
  const carry = (step: Step): Step => ({ ...step, memo: { ...step.memo, rest } });
  // The order went on to the checkout (`afterEdits`: only when every item left is a question): the question is
  // answered first, the checkout goes with the reply.
  const placing = edited.calls?.every((c) => c.name === "place_order") ? edited.calls : undefined;
  if (edited.calls?.length && !placing) return carry(edited);
  const { lang } = ctx;
  // A question asked beside the order is answered first; the order's own state (its question, or "shall I place it?")
  // closes the reply and stays the open question.
  const question = rest.find((x) => x.question);
  if (question) {
    const answer = transitionItem(partOf(ctx, question.text), () => edited.memo, true);
    if (answer?.calls?.length) return carry({ calls: answer.calls, memo: edited.memo });
    const others = rest.filter((x) => x !== question);
    // Its own closing offer ("Shall I add it?") is left out: the open question is the order's.
    const text = [answer?.text?.replace(/ [^.?!\n]*\?$/u, ""), edited.text].filter(Boolean).join("\n");
    if (others.length) return serveRest(ctx, { ...edited, text }, others);
    return { text, ...(placing ? { calls: placing } : {}), memo: edited.memo };
  }
  const quoted = (parts: RestItem[]) => parts.map((p) => say(lang, `"${p.text}"`, `„${p.text}“`)).join(", ");
  const others = (parts: RestItem[]) =>
    parts.length
      ? `\n${say(lang, `Also not added yet: ${quoted(parts)} — which products do you mean?`, `Ebenfalls noch nicht hinzugefügt: ${quoted(parts)} — welche Artikel meinen Sie?`)}`
      : "";
  // "3 m chain 10B-1 … und zwei Kettenschlösser dazu" where the chain's block offers to add its connecting link: an
  // item the engine's fix adds (the item's words find that product) is that fix, with the item's own count.
  const taken = byFix(ctx, edited, rest);
  if (taken) return taken;
  const open = edited.memo.pending && edited.memo.pending.kind !== "confirm";
  if (open)
    return {
      text: `${edited.text ?? ""}\n${say(lang, `Not added yet: ${quoted(rest)} — tell me the SKU or describe it once this is settled.`, `Noch nicht hinzugefügt: ${quoted(rest)} — nennen Sie mir danach die Artikelnummer oder beschreiben Sie es.`)}`,
      // Held for the next message: once it settles the question with an edit, the items are served (`withHeld`).
      memo: { ...edited.memo, held: rest.filter((x) => !x.question) },
    };
  const [first, ...more] = rest as [RestItem, ...RestItem[]];
  // "jeweils mit 2m Kabel" read as "5 mit 2m Kabel": the count leads, so the length describes the product.
  const part = partOf(
    ctx,
    first.quantity !== undefined ? `${first.quantity} ${first.text.replace(EACH, " ").trim()}` : first.text,
  );
  const memo = (pending?: Pending, focusSku?: string): Memo => ({
    lang,
    ...(pending ? { pending } : {}),
    ...(focusSku ? { focusSku } : {}),
  });
  const step = transitionItem(part, memo) ?? {
    text: say(
      lang,
      "Which product do you mean (a SKU or a description)?",
      "Welchen Artikel meinen Sie (Artikelnummer oder Beschreibung)?",
    ),
    memo: memo(),
  };
  // An item decided by an edit of its own (the one product its search finds for the machine) is served: the rest go on.
  if (step.calls?.some((c) => c.name === "add_line")) {
    const { rest: _served, ...own } = step.memo;
    return { calls: step.calls, memo: { ...own, ...(more.length ? { rest: more } : {}) } };
  }
  if (step.calls?.length) return carry({ calls: step.calls, memo: step.memo });
  // The count "each" took from the item before is what the pick from this list orders.
  const p = step.memo.pending;
  // "4 fittings" of bags of 10: the unit the item's own count was read in (pieces) rides on the pick too.
  const counted =
    p?.kind === "choose_product" && first.quantity !== undefined
      ? {
          ...step.memo,
          pending: { ...p, quantity: first.quantity, unit: p.quantity === first.quantity ? p.unit : undefined },
        }
      : step.memo;
  return {
    text: `${edited.text ?? ""}\n${say(lang, `Not added yet: ${quoted([first])}.`, `Noch nicht hinzugefügt: ${quoted([first])}.`)} ${step.text ?? ""}${others(more)}`,
    memo: counted,
  };
}

const EACH = new RegExp(EACH_ITEM.source, "giu");

/** The first item not added yet whose words find the product of an `add_line` fix the edits left open, as that fix. */
function byFix(ctx: Ctx, edited: Step, rest: RestItem[]): Step | undefined {
  const pending = edited.memo.pending;
  if (pending?.kind !== "fixes") return undefined;
  const adds = pending.fixes.flatMap((f) => (f.kind === "add_line" ? [f] : []));
  if (adds.length === 0) return undefined;
  for (const item of rest) {
    if (item.question) continue;
    const part = partOf(ctx, item.text);
    const guess = guessProduct(part.tokens, new Set(), ctx.k);
    const hits = new Set((guess?.hits ?? []).map((h) => h.sku));
    const fix = adds.find((f) => hits.has(f.sku));
    if (!fix) continue;
    const count = item.quantity ?? analyse(part).quantity?.value ?? fix.quantity;
    const machineId = fix.machineId ?? ctx.conv.draft.lines.at(-1)?.machineId ?? ctx.conv.draft.machineId;
    const call: ToolCallPlan = {
      name: "add_line",
      args: { sku: fix.sku, quantity: count, ...(machineId ? { machineId } : {}) },
    };
    const left = rest.filter((x) => x !== item);
    return { calls: [call], memo: { ...edited.memo, pending: undefined, ...(left.length ? { rest: left } : {}) } };
  }
  return undefined;
}

/**
 * One part of the buyer's message read as a message of its own: no open question (it is a new request), the tool
 * results of the edits set aside; "for it" is the machine of the line just added (the list is checked against it).
 */
function partOf(ctx: Ctx, text: string): Ctx {
  const { conv, u } = ctx;
  const start = conv.text.indexOf(text.replace(/^\d+ /, ""));
  const end = start + text.length;
  const edited = conv.results.findLastIndex((r) => DRAFT_TOOLS.has(r.name));
  const inPart = u.clauses.filter((c) => start >= 0 && c.end > start && c.start < end);
  const clauses = inPart.length ? inPart : u.clauses;
  const pu = {
    ...u,
    clauses,
    cues: cuesOf(clauses),
    negated: u.negated.filter((n) => text.includes(n.text)),
    rest: text,
  };
  return {
    ...ctx,
    conv: {
      ...conv,
      text,
      memo: { lang: ctx.lang },
      // (The products read before the turn's last edit were read for the item it added, not for this one.)
      results: conv.results.filter((r, i) => !DRAFT_TOOLS.has(r.name) && !(PRODUCT_READS.has(r.name) && i < edited)),
    },
    u: pu,
    cues: pu.cues,
    tokens: tokenizeText(text),
    analyses: new Map(),
  };
}
