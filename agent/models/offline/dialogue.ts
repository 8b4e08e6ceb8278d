/**
 * Stage 2, decide: the dialogue state machine. The state is the open question (the consultant's last question, a
 * memo on its own reply), the focus (the last listed candidates, the last touched product/line) and the draft (the
 * graph's state). Events are read from the understanding (stage 1) and the catalog entities. Every transition is a
 * row of TRANSITIONS below, tried in order: the first row whose state and event match and whose handler applies
 * (returns a step) decides. A handler that does not apply (undefined) hands on to the next row — e.g. an answer to
 * an open list that names nothing on the list is read as a fresh request.
 */
import { type ChooseProduct, type DraftView, listOf, type Pending } from "./conversation.ts";
import { type Cue, FILLER, NOT_ADDING, saysBeside } from "./language.ts";
import type { Intent } from "./nlu/corpus.ts";
import { hasMarker, leaningsOf, withoutPriceTalk } from "./nlu/evidence.ts";
import { ADD_THRESHOLD, type Clause, cuesOf, INTENT_THRESHOLD } from "./nlu/understand.ts";
import {
  asksForBuild,
  findChoice,
  findLineRef,
  findPoReference,
  nameWords,
  orderReferences,
  numberWordValue,
  replacedCount,
  tokenizeText,
  wordsOf,
} from "./recognise.ts";
import { linesNamedBy, monthsIn, orderOfMonth } from "./month-order.ts";
import { addEveryListed, everyListed } from "./every-listed.ts";
import { compareNamed, comparedProducts, comparisonUnnamed, whichTwo } from "./compare.ts";
import { beyondReach, money, say } from "./replies.ts";
import {
  analyse,
  machinePicked,
  byWords,
  carriedWords,
  compoundHead,
  CONVERSATIONAL,
  guessWords,
  inOrderUnit,
  lineByWords,
  nameNames,
  namesAnother,
  productishWords,
  onTheOrder,
  lineWordCounts,
  optionsFor,
  ownPackUnit,
  retractedMachines,
  targetLine,
  tiedByWords,
  type Analysis,
  type Ctx,
  type MemoFn,
  type Step,
} from "./context.ts";
import {
  action,
  askStockAndPrice,
  builtToOrder,
  find,
  itemParts,
  listBeside,
  multiAdd,
  namedOutright,
  spreadEach,
  statesNoMachine,
  variantCorrection,
} from "./actions.ts";
import {
  answerChooseMachine,
  answerChooseProduct,
  askedKindOf,
  fittingOf,
  answerConfirm,
  answerFixes,
  answerOptions,
  answerQuantity,
  isQuestionAboutOther,
  withQuantity,
} from "./answers.ts";
import { CONFIRM_WORDS, openPickBeforePlacing, optionLines, refusal } from "./phrasing.ts";
import * as req from "./requests.ts";
import {
  asksCheaper,
  byRequest,
  comparesPrice,
  fetchedPrices,
  resolveReference,
  type Resolution,
  splitPick,
  statedAmong,
  variantByValue,
} from "./references.ts";
import {
  absentRemoval,
  leftOffPhrase,
  NOT_WANTED,
  pressure,
  REMOVING,
  removal,
  removalInChange,
  WITHOUT,
} from "./destructive.ts";
import { namedShipTo } from "./ship-to.ts";
import { instructionAfterQuestion } from "./after-question.ts";
import { perLineCount } from "./per-line.ts";
import { NOT_AFTER_ALL, STILL_HELD } from "./still-held.ts";
import { packSwitch } from "./pack-switch.ts";
import { unitDecimals } from "../../../tools/checks/quantity.ts";
import { unitCodesLike } from "../../../tools/messages/units.ts";
import { splitLine } from "./split-line.ts";
import { asksOfItems, STOCK_ASKED, WHEN_DELIVERED } from "./stock-answer.ts";

/** What the decision knows about where the conversation stands. */
export interface DialogueState {
  /** The consultant's open question; `idle` when there is none (or the message asks about something else). */
  open: Pending["kind"] | "idle";
  pending?: Pending;
  focus: {
    /** The candidates listed last (what "the first", "the cheaper one" refer to). */
    candidates: string[];
    /** The product the conversation is about ("how much is it?"). */
    sku?: string;
    /** The draft line the buyer points at (named, "line 2", or the only/last one). */
    lineId?: string;
  };
  draft: DraftView;
}

/** The buyer's message read once for the decision: the analysis, plus the references it makes to the focus. */
export interface Reading {
  a: Analysis;
  /** A product the words name with confidence. */
  sku?: string;
  /** The product the message is about: the named one, or the focus when nothing else is named. */
  about?: string;
  /** A question ("is it in stock? I need 5") is answered first; the buyer adds once they know. */
  question: boolean;
  po?: string;
  /** A delivery address of the account the message names (not the order's current one). */
  shipTo?: string;
  date?: string;
  /** The reference of an earlier order of the buyer the message names ("same parts as on our order PK-25-0917"). */
  pastOrder?: string;
  /** The lines of that order to order again, when the message names it by its month (`orderOfMonth`). */
  pastLines?: { sku: string; again: number; machineId: string | null; lineId?: string }[];
}

export type StateKind = DialogueState["open"];

/**
 * "line 2", "L2": a line of the order — not "Line 3" where the order has no third line or the words are the label of
 * the machine the message names ("and 1 contactor for Line 3" replaced the cable on line 1).
 */
function namesLine(ctx: Ctx, s: DialogueState, r: Reading): boolean {
  const ref = findLineRef(ctx.conv.text);
  if (!ref || !s.draft.lines.some((l) => l.lineId === ref)) return false;
  return !r.a.machine || findLineRef(r.a.machine.label) !== ref;
}
export type Handler = (ctx: Ctx, s: DialogueState, r: Reading, memo: MemoFn) => Step | undefined;

const has = (ctx: Ctx, ...cues: Cue[]) => cues.some((c) => ctx.cues.has(c));
const PRODUCT_CUES: Cue[] = ["add", "find", "price", "stock", "compat", "info", "change", "remove", "history"];

/** The events of a message: predicates over the understanding, the catalog reading and the dialogue state. */
export const EVENTS = {
  always: () => true,
  /** An illegitimate request and nothing else asked ("push it through", "ok, I take responsibility"). */
  /**
   * "but without the sight glass", "aber ohne das Fett", "das Fett brauch ich doch nicht": words that take off beside
   * words that all name one line of the order drop that line — no request to skip a check — with nothing else asked.
   */
  drops_named_lines: (ctx, s) => s.draft.lines.length > 0 && !!droppedLines(ctx),
  /** "pro Schar einen Schraubensatz", "one cable per sensor": a line's count set to the pieces of the lines named. */
  count_per_line: (ctx, s) => s.draft.lines.length > 1 && !ctx.u.attack && !!perLineCount(ctx),
  /** "both", "beide bitte", "bei beiden" to an open list: every product it points at (`everyListed`). */
  picks_every: (ctx, s) => s.pending?.kind === "choose_product" && !ctx.u.attack && !!everyListed(ctx, s.pending),
  refused_only: (ctx, _s, r) => (!!ctx.u.attack && !ctx.u.rest && !orders(r)) || !!pressure(ctx, r),
  /**
   * "what's the total incl. shipping?", "Können Sie mir ein Angebot als PDF schicken?": costs or documents the
   * consultant has no data for, the message naming no product ("ein Angebot" counts nothing) and nothing to do.
   */
  beyond_reach: (ctx, _s, r) =>
    !ctx.u.attack &&
    !r.a.guess?.confident &&
    !r.po &&
    !r.shipTo &&
    // ("was kostet das inkl. Fracht?" is a price question first: the price is answered; `redirected` answers the rest.)
    !ctx.cues.has("price") &&
    !ctx.cues.has("stock") &&
    !!beyondReach(ctx.conv.text),
  /** "Same parts as on our order PK-25-0917", "repeat our PO KA-26-3110, but 4 this time": that order again. */
  past_order: (_ctx, _s, r) => !!r.pastOrder,
  several_products: () => true,
  /** "What's the difference between the DML 083 and the DCL 083?", "X vs Y": two products named to be compared. */
  compare_named: (ctx) => !ctx.u.attack && !!comparedProducts(ctx),
  /**
   * "what's the difference between 1 and 2?", "… between the two?" naming no two products: its numbers are no count —
   * which two is asked back. (A comparison without a number — "was koscht dr EC gegenüber dem normale?" — is read as
   * the question it also is.)
   */
  compare_unnamed: (ctx, _s, r) => !ctx.u.attack && !!r.a.quantity && comparisonUnnamed(ctx),
  /** "actually give me 2 boxes of 5 m instead" of chain by the metre: the line's product in another pack. */
  pack_switch: (ctx, s) =>
    (s.open === "idle" || s.open === "confirm" || s.open === "fixes") && !ctx.u.attack && !!packSwitch(ctx),
  /** "Korrektur: vorne nur 2 Stück. Dazu noch 2 Hinterreifen …", "correction: just 3 of those": a count for a line. */
  count_correction: (ctx, s) =>
    ((s.open === "idle" || s.open === "confirm") && !!countCorrection(ctx, s)) ||
    // "correction: only 2 chucks, not 3" while a companion is offered for the 3: the line's count, not the offer.
    (s.open === "fixes" && !!replacedLineCountOf(ctx, s)),
  /** "mach 8 Rollen, 4 für Presse 2 und 4 für Presse 3": a line split over machines (`splitLine`). */
  line_split: (ctx, s) => (s.open === "idle" || s.open === "confirm") && !ctx.u.attack && !!splitLine(ctx),
  /** "ach für pumpe 1 mach 3", "für Band 4 bitte 3 Stück": a count for a machine, the count of its one line. */
  machine_line_count: (ctx, s, r) => (s.open === "idle" || s.open === "confirm") && !!machineLineCount(ctx, s, r),
  /**
   * "ah nee, mach 2 messer" while a list of other products is open: a count for the line of the order the words name
   * (`editsOtherLine` set the question aside).
   */
  count_of_other_line: (ctx, s, r) =>
    s.open === "idle" && !!s.pending && !!r.a.quantity && !!otherLineEdited(ctx, r.a, s.pending),
  /** "So 14 left and 14 right, and bolts to match": counts of variants for the lines that carry them. */
  variant_counts: (ctx, s) => (s.open === "idle" || s.open === "confirm") && !!variantCorrection(ctx),
  /** "1 output card DQ 32 for Wrapper 5. And have you got a CPU 1513 in stock?": an order beside a question. */
  /** "ab 5 karton wirds billiger oder? dann 5 karton fett": a question, then the instruction it leads to. */
  then_after_question: (ctx, s) =>
    (s.open === "idle" || s.open === "confirm") &&
    !ctx.u.attack &&
    s.draft.lines.length > 0 &&
    !!instructionAfterQuestion(ctx.conv.text, ctx.u.clauses) &&
    !asksOfOtherProduct(ctx, s),
  order_and_question: (ctx, s) =>
    (s.open === "idle" || s.open === "confirm") && !ctx.u.attack && sideQuestions(ctx).length > 0,
  /** "Bitte einen EC-Lüfter … Wie schnell könnt ihr liefern?": an order, and when it comes — answered by the add. */
  order_asking_when: (ctx, s) =>
    (s.open === "idle" || s.open === "confirm") && !ctx.u.attack && whenQuestions(ctx).length > 0,
  /**
   * "2 Schaugläser SGN 12, sind die lagernd?", "3 filter driers DML 084 – when can you ship?": items with their count,
   * then a question whether they are in stock or when they come (`asksOfItems`) — the items are ordered, and the
   * reply answers the question from the lines' report (`stockAnswer`). Not "is it in stock? I need 5" (asked first).
   */
  order_asking_stock: (ctx, s) =>
    (s.open === "idle" || s.open === "confirm") &&
    !ctx.u.attack &&
    !NOT_ADDING.test(ctx.conv.text) &&
    !!itemsAsked(ctx),
  /**
   * "Lieferung bitte direkt ans Pumpwerk Nord. Wann kommt das?", "PO HG-26-447. What does the pail cost?": a detail of
   * the order (an address of the account, a PO) beside a question — the detail is set and the question answered.
   */
  details_and_question: (ctx, s) =>
    (s.open === "idle" || s.open === "confirm") &&
    !ctx.u.attack &&
    s.draft.lines.length > 0 &&
    detailQuestions(ctx, s).length > 0,
  /**
   * "gut, davon 3 Stück, und dazu 2 Stehlager UCP 205", "ok 2 of those, and 1 v-belt SPB 2000": to a list, a count for
   * it in one clause and a new product with its own count in another — the count is the list's, not the new item's.
   */
  list_count_beside_item: (ctx, s) => s.open === "choose_product" && !!listCountBesideItem(ctx),
  /**
   * "ist der bis freitag da?", "hätt ich den bis freitag?", "will they be here by friday?": a question whether a line of
   * the order comes by a date — answered with its delivery date measured against that date, not taken as the order's
   * requested date (that is an instruction: "bitte bis Freitag liefern"). Nothing else asked or named with it.
   */
  arrives_by: (ctx, s, r) =>
    !!r.date &&
    ctx.conv.text.includes("?") &&
    !ctx.u.attack &&
    !r.po &&
    !r.shipTo &&
    !r.a.quantity &&
    !!r.about &&
    s.draft.lines.some((l) => l.sku === r.about) &&
    (!r.a.guess || r.a.guess.hits.some((h) => h.sku === r.about)) &&
    !has(ctx, "checkout", "remove", "change", "cancel"),
  /** "Drop the X, and make it 3 Y": a message of several clauses that edits the draft. */
  several_edits: (ctx, s) =>
    (s.open === "idle" ||
      s.open === "confirm" ||
      s.open === "fixes" ||
      // A list is open, but every clause edits ("actually forget the tees, and make it 4 bags of elbows"): no pick.
      (s.open === "choose_product" && ctx.u.clauses.every((c) => c.intent === "change" || c.intent === "remove"))) &&
    s.draft.lines.length > 0 &&
    ctx.u.clauses.length > 1 &&
    !ctx.u.attack &&
    has(ctx, "remove", "change"),
  /**
   * "one more pressure element so 2 in total, and the oil only 3 pails", "noch einen Trockner mehr, und die Schaugläser
   * nur 3": clauses that each give a line of the order, named by its words, a count (or one more of it).
   */
  line_count_clauses: (ctx, s) =>
    (s.open === "idle" || s.open === "confirm" || s.open === "fixes") &&
    s.draft.lines.length > 0 &&
    countClauses(ctx).length > 1 &&
    !ctx.u.attack,
  /**
   * "Yes, all for IMM 7", "alles für die IMM 9", "both for freezer 3": a machine, and nothing else, for the lines of the
   * order — all of them when the buyer says so, else those still without a machine when no one line is in focus.
   */
  machine_for_lines: (ctx, s, r) =>
    (s.open === "idle" || s.open === "confirm") &&
    !!r.a.machine &&
    !r.a.guess &&
    !r.a.quantity &&
    linesForMachine(ctx, s, r).length > 0,
  /** "ok, then put it on press 3 instead": a yes that leads into a correction is not the answer "place it". */
  yes_or_place: (ctx, s, r) =>
    ((has(ctx, "yes") && !has(ctx, "no") && !correcting(ctx, s, r)) || has(ctx, "checkout")) && !asksForMore(ctx, r),
  /**
   * "Please order all three", "bitte de 2 Reifen bestellen", "order both": to "please confirm the order", an order word
   * whose object is the order itself — the number of its lines, or its own products with the counts they have — is
   * "place it", not a new request for what the order already holds.
   */
  orders_draft: (ctx, s, r) => ordersTheDraft(ctx, s, r),
  /**
   * "ok great, please add them", "super, bitte hinzufügen" right after the items were added (the order offered for
   * confirmation, or a list of another item open): an acknowledgement of what is done — nothing named, counted or asked.
   */
  acknowledges_added: (ctx, s, r) =>
    (s.open === "confirm" || s.open === "choose_product") &&
    s.draft.lines.length > 0 &&
    (has(ctx, "add") ||
      (has(ctx, "yes") &&
        (has(ctx, "thanks") || (s.pending?.kind === "choose_product" && !!s.pending.placingAsked)))) &&
    [...ctx.cues].every((c) => ACK_CUES.has(c)) &&
    !r.a.guess &&
    !r.a.quantity &&
    !r.a.machine &&
    !r.po &&
    !r.shipTo &&
    findChoice(ctx.tokens) === undefined &&
    // (Only ordinary words: "the 25 one", "the FKM one" pick from the list.)
    ctx.tokens.every(
      (t) => !/\d/.test(t.lower) && (!/\p{L}/u.test(t.lower) || ctx.k.ordinary(t.lower) || FILLER.has(t.lower)),
    ) &&
    !ctx.conv.text.includes("?") &&
    !NOT_AS_IT_IS.test(ctx.conv.text),
  /** A plain "no" (nothing else asked): it declines the open question. */
  /**
   * "just asking, don't add it", "nur gefragt, nicht bestellen" to an offer, a list or a count question: the buyer
   * adds nothing — no count, no other product, no question of their own.
   */
  refuses_adding: (ctx, s, r) =>
    !!waitingFor(s.pending) &&
    NOT_ADDING.test(ctx.conv.text) &&
    !ASKING_ABOUT.test(ctx.conv.text) &&
    !r.a.quantity &&
    !r.a.machine &&
    !ctx.conv.text.includes("?") &&
    !has(ctx, "price", "stock", "compat", "info", "remove", "cancel") &&
    !namesOtherThanOffered(ctx, s),
  bare_no: (ctx, _s, r) =>
    has(ctx, "no") &&
    !has(ctx, "yes", ...PRODUCT_CUES, "checkout", "cancel", "show") &&
    !r.a.guess &&
    !r.a.quantity &&
    !r.a.machine,
  /** "the cheaper one", "the one with X", "the high-temperature one": a reference by price or feature. */
  reference: (ctx, s) => s.focus.candidates.length > 1 && !ctx.cues.has("find"),
  /**
   * A price, stock or fit question about one listed item: the only one, or the one an ordinal or its code names ("is
   * the second one in stock?", "was kostet das dritte?", "does the last one fit band 4 too?").
   */
  asks_of_listed: (ctx, s) => listedAsked(ctx, s) !== undefined,
  /** "2 of the first then" to an offer of an item asked about from a list: a pick from that list. */
  picks_listed: (ctx, s) => {
    const list = listOf(s.pending);
    return s.pending?.kind === "quantity" && list !== undefined && listedByOrdinal(ctx, list) !== undefined;
  },
  /**
   * "Which machines do we have?" — not a side clause ("we have cordsets") of an order for a named product, nor the
   * machine word of "not for any machine, for stock" beside one.
   */
  list_machines: (ctx, _s, r) =>
    has(ctx, "list_machines") && !(r.sku && r.a.quantity && (has(ctx, "add") || statesNoMachine(ctx))),
  cancel: (ctx) => has(ctx, "cancel"),
  /** Only misspelt words, nothing that asks for a product: never acted on. */
  fuzzy_only: (ctx, _s, r) =>
    fuzzyOnly(r) &&
    !r.shipTo &&
    !r.po &&
    !has(ctx, ...PRODUCT_CUES) &&
    !r.a.quantity &&
    !r.a.machine &&
    !configuredSpec(ctx, r),
  // "400v is fine, just book it", "die CuCrZr passt, bestellen": words naming only a product the order holds (an
  // attribute of its line) ask for nothing new.
  place: (ctx, s, r) =>
    has(ctx, "checkout") && (!r.a.guess || (!r.a.quantity && !r.a.machine && namesOnlyOrdered(ctx, s, r))),
  /** "What's in my order?" — not "my mistake, it's for freezer 3" (a correction read as a look at the order). */
  show: (ctx, s, r) => has(ctx, "show") && !r.a.guess && !req.movedLine(ctx, s, r) && !correctsMachine(ctx, r),
  /**
   * A destructive reading with a target (destructive.ts); "remove" on an empty order is answered too — unless the
   * message names a product: "Motorschutzschalter für Linie 3 fliegt dauernd raus … welcher passt?" describes what is
   * wrong with the machine, there is nothing to undo, and it asks for the part.
   */
  remove: (ctx, s, r) => !!removal(ctx, s, r) || (has(ctx, "remove") && s.draft.lines.length === 0 && !r.a.guess),
  /** "Remove the seal kit" when the order holds none: said so, nothing added. */
  remove_absent: (ctx, s, r) => absentRemoval(ctx, s, r),
  /** "another drier for the roof chiller": the product of the line in focus once more, for the machine named. */
  more_for_machine: () => true,
  /** "put the kit on press 3 instead", "sorry, I meant pump 2": another machine for the line in focus. */
  move_line: (ctx, s, r) => !!req.movedLine(ctx, s, r),
  /**
   * "Sorry, it's for freezer 3, not freezer 1" with no line to move: a machine correction (another machine retracted)
   * that names no product.
   */
  machine_correction: (ctx, s, r) =>
    !r.a.guess && !r.a.quantity && !req.movedLine(ctx, s, r) && correctsMachine(ctx, r),
  /** "I know, order it anyway": the product the consultant flagged, not one of the alternatives it listed. */
  insist: (ctx, s, r) => !!req.insisted(ctx, s, r),
  /**
   * "PO 4500-8812" while a list, a machine question or an offer is open and the order still empty: noted for the line
   * the answer adds, and the question asked again.
   */
  details_waiting: (ctx, s, r) =>
    !!r.po &&
    s.draft.lines.length === 0 &&
    !!waitingFor(s.pending) &&
    // "passt, dann 2 Stück von der mit EPDM, Bestellnummer AMK-4471" answers the question too: the PO rides with it.
    !r.a.quantity &&
    !r.a.guess &&
    !r.a.machine &&
    !["add", "checkout", "yes", "change"].some((c) => ctx.cues.has(c as Cue)) &&
    findChoice(ctx.tokens) === undefined,
  /** "PO is X" — not "make it 3, PO number X" (a change of the line in focus; the PO rides with it). */
  order_details: (ctx, s, r) =>
    (!!r.po || ((!!r.date || !!r.shipTo) && (!r.a.guess || fuzzyOnly(r)))) &&
    s.draft.lines.length > 0 &&
    !countWithDate(s, r) &&
    !(!!r.po && !!r.a.quantity && !!s.focus.lineId && has(ctx, "change")),
  change_line: (ctx, s, r) =>
    !!s.focus.lineId && (has(ctx, "change") || namesLine(ctx, s, r)) && s.draft.lines.length > 0,
  /**
   * "Then the 230 V coil" about a line in the order: another variant of its product, by the values stated — with a
   * quantity said in the same clause ("take the 25 A one instead, 2 of them") both change.
   */
  value_switch: (ctx, s, r) =>
    !!s.focus.lineId &&
    SWITCH.test(ctx.conv.text) &&
    !ctx.conv.text.includes("?") &&
    !has(ctx, "price", "stock", "compat", "info", "find") &&
    !(r.a.guess?.confident && r.a.guess.hits[0]!.match.startsWith("sku")) &&
    !MORE_OF.test(ctx.conv.text),
  /**
   * "what did we order last time?", "welche Bestellungen hatten wir im Oktober?", "show me our last orders": a question
   * about earlier orders — asked, with no word of doing it again and no count — is answered, not ordered again.
   */
  history_question: (ctx, _s, r) =>
    !!ctx.conv.history &&
    // (A weak reading as history counts when the question is asked outright, and so does a question of what was
    // ordered in a month named: "can you show me what we ordered in march?", "Können Sie mir zeigen, was wir im
    // April bestellt haben?" — read as the current order's contents.)
    (has(ctx, "history") ||
      hasMarker("history", ctx.conv.text) ||
      ctx.u.clauses.some((c) => c.intent === "history") ||
      (ORDERED_BEFORE.test(ctx.conv.text) && monthsIn(ctx.conv.text).length > 0)) &&
    ASKS_HISTORY.test(ctx.conv.text) &&
    !SAID_AGAIN.test(ctx.conv.text) &&
    !SAME_OR_REORDER.test(ctx.conv.text) &&
    !r.a.quantity,
  history: (ctx) => has(ctx, "history") && !!ctx.conv.history,
  /** "10m same hose", "noch 10 m vom gleichen Schlauch": a product of the order again, not an earlier order. */
  same_as_line: (ctx, s, r) =>
    (has(ctx, "history") || hasMarker("history", ctx.conv.text)) && !has(ctx, "remove") && !!req.sameLine(ctx, s, r),
  /** "Does X fit Y?" — not "1 X for Y": a stated quantity of a named product without a question orders it. */
  /**
   * "Korrektur: Hub 300", "no wait, make that 4 pole", "doch mit Bremse 24 V": a correction that states values of a
   * configured line of the order and names no other product outright changes that line's options.
   */
  option_correction: (ctx, s, r) => !!correctedOptions(ctx, s, r),
  /** "What options are there for the configurable inverter?", "Was kann man beim Getriebemotor alles wählen?" */
  options_question: (ctx, _s, r) => !!askedAbout(ctx, r),
  /**
   * "the condenser fan on the huber cold room screeches", "the contactor … keeps failing. which one do we need?", "der
   * Lüfter am Kühlraum quietscht": a part reported broken — no count, no price or stock asked — is shown with what fits
   * its machine, never put on the order nor answered with one product's stock.
   */
  symptom: (ctx, _s, r) =>
    !!r.a.guess &&
    !r.a.quantity &&
    SYMPTOM.test(ctx.conv.text) &&
    !STOCK_ASKED.test(ctx.conv.text) &&
    !PRICE_ASKED.test(ctx.conv.text) &&
    r.a.guess.hits[0]!.match !== "sku_exact",
  compat: (ctx, _s, r) =>
    has(ctx, "compat") &&
    !!r.about &&
    (ctx.conv.text.includes("?") || ((!r.a.quantity || !r.sku) && !configuredNamed(ctx, r))),
  /**
   * "Sind die alle lagernd?", "is everything in stock?", "sind beide ab Lager lieferbar?": a stock question about every
   * line of the order (no product named) is answered with the order's lines and their delivery, not the last line's.
   */
  stock_of_draft: (ctx, s, r) =>
    (has(ctx, "stock") || (ctx.conv.text.includes("?") && STOCK_ASKED.test(ctx.conv.text))) &&
    s.draft.lines.length > 1 &&
    (EVERY_LINE_WORD.test(ctx.conv.text) || (s.focus.candidates.length === 0 && PLURAL_BACK.test(ctx.conv.text))) &&
    !(r.a.guess?.confident && namedOutright(ctx, r.a.guess.wordsName ?? r.a.guess.hits[0]!.sku)),
  /**
   * "was kostet das alles zusammen?", "what's the total for everything?", "how much altogether?": a price question about
   * every line of the order (no product named) is answered with the order and its total, not the last line's price.
   */
  price_of_every_line: (ctx, s, r) =>
    (has(ctx, "price") || PRICE_ASKED.test(ctx.conv.text) || SUM_ASKED.test(ctx.conv.text)) &&
    !has(ctx, "checkout") &&
    s.draft.lines.length > 1 &&
    (EVERY_LINE_WORD.test(ctx.conv.text) || TOTAL_WORD.test(ctx.conv.text)) &&
    !r.a.quantity &&
    !(r.a.guess?.confident && namedOutright(ctx, r.a.guess.wordsName ?? r.a.guess.hits[0]!.sku)),
  stock_and_price: (ctx, _s, r) => has(ctx, "stock") && has(ctx, "price") && r.question && !!r.about,
  price_question: (ctx, _s, r) => has(ctx, "price") && r.question && !!r.about && !configuredSpec(ctx, r),
  price_of_draft: (ctx, s, r) => has(ctx, "price") && !r.a.guess && s.draft.lines.length > 0,
  stock_question: (ctx, _s, r) => has(ctx, "stock") && r.question && !!r.about && !configuredSpec(ctx, r),
  product_info: (ctx, _s, r) => {
    const exact = r.a.guess?.confident && r.a.guess.hits[0]!.match === "sku_exact";
    return (
      !!r.sku &&
      !configuredSpec(ctx, r) &&
      (has(ctx, "info") || (!!exact && !has(ctx, "add", "find") && !r.a.quantity && !configuredNamed(ctx, r)))
    );
  },
  /**
   * "2 X", "add X" — or a configurable X named by its SKU with its option values ("X for line 3: 18 A, 230 V AC"),
   * or an exact SKU with a quantity ("1x X für <machine>"), also when it reads like a search: nobody searches for an
   * exact SKU with its values or a number of pieces.
   */
  /**
   * "the 28 mm EPDM one", "die Gehäusedichtung NCP 32" with that product on the order for that machine: the buyer
   * points at the line — nothing is added (no count, no word of addition, no question).
   */
  named_on_order: (ctx, s, r) => {
    const sku = req.pointedSku(ctx, s, r);
    return (
      !!sku &&
      !r.a.quantity &&
      POINTS_AT_NAMED.test(ctx.conv.text) &&
      !saysBeside(ctx.conv.text, ctx.lang) &&
      !has(ctx, "price", "stock", "compat", "change", "remove", "find") &&
      s.draft.lines.some((l) => l.sku === sku && (!r.a.machine || l.machineId === r.a.machine.machineId))
    );
  },
  /**
   * "dann 2 kartons stromdüsen 1,2 und 10 gasdüsen konisch": an item counted, whose words find several of a kind alike
   * and of which the machine the order is for takes one (`fittingOfKind`) — identified once the order has its machine.
   */
  chosen_by_machine: (_ctx, _s, r) => !!r.a.quantity && !r.a.guess?.confident && !!r.a.guess?.machinePick,
  add_named: (ctx, _s, r) =>
    !!r.a.guess &&
    !!r.sku &&
    // "… macht Krach, welchen Motor brauch ich", "which seal do we need for pump 2": asked which, without a count, the
    // buyer is shown what fits, not given one.
    !(!r.a.quantity && ASKS_WHICH.test(ctx.conv.text)) &&
    (configuredNamed(ctx, r) ||
      (!!r.a.quantity && exactNamed(r)) ||
      ((!!r.a.quantity || has(ctx, "add")) && !has(ctx, "find"))),
  /**
   * "Habt ihr CT-18-24DC?", "have you got the filter drier DML 165S?": a search for one product named outright, asked
   * as a question, asks whether it can be had — its stock, not a list of one.
   */
  have_named: (ctx, _s, r) =>
    has(ctx, "find") &&
    ctx.conv.text.includes("?") &&
    !!r.sku &&
    !r.a.guess!.hits[0]!.match.includes("fuzzy") &&
    (r.a.guess!.hits[0]!.match === "sku_exact" || r.a.guess!.hits.length === 1),
  product_named: (_ctx, _s, r) => !!r.a.guess,
  options_named: () => true,
  machine_named: (_ctx, _s, r) => !!r.a.machine,
  quantity_for_focus: (_ctx, s, r) => !!r.a.quantity && !!r.about && s.draft.lines.some((l) => l.sku === r.about),
  asks_without_product: (ctx, _s, r) => has(ctx, "price", "stock", "compat") && !r.a.guess,
  greet: (ctx) => has(ctx, "greet"),
  thanks: (ctx) => has(ctx, "thanks"),
  /** Below the confidence threshold and nothing of the catalog named: ask which of the readings was meant. */
  unclear: (ctx, s, r) => !r.a.guess && !r.a.quantity && !r.a.machine && readings(ctx, s, r).length >= 2,
  unknown_words: (ctx, _s, r) => r.a.productWords.length > 0 && !has(ctx, "help") && !outOfScope(ctx),
} satisfies Record<string, (ctx: Ctx, s: DialogueState, r: Reading) => boolean>;

export type EventName = keyof typeof EVENTS;

/**
 * Words of the message that resemble catalog words only as misspellings ("Pumpwerk" of a pump): nothing named —
 * beside a delivery address or a PO they are the words of that detail.
 */
function fuzzyOnly(r: Reading): boolean {
  return !!r.a.guess?.hits.every((h) => h.match === "text_fuzzy");
}

/** The words name a product of the order — its line, by its name or an attribute — and no other product outright. */
function namesOnlyOrdered(ctx: Ctx, s: DialogueState, r: Reading): boolean {
  const g = r.a.guess;
  if (!g || (g.hits[0]!.match === "sku_exact" && !s.draft.lines.some((l) => l.sku === g.hits[0]!.sku))) return false;
  const sku = req.pointedSku(ctx, s, r);
  return !!sku && s.draft.lines.some((l) => l.sku === sku);
}

/** The product named by its exact SKU. */
function exactNamed(r: Reading): boolean {
  const g = r.a.guess;
  return !!r.sku && !!g?.confident && g.hits[0]!.match === "sku_exact";
}

/**
 * "ok please do order", "yes do the order" to "shall I place the order?": an answer that echoes the open question's own
 * words (`CONFIRM_WORDS`, the words the consultant asks it with) and asks for nothing else is a yes, whatever the
 * classifier makes of the rest ("please do …" reads as a request for help).
 */
export function echoesConfirm(ctx: Ctx): boolean {
  if (ctx.conv.memo.pending?.kind !== "confirm" || ctx.u.attack) return false;
  if ([...ctx.cues].some((c) => !ANSWER_CUES.has(c))) return false;
  // "hmm the order thing" names the order but asks nothing of it: a yes or a request ("please do …") must be there.
  if (!ctx.cues.has("yes") && !ctx.cues.has("help")) return false;
  if (!ctx.tokens.some((t) => CONFIRM_WORDS.some((w) => t.lower.startsWith(w)))) return false;
  const a = analyse(ctx);
  return !a.guess && !a.quantity && !a.machine && !findPoReference(ctx.conv.text);
}

/** Words that add to what the order holds, or take from it: not a request to order it as it is. */
const NOT_AS_IT_IS =
  /\b(?:more|another|additional|extra|also|too|instead|without|weitere\w*|zusätzlich\w*|noch|auch|statt|ohne)\b/iu;

const WHOLE = /\b(?:all|both|everything|alle\w*|beide\w*|alles)\b/iu;

function ordersTheDraft(ctx: Ctx, s: DialogueState, r: Reading): boolean {
  const lines = s.draft.lines;
  if (lines.length === 0 || ctx.u.attack || ctx.conv.text.includes("?") || NOT_AS_IT_IS.test(ctx.conv.text))
    return false;
  if (has(ctx, "remove", "change", "cancel", "no") || r.a.machine || r.po) return false;
  if (!ctx.tokens.some((t) => CONFIRM_WORDS.some((w) => t.lower.startsWith(w)))) return false;
  // The products named are the order's: none named, or words whose candidates hold a line's product (and nothing
  // named outright that the order lacks).
  const g = r.a.guess;
  const named = g ? lines.filter((l) => g.hits.some((h) => h.sku === l.sku)) : lines;
  if (named.length === 0 || (g?.confident && !lines.some((l) => l.sku === g.hits[0]!.sku))) return false;
  const q = r.a.quantity?.value;
  // The order's contents must be named ("all three", "both", "the 2 tyres"): "hmm the order thing" names none.
  if (q === undefined) return !!g || WHOLE.test(ctx.conv.text);
  return (!g && q === lines.length) || named.some((l) => l.quantity === q);
}

/** Cues of an acknowledgement of items just added ("ok great, please add them", "danke, passt so, rein damit"). */
const ACK_CUES = new Set<Cue>(["yes", "thanks", "add", "greet"]);

/** Cues that leave a message an answer to the open question (no other request read in it). */
const ANSWER_CUES = new Set<Cue>(["yes", "help", "thanks", "greet"]);

/**
 * A configurable product named by its SKU together with values of its options — or by words with values of two or
 * more of its option groups ("Motorstarter für die Palettiermaschine: Schütz 9 A, Spule 24 V DC, …"): the buyer is
 * ordering it.
 */
function configuredNamed(ctx: Ctx, r: Reading): boolean {
  const g = r.a.guess;
  if (!r.sku || !g?.confident || (has(ctx, "info") && !configuredSpec(ctx, r))) return false;
  const options = optionsFor(ctx, r.sku);
  return !!options && (g.hits[0]!.match === "sku_exact" || configuredSpec(ctx, r) || Object.keys(options).length >= 2);
}

/**
 * "Antriebsbatterie nach Maß, 24 Volt, 375 Ah, Trog PT24, REMA 160", "condensing unit built to order, R449A, medium
 * temperature, low-noise fan": a configurable product with three or more of its option values, stated without a
 * question, is the buyer's specification of what to build — an order, whatever else the classifier hears in a list
 * of values (a look at the product, a price).
 */
/** Words that ask for one more of a product, not another value of the one on the order. */
const ANOTHER_ONE =
  /(?<![\p{L}])(?:another|a second|one more|additional|second one|noch (?:ein|eine|einen)|weitere[nmrs]?|zweite[nmrs]?|zusätzliche[nmrs]?)(?![\p{L}])/iu;

/** Words that correct an option said before (besides the count's correcting words). */
const CORRECTING_OPTION =
  /(?<![\p{L}])(korrektur|correction|doch|lieber|stattdessen|instead|rather|make (?:that|it)|no wait|sorry|actually|eigentlich|änderung|ändern)(?![\p{L}])/iu;

/** The configured line a correction's values are for, with those values. */
function correctedOptions(
  ctx: Ctx,
  s: DialogueState,
  r: Reading,
): { lineId: string; options: Record<string, string[]> } | undefined {
  const text = ctx.conv.text;
  if (text.includes("?") || r.a.quantity || ANOTHER_ONE.test(text)) return undefined;
  const g = r.a.guess;
  // "Kindly go with 7 mm fin spacing", "nimm die 460-V-Ausführung": a choice said with a word of switching, or the
  // configured product of a line named with its values and nothing added, sets that line's options as a correction does.
  const ofLine =
    !!g?.confident && !has(ctx, "add") && s.draft.lines.some((l) => l.sku === g.hits[0]!.sku && optionsFor(ctx, l.sku));
  if (!CORRECTING_OPTION.test(text) && !SWITCH.test(text) && !ofLine) return undefined;
  for (const line of [...s.draft.lines].reverse()) {
    // Another product named outright is a change of product, not of options.
    if (g?.confident && g.hits[0]!.match.startsWith("sku") && g.hits[0]!.sku !== line.sku) return undefined;
    const options = optionsFor(ctx, line.sku);
    if (options) return { lineId: line.lineId, options };
  }
  return undefined;
}

const correctOptions: Handler = (ctx, s, r, memo) => {
  const c = correctedOptions(ctx, s, r);
  return c
    ? { calls: [{ name: "set_options", args: { lineId: c.lineId, options: c.options } }], memo: memo() }
    : undefined;
};

/** An interrogative determiner before a noun: "which seal", "what filter", "welchen Motor", "was für ein Lager". */
/** A message that opens by pointing at a thing ("the 28 mm one", "yes, die mit EPDM", "that one"). */
const POINTS_AT_NAMED =
  /^\s*(?:(?:yes|yep|ok(?:ay)?|fine|right|ja|jo|gut|genau)[\s,.!]+)?(?:the|that|this|die|der|das|den|dem|diese[nmrs]?)\s/iu;

const ASKS_WHICH =
  /(?<![\p{L}])(?:which|what|welche[nmrs]?|was\s+für(?:\s+ein\w*)?)\s+(?!one\b|ones\b|of\b|is\b|are\b|do\b|does\b|did\b|would\b|will\b|can\b|i\b|we\b|you\b)\p{L}/iu;

/** Words that ask which choices a product offers (not a price, not stock). */
const OPTIONS_ASKED =
  /(?<![\p{L}])(options?|choices?|choose|select|configurations?|optionen|auswahl|wählen|auswählen|ausführungen|varianten|konfigurationen)(?![\p{L}])/iu;
const ASKING = /\?|^\s*(what|which|how|welche\w*|was|wie)\b/iu;

/**
 * A question for the choices of a configurable product, none of them stated: its groups and values, in the buyer's
 * language — not a search, a stock check or the product's description.
 */
function optionsAsked(ctx: Ctx, sku: string): { group: string; values: string[] }[] | undefined {
  const text = ctx.conv.text;
  if (!ASKING.test(text) || !OPTIONS_ASKED.test(text) || has(ctx, "price")) return undefined;
  const p = ctx.k.reader.products([sku]).get(sku);
  const model = p?.configModelId ? ctx.k.reader.configModel(p.configModelId) : undefined;
  if (!model || optionsFor(ctx, sku)) return undefined;
  return model.groups.map((g) => ({ group: g.code, values: g.options.map((o) => o.value) }));
}

/** The configurable product a question for choices is about: the one named, or the one configurable product found. */
function askedAbout(ctx: Ctx, r: Reading): string | undefined {
  if (!ASKING.test(ctx.conv.text) || !OPTIONS_ASKED.test(ctx.conv.text)) return undefined;
  const hits = (r.a.guess?.hits ?? []).slice(0, 8).map((h) => h.sku);
  const products = ctx.k.reader.products(hits);
  const configurable = hits.filter((sku) => products.get(sku)?.configModelId);
  // A ready-made product named by its SKU is asked about itself.
  if (r.sku && r.a.guess?.hits[0]?.match === "sku_exact" && !configurable.includes(r.sku)) return undefined;
  const sku = r.sku && configurable.includes(r.sku) ? r.sku : configurable.length === 1 ? configurable[0] : undefined;
  return sku && optionsAsked(ctx, sku) ? sku : undefined;
}

/** The choices of the configurable product asked about. */
const listOptions: Handler = (ctx, _s, r, memo) => {
  const sku = askedAbout(ctx, r);
  const groups = sku ? optionsAsked(ctx, sku) : undefined;
  if (!sku || !groups) return undefined;
  r = { ...r, sku };
  const lead = say(ctx.lang, `${r.sku} can be configured with:`, `${r.sku} ist konfigurierbar mit:`);
  const ask = say(ctx.lang, "What would you like, and how many?", "Was möchten Sie, und wie viele?");
  // The answer ("1.5 kW, 400 V, PROFINET", "2 of them with …") picks the product listed with its values.
  const pending: Pending = { kind: "choose_product", skus: [r.sku!], action: "add" };
  return { text: `${lead}\n${optionLines(ctx, r.sku!, groups)}\n${ask}`, memo: memo(pending, r.sku!) };
};

function configuredSpec(ctx: Ctx, r: Reading): boolean {
  const g = r.a.guess;
  if (!r.sku || !g?.confident || ctx.conv.text.includes("?")) return false;
  const options = optionsFor(ctx, r.sku);
  // "Heizelement nach Maß, 400 V, 2500 W", "made to spec, 230 V 1800 W": asked for a build, any value stated is part
  // of the specification.
  return !!options && Object.keys(options).length >= (asksForBuild(ctx.conv.text) ? 1 : 3);
}

/** Words that ask after stock ("in stock", "available", "lagernd", "ab Lager") — the intents may lean elsewhere. */
/**
 * Words that report a part broken or worn (ordinary language of any trade, English and German with its dialects):
 * leaking, screeching, tripping, failing, blunt, worn; undicht, quietscht, fliegt raus, fällt aus, stumpf, kaputt.
 */
const SYMPTOM =
  /(?<![\p{L}])(?:leak(?:s|ing|ed|y)?|drip(?:s|ping)|screech(?:es|ing)?|squeal(?:s|ing)?|squeak(?:s|ing)?|rattl(?:es|ing)|knock(?:s|ing)|noisy|vibrat(?:es|ing)|trip(?:s|ping|ped)|keeps? \p{L}+ing|fail(?:s|ing|ed)|broken|breaks|breaking|worn(?: out)?|blunt|cracked|burnt|burned out|defective|faulty|overheat(?:s|ing|ed)|stuck|jamm(?:ed|ing)|sweat(?:s|ing)|weep(?:s|ing)|sag(?:s|ging)|slipp(?:ing|s)|clogged|not working|doesn't work|won't (?:start|run|close|heat)|undicht|leck(?:t|en)?|tropft|rinnt|schwitzt|quietsch\p{L}*|kreisch\p{L}*|klappert|rattert|brummt|vibriert|macht (?:krach|lärm|geräusche?)|kaputt|defekt|verbrannt|durchgebrannt|fliegt (?:\p{L}+ )?raus|haut (?:\p{L}+ ){0,4}naus|löst (?:dauernd |ständig |immer )?aus|fällt (?:dauernd |ständig |immer )?aus|ausgefallen|geht nicht|tut nicht|spinnt|stumpf|gebrochen|bricht|brechen|brekt|verschlissen|abgenutzt|ausgeschlagen|platt|rutscht|sackt|verstopft|überhitzt|raucht|klemmt|gerissen|reißt|(?:ist|is|isch|san|sind|sin) (?:\p{L}+ )?(?:hin|hi|hee|hie|durch))(?![\p{L}])/iu;
/** Words that ask a price. */
const PRICE_ASKED =
  /(?<![\p{L}])(?:price|prices|cost|costs|how much|preis\p{L}*|kost\p{L}*|koscht\p{L}*|was macht)(?![\p{L}])/iu;
/** Words that ask the sum of the order ("total", "altogether", "insgesamt", "zusammen", "Gesamtpreis", "Summe"). */
const TOTAL_WORD =
  /(?<![\p{L}])(?:total|altogether|all\s+together|in\s+all|overall|grand\s+total|insgesamt|zusammen|gesamt\p{L}*|summe|alles\s+in\s+allem)(?![\p{L}])/iu;
/** Words that ask the sum itself ("what's the total?", "die Summe?", "Gesamtpreis?"). */
const SUM_ASKED =
  /(?<![\p{L}])(?:total|grand\s+total|summe|gesamtpreis|gesamtsumme|endsumme|gesamtbetrag)(?![\p{L}])/iu;
/** Words that take in every line of the order ("all", "everything", "both", "alle", "alles", "beide"). */
const EVERY_LINE_WORD = /(?<![\p{L}])(?:all|everything|both|alle|alles|beide|beides|sämtliche)(?![\p{L}])/iu;

/**
 * A plural pointing back ("are they in stock?", "sind die lieferbar?", "are those available?"): with no list open and
 * several lines on the order, the lines of the order — German by the plural verb beside the pronoun.
 */
const PLURAL_BACK =
  /(?<![\p{L}])(?:they|them|those|these|(?:sind|wären|waren|kommen|gehen)\s+(?:die|sie|diese|denn\s+die)|(?:die|sie|diese)\s+(?:sind|wären|kommen))(?![\p{L}])/iu;

export interface Transition {
  in: StateKind | "any";
  on: EventName;
  do: Handler;
}

/** Pending-kind handlers need the pending question of their kind. */
const answering =
  <K extends Pending["kind"]>(
    fn: (ctx: Ctx, p: Extract<Pending, { kind: K }>, memo: MemoFn) => Step | undefined,
  ): Handler =>
  (ctx, s, _r, memo) =>
    s.pending ? fn(ctx, s.pending as Extract<Pending, { kind: K }>, memo) : undefined;

/**
 * The transition table: (state, event) → handler, first applicable row wins. Rows for an open question come
 * before the fresh requests, so an answer is read as an answer; a message that is a question about something
 * else leaves the open question unanswered (state `idle`).
 */
export const TRANSITIONS: Transition[] = [
  // Whatever is open
  {
    in: "any",
    on: "count_per_line",
    do: (ctx, _s, _r, memo) => {
      const { lineId, quantity } = perLineCount(ctx)!;
      return { calls: [{ name: "update_line", args: { lineId, quantity } }], memo: memo() };
    },
  },
  {
    in: "any",
    on: "drops_named_lines",
    do: (ctx, _s, _r, memo) => ({
      calls: droppedLines(ctx)!.map((lineId) => ({ name: "remove_line", args: { lineId } })),
      memo: memo(),
    }),
  },
  {
    in: "any",
    on: "refused_only",
    do: (ctx, s, r, memo) => ({ text: refusal(ctx.u.attack ?? pressure(ctx, r)!, ctx.lang), memo: memo(s.pending) }),
  },
  { in: "any", on: "beyond_reach", do: req.answerBeyondReach },
  { in: "choose_product", on: "picks_every", do: answering(addEveryListed) },
  // (A question about earlier orders, before any reading of one as a reorder.)
  { in: "any", on: "history_question", do: req.showHistory },
  { in: "any", on: "past_order", do: req.repeatOrder },
  {
    in: "any",
    on: "compare_named",
    do: (ctx, _s, r, memo) => compareNamed(ctx, comparedProducts(ctx)!, memo, r.a.machine?.machineId),
  },
  { in: "any", on: "compare_unnamed", do: (ctx, s, _r, memo) => whichTwo(ctx, () => memo(s.pending)) },
  { in: "any", on: "then_after_question", do: instructionAlone },
  { in: "any", on: "order_and_question", do: orderThenQuestion },
  { in: "any", on: "order_asking_when", do: orderAskingWhen },
  { in: "any", on: "order_asking_stock", do: orderAskingStock },
  { in: "any", on: "details_and_question", do: detailsThenQuestion },
  { in: "any", on: "pack_switch", do: switchPack },
  { in: "any", on: "variant_counts", do: (ctx, _s, _r, memo) => ({ calls: variantCorrection(ctx), memo: memo() }) },
  { in: "any", on: "line_split", do: splitOverMachines },
  { in: "any", on: "line_count_clauses", do: lineCountClauses },
  { in: "any", on: "count_correction", do: correctCount },
  { in: "any", on: "machine_line_count", do: countForMachine },
  {
    in: "any",
    on: "count_of_other_line",
    do: (ctx, s, r, memo) => req.setLineQuantity(otherLineEdited(ctx, r.a, s.pending!)!)(ctx, s, r, memo),
  },
  // Before the items of a list are read: "die dritte, davon 2" counts the open list, it is no item of its own.
  { in: "choose_product", on: "list_count_beside_item", do: listCountAndItem },
  { in: "fixes", on: "several_products", do: switchBesideItems },
  { in: "any", on: "several_products", do: (ctx, s) => withRemovals(ctx, s, multiAdd(ctx)) },
  { in: "any", on: "several_edits", do: editClauses },
  { in: "any", on: "machine_for_lines", do: machineForLines },
  { in: "any", on: "arrives_by", do: req.ask("stock") },
  // The open question
  { in: "any", on: "refuses_adding", do: notAdded },
  { in: "confirm", on: "yes_or_place", do: answering(answerConfirm) },
  { in: "confirm", on: "orders_draft", do: req.place },
  // (The order offered again for confirmation; the item of an open list asked for again.)
  {
    in: "any",
    on: "acknowledges_added",
    do: (ctx, s, r, memo) => {
      // (A yes to "or shall I place the order without it?" places it.)
      if (s.open === "confirm" || (s.pending?.kind === "choose_product" && s.pending.placingAsked))
        return req.place(ctx, s, r, memo);
      const which = openPickBeforePlacing(ctx);
      return which
        ? {
            text: which,
            memo: memo({ ...s.pending!, placingAsked: true } as Extract<Pending, { kind: "choose_product" }>),
          }
        : undefined;
    },
  },
  { in: "confirm", on: "bare_no", do: req.declined },
  // "was koscht der? isch der am lager" to a list of one (what fits the machine a symptom named): about that one, as
  // to an offer of it.
  {
    in: "any",
    on: "asks_of_listed",
    do: (ctx, s, r, memo) => {
      const p = listOf(s.pending)!;
      // "does the last one fit band 4 too?": the machine the question names, else the list's.
      const machineId = r.a.machine?.machineId ?? p.machineId;
      // The words that ask it count as the cue where the classifier read the sentence otherwise.
      const asked = [...wordsAsk(ctx.conv.text), ...askedBefore(ctx, s)];
      const cues = new Set([...ctx.cues, ...asked]);
      const kinds = (["price", "stock", "compat"] as const).filter((c) => cues.has(c));
      return answerQuantity(
        asked.length ? { ...ctx, cues } : ctx,
        {
          kind: "quantity",
          sku: listedAsked(ctx, s)!,
          ...(machineId ? { machineId } : {}),
          ...(p.quantity ? { quantity: p.quantity } : {}),
          ...(p.unit ? { unit: p.unit } : {}),
        },
        keepingList(memo, p, kinds),
      );
    },
  },
  { in: "choose_product", on: "reference", do: pickByReference },
  { in: "choose_product", on: "insist", do: req.insist },
  { in: "choose_product", on: "always", do: answering(answerChooseProduct) },
  { in: "choose_machine", on: "always", do: answering(answerChooseMachine) },
  // "Korrektur: doch mit Bremse 24 V" while a fix of the configured line is offered: the buyer corrects an option of it
  // (the fixes are offered again for what the line is then), not a pick of a fix.
  { in: "fixes", on: "option_correction", do: correctOptions },
  { in: "fixes", on: "always", do: answering(answerFixes) },
  { in: "options", on: "always", do: answering(answerOptions) },
  {
    in: "quantity",
    on: "picks_listed",
    do: (ctx, s, _r, memo) => answerChooseProduct(ctx, listOf(s.pending)!, memo),
  },
  {
    in: "quantity",
    on: "always",
    do: (ctx, s, r, memo) => {
      const list = listOf(s.pending);
      const asked = s.pending?.kind === "quantity" ? s.pending.asked : undefined;
      return answering(answerQuantity)(ctx, s, r, list ? keepingList(memo, list, asked) : memo);
    },
  },
  { in: "quantity", on: "bare_no", do: req.declined },
  // Below the confidence threshold, nothing of the catalog named: ask, don't act
  { in: "any", on: "unclear", do: clarify },
  // A fresh request
  { in: "any", on: "list_machines", do: req.machines },
  { in: "any", on: "remove", do: req.removeLine },
  { in: "any", on: "remove_absent", do: req.notInOrder },
  { in: "any", on: "cancel", do: req.cancel },
  { in: "any", on: "fuzzy_only", do: (ctx, s, r, memo) => clarify(ctx, s, r, memo) ?? req.redirected(ctx, s, r, memo) },
  { in: "any", on: "place", do: req.place },
  { in: "any", on: "show", do: req.review },
  { in: "any", on: "order_details", do: req.orderDetails },
  { in: "any", on: "details_waiting", do: req.detailsWhileOpen },
  { in: "any", on: "same_as_line", do: req.sameAsLine },
  { in: "any", on: "more_for_machine", do: req.moreForMachine },
  { in: "any", on: "move_line", do: req.moveLine },
  { in: "any", on: "machine_correction", do: req.correctMachine },
  { in: "any", on: "change_line", do: req.changeLine },
  { in: "any", on: "value_switch", do: switchByValue },
  { in: "any", on: "history", do: req.sameAsBefore },
  { in: "any", on: "option_correction", do: correctOptions },
  { in: "any", on: "options_question", do: listOptions },
  { in: "any", on: "symptom", do: (ctx, _s, r, memo) => find(ctx, r.a, memo, "info") },
  { in: "any", on: "compat", do: req.ask("compat") },
  { in: "any", on: "stock_of_draft", do: req.review },
  { in: "any", on: "price_of_every_line", do: req.review },
  { in: "any", on: "stock_and_price", do: stockAndPrice },
  { in: "any", on: "price_question", do: req.ask("price") },
  { in: "any", on: "price_of_draft", do: req.review },
  { in: "any", on: "stock_question", do: req.ask("stock") },
  { in: "any", on: "product_info", do: req.info },
  { in: "any", on: "named_on_order", do: req.onOrder },
  { in: "any", on: "add_named", do: req.add },
  { in: "any", on: "have_named", do: req.ask("stock") },
  { in: "any", on: "product_named", do: req.list },
  { in: "any", on: "options_named", do: req.setOptions },
  { in: "any", on: "machine_named", do: req.forMachine },
  { in: "any", on: "quantity_for_focus", do: req.setFocusQuantity },
  { in: "any", on: "asks_without_product", do: req.whichProduct },
  { in: "any", on: "greet", do: req.greet },
  { in: "any", on: "thanks", do: req.thanks },
  { in: "any", on: "bare_no", do: req.declined },
  { in: "any", on: "unknown_words", do: req.notFound },
  { in: "any", on: "always", do: req.redirected },
];

/**
 * An item of a multi-item message whose product was not identified ("… and 4 fittings for it"), decided after the
 * identified items were added: the rows of the table for a product named (candidates to choose from) and for words
 * the catalog does not know. It never edits the draft itself.
 */
const ITEM_TRANSITIONS: Transition[] = [
  {
    in: "any",
    on: "chosen_by_machine",
    do: (ctx, _s, r, memo) => {
      const a = machinePicked(ctx, r.a);
      return action(ctx, "add", a.guess!.hits[0]!.sku, a, memo, { machineId: a.guess!.machinePick!.machineId });
    },
  },
  { in: "any", on: "product_named", do: req.list },
  { in: "any", on: "unknown_words", do: req.notFound },
];

/** A question of the message set aside while its order was served (`orderThenQuestion`): answered, never an edit. */
const QUESTION_TRANSITIONS: Transition[] = [
  { in: "any", on: "options_question", do: listOptions },
  { in: "any", on: "compat", do: req.ask("compat") },
  { in: "any", on: "stock_and_price", do: stockAndPrice },
  { in: "any", on: "price_question", do: req.ask("price") },
  { in: "any", on: "stock_question", do: req.ask("stock") },
  { in: "any", on: "product_info", do: req.info },
];

export function transitionItem(ctx: Ctx, memo: MemoFn, question = false): Step | undefined {
  const s = dialogueState(ctx);
  const r = readMessage(ctx, s);
  for (const row of question ? QUESTION_TRANSITIONS : ITEM_TRANSITIONS) {
    if (!EVENTS[row.on](ctx, s, r)) continue;
    const step = row.do(ctx, s, r, memo);
    if (step) return step;
  }
  return undefined;
}

/** The dialogue state of this decision. */
export function dialogueState(ctx: Ctx): DialogueState {
  const { conv } = ctx;
  const pending = conv.memo.pending;
  const a = analyse(ctx);
  const open =
    pending && !isQuestionAboutOther(ctx, pending) && !editsOtherLine(ctx, a, pending) ? pending.kind : "idle";
  return {
    open,
    ...(pending ? { pending } : {}),
    focus: {
      candidates: pending?.kind === "choose_product" ? pending.skus : [],
      ...(conv.memo.focusSku ? { sku: conv.memo.focusSku } : {}),
      ...(() => {
        const lineId = targetLine(ctx, a);
        return lineId ? { lineId } : {};
      })(),
    },
    draft: conv.draft,
  };
}

export function readMessage(ctx: Ctx, s: DialogueState): Reading {
  const a = analyse(ctx);
  const onOrder = asksAboutOrder(ctx, s, a);
  const sku =
    lineAskedAbout(ctx, s, a) ??
    lineCounted(ctx, s, a) ??
    (a.guess?.confident && !onOrder ? a.guess.hits[0]!.sku : undefined);
  // "Do you have X?" lists X alone: "price and when?" is about it.
  const only = (xs: string[]) => (xs.length === 1 ? xs[0] : undefined);
  const about =
    sku ??
    lineAsked(ctx, s, a) ??
    (a.guess && !onOrder
      ? undefined
      : (s.focus.sku ?? only(s.draft.lines.map((l) => l.sku)) ?? only(s.focus.candidates)));
  // "Repeat our PO KA-26-3110 …, new PO number KA-26-4410": a reference of an earlier order names that order; the
  // order's own PO is a reference that names none.
  const refs = orderReferences(ctx.conv.text);
  const pastRefs = new Set(
    (ctx.conv.history ?? [])
      .flatMap((h) => [String(h.reference ?? ""), String(h.orderId ?? "")])
      .map((x) => x.toLowerCase())
      .filter((x) => x.length > 0),
  );
  // "wie bi de Bestellig MB-26-118": a code that is the reference of an earlier order names it, whatever word leads it.
  const named =
    refs.find((x) => pastRefs.has(x.toLowerCase())) ??
    tokenizeText(ctx.conv.text).find((t) => pastRefs.has(t.lower) && /\d/.test(t.lower))?.text;
  // "2 von den Filterservice-Sets wie im Mai", "same as in May …, but 3 bearings instead of 2": the earlier order placed
  // in the month named, the lines the words name with the counts said (`orderOfMonth`) — a time said of an order is a
  // reorder as a reorder word is; unless the message is a list of which that order is one item (`listBeside`).
  // (A price question that names a month — "im August hab ich 94 € bezahlt, warum ist das jetzt teurer?" — asks about
  // the price, it orders nothing again.)
  const priceOnly = ctx.cues.has("price") && !ctx.cues.has("add");
  const month = named || priceOnly ? undefined : orderOfMonth(ctx, ctx.conv.text, a);
  const dated = month && !listBeside(ctx, month) ? month : undefined;
  // A reorder word of the corpus ("same", "repeat", "gleichen") or nothing else ordered: that order again.
  const pastOrder =
    dated?.orderId ??
    (named && (hasMarker("history", ctx.conv.text) || !namesOtherProducts(ctx, named)) ? named : undefined);
  const po = pastOrder ? refs.find((x) => !pastRefs.has(x.toLowerCase())) : findPoReference(ctx.conv.text);
  // "… sondern an Servicewagen 3": one of the account's addresses, other than the one the order goes to now.
  const address = namedShipTo(ctx.conv.text, ctx.conv.shipTos ?? []);
  const shipTo =
    address && address !== (s.draft.shipToId ?? ctx.conv.shipTos?.find((t) => t.isDefault)?.shipToId)
      ? address
      : undefined;
  return {
    ...(shipTo ? { shipTo } : {}),
    ...(pastOrder ? { pastOrder } : {}),
    ...(dated ? { pastLines: dated.lines } : {}),
    a,
    ...(sku ? { sku } : {}),
    ...(about ? { about } : {}),
    question: ctx.conv.text.includes("?") || !ctx.cues.has("add"),
    ...(po ? { po } : {}),
    ...(ctx.u.date ? { date: ctx.u.date } : {}),
  };
}

/**
 * "Are the SPA belts in stock?", "was kosten die Keilriemen?" with an SPA belt in the order: a question about a kind of
 * product, no count and no code said, of which one line of the order is an example, is about that line — not about
 * the kind's best match in the catalog (which would be offered to add).
 */
function lineAskedAbout(ctx: Ctx, s: DialogueState, a: ReturnType<typeof analyse>): string | undefined {
  if (!a.guess || a.quantity || s.draft.lines.length === 0) return undefined;
  if (!has(ctx, "price", "stock", "compat") || has(ctx, "add", "change", "remove")) return undefined;
  if (a.guess.hits[0]!.match.startsWith("sku")) return undefined;
  const onOrder = (g: typeof a.guess) => {
    const hits = new Set((g?.hits ?? []).map((h) => h.sku));
    return [...new Set(s.draft.lines.map((l) => l.sku).filter((x) => hits.has(x)))];
  };
  const skus = onOrder(a.guess);
  if (skus.length === 1 || !has(ctx, "price")) return skus.length === 1 ? skus[0] : undefined;
  // "Gilt da schon unser Sonderpreis für die Dichtung?", "is our contract price applied for the driers?": the words of
  // the price are no product words — read without them, the words name the line (one of the order's products among
  // their candidates, or of several the one whose name carries the words).
  const rest = withoutPriceTalk(ctx.conv.text);
  const b = rest === ctx.conv.text ? undefined : analyse(ctx, rest);
  if (!b?.guess || b.quantity || b.guess.hits[0]!.match.startsWith("sku")) return undefined;
  const named = onOrder(b.guess);
  if (named.length === 1) return named[0];
  const byName = s.draft.lines.find((l) => l.lineId === lineByWords(ctx))?.sku;
  if (!byName) return undefined;
  if (named.length > 1) return named.includes(byName) ? byName : undefined;
  // None of the order's products among the candidates ("the driers" finds a service kit that holds one): the line
  // whose name carries the words as well as the best candidate's does — not when the candidate's carries more ("an
  // SPB belt" beside an SPA belt on the order asks about the SPB belt).
  const words = tokenizeText(rest)
    .map((t) => t.lower)
    .filter((w) => w.length > 2);
  const top = b.guess.hits[0]!.sku;
  const names = ctx.k.allNames([byName, top]);
  return carriedWords(names.get(byName) ?? "", words) >= carriedWords(names.get(top) ?? "", words) ? byName : undefined;
}

/**
 * "10 cylinders please", "make the fans 3", "noch 2 Trockner" with a cylinder, a fan motor, a drier on the order: a
 * count whose words name a line of the order (its product's name carries them as well as the best candidate's does) is
 * about that line's product — not the first product of the catalog the words find. Not with another machine named, a
 * SKU, or a question.
 */
function lineCounted(ctx: Ctx, s: DialogueState, a: ReturnType<typeof analyse>): string | undefined {
  if (!a.guess || !a.quantity || s.draft.lines.length === 0) return undefined;
  if (has(ctx, "find", "price", "stock", "compat", "info") || ctx.conv.text.includes("?")) return undefined;
  // "das Lager 6309 bitte löschen" beside a 6204 bearing: a removal counts nothing, and a number the best match's code
  // carries names that product.
  if (has(ctx, "remove", "cancel") || a.guess.hits[0]!.sku.split(/[-_/.]/).includes(String(a.quantity.value)))
    return undefined;
  const line = s.draft.lines.find((l) => l.lineId === lineByWords(ctx));
  if (!line || (a.machine && a.machine.machineId !== (line.machineId ?? s.draft.machineId))) return undefined;
  // A code names its product — unless the words merely begin codes, the line's among them ("Fett" of "FETT-H1-400").
  const match = a.guess.hits[0]!.match;
  if (match.startsWith("sku") && !(match === "sku_partial" && a.guess.hits.some((h) => h.sku === line.sku)))
    return undefined;
  const top = a.guess.hits[0]!.sku;
  if (top === line.sku) return line.sku;
  const words = productishWords(ctx);
  if (words.length === 0) return undefined;
  const names = ctx.k.allNames([line.sku, top]);
  // "Kerzen" of the "Filterkerze" line: the head of a German compound names it as the whole word does.
  const carried = (name: string, kind: readonly string[] = []) =>
    words.filter(
      (w) =>
        carriedWords(name, [w]) > 0 ||
        (ctx.lang === "de" && compoundHead([...nameWords(name)], w)) ||
        nameNames(kind, w) ||
        compoundHead(kind, w),
    ).length;
  // "die Lager auf 3" of a "Stehlagereinheit": the words of the line's kind (its category) name it too — not when the
  // best candidate is of that kind as well ("1 sealing tool 227 x 178" beside a seal pad set of the sealing tools is
  // the other tool, a new line).
  const kinds = ctx.k.reader.products([line.sku, top]);
  const category = kinds.get(line.sku)?.category ?? "";
  const kind = category === kinds.get(top)?.category ? [] : (ctx.k.kindWords.get(category) ?? []);
  const own = carried(names.get(line.sku) ?? "", kind);
  return own === words.length && own >= carried(names.get(top) ?? "") ? line.sku : undefined;
}

/**
 * "wann kommt das kit?", "what does the controller cost?", "Was kostet das Netzteil?": a question (price, stock, delivery)
 * whose words name no product outright but point at exactly one line of the order — a product among the words'
 * candidates, or the line's name or a pronoun (`targetLine`) — is about that line, not a search of the catalog. Not a message that
 * orders (a count or an order reading), nor one that names a product of the catalog outside the order with confidence.
 */
function lineAsked(ctx: Ctx, s: DialogueState, a: ReturnType<typeof analyse>): string | undefined {
  const lines = s.draft.lines;
  const text = ctx.conv.text;
  if (lines.length === 0 || a.quantity || !text.includes("?")) return undefined;
  const asks = has(ctx, "price", "stock", "find", "info") || STOCK_ASKED.test(text) || PRICE_ASKED.test(text);
  if (!asks || has(ctx, "add")) return undefined;
  // "is the second line in stock?", "was kostet die erste Position?": the line an ordinal names (no list open).
  const nth = listOf(s.pending) ? undefined : ordinalLine(ctx, lines);
  if (nth) return nth.sku;
  const g = a.guess;
  if (g?.confident && !lines.some((l) => l.sku === g.hits[0]!.sku)) return undefined;
  const skus = new Set(lines.map((l) => l.sku));
  const hit = [...new Set((g?.hits ?? []).map((h) => h.sku).filter((x) => skus.has(x)))];
  if (hit.length === 1) return hit[0];
  if (hit.length > 1) return undefined;
  // "what does a SPB belt cost?" with an SPA belt on the order: words that name products of the catalog, none of them
  // on the order, ask about those products — not about the line last touched.
  if (g && g.hits.length > 0 && !g.hits.some((h) => skus.has(h.sku))) return undefined;
  // The line the words point at (`targetLine`: its name, "line 2", or "it"/"das" — the last one).
  return lines.find((l) => l.lineId === s.focus.lineId)?.sku;
}

/** Words an ordinal names a line of the order with ("the second line", "die erste Position", "the last one"). */
const LINE_WORD = /^(?:line|lines|one|item|position|pos|posten|zeile)$/u;

/** The line of the order an ordinal word followed by a line word (or nothing) names. */
function ordinalLine(ctx: Ctx, lines: DraftView["lines"]): DraftView["lines"][number] | undefined {
  const tokens = ctx.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (/^\d+$/.test(tokens[i]!.lower)) continue;
    const n = findChoice([tokens[i]!]);
    if (n === undefined) continue;
    const next = tokens[i + 1]?.lower;
    if (next !== undefined && !LINE_WORD.test(next)) continue;
    return n === -1 ? lines.at(-1) : lines[n - 1];
  }
  return undefined;
}

/**
 * "How fast can you deliver to Kiel? The bakery needs the cold room before christmas": a question about stock or
 * delivery that names no product, beside words outside the question that merely resemble a product's name ("cold room"
 * of a cold room controller), is about the order — its words order nothing (no count, no code, no order reading).
 */
function asksAboutOrder(ctx: Ctx, s: DialogueState, a: ReturnType<typeof analyse>): boolean {
  if (s.draft.lines.length === 0 || a.quantity || !ctx.conv.text.includes("?")) return false;
  if (!ctx.cues.has("stock") || ctx.cues.has("add")) return false;
  if (a.guess?.hits[0]?.match.startsWith("sku")) return false;
  const questions = ctx.conv.text.match(/[^.!?]*\?/g) ?? [];
  return questions.length > 0 && questions.every((q) => !analyse(ctx, q).guess);
}

/** Words that say an order again ("nochmal", "once more"). */
const SAID_AGAIN =
  /(?<![\p{L}])(?:nochmal|nochmals|noch\s+mal|erneut|wiederholen|genauso|again|once\s+more|repeat)(?![\p{L}])/iu;

/**
 * "12,5 m hose, 20 fittings and 50 seal rings, Bestellnr RP-4471": items of the buyer's own (counted, or not on the
 * earlier order with that reference) — the reference is this order's PO (reused), not a request to repeat that order.
 */

/**
 * Whether the message orders other products than those of the earlier order with this reference: a count of its own, or
 * words that name none of the order's products (not even among the candidates of a word for a kind of product).
 */
function namesOtherProducts(ctx: Ctx, ref: string): boolean {
  const key = ref.toLowerCase();
  const rows = (ctx.conv.history ?? []).filter(
    (h) => String(h.reference ?? "").toLowerCase() === key || String(h.orderId ?? "").toLowerCase() === key,
  ) as { sku: string }[];
  const skus = new Set(rows.map((h) => String(h.sku)));
  const parts = itemParts(ctx);
  // "die Bestellung BR-4500-1187 vom Mai nochmal genauso: 2 Zackenmesser, 4 Heizpatronen und 2 Rollen Teflonband": the
  // order's lines counted item by item — each counted item naming a line of it (or that line's successor) — name no
  // other product.
  const own = (part: string) => linesNamedBy(ctx, part, rows).length > 0;
  const counted = parts.filter((part) => analyse(ctx, part).quantity);
  // (Only when the message says it again — "nochmal", "once more": "…, Bestellnr RP-4471" beside items of the buyer's
  // own reuses an earlier order's PO for this one.)
  const itemised = SAID_AGAIN.test(ctx.conv.text) && counted.length > 1 && counted.every(own);
  return parts.some((part) => {
    const a = analyse(ctx, part);
    // "die Filterelemente wie bei KA-26-3110": words for a kind of product of which the order's line is one name it.
    return !!a.guess?.confident && (a.quantity ? !(itemised && own(part)) : !a.guess.hits.some((h) => skus.has(h.sku)));
  });
}

/** Runs the table: the first row for this state and a present event whose handler applies. */
export function transition(whole: Ctx, memo: MemoFn): Step {
  const s = dialogueState(whole);
  const r = readMessage(whole, s);
  const ctx = weighedCount(settleIntent(askedByWords(whole), s, r), s);
  for (const row of TRANSITIONS) {
    if (row.in !== "any" && row.in !== s.open) continue;
    if (!EVENTS[row.on](ctx, s, r)) continue;
    const step = row.do(ctx, s, r, memo);
    if (step)
      return restatedLines(
        ctx,
        s,
        withOrderDetails(ctx, s, step, r.po ?? carriedPo(s), r.shipTo, datedWith(s, r, step) ? r.date : undefined),
      );
  }
  return req.redirected(ctx, s, r, memo)!;
}

/**
 * "PO 4711-B: 2 X and a Y": a PO reference stated with the lines it orders goes on the order with them (after the
 * lines, so the draft it is set on holds them).
 */
function withOrderDetails(
  ctx: Ctx,
  s: DialogueState,
  step: Step,
  po: string | undefined,
  shipToId: string | undefined,
  date?: string,
): Step {
  const args = {
    ...(po && po !== s.draft.poReference ? { poReference: po } : {}),
    ...(date ? { requestedDate: date } : {}),
    ...(shipToId ? { shipToId } : {}),
  };
  if (!Object.keys(args).length || !ctx.tools.has("set_order_details") || !step.calls?.length) return step;
  if (step.calls.some((c) => c.name === "set_order_details")) return step;
  const details = { name: "set_order_details", args };
  // "ok, please make the order, our reference MSE-0412": the PO goes on the draft that is checked and confirmed.
  const checkout = step.calls.findIndex((c) => c.name === "review_order" || c.name === "place_order");
  if (checkout >= 0)
    return { ...step, calls: [...step.calls.slice(0, checkout), details, ...step.calls.slice(checkout)] };
  if (!step.calls.some((c) => DRAFT_EDITS.has(c.name))) return step;
  return { ...step, calls: [...step.calls, details] };
}

/**
 * "ah, Karton à 10 – nee dann 3 Kartons, so wie im März": a product of the order asked for again in a correction is
 * its line's new count (in the pack said), not a second line of it — unless the buyer asks for more of it.
 */
function restatedLines(ctx: Ctx, s: DialogueState, step: Step): Step {
  const text = ctx.conv.text;
  if (!step.calls?.length || !RESTATING.test(text) || ADDING_MORE.test(text)) return step;
  const used = new Set<string>();
  const calls = step.calls.map((c) => {
    if (c.name !== "add_line") return c;
    const { sku, quantity, unit, machineId } = c.args as {
      sku?: string;
      quantity?: number;
      unit?: string;
      machineId?: string;
    };
    const line = s.draft.lines.find(
      (l) => l.sku === sku && !used.has(l.lineId) && (!machineId || !l.machineId || l.machineId === machineId),
    );
    if (!line || quantity === undefined) return c;
    used.add(line.lineId);
    return { name: "update_line", args: { lineId: line.lineId, quantity, ...(unit ? { unit } : {}) } };
  });
  return used.size ? { ...step, calls } : step;
}

/** Words that correct what the order says ("nee dann", "no, make it", "doch", "instead", "rather"). */
const RESTATING =
  /(?<![\p{L}])(?:nee|nein|no|nope|doch|stattdessen|instead|lieber|rather|korrektur|correction)(?![\p{L}])/iu;
/** Words that ask for more of a product than the order has ("another", "more", "zusätzlich", "weitere", "noch"). */
const ADDING_MORE = /(?<![\p{L}])(?:more|another|additional|extra|zusätzlich\w*|weitere\w*|noch)(?![\p{L}])/iu;

/**
 * "actually 3 cartons, the job starts monday": a count for the line in focus said with a date and nothing else of the
 * order's details — the count changes the line, the date goes on the order with it.
 */
function countWithDate(s: DialogueState, r: Reading): boolean {
  return !r.po && !r.shipTo && !!r.date && !!r.a.quantity && !!s.focus.lineId && (!r.a.guess || fuzzyOnly(r));
}

/**
 * "3 Gleitringdichtungen für Pumpe 2, Liefertermin 18.12.": a date stated with the lines the message adds or changes
 * goes on the order with them, as a count said with a date does.
 */
function datedWith(s: DialogueState, r: Reading, step: Step): boolean {
  return (
    countWithDate(s, r) || (!!r.date && !!step.calls?.some((c) => c.name === "add_line" || c.name === "update_line"))
  );
}

/**
 * "3 filter elements for IMM 9, our PO is KA-26-4471", then the pick from the list: the PO stated with the request
 * goes on the order with the line the pick adds (unless the order already has one).
 */
function carriedPo(s: DialogueState): string | undefined {
  const p = s.pending;
  if (s.draft.poReference) return undefined;
  const waiting = waitingFor(p);
  if (waiting?.poReference) return waiting.poReference;
  if (p?.kind !== "choose_product" || !p.said) return undefined;
  return findPoReference(p.said);
}

/** The products an open question that adds a line is about: the listed ones, or the one asked for. */
function offeredBy(p: Pending | undefined): string[] {
  const w = waitingFor(p);
  return !w ? [] : w.kind === "choose_product" ? w.skus : [w.sku];
}

/**
 * "make the tines 30 actually", "change the door glass to 3" while a question about another product is open: the
 * message names a line of the order that the question is not about, with a count or a change — an edit of that line,
 * not the answer (the question's product is not added with the line's count).
 */
function editsOtherLine(ctx: Ctx, a: Analysis, pending: Pending): boolean {
  return !!otherLineEdited(ctx, a, pending);
}

/** The line of the order that `editsOtherLine` finds named. */
function otherLineEdited(ctx: Ctx, a: Analysis, pending: Pending): string | undefined {
  const asked = offeredBy(pending);
  const lines = ctx.conv.draft.lines;
  if (asked.length === 0 || lines.length === 0 || (!a.quantity && !ctx.cues.has("change"))) return undefined;
  const top = a.guess?.confident ? a.guess.hits[0]!.sku : undefined;
  if (top) return asked.includes(top) ? undefined : lines.find((l) => l.sku === top)?.lineId;
  // Words that (also) name a product the question is about answer it ("the quick-fit ones, 12"); a count in a unit
  // and nothing else ("no make it 2 rolls") names no line.
  if (!a.guess || a.guess.hits.slice(0, 5).some((h) => asked.includes(h.sku))) return undefined;
  const named = lines.find((l) => l.lineId === lineByWords(ctx));
  return named && !asked.includes(named.sku) ? named.lineId : undefined;
}

/** "just asking what it costs", "nur gefragt, wann es kommt": the refusal carries a question of its own. */
const ASKING_ABOUT =
  /(?<![\p{L}])(?:asking|wondering|checking|gefragt|frage)\s+(?:what|how|if|whether|about|when|where|which|wie|was|ob|wann|wo|welche\w*|nach)(?![\p{L}])/iu;

/** Words beside the refusal ("don't add it, but 2 of the seals") that name a product the open question is not about. */
function namesOtherThanOffered(ctx: Ctx, s: DialogueState): boolean {
  const rest = ctx.conv.text.replace(new RegExp(NOT_ADDING.source, "giu"), " ");
  if (!/\p{L}{3,}/u.test(rest)) return false;
  const g = analyse(ctx, rest).guess;
  return !!g?.confident && !offeredBy(s.pending).includes(g.hits[0]!.sku);
}

/** "just asking, don't add it" to an open offer: nothing added, the order as it is. */
function notAdded(ctx: Ctx, s: DialogueState, _r: Reading, memo: MemoFn): Step {
  return {
    text:
      s.draft.lines.length > 0
        ? say(
            ctx.lang,
            "OK — I won't add it. Your order stays as it is; anything else you need?",
            "In Ordnung — ich füge es nicht hinzu. Ihre Bestellung bleibt, wie sie ist; darf es noch etwas sein?",
          )
        : say(
            ctx.lang,
            "OK — I won't add it. Anything else you need?",
            "In Ordnung — ich füge es nicht hinzu. Darf es noch etwas sein?",
          ),
    memo: memo(),
  };
}

/** The open question whose answer adds a line: a list, the machine for an item, an offered item's count. */
function waitingFor(p: Pending | undefined) {
  return p?.kind === "choose_product" || p?.kind === "choose_machine" || p?.kind === "quantity" ? p : undefined;
}

/**
 * Whether an intent's slots can be filled from this message and state: asking about a product needs a product (named
 * or in focus), acting on the order needs an order. A reading whose slots are empty is not what the buyer meant.
 */
function viable(intent: Intent, s: DialogueState, r: Reading): boolean {
  switch (intent) {
    case "add":
    case "info":
    case "price":
    case "stock":
    case "compat":
      return !!r.a.guess || !!r.about || !!r.a.machine;
    case "find":
      return !!r.a.guess || !!r.a.machine || r.a.productWords.length > 0;
    case "checkout":
    case "show_order":
    case "cancel":
    case "remove":
    case "change":
      return s.draft.lines.length > 0;
    case "None":
    case "details":
      return false;
    default:
      return true;
  }
}

/**
 * Below this a reading with a viable runner-up is not acted on: the buyer is asked which one they meant. Calibrated on
 * the validation split and dev (`npx tsx scripts/nlu-validation.ts`) for the ensemble's scores (nlp.js alone: 0.75):
 * from here up the best reading is right about 9 times in 10.
 */
export const CLARIFY_THRESHOLD = 0.6;
/** A runner-up reading at or above this is a real alternative (a clarifying question names it). */
export const RUNNER_UP = 0.2;

/**
 * A one-clause message whose best reading has empty slots ("what equipment is registered for us?" read as a product
 * question without a product): the best viable reading of the classifier's ranked ones takes its place.
 */
function settleIntent(ctx: Ctx, s: DialogueState, r: Reading): Ctx {
  const c = ctx.u.clauses;
  if (c.length !== 1 || !c[0]!.ranked?.length || s.open !== "idle") return ctx;
  const [best, ...rest] = c[0]!.ranked;
  if (!best || viable(best.intent, s, r)) return ctx;
  const next = rest.find((x) => viable(x.intent, s, r) && x.score >= RUNNER_UP);
  // "Für den Hubtisch … brauchen wir 60 Liter Hydrauliköl …" read as a removal from an empty order: a product named
  // with a quantity, and no viable reading of weight, is ordered.
  const ordering = !next && !!r.a.guess && !!r.a.quantity && rest.some((x) => x.intent === "add" && x.score > 0);
  const cue = next ? CUE_OF_INTENT[next.intent] : ordering ? "add" : undefined;
  if (!cue) return ctx;
  const cues = new Set(ctx.cues);
  const old = CUE_OF_INTENT[best.intent] ?? (ordering ? EDIT_CUES[best.intent] : undefined);
  if (old) cues.delete(old);
  cues.add(cue);
  return { ...ctx, cues };
}

/** What a text's own words ask: stock ("in stock", "lagernd"), price ("cost", "kostet"), or both. */
export function wordsAsk(text: string): ("stock" | "price")[] {
  return [
    ...(STOCK_ASKED.test(text) ? (["stock"] as const) : []),
    ...(PRICE_ASKED.test(text) ? (["price"] as const) : []),
  ];
}

/**
 * "is the second line in stock?", "what does the second one cost?" read as a removal: a question with a stock or
 * price word of its own, no count and no word of taking something off asks — the removal the classifier leaned to is
 * dropped for what the words ask.
 */
function askedByWords(ctx: Ctx): Ctx {
  const text = ctx.conv.text;
  if (!text.includes("?") || REMOVING.test(text)) return ctx;
  const asked = wordsAsk(text);
  // A change stays: "can you make it 5? in stock?" changes and asks; only a removal reading yields.
  if (analyse(ctx).quantity) return ctx;
  const edits = [...ctx.cues].filter((c) => c === "remove" || c === "cancel");
  if (asked.length === 0 || edits.length === 0) return ctx;
  const cues = new Set(ctx.cues);
  for (const c of edits) cues.delete(c);
  for (const c of asked) cues.add(c);
  return { ...ctx, cues };
}

/**
 * "what if I order 20?", "and if I take 20?", "und wenn ich 20 nehme?", "angenommen 20 Stück?" to the offer of a
 * product ("… Shall I add it to your order?"): a count the buyer only weighs — a question that opens with a condition
 * and says no word of ordering outright — asks the price at that count; the classifier's reading of an order yields.
 * ("ok, 20 then", "20 please", "if it's in stock, 20 please" say no question and add.)
 */
function weighedCount(ctx: Ctx, s: DialogueState): Ctx {
  const text = ctx.conv.text;
  if (s.pending?.kind !== "quantity" || !text.includes("?") || !WEIGHED.test(text) || ORDERS_OUTRIGHT.test(text))
    return ctx;
  if (!analyse(ctx).quantity || has(ctx, "price")) return ctx;
  const cues = new Set(ctx.cues);
  cues.delete("add");
  cues.delete("checkout");
  cues.add("price");
  return { ...ctx, cues };
}

/** A question that opens with a condition: "what if", "and if", "if I …", "say I …", "und wenn", "falls", "angenommen". */
const WEIGHED =
  /(?:^|[,;:.!?]\s*|(?<![\p{L}])(?:what|and|but|so|und|aber|also|na)\s+)(?:if|suppose|supposing|say|wenn|falls|angenommen)(?![\p{L}])/iu;
/** Words that order outright whatever the condition ("if it's in stock, add 20", "falls lagernd, bitte 20"). */
const ORDERS_OUTRIGHT =
  /(?<![\p{L}])(?:please|pls|add|put|book|send|ship|bitte|hinzufüg\p{L}*|dazu|draufpacken|schreib|leg)(?![\p{L}])/iu;

/** The cues of readings that act on an order: none of them applies to an empty one. */
const EDIT_CUES: Partial<Record<Intent, Cue>> = { remove: "remove", change: "change", cancel: "cancel" };

/**
 * Readings the open question takes as one answer: at "shall I place the order?", "yes please" and "send it off" both
 * say place it. The classifier spreads such a message over affirm and checkout (0.45 / 0.49 for "yes please"), so
 * neither alone reaches the threshold; their sum does. At a list to choose from, a pick ("the first one", "the one
 * with X") reads as an order or as a change of the choice: both answer it as an order (the reference picks the
 * item, the quantity asked for stays). Only for a one-clause message whose best reading is one of them (or that has no cue of its own); the clause
 * then reads as the pooled answer with the summed score, so no clarifying question asks between the two. Applied to
 * the turn's context before anything reads its cues (the checkout phrasing reads them too).
 */
const SAME_ANSWER: Partial<Record<Pending["kind"], { intent: Intent; cue: Cue; answer: Cue }[]>> = {
  confirm: [
    { intent: "affirm", cue: "yes", answer: "yes" },
    { intent: "checkout", cue: "checkout", answer: "checkout" },
  ],
  choose_product: [
    { intent: "add", cue: "add", answer: "add" },
    { intent: "change", cue: "change", answer: "add" },
  ],
  // At "shall I add it to your order?", "ok book 4 of them" reads checkout 0.50 / add 0.25: both accept the offer;
  // the better one says whether to go on to the confirmation as well.
  quantity: [
    { intent: "add", cue: "add", answer: "add" },
    { intent: "checkout", cue: "checkout", answer: "checkout" },
  ],
};

/** The message names a product that is on no line of the draft. */
function namesOther(ctx: Ctx): boolean {
  const hit = analyse(ctx).guess?.hits[0];
  return !!hit && !ctx.conv.draft.lines.some((l) => l.sku === hit.sku);
}

/**
 * "passt, raus damit", "ab damit", "ok, send it off": the whole message an idiom of sending what is there on its way —
 * said to an order with lines and no question open but the confirmation, it places the order; "raus" of it removes
 * nothing (it names no line).
 */
const SENT_OFF =
  /^[\s\p{P}]*(?:(?:passt|ok(?:ay)?|gut|jo|ja|jawoll|alles klar|super|fine|good|great)[\s\p{P}]+)*(?:(?:na |dann |also )?(?:raus|ab) damit|raus mit (?:der|dem|die) \p{L}+|ab die post|send it (?:out|off)|ship it|fire it off|out with it)[\s\p{P}]*$/iu;

export function poolAnswers(ctx: Ctx): Ctx {
  const open = ctx.conv.memo.pending?.kind;
  if (
    (open === undefined || open === "confirm") &&
    ctx.conv.draft.lines.length > 0 &&
    !ctx.u.attack &&
    SENT_OFF.test(ctx.conv.text)
  )
    return {
      ...ctx,
      u: {
        ...ctx.u,
        clauses: ctx.u.clauses.map((x) =>
          x.intent === "remove" || x.intent === "checkout"
            ? { ...x, intent: "checkout", score: Math.max(x.score, INTENT_THRESHOLD) }
            : x,
        ),
      },
      cues: new Set([...[...ctx.cues].filter((x) => x !== "remove" && x !== "change"), "checkout"]),
    };
  const same = open ? SAME_ANSWER[open] : undefined;
  // "ok order one, PO BR-2291": a clause that only gives order details (a PO, a remark) goes with any answer, and so
  // does a yes it opens with ("ja, eins bestellen, …": the yes and the order are one answer).
  const all = ctx.u.clauses;
  // Thanks said with the answer ("das ist alles, danke") is courtesy, not a request of its own.
  const said = all.filter((x) => x.intent !== "details" && x.intent !== "thanks");
  const leadYes = said.length > 1 && said[0]!.intent === "affirm" ? said[0] : undefined;
  const c = said.filter((x) => x !== leadYes);
  if (!same || c.length !== 1 || ctx.u.attack) return ctx;
  const clause = c[0]!;
  const own = [...ctx.cues].filter(
    (x) => x !== "price_named" && !(leadYes && x === "yes") && !(x === "thanks" && c.length < all.length),
  );
  const mine = (cue: Cue) => same.some((x) => x.cue === cue);
  if (own.length > 1 || (own.length === 1 && !(mine(own[0]!) && same.some((x) => x.intent === clause.intent))))
    return ctx;
  const scores = same.map((x) => ({ ...x, score: clause.ranked?.find((r) => r.intent === x.intent)?.score ?? 0 }));
  const sum = scores.reduce((n, x) => n + x.score, 0);
  // At "shall I place the order?" an answer that places only leads to the review and the buyer's confirmation:
  // as cheap to act on as adding ("ok order just those 3 bags": checkout 0.47 in the ensemble) — unless it names a
  // product the order does not hold ("just order the 1SN" when the line is another one): that is no yes.
  const weak = open === "confirm" && sum < INTENT_THRESHOLD;
  if (sum < (open === "confirm" ? ADD_THRESHOLD : INTENT_THRESHOLD) || (weak && namesOther(ctx))) return ctx;
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  // The answer's own reading: a pick at a list is an order ("add"), whichever of the two scored higher.
  const answer = same.find((x) => x.cue === best.answer) ?? best;
  const kept = [...ctx.cues].filter((x) => !mine(x));
  return {
    ...ctx,
    u: {
      ...ctx.u,
      clauses: ctx.u.clauses.map((x) => (x === clause ? { ...clause, intent: answer.intent, score: sum } : x)),
    },
    cues: new Set([...kept, best.answer]),
  };
}

const CUE_OF_INTENT: Partial<Record<Intent, Cue>> = {
  list_machines: "list_machines",
  history: "history",
  help: "help",
  checkout: "checkout",
  show_order: "show",
  find: "find",
};

const DRAFT_EDITS = new Set(["add_line", "update_line", "remove_line", "set_options", "set_machine"]);
const CHECKOUT = new Set(["review_order", "place_order"]);

/** Questions a buyer asks about a product (`nlu/understand.ts` splits "price and when?" into two of them). */
const QUESTION_INTENTS = new Set<Intent>(["price", "stock", "compat", "info"]);

/**
 * The clauses of a message that ask about another product beside an order ("…: 1 output card DQ 32. And a quick one:
 * have you got a CPU 1513 in stock?", "2 Schütze für Linie 3, und habt ihr den Frequenzumrichter VFD-4 da?"): a
 * question clause (a question reading, a "?" after it) that names a product of its own with confidence, while the
 * other clauses order — a count or an order reading, and a product other than the asked one.
 */
function sideQuestions(ctx: Ctx): Clause[] {
  const clauses = ctx.u.clauses;
  if (clauses.length < 2) return [];
  const text = ctx.conv.text;
  const asked = (c: Clause) =>
    QUESTION_INTENTS.has(c.intent) && c.score >= INTENT_THRESHOLD && /^\s*\?/.test(text.slice(c.end));
  // Named outright: a misspelt word ("choschtet") corrected into a catalog word names nothing.
  const names = (c: Clause) => {
    const g = analyse(ctx, c.text).guess;
    return !!g?.confident && !g.hits[0]!.match.includes("fuzzy");
  };
  const questions = clauses.filter((c) => asked(c) && names(c));
  const others = clauses.filter((c) => !questions.includes(c));
  if (questions.length === 0 || others.length === 0) return [];
  const order = analyse(ctx, others.map((c) => c.text).join(". "));
  const ordered = order.guess?.confident ? order.guess.hits[0]!.sku : undefined;
  if (!(order.quantity || others.some((c) => c.intent === "add"))) return [];
  if (!ordered) return askedByCode(ctx, questions, others) ? questions : [];
  const askedAbout = questions.map((c) => analyse(ctx, c.text).guess!.hits[0]!.sku);
  return askedAbout.includes(ordered) ? [] : questions;
}

/**
 * The question clauses (a "?" after them) of a message whose other clauses state a detail of the order — one of the
 * account's addresses other than the order's, or a PO reference — that the questions do not state themselves.
 */
function detailQuestions(ctx: Ctx, s: DialogueState): Clause[] {
  const clauses = ctx.u.clauses;
  if (clauses.length < 2) return [];
  const text = ctx.conv.text;
  const questions = clauses.filter((c) => /^\s*\?/.test(text.slice(c.end)));
  const others = clauses.filter((c) => !questions.includes(c));
  if (questions.length === 0 || others.length === 0) return [];
  const shipTos = ctx.conv.shipTos ?? [];
  const current = s.draft.shipToId ?? shipTos.find((t) => t.isDefault)?.shipToId;
  const address = (x: string) => {
    const a = namedShipTo(x, shipTos);
    return a && a !== current ? a : undefined;
  };
  const rest = others.map((c) => c.text).join(". ");
  const detail = !!address(rest) || !!findPoReference(rest);
  const asksDetail = questions.some((q) => !!address(q.text) || !!findPoReference(q.text));
  return detail && !asksDetail ? questions : [];
}

/**
 * The details (and any edit) of a message that also asks a question, served as a message of their own; the questions
 * ride on the memo (`Memo.rest`) and are answered after them (`serveRest` in `turn.ts`).
 */
function detailsThenQuestion(ctx: Ctx, s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const questions = detailQuestions(ctx, s);
  const clauses = ctx.u.clauses.filter((c) => !questions.includes(c));
  const step = transition(clausesCtx(ctx, clauses, clauses.map((c) => c.text).join(". ")), memo);
  if (!onlyDraftEdits(step)) return undefined;
  // The question keeps its mark: it is read as a question when it is answered.
  const rest = [...(step.memo.rest ?? []), ...questions.map((q) => ({ text: `${q.text}?`, question: true }))];
  return { ...step, memo: { ...step.memo, rest } };
}

/**
 * "Bitte einen EC-Lüfter 450 mm … für Freezer 1. Wie schnell könnt ihr liefern?": a question when the order comes,
 * naming no product, beside clauses that order a product with its count (an article counts one) — the order is made,
 * and the add's reply says the delivery date. Not "is it in stock? I need 5" (whether, not when: answered first).
 */
function whenQuestions(ctx: Ctx): Clause[] {
  const text = ctx.conv.text;
  const questions = ctx.u.clauses.filter(
    (c) =>
      c.intent === "stock" &&
      /^\s*\?/.test(text.slice(c.end)) &&
      WHEN_DELIVERED.test(c.text) &&
      !analyse(ctx, c.text).guess,
  );
  const others = ctx.u.clauses.filter((c) => !questions.includes(c));
  if (questions.length === 0 || !others.some((c) => c.intent === "add" && c.score >= INTENT_THRESHOLD)) return [];
  // "Was kostet das und wann könnt ihr liefern?": the price asked too — a question before an order, answered first.
  if (others.some((c) => QUESTION_INTENTS.has(c.intent) && c.score >= INTENT_THRESHOLD)) return [];
  const order = analyse(ctx, others.map((c) => c.text).join(". "));
  return order.guess?.confident && order.quantity ? questions : [];
}

/**
 * The items of a message that asks after them (`asksOfItems`): a count and a product named with confidence before
 * the question, and a question that names no product of its own (or the same one).
 */
function itemsAsked(ctx: Ctx): { lead: string; clauses: Clause[] } | undefined {
  const asked = asksOfItems(ctx.conv.text);
  if (!asked) return undefined;
  const a = analyse(ctx, asked.lead);
  if (!a.quantity || !(a.guess?.confident || a.guess?.machinePick)) return undefined;
  const own = analyse(ctx, asked.question).guess;
  if (own?.confident && own.hits[0]!.sku !== a.guess?.hits[0]?.sku) return undefined;
  const end = asked.lead.length;
  const inLead = ctx.u.clauses.filter((c) => c.end <= end);
  const spans = ctx.u.clauses.some((c) => c.start < end && c.end > end);
  const first = ctx.u.clauses[0];
  if (!first) return undefined;
  const clauses =
    inLead.length && !spans && inLead.some((c) => c.intent === "add")
      ? inLead
      : [{ ...first, text: asked.lead, start: 0, end, intent: "add" as Intent, score: 1 }];
  return { lead: asked.lead, clauses };
}

/** The items of a message that asks after them, ordered as a message of their own (only when that edits the draft). */
function orderAskingStock(ctx: Ctx, _s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const items = itemsAsked(ctx);
  if (!items) return undefined;
  const lead = clausesCtx(ctx, items.clauses, items.lead);
  const step = transition(lead, memo);
  if (onlyDraftEdits(step)) return step;
  // "2 Schaugläser SGN 12, sind die lagernd?" for a part that depends on the machine: the question is answered, and
  // which machine is asked with it — the count said stays with the item (`action`'s `waiting`).
  const p = step.memo.pending;
  if (p?.kind !== "choose_machine" || p.action !== "add" || step.calls?.length) return undefined;
  return action(ctx, "stock", p.sku, analyse(lead, items.lead), memo, {
    ...(p.quantity !== undefined ? { quantity: p.quantity } : {}),
    ...(p.unit ? { unit: p.unit } : {}),
    waiting: p,
  });
}

/** The order of a message that also asks when it comes, made as a message of its own (only when it edits the draft). */
function orderAskingWhen(ctx: Ctx, _s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const questions = whenQuestions(ctx);
  const clauses = ctx.u.clauses.filter((c) => !questions.includes(c));
  const step = transition(clausesCtx(ctx, clauses, clauses.map((c) => c.text).join(". ")), memo);
  return onlyDraftEdits(step) ? step : undefined;
}

/**
 * "The traction controller died. Do you have CTRL-…-A in stock? We need 1": the order part names the part by its kind
 * (its candidates, or the one of its kind that fits the machine, are of the category of the product the question names by
 * its code) and the question names it by its code — the order is for that product, not for a sibling found by the kind
 * words (the engine says whether it fits and offers the one that does). Only one question naming one product by code,
 * and an order part that names no code of its own.
 */
function askedByCode(ctx: Ctx, questions: Clause[], others: Clause[]): string | undefined {
  if (questions.length !== 1) return undefined;
  const asked = analyse(ctx, questions[0]!.text).guess;
  const hit = asked?.confident ? asked.hits[0]! : undefined;
  if (!hit?.match.startsWith("sku") || hit.match.includes("fuzzy")) return undefined;
  const order = analyse(ctx, others.map((c) => c.text).join(". ")).guess;
  if (!order || order.hits.some((h) => h.match.startsWith("sku"))) return undefined;
  const kinds = new Set((order.confident ? order.hits.slice(0, 1) : order.hits).map((h) => h.category));
  return kinds.size === 1 && kinds.has(hit.category) ? hit.sku : undefined;
}

/**
 * The order of a message with a side question is served as a message of its own (the question's clauses set aside);
 * the questions ride on the memo of its edits (`Memo.rest`) and are answered after them (`serveRest` in `turn.ts`).
 * Only when that serving edits the draft: a list to choose from or a question back is the one open question.
 */
function orderThenQuestion(ctx: Ctx, _s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const questions = sideQuestions(ctx);
  const clauses = ctx.u.clauses.filter((c) => !questions.includes(c));
  // The product the question names by its code, when the order part names only its kind: the order is for it.
  const byCode = askedByCode(ctx, questions, clauses);
  const text = [...clauses.map((c) => c.text), ...(byCode ? [byCode] : [])].join(". ");
  const step = transition(clausesCtx(ctx, clauses, text), memo);
  if (!onlyDraftEdits(step)) return undefined;
  const rest = [...(step.memo.rest ?? []), ...questions.map((q) => ({ text: q.text, question: true }))];
  return { ...step, memo: { ...step.memo, rest } };
}

/**
 * A clause that counts the open list and names nothing ("davon 3 Stück", "2 of those"), followed by clauses that order
 * another product with a count of their own ("und dazu 2 Stehlager UCP 205").
 */
function listCountBesideItem(ctx: Ctx): { count: Clause; rest: Clause[] } | undefined {
  // "2 of those and 1 box X" may come as one clause: its pieces between commas and "and"/"und" are read each.
  const clauses = ctx.u.clauses.flatMap((c) => {
    const out: Clause[] = [];
    // (A comma between digits is a decimal comma: "stromdüsen 1,2".)
    const cut = /(?<!\d),|,(?!\d)|\s(?:and|und|plus|sowie)\s/giu;
    let from = 0;
    for (const m of [...c.text.matchAll(cut), null]) {
      const to = m ? m.index : c.text.length;
      const text = c.text.slice(from, to).trim();
      if (text) {
        const at = c.start + c.text.indexOf(text, from);
        out.push({ ...c, text, start: at, end: at + text.length });
      }
      if (m) from = m.index + m[0].length;
    }
    return out;
  });
  if (clauses.length < 2 || ctx.u.attack || ctx.conv.text.includes("?")) return undefined;
  const i = clauses.findIndex((c) => {
    const a = analyse(ctx, c.text);
    return !!a.quantity && !a.guess?.confident && !a.machine;
  });
  const rest = clauses.slice(i + 1);
  if (i < 0 || rest.length === 0) return undefined;
  const a = analyse(ctx, rest.map((c) => c.text).join(". "));
  const pending = ctx.conv.memo.pending;
  const listed = pending?.kind === "choose_product" ? pending.skus : [];
  // (An item the machine picks among products its words find alike is as identified: `machinePicked`.)
  const item = machinePicked(ctx, a);
  if (!item.quantity || !item.guess?.confident || listed.includes(item.guess.hits[0]!.sku)) return undefined;
  // The words before the count go with it ("the second one, 3 of those, and …").
  const first = clauses[0]!;
  const text = ctx.conv.text.slice(first.start, clauses[i]!.end);
  return { count: { ...clauses[i]!, text, start: first.start }, rest };
}

/**
 * The list's count picks from the list (the one that fits, an ordinal) as the answer alone would; the other clauses are
 * decided as a message of their own, with no list open. When the count does not settle the list, nothing is taken.
 */
function listCountAndItem(ctx: Ctx, s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const found = listCountBesideItem(ctx);
  if (!found || s.pending?.kind !== "choose_product") return undefined;
  const list = s.pending;
  const picked = answerChooseProduct(clauseCtx(ctx, found.count), list, memo);
  const text = found.rest.map((c) => c.text).join(". ");
  const sub = clausesCtx(ctx, found.rest, text);
  const { pending: _open, ...rest } = sub.conv.memo;
  const asked = transition({ ...sub, conv: { ...sub.conv, memo: rest } }, memo);
  // The new part goes on the list's machine when the rules ask which machine and it is one of them.
  const q = asked.memo.pending;
  const step =
    q?.kind === "choose_machine" && list.machineId && q.machineIds.includes(list.machineId)
      ? action(sub, q.action, q.sku, analyse(sub), memo, {
          machineId: list.machineId,
          ...(q.quantity ? { quantity: q.quantity } : {}),
          ...(q.unit ? { unit: q.unit } : {}),
          ...(q.options ? { options: q.options } : {}),
        })
      : asked;
  // (A pick of a product the order holds already changes its line: "2 kartons stromdüsen 1,2 und 10 gasdüsen konisch"
  // to a list whose tips are on the order as 1 box.)
  if (picked?.calls?.some((c) => c.name === "add_line" || c.name === "update_line")) {
    const adds = picked.calls.filter((c) => c.name === "add_line" || c.name === "update_line");
    if (onlyDraftEdits(step)) return { calls: [...adds, ...step.calls!], memo: memo() };
    return { calls: adds, memo: { ...memo(), rest: [...(picked.memo.rest ?? []), { text }] } };
  }
  // The count does not say which of the list ("davon 3" to five that fit): the new item is added, and the list's
  // request is served after it with the count — listed again to choose from, not dropped, not counted on the new item.
  const count = analyse(ctx, found.count.text).quantity!.value;
  if (!list.said || !onlyDraftEdits(step) || !step.calls!.some((c) => c.name === "add_line")) return undefined;
  return { calls: step.calls!, memo: { ...memo(), rest: [{ text: list.said, quantity: count }] } };
}

/**
 * A change of mind in several clauses ("actually drop the sight glass, and make it 3 driers", "streich die Kabel und
 * mach 4 Schütze draus"): each clause is decided as a message of its own against the same draft, and the edits are
 * made together. Only when at least two clauses are edits and no clause asks for anything else; otherwise the message
 * is read whole.
 */
function editClauses(ctx: Ctx, _s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const calls: NonNullable<Step["calls"]> = [];
  let edits = 0;
  let yes = 0;
  let asked = false;
  for (const c of ctx.u.clauses) {
    const negated = ctx.u.negated
      .filter((n) => n.start >= c.start && n.end <= c.end)
      .map((n) => ({ ...n, start: n.start - c.start, end: n.end - c.start }));
    const u = { ...ctx.u, clauses: [c], cues: cuesOf([c]), negated, rest: c.text };
    const sub: Ctx = {
      ...ctx,
      conv: { ...ctx.conv, text: c.text },
      u,
      cues: u.cues,
      tokens: tokenizeText(c.text),
      analyses: new Map(),
    };
    // "…, and drop the seal kit": a removal — of the line it names, or of nothing when the order holds none.
    const subState = dialogueState(sub);
    // "…, and leave the counter-bar off this time": a leave-off whose words all name a line drops it.
    const left = leftOffPhrase(c.text);
    const leftLine = left === undefined ? undefined : lineAllWordsName(sub, left);
    const dropped = leftLine ? { lineId: leftLine } : removalInChange(sub, subState, readMessage(sub, subState));
    if (dropped === "absent") {
      edits++;
      continue;
    }
    const step = dropped
      ? { calls: [{ name: "remove_line", args: { lineId: dropped.lineId } }], memo: memo() }
      : (lineQuantity(sub) ?? transition(sub, memo));
    if (!step.calls?.length) {
      // A clause the consultant would answer with a question or a list ("… and 4 rails" of several kinds): not lost.
      if (step.text && !CONVERSATIONAL.has(c.intent) && c.intent !== "None") asked = true;
      continue;
    }
    // "…, we found one in the store": a remark that asks for nothing (read as no intent) edits nothing — whatever the
    // open question would make of it on its own (placing the order), it does not stop the edits beside it.
    if (!step.calls.every((x) => DRAFT_EDITS.has(x.name))) {
      if (c.intent === "None") continue;
      // "fine, make that 2 boxes, and 4 DIN rails": the yes that would place the order beside an edit is asked again
      // once the order is edited.
      if (step.calls.every((x) => CHECKOUT.has(x.name))) {
        yes++;
        continue;
      }
      return undefined;
    }
    for (const x of step.calls) mergeEdit(calls, x);
    edits++;
  }
  return edits >= 2 || (edits === 1 && yes > 0 && !asked) ? { calls, memo: memo() } : undefined;
}

/**
 * The lines of the order the message drops by name ("…, but without the chain", "die Kette brauch ich doch nicht"):
 * each clause either drops one line whose names carry all its product words, or only steers the conversation (a yes,
 * "place it"); undefined when a clause asks for anything else or no line is dropped.
 */
function droppedLines(ctx: Ctx): string[] | undefined {
  const out: string[] = [];
  for (const c of ctx.u.clauses) {
    const without = WITHOUT.exec(c.text)?.[1] ?? leftOffPhrase(c.text);
    const phrase = without ?? notWantedPhrase(c.text);
    const lineId = phrase === undefined ? undefined : lineAllWordsName(ctx, phrase);
    if (lineId) {
      if (!out.includes(lineId)) out.push(lineId);
      continue;
    }
    if (!CONVERSATIONAL.has(c.intent) || c.intent === "history" || c.intent === "details") return undefined;
    // "…, whats the total now?": a question to see the order beside the leave-off names no product of its own.
    if (c.intent === "show_order" && ctx.conv.text.slice(c.end).trimStart().startsWith("?")) continue;
    const words = productishWords({ ...ctx, tokens: tokenizeText(c.text) });
    if (words.length > 0) return undefined;
  }
  return out.length ? out : undefined;
}

/**
 * The words a clause says are not wanted ("die X brauch ich doch nicht", "die X doch nicht, haben wir noch im Lager",
 * "the X we have in store"): the clause without the words that say so; undefined when it says no such thing.
 */
function notWantedPhrase(text: string): string | undefined {
  const said = [NOT_WANTED, STILL_HELD, NOT_AFTER_ALL].filter((re) => re.test(text));
  return said.length ? said.reduce((t, re) => t.replace(re, " "), text) : undefined;
}

/** The words of `phrase` read as a message of their own. */
function phraseCtx(ctx: Ctx, phrase: string): Ctx {
  return { ...ctx, conv: { ...ctx.conv, text: phrase }, tokens: tokenizeText(phrase), analyses: new Map() };
}

/** The one line of the order whose names carry every product word of `phrase` (none of a number or another line). */
function lineAllWordsName(ctx: Ctx, phrase: string): string | undefined {
  const sub: Ctx = { ...ctx, conv: { ...ctx.conv, text: phrase }, tokens: tokenizeText(phrase), analyses: new Map() };
  if (sub.tokens.some((t) => /\d/.test(t.lower))) return undefined;
  const words = productishWords(sub).filter(
    (w) => !/^(?:doch|jetzt|dann|diesmal|this|time|please|bitte|after|all)$/u.test(w),
  );
  const lineId = lineByWords(sub);
  const line = ctx.conv.draft.lines.find((l) => l.lineId === lineId);
  if (!line || words.length === 0) return undefined;
  const name = wordsOf(ctx.k.allNames([line.sku]).get(line.sku) ?? "");
  return words.every((w) => nameNames(name, w) || compoundHead(name, w)) ? line.lineId : undefined;
}

/** "so 2 in total", "insgesamt 3", "total of 4": the whole count the buyer wants of a line. */
const IN_TOTAL_AFTER =
  /(?<![\p{L}\p{N}])(\p{N}+|\p{L}+)\s+(?:in\s+total|total|altogether|all\s+together|insgesamt|gesamt|zusammen|in\s+summe)(?![\p{L}])/iu;
const IN_TOTAL_BEFORE =
  /(?<![\p{L}])(?:in\s+total|a\s+total\s+of|total\s+of|insgesamt|gesamt|in\s+summe)\s+(\p{N}+|\p{L}+)(?![\p{L}\p{N}])/iu;
/** "one more", "another", "noch einen … mehr", "2 extra": on top of what the line has. */
const ON_TOP = /(?<![\p{L}])(?:more|another|additional|extra|mehr|weitere[nmrs]?|zusätzliche[nmrs]?|noch)(?![\p{L}])/iu;

function totalOf(text: string): number | undefined {
  const m = IN_TOTAL_AFTER.exec(text) ?? IN_TOTAL_BEFORE.exec(text);
  if (!m) return undefined;
  const w = m[1]!.toLowerCase();
  return /^\d+$/.test(w) ? Number(w) : numberWordValue(w);
}

/**
 * A clause that gives one line of the order a count: the line its words name, the count stated ("the oil only 3
 * pails"), the whole count ("so 2 in total"), or so many more than it has ("one more pressure element").
 */
function lineCountOf(sub: Ctx): NonNullable<Step["calls"]>[number] | undefined {
  const lineId = lineByWords(sub);
  const line = sub.conv.draft.lines.find((l) => l.lineId === lineId);
  if (!line) return undefined;
  const a = analyse(sub);
  const lead = a.guess?.confident ? a.guess.hits[0]! : undefined;
  if (lead && lead.sku !== line.sku && lead.match.startsWith("sku")) return undefined;
  if (namesAnother(sub, a)) return undefined;
  if (a.machine && line.machineId && a.machine.machineId !== line.machineId) return undefined;
  const total = totalOf(sub.conv.text);
  const q = a.quantity;
  const sameUnit = !q?.unit || !line.unit || q.unit === line.unit;
  const quantity =
    total ?? (ON_TOP.test(sub.conv.text) ? (sameUnit ? line.quantity + (q?.value ?? 1) : undefined) : q?.value);
  if (!quantity) return undefined;
  return {
    name: "update_line",
    args: { lineId: line.lineId, quantity, ...(total === undefined && q?.unit ? { unit: q.unit } : {}) },
  };
}

/**
 * The clauses that may each count a line: the message's clauses, each split into the items of its list ("sorry doch nur
 * 6 patronen,messer 2,band 2", "only 3 cartridges, 1 thermocouple"), an item read as a clause of its clause's intent.
 */
function countClauses(ctx: Ctx): Clause[] {
  const out: Clause[] = [];
  for (const c of ctx.u.clauses) {
    const parts = itemParts(ctx, c.text);
    let from = c.start;
    const read: Clause[] = [];
    for (const text of parts) {
      const start = ctx.conv.text.indexOf(text, from);
      if (start < 0 || start + text.length > c.end) break;
      read.push({ ...c, text, start, end: start + text.length });
      from = start + text.length;
    }
    out.push(...(parts.length > 1 && read.length === parts.length ? read : [c]));
  }
  return out;
}

/**
 * "please add one more pressure element so 2 in total, and the oil only 3 pails": each clause gives the line it names
 * a count — two lines at least, each once; a clause that removes a line removes it, a remark is passed over. Any other
 * clause leaves the message to be read whole.
 */
function lineCountClauses(ctx: Ctx, _s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const calls: NonNullable<Step["calls"]> = [];
  for (const c of countClauses(ctx)) {
    const sub = clauseCtx(ctx, c);
    const subState = dialogueState(sub);
    const dropped = removalInChange(sub, subState, readMessage(sub, subState));
    if (dropped === "absent") return undefined;
    const call = dropped ? { name: "remove_line", args: { lineId: dropped.lineId } } : lineCountOf(sub);
    if (call) {
      if (calls.some((x) => x.args.lineId === call.args.lineId)) return undefined;
      calls.push(call);
      continue;
    }
    // ("sorry, only 3 cartridges, 1 thermocouple": a "sorry" or "no" before the counts is a remark too.)
    if (c.intent === "None" || c.intent === "deny" || CONVERSATIONAL.has(c.intent)) {
      if (productishWords(sub).length === 0) continue;
    }
    return undefined;
  }
  return calls.length >= 2 && calls.some((x) => x.name === "update_line") ? { calls, memo: memo() } : undefined;
}

/**
 * Two clauses about one line: the later one says what the buyer wants of it — except that another machine for the
 * line and a change of the line itself ("nicht für Zelle 2, sondern für die Entgratpresse, und 6 Eimer statt 4") are
 * both made. A removal replaces any other edit of the line, and is replaced by one.
 */
function mergeEdit(calls: NonNullable<Step["calls"]>, x: NonNullable<Step["calls"]>[number]): void {
  const id = x.args.lineId;
  const kind = (c: { name: string }) => (c.name === "set_machine" ? "machine" : c.name === "remove_line" ? "" : "line");
  const both = (c: { name: string }) => kind(c) !== "" && kind(x) !== "" && kind(c) !== kind(x);
  if (id !== undefined)
    for (let i = calls.length - 1; i >= 0; i--)
      if (calls[i]!.args.lineId === id && !both(calls[i]!)) calls.splice(i, 1);
  // "yes, with the inserts, 2 also" to the offer of a companion: clauses that each add the same product for the same
  // machine add it once — the later clause's reading (its count) stands.
  if (x.name === "add_line")
    for (let i = calls.length - 1; i >= 0; i--) {
      const c = calls[i]!;
      if (c.name === "add_line" && c.args.sku === x.args.sku && c.args.machineId === x.args.machineId)
        calls.splice(i, 1);
    }
  calls.push(x);
}

/** "In stock? price?": both asked of the engine, both answered, the offer to add it made once. */
function stockAndPrice(ctx: Ctx, _s: DialogueState, r: Reading, memo: MemoFn): Step | undefined {
  return askStockAndPrice(ctx, r.about!, r.a, memo);
}

/** A line switched to the variant of its product that carries the values the buyer states. */
function switchByValue(ctx: Ctx, s: DialogueState, r: Reading, memo: MemoFn): Step | undefined {
  const line = s.draft.lines.find((l) => l.lineId === s.focus.lineId);
  const sku = line ? variantByValue(ctx, line) : undefined;
  if (!line || !sku) return undefined;
  const q = r.a.quantity;
  return {
    calls: [{ name: "update_line", args: { lineId: line.lineId, sku, ...(q ? { quantity: q.value } : {}) } }],
    memo: memo(),
  };
}

/**
 * The line moved to another pack of its product (`packSwitch`), with the count said; a line the message drops beside
 * it ("…, so drop the loose links") goes too.
 */
function switchPack(ctx: Ctx, _s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const to = packSwitch(ctx);
  if (!to) return undefined;
  const { lineId, sku, quantity, unit } = to;
  // "…, so drop the loose links": a clause that leaves off words all naming another line drops it.
  const dropped = ctx.u.clauses.flatMap((c) => {
    const left = DROPPING.exec(c.text)?.[1] ?? leftOffPhrase(c.text);
    const id = left ? lineByWords(phraseCtx(ctx, left)) : undefined;
    return id && id !== lineId ? [{ name: "remove_line", args: { lineId: id } }] : [];
  });
  const update = { name: "update_line", args: { lineId, sku, quantity, unit } };
  if (dropped.length > 0) return { calls: [update, ...dropped], memo: memo() };
  // "…, 12 m bitte. Pressfassungen 1 Beutel": what the clauses after the switch add is added too.
  const later = ctx.u.clauses.filter((c) => c.start > to.at && !(c.start <= to.at && to.at < c.end));
  if (later.length === 0) return { calls: [update], memo: memo() };
  const step = transition(clausesCtx(ctx, later, later.map((c) => c.text).join(". ")), memo);
  // (Products added; never another edit of the switched line, nor a question asked of the whole order.)
  const calls = step.calls ?? [];
  return calls.length > 0 && calls.every((c) => c.name === "add_line")
    ? { ...step, calls: [update, ...calls] }
    : { calls: [update], memo: memo() };
}

/**
 * A count in `unit` for a line of `sku`: undefined when the product is sold in that unit (the line's own unit), the
 * unit when it is the product's content unit ("12 m" of a 50 m roll), false when the product has nothing of it.
 */
function countedIn(ctx: Ctx, sku: string, unit: string): string | undefined | false {
  const p = ctx.k.reader.products([sku]).get(sku);
  const alike = unitCodesLike(unit);
  if (!p || alike.includes(p.orderUnit.toUpperCase())) return undefined;
  if (unit.toUpperCase() === "PCE") return undefined;
  return alike.includes(p.contentUnit.toUpperCase()) ? p.contentUnit : false;
}

/** "drop the X", "remove the X", "streich die X": what follows is taken off. */
const DROPPING =
  /(?<![\p{L}])(?:drop|remove|delete|scrap|cancel|streich\p{L}*|entfern\p{L}*|lösch\p{L}*)\s+(?:(?:the|those|these|die|das|den|der|diese)\s+)?([^,.;:!?]+)/iu;

/** "…, and 3 driers" inside a change of mind: the quantity of the line whose product the clause names. */
function lineQuantity(ctx: Ctx): Step | undefined {
  const a = analyse(ctx);
  const exact = a.guess?.confident && a.guess.hits[0]!.match.startsWith("sku");
  if (!a.quantity || exact || MORE_OF.test(ctx.conv.text) || namesAnother(ctx, a)) return undefined;
  const lineId = lineByWords(ctx);
  return lineId
    ? {
        calls: [
          {
            name: "update_line",
            args: { lineId, quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) },
          },
        ],
        memo: { lang: ctx.lang },
      }
    : undefined;
}

/**
 * Words that correct what was said before ("Korrektur", "correction", "sorry", "only", "nur", "doch"): with a count and
 * no product of its own, a clause of them is the new count of a line of the order.
 */
const CORRECTING =
  /(?<![\p{L}])(?:korrektur|korrigier\w*|correction|correct|sorry|mistake|fehler|only|just|nur|bloß|bloss|doch|instead|stattdessen|reich\w*|genüg\w*|enough|suffice\w*|will do)(?![\p{L}])/iu;
/**
 * Words that change the order ("make that", "actually", "mach das"): correcting words too, when no other clause of the
 * message edits it ("remove the sight glass, and make it 2 driers" is edit by edit, `editClauses`).
 */
const CHANGING = /(?<![\p{L}])(?:make (?:that|it)|mach (?:das|es|mal)|actually|eigentlich)(?![\p{L}])/iu;

/**
 * "wir brauchen 8 Trockner nicht 6", "10 instead of 6", "make it 4 bags not 3": a new count beside the count it
 * replaces. The line is the one the words name, else the only line that has the replaced count — never a removal ("not
 * 6" negates the old count, not the line).
 */
function replacedLineCount(
  ctx: Ctx,
  s: DialogueState,
  clause: Clause,
): { clause: Clause; lineId: string; quantity: number } | undefined {
  const m = replacedCount(clause.text);
  if (!m || clause.text.includes("?")) return undefined;
  const { now, was } = m;
  const said = clause.text.slice(m.start, m.end);
  const sub = clauseCtx(ctx, { ...clause, text: said, end: clause.start + said.length });
  const a = analyse(sub);
  if (a.machine) return undefined;
  const byWords = lineByWords(sub);
  const withCount = s.draft.lines.filter((l) => l.quantity === was);
  const lineId = byWords ?? (withCount.length === 1 ? withCount[0]!.lineId : undefined);
  const line = s.draft.lines.find((l) => l.lineId === lineId);
  // The line's product, not another one the words name outright.
  const g = a.guess;
  if (!line || (g?.confident && g.hits[0]!.match.startsWith("sku") && g.hits[0]!.sku !== line.sku)) return undefined;
  return { clause, lineId: line.lineId, quantity: now };
}

/**
 * "two of those motors", "zwei von den Motoren", "3 of the bearings": a count of things the words point back at — with
 * the words naming a product of the order, the new count of its line.
 */
const BACK_COUNT = /(?<![\p{L}])(?:of|von)\s+(?:those|these|the|them|den|diesen|denen|jenen|dene|dä|de)(?![\p{L}])/iu;

/**
 * "Korrektur: vorne nur 2 Stück." after 4 tyres were ordered: a clause of correcting words with a count that names no
 * product of its own (nothing, a misspelt guess, or the line's own product) and no machine — the new count of the line it
 * names by words, else of the line in focus. Only with lines on the order and a count that differs from the line's.
 */
/** A clause that says only the count replaced ("not 2", "statt 6", "instead of two"). */
const REPLACING_CLAUSE = /^\s*(?:nicht|not|statt|anstatt|instead\s+of|rather\s+than)\s+\S+[.!]?\s*$/iu;

/** A new count beside the count it replaces ("8 Trockner nicht 6", "3 bucket oil, not 2"), of the line it names. */
function replacedLineCountOf(ctx: Ctx, s: DialogueState): ReturnType<typeof replacedLineCount> {
  if (s.draft.lines.length === 0 || ctx.u.attack) return undefined;
  for (const clause of ctx.u.clauses) {
    const replaced = replacedLineCount(ctx, s, clause);
    if (replaced) return replaced;
  }
  // "we need 3 bucket oil, not 2": the count replaced may stand in a clause of its own after the new one.
  for (const [i, clause] of ctx.u.clauses.entries()) {
    const next = ctx.u.clauses[i + 1];
    if (!next || !REPLACING_CLAUSE.test(next.text)) continue;
    const text = ctx.conv.text.slice(clause.start, next.end);
    const replaced = replacedLineCount(ctx, s, { ...clause, text, end: next.end });
    if (replaced) return replaced;
  }
  return undefined;
}

function countCorrection(
  ctx: Ctx,
  s: DialogueState,
):
  | {
      clause: Clause;
      lineId: string;
      quantity: number;
      unit?: string;
      more?: { lineId: string; quantity: number; unit?: string }[];
    }
  | undefined {
  if (s.draft.lines.length === 0 || ctx.u.attack) return undefined;
  const replaced = replacedLineCountOf(ctx, s);
  if (replaced) return replaced;
  const othersEdit = (clause: Clause) =>
    ctx.u.clauses.some((c) => c !== clause && (REMOVING.test(c.text) || /\d/.test(c.text)));
  for (const clause of ctx.u.clauses) {
    const back = BACK_COUNT.test(clause.text);
    const correcting = CORRECTING.test(clause.text) || (CHANGING.test(clause.text) && !othersEdit(clause));
    if (!(correcting || back) || clause.text.includes("?")) continue;
    const a = analyse(ctx, clause.text);
    if (!a.quantity || a.machine || !Number.isInteger(a.quantity.value)) continue;
    const count = a.quantity.value;
    const part = countedPart(ctx, s, clause, count);
    const sub = part ?? clauseCtx(ctx, clause);
    // "nur 2 Trockner, einer liegt noch im Bus", "just 2 driers, we still have one in the van": the part beside the
    // count that counts nothing tells why — its "noch"/"still" asks for nothing more.
    const reason = part && !/\d/.test(clause.text.replace(part.conv.text, " "));
    if (MORE_OF.test(reason ? part.conv.text : clause.text)) continue;
    const pairs = countedPairs(sub, s);
    if (pairs.length > 0) return { clause, ...pairs[0]!, more: pairs.slice(1) };
    // "actually, go with the 10A one instead, just one": a value beside the count asks for another variant.
    if (sub.tokens.some((t) => /\d/.test(t.lower) && !(/^\d+$/.test(t.lower) && Number(t.lower) === count))) continue;
    const lineId = lineByWords(sub) ?? s.focus.lineId;
    const line = s.draft.lines.find((l) => l.lineId === lineId);
    if (!line || line.quantity === a.quantity.value) continue;
    // The product the counted part names, not the reason beside it ("… we still have one in the van").
    const g = part ? analyse(part).guess : a.guess;
    // A product found only by a word of its description ("nur" of "Nur mit Lithium-Ladegerät laden") is not named.
    const words = sub.tokens.map((t) => t.lower).filter((w) => w.length > 2 && !/\d/.test(w));
    const top = g?.hits[0];
    const named = !!top && carriedWords(ctx.k.allNames([top.sku]).get(top.sku) ?? "", words) > 0;
    // "dann nehm ich halt zwei von den Motoren": the words after "of those" name the line's product — the product of
    // the order they point back at, whatever else in the catalog carries the same word.
    const pointed = back && lineByWords(sub) === line.lineId && !(g?.confident && top!.sku !== line.sku);
    // "correction: only 1 motor" after the motor was swapped: words that name the line, with no other product named
    // surely, count the line — though the unsure guess ranks the variant swapped away first.
    const ownWords = lineByWords(sub) === line.lineId && !g?.confident;
    const ownProduct =
      pointed ||
      ownWords ||
      !g ||
      !named ||
      g.hits.every((h) => h.match.includes("fuzzy")) ||
      // "2 belts will do": the best guess is the line's own product, however sure.
      top!.sku === line.sku;
    if (!ownProduct) continue;
    // "24 cartridges, so 2 cartons" of grease sold per carton: the count in the line's own pack stands.
    const packs = inOrderUnit(ctx, line.sku, ctx.conv.text, a.quantity.value);
    if (packs) return { clause, lineId: line.lineId, quantity: packs.value };
    // "12 m" of a line sold in 50 m rolls is 12 m, not 12 rolls (the check converts or flags it); a count in a unit
    // the line's product is neither sold nor packed in counts something else.
    const unit = a.quantity.unit && countedIn(ctx, line.sku, a.quantity.unit);
    if (unit === false) continue;
    return { clause, lineId: line.lineId, quantity: count, ...(unit ? { unit } : {}) };
  }
  // "ok dann 3 Packungen Elektroden und 2 Packungen Düsen", "4 sensors and 4 cables then": with no correcting word, a
  // clause whose counted pieces each name another line of the order by its words (and no other value) says those
  // lines' counts again — the new counts, not new items ("noch 2 … und 2 …" adds: left to the list).
  if (s.draft.lines.length >= 2)
    for (const clause of ctx.u.clauses) {
      if (clause.text.includes("?") || MORE_OF.test(clause.text)) continue;
      const sub = clauseCtx(ctx, clause);
      if (analyse(sub).machine) continue;
      const pairs = countedPairs(sub, s);
      if (pairs.length > 0) return { clause, ...pairs[0]!, more: pairs.slice(1) };
    }
  // "grease 3, belt 2": the clause reader may cut the pieces elsewhere than at their commas ("grease" | "3, belt 2") —
  // the whole message, read as one clause, counts the lines its pieces name.
  const clauses = ctx.u.clauses;
  if (s.draft.lines.length >= 2 && clauses.length > 1 && !ctx.conv.text.includes("?") && !MORE_OF.test(ctx.conv.text)) {
    const whole: Clause = { ...clauses[0]!, text: ctx.conv.text.slice(clauses[0]!.start, clauses.at(-1)!.end) };
    whole.end = clauses.at(-1)!.end;
    const sub = clauseCtx(ctx, whole);
    if (!analyse(sub).machine) {
      const pairs = countedPairs(sub, s);
      if (pairs.length > 0) return { clause: whole, ...pairs[0]!, more: pairs.slice(1) };
    }
  }
  return undefined;
}

/**
 * "Korrektur: nur 4 Inis und 4 Kabel", "only 4 sensors and 4 cables": the counted words name more than one line, each
 * with a count of its own — the new counts of those lines. Every piece must count one line of its own by its words and
 * at least one count must change; otherwise none is taken.
 */
function countedPairs(sub: Ctx, s: DialogueState): { lineId: string; quantity: number; unit?: string }[] {
  // "dichtsatz und o-ringe, je 2 stück", "filter driers and sensors, 3 each": one count said for a list is each item's.
  const text = spreadEach(sub, sub.conv.text);
  const shared = text !== sub.conv.text;
  const pieces = text.split(/,|;|\s(?:und|and|sowie|plus|&)\s/iu).filter((p) => /\d/.test(p));
  if (pieces.length < 2) return [];
  const read = pieces.map((piece) => {
    const tokens = tokenizeText(piece).filter((t) => /\d/.test(t.lower));
    const at = clauseCtx(sub, { ...sub.u.clauses[0]!, text: piece, start: 0, end: piece.length });
    // By the names, else by the names and search keywords ("4 Kabel" of the "Sensorleitung" with "M12-Kabel"); the
    // keywords also settle a tie of the names ("3 Packungen Elektroden" of two lines both sold in packs, one of them
    // named only in English: the index's German words for it name it).
    // "grease 3, belt 2": each piece names its line by a part of a hyphenated compound too ("V-belt").
    const byNames = lineWordCounts(at, false, true);
    const byKeywords = lineWordCounts(at, true);
    const scores = byNames.some((x) => x.n > 0)
      ? byNames.map((x, j) => ({ id: x.id, n: 100 * x.n + (byKeywords[j]?.n ?? 0) }))
      : byKeywords;
    // The unit said with the count ("3 boxes of ferrules" of a line counted in pieces) goes with it.
    const unit = analyse(at).quantity?.unit;
    return {
      count: tokens.length === 1 && /^\d+$/.test(tokens[0]!.lower) ? Number(tokens[0]!.lower) : 0,
      scores,
      ...(unit ? { unit } : {}),
    };
  });
  if (read.some((r) => !r.count)) return [];
  // Each piece its own line: the lines a piece alone names are taken first ("3 cables" of "Sensor cable"), so "4
  // sensors" is the other line whose name carries "sensor".
  const taken = new Map<number, string>();
  for (let round = 0; round < pieces.length && taken.size < pieces.length; round++) {
    let progressed = false;
    for (const [i, r] of read.entries()) {
      if (taken.has(i)) continue;
      const free = r.scores.filter((x) => ![...taken.values()].includes(x.id));
      const best = Math.max(0, ...free.map((x) => x.n));
      const top = free.filter((x) => x.n === best);
      if (best > 0 && top.length === 1) {
        taken.set(i, top[0]!.id);
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  if (taken.size !== pieces.length) return [];
  const pairs = read.map((r, i) => {
    const lineId = taken.get(i)!;
    // A pack word the product's own name carries ("Packungen" of "… (pack of 5)") is its order unit.
    const sku = s.draft.lines.find((l) => l.lineId === lineId)?.sku;
    const unit = sku ? ownPackUnit(sub, sku, r.unit) : r.unit;
    return { lineId, quantity: r.count, ...(unit ? { unit } : {}) };
  });
  // (The shared count said again of lines that have it already changes nothing: the lines, not new items, are meant.)
  if (shared) return pairs;
  return pairs.filter((p) => {
    const line = s.draft.lines.find((l) => l.lineId === p.lineId);
    return line?.quantity !== p.quantity || (!!p.unit && line.unit !== p.unit);
  });
}

/**
 * "nur 5 Rollen Netz, Garn bleibt bei 2 Pack", "only 5 rolls of net, the twine stays as it is": the part of a clause
 * between commas that holds the new count names its line; another part may name another line only to keep it.
 */
function countedPart(ctx: Ctx, s: DialogueState, clause: Clause, count: number): Ctx | undefined {
  const parts = clause.text.split(/[,;]/u).filter((p) => /\p{L}{3,}/u.test(p));
  if (parts.length < 2) return undefined;
  const holding = parts.filter((p) => tokenizeText(p).some((t) => /^\d+$/.test(t.lower) && Number(t.lower) === count));
  if (holding.length !== 1) return undefined;
  const text = holding[0]!;
  const start = clause.start + clause.text.indexOf(text);
  const sub = clauseCtx(ctx, { ...clause, text, start, end: start + text.length });
  if (lineByWords(sub) || countedPairs(sub, s).length > 0) return sub;
  // "actually make that 4 rolls, silage season coming and all": a counted part that names no product while the rest
  // holds no count is the count alone — the rest tells why, whatever product its words happen to name.
  const rest = clause.text.replace(text, " ");
  return !/\d/.test(rest) && productishWords(sub).length === 0 && !analyse(sub).guess ? sub : undefined;
}

/**
 * "ok dann die neuen, 5 Schachteln, und dazu 2 Gasdüsen GN-36-CON", "fine, the low energy ones then, 4 pieces, and 1
 * box FC-PP5-10" to "what would you like to do?" with a switch of a line offered: one item of the list, read alone as
 * the answer to the offer, takes the switch (its words, "the successor", the value that sets it apart — with the count
 * said for it); the other items are added. Not a plain yes: the part must name the switch.
 */
function switchBesideItems(ctx: Ctx, s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const p = s.pending;
  if (p?.kind !== "fixes") return undefined;
  // An item beside the switch, no more: each named outright.
  const parts = itemParts(ctx);
  if (parts.length !== 2) return undefined;
  const switches = new Set(
    [p, ...(p.others ?? [])].flatMap((o) => o.fixes.flatMap((f) => (f.kind === "replace_sku" ? [f.sku] : []))),
  );
  if (switches.size === 0) return undefined;
  const cues = new Set([...ctx.cues].filter((c) => c !== "yes" && c !== "checkout"));
  // (`at`: the part that takes it, negative while no part's own words name the product.)
  let at = -1;
  let chosen: NonNullable<Step["calls"]>[number] | undefined;
  for (const [i, part] of parts.entries()) {
    const sub = { ...phraseCtx(ctx, part), cues };
    // A part that names another product is an item of its own ("1 GN-36-CYL" is no pick of the first fix).
    const g = analyse(sub).guess;
    // (One named by its code is read by the rows for named products: "ok then 2 filter driers DML 084 instead".)
    const named = g?.confident ? g.hits[0]! : undefined;
    if (
      named &&
      (named.match.startsWith("sku") || !(switches.has(named.sku) || s.draft.lines.some((l) => l.sku === named.sku)))
    )
      continue;
    const step = answerFixes(sub, p, memo);
    const calls = step?.calls?.filter((c) => c.name !== "review_order" && c.name !== "place_order") ?? [];
    if (calls.length !== 1 || calls[0]!.name !== "update_line" || !switches.has(String(calls[0]!.args.sku))) continue;
    // Two parts that would pick it ("the fine serrated ones", "2 bags of the rivets" the switch's text names): the
    // one whose own words name the switch's product.
    const own = named?.sku === calls[0]!.args.sku;
    if (chosen && (own ? at >= 0 : at < 0)) return undefined;
    if (chosen && !own) continue;
    // (A count said alone with it is the line's new count: "…, 2 boxes"; not a measure, not two numbers.)
    const q = analyse(sub).quantity;
    const numbers = sub.tokens.filter((t) => /^\d+(?:[.,]\d+)?$/u.test(t.lower));
    const count =
      q &&
      q.value > 0 &&
      numbers.length <= 1 &&
      !(q.unit && unitDecimals(q.unit) > 0) &&
      !("quantity" in calls[0]!.args)
        ? { quantity: q.value, ...(q.unit ? { unit: q.unit } : {}) }
        : {};
    chosen = { ...calls[0]!, args: { ...calls[0]!.args, ...count } };
    at = own ? i : -1 - i;
  }
  if (!chosen) return undefined;
  if (at < 0) at = -1 - at;
  const text = parts.filter((_, i) => i !== at).join(", ");
  const rest: Ctx = {
    ...phraseCtx(ctx, text),
    conv: { ...ctx.conv, text, memo: { ...ctx.conv.memo, pending: undefined } },
  };
  const a = analyse(rest);
  const machineId = a.machine?.machineId ?? s.draft.lines.find((l) => l.lineId === chosen!.args.lineId)?.machineId;
  // The other item named outright with its count; else as the whole list reads it ("2 bags of the rivets" the switch's
  // product needs), without what the list made of the switch's part.
  const related = [
    ...new Set(
      ctx.k.reader
        .relations([String(chosen.args.sku)])
        .filter((r) => r.type !== "consists_of")
        .map((r) => r.targetSku),
    ),
  ];
  const other = a.guess?.confident ? a.guess.hits[0]!.sku : related.length ? byWords(rest, related) : undefined;
  const adds =
    other && a.quantity
      ? (action(rest, "add", other, a, memo, {
          quantity: a.quantity.value,
          ...(a.quantity.unit ? { unit: a.quantity.unit } : {}),
          ...(machineId ? { machineId } : {}),
        }).calls ?? [])
      : [];
  const kept = new Set(s.draft.lines.map((l) => l.sku));
  if (
    adds.length !== 1 ||
    adds[0]!.name !== "add_line" ||
    switches.has(String(adds[0]!.args.sku)) ||
    kept.has(String(adds[0]!.args.sku))
  )
    return undefined;
  return { calls: [chosen, ...adds], memo: memo() };
}

/**
 * "Dann lasst das Set weg und schickt die Teile einzeln: 1 Karton Kette …, 2 Stehlager … und 1 Kartusche …", "drop the
 * kit and send the parts separately: …": a clause of the list that removes a line it names (read as a clause of its
 * own, `removalInChange`) goes with the items added — before, the items were added and the kit stayed.
 */
function withRemovals(ctx: Ctx, s: DialogueState, step: Step | undefined): Step | undefined {
  if (!step?.calls?.length || s.draft.lines.length === 0 || ctx.u.clauses.length < 2 || ctx.u.attack) return step;
  const removed: string[] = [];
  const adding = new Set(step.calls.flatMap((c) => (c.name === "add_line" ? [String(c.args.sku)] : [])));
  for (const c of ctx.u.clauses) {
    let lineId: string | undefined;
    if (c.intent === "remove") {
      const sub = clauseCtx(ctx, c);
      const subState = dialogueState(sub);
      const dropped = removalInChange(sub, subState, readMessage(sub, subState));
      if (dropped && dropped !== "absent") lineId = dropped.lineId;
    } else {
      // "Dann lasst das Set weg und schickt die Teile einzeln: 1 Karton …": the words before the colon that lean toward
      // a removal (`leaningsOf`, from the corpus) and count nothing drop the line they name — the only line, when they
      // name none and the list does not order its product again.
      const colon = c.text.indexOf(":");
      const lead = colon > 0 ? c.text.slice(0, colon) : "";
      if (!lead || /\d/.test(lead) || !leaningsOf(lead).includes("remove")) continue;
      const sub = clauseCtx(ctx, { ...c, text: lead, end: c.start + lead.length });
      const only = s.draft.lines.length === 1 ? s.draft.lines[0]! : undefined;
      lineId = lineByWords(sub) ?? (only && !adding.has(only.sku) ? only.lineId : undefined);
    }
    if (lineId && !removed.includes(lineId)) removed.push(lineId);
  }
  if (removed.length === 0) return step;
  // The parts that take the place of what is dropped are for its machine, unless the message names another.
  const machines = new Set(
    s.draft.lines.filter((l) => removed.includes(l.lineId) && l.machineId).map((l) => l.machineId!),
  );
  const machineId = machines.size === 1 ? [...machines][0]! : undefined;
  const calls = step.calls.map((c) =>
    c.name === "add_line" && machineId && !c.args.machineId ? { ...c, args: { ...c.args, machineId } } : c,
  );
  return { ...step, calls: [...removed.map((lineId) => ({ name: "remove_line", args: { lineId } })), ...calls] };
}

/** One clause of the message as a message of its own. */
/** Some clauses of the message, read as a message of their own (`text`: their words, joined). */
function clausesCtx(ctx: Ctx, clauses: Clause[], text: string): Ctx {
  const negated = ctx.u.negated.filter((n) => clauses.some((c) => n.start >= c.start && n.end <= c.end));
  const u = { ...ctx.u, clauses, cues: cuesOf(clauses), negated, rest: text };
  return { ...ctx, conv: { ...ctx.conv, text }, u, cues: u.cues, tokens: tokenizeText(text), analyses: new Map() };
}

/**
 * "have you got the EKC 202 in stock? then 3 of those": the question names a product the order does not hold — what
 * follows may point back at it, so it is not decided alone.
 */
function asksOfOtherProduct(ctx: Ctx, s: DialogueState): boolean {
  const g = analyse(ctx, ctx.conv.text.slice(0, ctx.conv.text.lastIndexOf("?"))).guess;
  return !!g?.confident && !s.draft.lines.some((l) => l.sku === g.hits[0]!.sku);
}

/**
 * The instruction after a question (`instructionAfterQuestion`), decided alone: taken when it only edits the order,
 * else the message is read as a whole as before.
 */
function instructionAlone(ctx: Ctx, _s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const clauses = instructionAfterQuestion(ctx.conv.text, ctx.u.clauses)!;
  const text = ctx.conv.text.slice(clauses[0]!.start, clauses.at(-1)!.end);
  const step = transition(clausesCtx(ctx, clauses, text), memo);
  return onlyDraftEdits(step) ? step : undefined;
}

/** A step that only edits the draft (or its order details). */
function onlyDraftEdits(step: Step): boolean {
  return !!step.calls?.length && step.calls.every((c) => DRAFT_EDITS.has(c.name) || c.name === "set_order_details");
}

function clauseCtx(ctx: Ctx, c: Clause): Ctx {
  const negated = ctx.u.negated
    .filter((n) => n.start >= c.start && n.end <= c.end)
    .map((n) => ({ ...n, start: n.start - c.start, end: n.end - c.start }));
  const u = { ...ctx.u, clauses: [c], cues: cuesOf([c]), negated, rest: c.text };
  return {
    ...ctx,
    conv: { ...ctx.conv, text: c.text },
    u,
    cues: u.cues,
    tokens: tokenizeText(c.text),
    analyses: new Map(),
  };
}

/**
 * The count correction (`countCorrection`) changes its line; the rest of the message ("Dazu noch 2 Hinterreifen …") is
 * decided as a message of its own, and its draft edits go with the change. When the rest asks for more than an edit (a
 * list, a question), the change is made and the rest is left for the next turn's reading as it would be alone.
 */
function correctCount(ctx: Ctx, s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const found = countCorrection(ctx, s);
  if (!found) return undefined;
  const update = {
    name: "update_line",
    args: { lineId: found.lineId, quantity: found.quantity, ...(found.unit ? { unit: found.unit } : {}) },
  };
  const more = (found.more ?? []).map((m) => ({
    name: "update_line",
    args: { lineId: m.lineId, quantity: m.quantity, ...(m.unit ? { unit: m.unit } : {}) },
  }));
  // (The clauses the correction spans: "we need 3 bucket oil" and "not 2".)
  const clauses = ctx.u.clauses.filter((c) => c.end <= found.clause.start || c.start >= found.clause.end);
  if (clauses.length === 0) return { calls: [update, ...more], memo: memo() };
  const text = clauses.map((c) => c.text).join(". ");
  const step = transition(clausesCtx(ctx, clauses, text), memo);
  if (!onlyDraftEdits(step)) return { calls: [update, ...more], memo: memo() };
  // "zwei von den Motoren, einer kommt als Reserve in den Keller": the count the correction says stands — a count of
  // the rest for the same line ("einer") tells what the pieces are for.
  const edited = new Set([found.lineId, ...(found.more ?? []).map((m) => m.lineId)]);
  const others = (step.calls ?? []).filter((c) => !(c.name === "update_line" && edited.has(String(c.args.lineId))));
  return { ...step, calls: [update, ...more, ...others] };
}

/**
 * "ach für pumpe 1 mach 3", "für Band 4 bitte 3 Stück", "Band 3 needs 6 of them": a count and a machine, and nothing
 * else — no product, no word the catalog might know, no "more"/"also" — with exactly one line of the order on that
 * machine: the new count of that line (not a product found for the machine, nor the whole order moved to it).
 */
function machineLineCount(
  ctx: Ctx,
  s: DialogueState,
  r: Reading,
): { lineId: string; quantity: number; unit?: string } | undefined {
  const { machine, quantity } = r.a;
  if (!machine || !quantity || !Number.isInteger(quantity.value) || quantity.value <= 0 || ctx.u.attack)
    return undefined;
  if (ctx.conv.text.includes("?") || MORE_OF.test(ctx.conv.text) || has(ctx, "remove", "cancel")) return undefined;
  if ((r.a.guess && !fuzzyOnly(r)) || r.a.productWords.length > 0 || r.a.machineCandidates.length > 1) return undefined;
  const on = s.draft.lines.filter((l) => l.machineId === machine.machineId);
  const line = on.length === 1 ? on[0]! : undefined;
  if (!line || line.quantity === quantity.value) return undefined;
  return { lineId: line.lineId, quantity: quantity.value, ...(quantity.unit ? { unit: quantity.unit } : {}) };
}

/** The line's count for its own machine, and a line of its product for each other machine with its count. */
function splitOverMachines(ctx: Ctx, _s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const split = splitLine(ctx);
  if (!split) return undefined;
  const line = ctx.conv.draft.lines.find((l) => l.lineId === split.lineId);
  return {
    calls: [
      ...(line?.quantity !== split.keep
        ? [{ name: "update_line", args: { lineId: split.lineId, quantity: split.keep } }]
        : []),
      ...split.moved.map((x) => ({
        name: "add_line",
        args: {
          sku: split.sku,
          quantity: x.quantity,
          machineId: x.machineId,
          ...(line?.unit ? { unit: line.unit } : {}),
        },
      })),
    ],
    memo: memo(),
  };
}

function countForMachine(ctx: Ctx, s: DialogueState, r: Reading, memo: MemoFn): Step | undefined {
  const found = machineLineCount(ctx, s, r);
  return found ? { calls: [{ name: "update_line", args: found }], memo: memo() } : undefined;
}

/** Words of a switch ("then the 230 V one", "lieber die mit 10 A"): a value said without them may ask for a new item. */
/** A question about earlier orders opens with a word of asking or showing ("what did we order …", "welche …", "zeig …"). */
const ASKS_HISTORY =
  /^\s*(?:(?:hi|hello|hallo|moin|servus)\b[\s,!.]*)?(?:(?:(?:can|could|would|will)\s+(?:you|u)|(?:kannst|könntest|koenntest)\s+du|(?:können|koennen|könnten|koennten)\s+sie|(?:könnt|koennt)\s+ihr)\s+(?:(?:please|pls|bitte|mir|me|us|uns|mal|noch)\s+)*)?(?:what|which|when|show|list|tell|welche[mnrs]?|was|wann|wie viele|zeig\w*|liste|auflisten|sag\w*|nenn\w*)\b/iu;
/** A past form of ordering ("what we ordered", "was wir bestellt haben"): the question is about earlier orders. */
const ORDERED_BEFORE = /(?<![\p{L}])(?:ordered|bought|purchased|placed|bestellt|gekauft|geordert|bezogen)(?![\p{L}])/iu;
/** Words of sameness or ordering again, beside `SAID_AGAIN`'s: a question with them asks for the reorder ("the same?"). */
const SAME_OR_REORDER = /(?<![\p{L}])(?:same|reorder|wieder|wiederhol\p{L}*|gleiche[mnrs]?)(?![\p{L}])/iu;

const SWITCH =
  /\b(then|instead|rather|actually|switch|swap|change|take|go with|dann|lieber|doch|stattdessen|statt|tausch\w*|wechs\w*|nehm\w*|nimm)\b/iu;

const MORE_OF = /\b(more|another|additional|extra|also|too|weitere\w*|zusätzlich\w*|noch|auch)\b/i;

/**
 * The one listed item a question asks about (its price, stock or fit): the only one listed, else the one its code or
 * an ordinal word names ("the second one", "das dritte", "the last one" — a bare digit is no pick here, it may be the
 * count asked about). A question that adds ("and add 2 of the first?") is no question about it.
 */
function listedAsked(ctx: Ctx, s: DialogueState): string | undefined {
  const p = listOf(s.pending);
  if (!p || !ctx.conv.text.includes("?")) return undefined;
  const text = ctx.conv.text;
  const single = p.skus.length === 1 && s.pending === p;
  const asks = has(ctx, "price", "stock") || STOCK_ASKED.test(text) || PRICE_ASKED.test(text);
  if (single) return asks ? p.skus[0] : undefined;
  const again = askedBefore(ctx, s).length > 0;
  if (!(asks || has(ctx, "compat") || again)) return undefined;
  // "and the 1st?" asks again even where the classifier leans to adding; a word that orders ("add", "bestell") adds.
  if (has(ctx, "add", "checkout") && !(again && !hasMarker("add", text) && !hasMarker("checkout", text)))
    return undefined;
  const lower = text.toLowerCase();
  const coded = [...p.skus].sort((x, y) => y.length - x.length).find((sku) => lower.includes(sku.toLowerCase()));
  if (coded) return coded;
  return listedByOrdinal(ctx, p);
}

/** The item of the list an ordinal word names ("the second one", "das dritte", "the last"); a bare digit names none. */
function listedByOrdinal(ctx: Ctx, p: ChooseProduct): string | undefined {
  const choice = findChoice(ctx.tokens.filter((t) => !/^\d+$/.test(t.lower)));
  return choice === undefined ? undefined : choice === -1 ? p.skus.at(-1) : p.skus[choice - 1];
}

/**
 * "and the first?", "und das vierte?" after a question about an item of the list: a question with no words of its own
 * (no price, stock or fit word, no count) asks the same of another item.
 */
function askedBefore(ctx: Ctx, s: DialogueState): ("price" | "stock" | "compat")[] {
  const p = s.pending;
  if (p?.kind !== "quantity" || !p.asked || has(ctx, "price", "stock", "compat") || analyse(ctx).quantity) return [];
  return p.asked;
}

/**
 * The memo of an answer about an item of a list: an offer of that item keeps the list, so another item of it can be
 * asked about or picked next.
 */
function keepingList(memo: MemoFn, list: ChooseProduct, asked?: ("price" | "stock" | "compat")[]): MemoFn {
  if (list.skus.length < 2) return memo;
  return (pending, focus) =>
    memo(
      pending?.kind === "quantity" && list.skus.includes(pending.sku)
        ? {
            ...pending,
            listed: list,
            ...((asked ?? pending.asked)?.length ? { asked: asked ?? pending.asked } : {}),
          }
        : pending,
      focus,
    );
}

/** "The cheaper one", "the one with X": a listed item chosen by a fact of the tool results or the catalog. */
function pickByReference(ctx: Ctx, s: DialogueState, _r: Reading, memo: MemoFn): Step | undefined {
  const p = s.pending;
  if (p?.kind !== "choose_product") return undefined;
  // "the cheaper one" of a list for a machine: of those that fit it (all, when none does).
  const byPrice = comparesPrice(ctx.conv.text);
  const fitting = byPrice ? fittingOf(ctx, p, p.skus) : p.skus;
  const pool = byPrice ? pricedOf(ctx, askedKindOf(ctx, p, fitting)) : p.skus;
  // ("das billigere" of a heating element listed with a seal kit for it: the one of the kind asked for is the pick.)
  const only = fitting.length > 1 && pool.length === 1 && !asksOnly(ctx);
  // Ordinals ("the second", "2") are read with the quantity by the list answer itself.
  // ("the 1 kg ones" of cans of 1 kg and 2.5 kg, one of them for another press: the stated ones, then what fits.)
  const direct: Resolution | undefined = only
    ? { kind: "one", sku: pool[0]!, by: "price" }
    : resolveReference(ctx, pool, p.quantity, { ordinals: false });
  const stated = direct ? undefined : statedAmong(ctx, pool);
  const res = direct ?? stated;
  if (!res) return undefined;
  if (res.kind === "fetch") return { calls: res.calls, memo: memo(p) };
  // "welche ist günstiger?", "which one is cheaper?": a question compares, it takes nothing.
  if (byPrice && res.kind === "one" && asksOnly(ctx)) return priceComparison(ctx, p, pool, res.sku, memo);
  if (res.kind === "some") {
    // "the NBR one" of three NBR kits: the ones that fit the machine, then the values the request stated ("63/36").
    // "the red 4 m one": of the items the value leaves, the ones the answer's words name (before what fits: the buyer
    // who says "red" means the red one, and the engine says why it does not fit).
    const worded = stated ? tiedByWords(ctx, res.skus) : [];
    const named = worded.length > 0 && worded.length < res.skus.length ? worded : res.skus;
    const asked = byRequest(ctx, p.said, fittingOf(ctx, p, named));
    // (Values stated that leave several: the list answer decides — the current one of a family before an old one.)
    if (asked.length !== 1 && stated) return undefined;
    if (asked.length !== 1) return req.narrow(ctx, withQuantity(ctx, p), asked, memo);
    return answerChooseProduct(withText(ctx, asked[0]!), withQuantity(ctx, p), memo);
  }
  // "the 63/36 one in FKM" where no listed item is both: the one that is, listed or not; else the list again.
  const split = res.by === "feature" ? splitPick(ctx, p.skus, res.sku) : undefined;
  if (split === "ask") return req.narrow(ctx, withQuantity(ctx, p), p.skus, memo);
  return answerChooseProduct(withText(ctx, split ?? res.sku), withQuantity(ctx, p), memo);
}

/**
 * "die günstigere" of a list holding a product made to measure: its price is a base price its options add to, not one
 * to compare — the others are compared (when two or more are left).
 */
function pricedOf(ctx: Ctx, skus: string[]): string[] {
  const built = builtToOrder(ctx, skus);
  const priced = skus.filter((s) => !built.has(s));
  return built.size > 0 && priced.length >= 2 ? priced : skus;
}

/** A question that states no count and asks for nothing to be added ("which is cheaper?", "welche ist günstiger?"). */
function asksOnly(ctx: Ctx): boolean {
  return ASKING.test(ctx.conv.text) && !analyse(ctx).quantity && !ctx.cues.has("add") && !ctx.cues.has("checkout");
}

/**
 * The listed items compared by the customer's price (fetched, never estimated): the one the question asked for named,
 * the others beside it; that one is then offered — "4 of those", "ok" take it.
 */
function priceComparison(
  ctx: Ctx,
  p: Extract<DialogueState["pending"], { kind: "choose_product" }>,
  pool: string[],
  sku: string,
  memo: MemoFn,
): Step {
  const prices = fetchedPrices(ctx, pool);
  const currency = (sku: string) =>
    ctx.conv.results.find((r) => r.name === "get_price" && r.args.sku === sku && !r.error)?.data as
      | { currency?: unknown }
      | undefined;
  const price = (s: string) => money(prices.get(s), currency(s)?.currency, ctx.lang);
  const others = pool.filter((s) => s !== sku && prices.has(s)).map((s) => `${s}: ${price(s)}`);
  const cheaper = asksCheaper(ctx.conv.text);
  const ask = p.quantity
    ? say(ctx.lang, `Shall I take ${p.quantity}?`, `Soll ich ${p.quantity} davon nehmen?`)
    : say(ctx.lang, "How many do you need?", "Wie viele benötigen Sie?");
  return {
    text: say(
      ctx.lang,
      `${sku} is the ${cheaper ? "cheaper" : "more expensive"} one: ${price(sku)} each (your price)${others.length ? `; ${others.join(", ")}` : ""}. ${ask}`,
      `${sku} ist ${cheaper ? "günstiger" : "teurer"}: ${price(sku)} je Einheit (Ihr Preis)${others.length ? `; ${others.join(", ")}` : ""}. ${ask}`,
    ),
    memo: memo({ ...p, skus: [sku] }, sku),
  };
}

/** The decision read again as if the buyer had written `text` (a SKU chosen for them): its words are that text's. */
function withText(ctx: Ctx, text: string): Ctx {
  return { ...ctx, conv: { ...ctx.conv, text }, tokens: tokenizeText(text), analyses: new Map() };
}

/**
 * The classifier's readings worth naming in a clarifying question (best first, two or three): a one-clause message
 * whose best reading is below CLARIFY_THRESHOLD with a viable runner-up at RUNNER_UP or more.
 */
function readings(ctx: Ctx, s: DialogueState, r: Reading): Intent[] {
  const c = ctx.u.clauses;
  if (c.length !== 1 || c[0]!.score >= CLARIFY_THRESHOLD) return [];
  const ranked = (c[0]!.ranked ?? []).filter((x) => READING[x.intent] && viable(x.intent, s, r));
  if (ranked.length < 2 || ranked[1]!.score < RUNNER_UP) return [];
  return ranked.filter((x, i) => i < 2 || x.score >= RUNNER_UP).map((x) => x.intent);
}

const READING: Partial<Record<Intent, [string, string]>> = {
  checkout: ["place the order", "die Bestellung aufgeben"],
  show_order: ["see your order", "Ihre Bestellung ansehen"],
  cancel: ["discard the order", "die Bestellung verwerfen"],
  remove: ["remove a line", "eine Position entfernen"],
  change: ["change a line", "eine Position ändern"],
  add: ["add a product", "einen Artikel hinzufügen"],
  find: ["find a product", "einen Artikel suchen"],
  price: ["know a price", "einen Preis erfahren"],
  stock: ["check availability", "die Verfügbarkeit prüfen"],
  compat: ["check what fits your machine", "die Passung zu Ihrer Maschine prüfen"],
  history: ["reorder from an earlier order", "eine frühere Bestellung wiederholen"],
  info: ["see product details", "Produktdetails sehen"],
  list_machines: ["see your machines on record", "Ihre hinterlegten Maschinen sehen"],
};

/** One short question naming the two or three readings considered, instead of acting on a guess. */
function clarify(ctx: Ctx, s: DialogueState, r: Reading, memo: MemoFn): Step | undefined {
  const list = readings(ctx, s, r).map((i) => say(ctx.lang, ...READING[i]!));
  if (list.length < 2) return undefined;
  const joined = `${list.slice(0, -1).join(", ")} ${say(ctx.lang, "or", "oder")} ${list.at(-1)}`;
  return {
    text: say(
      ctx.lang,
      `I'm not sure what you mean — do you want to ${joined}?`,
      `Ich bin nicht sicher, was Sie meinen — möchten Sie ${joined}?`,
    ),
    memo: memo(s.pending),
  };
}

/** Nothing of the catalog and nothing the corpus knows ("what's the weather like tomorrow?"). */
function outOfScope(ctx: Ctx): boolean {
  return ctx.u.clauses.every((c) => c.intent === "None" && c.score >= INTENT_THRESHOLD);
}

/**
 * "1 KIT-X for machine Y and approve it yourself" read as one illegitimate clause: it still orders a product named
 * with a quantity or a machine — that part is served (the engine checks it as always), the rest refused.
 */
function orders(r: Reading): boolean {
  return !!r.a.guess?.confident && (!!r.a.quantity || !!r.a.machine);
}

const ALL_LINES =
  /\b(all|both|everything|each|every|all of them|alle|alles|beide|beides|jeweils|sämtliche|saemtliche)\b/iu;

/** The lines a machine named for "all" of the order goes to (see `machine_for_lines`). */
function linesForMachine(ctx: Ctx, s: DialogueState, r: Reading): string[] {
  const id = r.a.machine?.machineId;
  const lines = s.draft.lines;
  if (!id || lines.length === 0) return [];
  if (ALL_LINES.test(ctx.conv.text)) return lines.filter((l) => l.machineId !== id).map((l) => l.lineId);
  if (lines.length < 2 || s.focus.lineId || s.draft.machineId) return [];
  const open = lines.filter((l) => !l.machineId);
  return open.length >= 2 ? open.map((l) => l.lineId) : [];
}

/** One machine for several lines: each line moved to it (the engine checks each line on it). */
function machineForLines(ctx: Ctx, s: DialogueState, r: Reading, memo: MemoFn): Step | undefined {
  const machineId = r.a.machine!.machineId;
  const calls = linesForMachine(ctx, s, r).map((lineId) =>
    ctx.tools.has("set_machine")
      ? { name: "set_machine", args: { machineId, lineId } }
      : { name: "update_line", args: { lineId, machineId } },
  );
  return calls.length ? { calls, memo: memo() } : undefined;
}

/** A machine named while another is retracted ("for freezer 3, not freezer 1", "statt Zelle 2"): a correction. */
function correctsMachine(ctx: Ctx, r: Reading): boolean {
  return !!r.a.machine && retractedMachines(ctx).some((m) => m.machineId !== r.a.machine!.machineId);
}

/** A message that edits the draft (a change or removal, another machine for a line): not a bare yes. */
/**
 * "ok, und noch 2 Magnetspulen", "yes thanks, plus 4 DIN rails", "passt, dazu 3 …": beside the yes, a clause asks for a
 * product the order does not hold, with a count or an order word — the yes does not place the order over it.
 */
function asksForMore(ctx: Ctx, r: Reading): boolean {
  const g = r.a.guess;
  if (!g || g.hits.length === 0 || ctx.u.clauses.length < 2 || ctx.u.attack) return false;
  if (!r.a.quantity && !has(ctx, "add")) return false;
  if (onTheOrder(ctx, g)) return false;
  // Named by words of its own in a clause that asks for something ("4 DIN rails", "Magnetspulen"), not found from the
  // words of the yes ("fine, 2 now and the rest later is ok. place the order").
  return ctx.u.clauses.some(
    (c) =>
      (c.intent === "add" || c.intent === "find") &&
      tokenizeText(c.text).some(
        (t) =>
          (/\p{L}{3,}/u.test(t.lower) && !ctx.k.ordinary(t.lower)) ||
          (/\d/.test(t.lower) && /\p{L}/u.test(t.lower) && guessWords([t], g).length > 0),
      ),
  );
}

function correcting(ctx: Ctx, s: DialogueState, r: Reading): boolean {
  return has(ctx, "change", "remove", "cancel") || !!req.movedLine(ctx, s, r) || !!newQuantity(ctx, s, r);
}

/**
 * "doch nur eins", "ok, 2 pieces then", "ja, dann 2 Stück" after a line was added: another quantity for the line in
 * focus, nothing else named. A unit said with the count is the line's own when it is the unit the line is counted in —
 * the product's order unit for a line that names none.
 */
function newQuantity(ctx: Ctx, s: DialogueState, r: Reading): number | undefined {
  const q = r.a.quantity;
  const line = s.draft.lines.find((l) => l.lineId === s.focus.lineId);
  if (!q || !line || r.a.guess || r.a.machine) return undefined;
  const lineUnit = line.unit ?? ctx.k.reader.products([line.sku]).get(line.sku)?.orderUnit;
  if (q.unit && q.unit !== lineUnit) return undefined;
  return q.value !== line.quantity ? q.value : undefined;
}
