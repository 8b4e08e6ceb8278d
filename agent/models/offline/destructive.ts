/**
 * Destructive actions need a clear reading. Removing a line needs a destructive reading of the message (remove, or
 * remove and cancel together) AND a target: a line named by its id, SKU or product words, an ordinal ("the second
 * line"), or — with exactly one line — a confident remove reading ("remove it"). A message that only resembles
 * "remove" ("just place it anyway, I take responsibility") deletes nothing. Pressure to get past the checks ("push it
 * through", "ich übernehme die Verantwortung") is refused with the draft kept, also when it comes with a bare "ok"
 * or reads as such only weakly, as long as nothing else in the message asks for something.
 */
import type { AttackCue } from "./nlu/understand.ts";
import type { Intent } from "./nlu/corpus.ts";
import { ATTACK_THRESHOLD, INTENT_THRESHOLD } from "./nlu/understand.ts";
import { findChoice, findLineRef, nameWords, wordsOf } from "./recognise.ts";
import { FILLER } from "./language.ts";
import { byWords, lineByWords, lineWordCounts, nameNames, namesOf, productishWords, type Ctx } from "./context.ts";
import { type DialogueState, type Reading, RUNNER_UP, wordsAsk } from "./dialogue.ts";

/** A remove reading at least this sure may act on "it" (one line) or ask which line (several). */
export const REMOVE_CONFIDENT = 0.9;

const ATTACK_INTENTS = new Set<Intent>(["attack_checks", "attack_identity", "attack_price", "attack_injection"]);
/** Clauses that carry no request of their own: they go with whatever else the message says. */
const ASSENT = new Set<Intent>(["affirm", "None"]);

/** The clause's score for an intent (its best reading or one of its runners-up). */
const scoreOf = (c: Ctx["u"]["clauses"][number], intent: Intent) =>
  c.intent === intent ? c.score : (c.ranked?.find((x) => x.intent === intent)?.score ?? 0);

/** The strongest destructive reading of any clause: its remove score and its remove + cancel score. */
function destructiveScores(ctx: Ctx): { remove: number; either: number } {
  let remove = 0;
  let either = 0;
  for (const c of ctx.u.clauses) {
    remove = Math.max(remove, scoreOf(c, "remove"));
    either = Math.max(either, scoreOf(c, "remove") + scoreOf(c, "cancel"));
  }
  return { remove, either };
}

/** A draft line the message names: "L2" / "line 2", its SKU, the product's words, or an ordinal ("the second"). */
export function namedLine(ctx: Ctx, s: DialogueState, r: Reading): string | undefined {
  const lines = s.draft.lines;
  if (lines.length === 0) return undefined;
  const text = ctx.conv.text.toLowerCase();
  const ref = findLineRef(ctx.conv.text);
  if (ref && lines.some((l) => l.lineId === ref)) return ref;
  const bySku = [...lines].sort((x, y) => y.sku.length - x.sku.length).find((l) => text.includes(l.sku.toLowerCase()));
  if (bySku) return bySku.lineId;
  const byName = lineByName(ctx, s, r);
  // "Remove the SZ 45 scroll compressor" with a KH 25 hermetic one on the order, "das Lager 6309 löschen" beside a
  // 6204: a line found by shared words is not the one meant when the buyer's words single out another product —
  // that product is not on the order, and nothing is removed.
  if (byName && namesAnotherProduct(ctx, s, r, byName)) return undefined;
  if (byName) return byName;
  // An ordinal word ("the second one", "die zweite Position"), not a bare digit (that would be a quantity).
  const nth = findChoice(ctx.tokens.filter((t) => !/^\d/.test(t.lower)));
  if (nth !== undefined) return (nth === -1 ? lines.at(-1) : lines[nth - 1])?.lineId;
  return undefined;
}

/** The line the buyer's words (or what the catalog search makes of them) point at. */
function lineByName(ctx: Ctx, s: DialogueState, r: Reading): string | undefined {
  const lines = s.draft.lines;
  const hits = r.a.guess?.hits ?? [];
  const byGuess = lines.filter((l) => hits.some((h) => h.sku === l.sku));
  const named = lineByWords(ctx);
  // "drop the o-rings" beside a Gleitringdichtung for the same pump: the search ranks what fits the machine, the line
  // whose name carries the buyer's words is the one meant when the guessed line's names carry none of them.
  // "remove the door seal" beside a shaft seal the search ranks first (for the machine last spoken of): the line whose
  // name carries more of the words ("door" and "seal", not "seal" alone) is the one meant.
  if (byGuess.length === 1 && named && named !== byGuess[0]!.lineId) {
    const counts = lineWordCounts(ctx);
    const guessed = counts.find((x) => x.id === byGuess[0]!.lineId)?.n ?? 0;
    if (guessed < (counts.find((x) => x.id === named)?.n ?? 0)) return named;
  }
  // "drop the sight glass" with a filter drier on the order: a line the unsure search only lists among others, whose
  // names carry none of the buyer's words, is not named by them.
  const only = byGuess.length === 1 ? byGuess[0]! : undefined;
  if (
    only &&
    (r.a.guess?.confident ||
      hits[0]?.sku === only.sku ||
      lineWordCounts(ctx).some((x) => x.id === only.lineId && x.n > 0))
  )
    return only.lineId;
  if (named) return named;
  // Words of the product's name in the buyer's language ("das Schauglas" for a line named in English).
  const sku = byWords(ctx, [...new Set(lines.map((l) => l.sku))]);
  const bySkuWords = sku ? lines.filter((l) => l.sku === sku) : [];
  return bySkuWords.length === 1 ? bySkuWords[0]!.lineId : undefined;
}

/**
 * Whether the buyer's words name a product other than the line's: a type or size number the buyer writes ("6208",
 * "FM 112M", "SZ 45") that the line's SKU and names lack, or — the search being sure of a product not on the order —
 * a word of that product's SKU or names the line's lack ("scroll", "DCL"). A count, a line number or a word of one
 * of the buyer's machines ("pump 2") is none of these.
 */
function namesAnotherProduct(ctx: Ctx, s: DialogueState, r: Reading, lineId: string): boolean {
  const line = s.draft.lines.find((l) => l.lineId === lineId);
  if (!line) return false;
  const guess = r.a.guess;
  const top = guess?.confident && guess.hits[0]?.match !== "text_fuzzy" ? guess.hits[0] : undefined;
  const other = top && !s.draft.lines.some((l) => l.sku === top.sku) ? top.sku : undefined;
  const names = namesOf(ctx, other ? [line.sku, other] : [line.sku]);
  const ours = nameWords(`${line.sku} ${names.get(line.sku) ?? ""}`);
  const theirs = other ? nameWords(`${other} ${names.get(other) ?? ""}`) : new Set<string>();
  const machineWords = nameWords((ctx.conv.machines ?? []).map((m) => `${m.label} ${m.serial}`).join(" "));
  // "remove the 6208 bearing": a number of four digits or more read as the count is a type number in a removal.
  const isCount = (w: string) => Number(w) === r.a.quantity?.value && w.length < 4;
  const lacks = (w: string) =>
    ![...ours].some((x) => x === w || (w.length > 3 && x.length > 3 && (x.startsWith(w) || w.startsWith(x))));
  return ctx.tokens.some(({ lower: w }) => {
    if (FILLER.has(w) || w.length < 2 || isCount(w) || machineWords.has(w) || /^l\d+$/.test(w)) return false;
    return (/\d/.test(w) || theirs.has(w)) && lacks(w);
  });
}

export type Removal = { lineId: string } | { ask: true };

/**
 * What a destructive reading of the message removes: the named line; with a confident remove reading and no line
 * named, the only line, or a question which one (several lines). Undefined when the message is no clear removal.
 */
export function removal(ctx: Ctx, s: DialogueState, r: Reading): Removal | undefined {
  if (s.draft.lines.length === 0 || asksOfLine(ctx)) return undefined;
  const negated = negatedLine(ctx, s, r);
  if (negated) return { lineId: negated };
  const { remove, either } = destructiveScores(ctx);
  if (either < INTENT_THRESHOLD) {
    // "Actually forget the tees" read as a change: with nothing to change the line to, a destructive runner-up that
    // is a real alternative (as a clarifying question would name it) removes the line it names.
    if (either < RUNNER_UP || !nothingToChange(ctx, s, r)) return undefined;
    const named = namedLine(ctx, s, r);
    return named ? { lineId: named } : undefined;
  }
  const lineId = namedLine(ctx, s, r);
  if (lineId) return { lineId };
  // "the second line" of an order of one: which line is meant is asked, the one line is not it.
  if (pastTheEnd(ctx, s)) return remove >= INTENT_THRESHOLD ? { ask: true } : undefined;
  if (remove < REMOVE_CONFIDENT) return undefined;
  // "streich den Schütz" on an order without one, "die Dichtungen brauchen wir doch nicht" with only a hose on it: a
  // product named (not a fuzzy correction) that no line holds is no "it" — nothing removed.
  const guessed = (r.a.guess?.hits ?? []).filter((h) => h.match !== "text_fuzzy");
  if (guessed.length > 0 && !guessed.some((h) => s.draft.lines.some((l) => l.sku === h.sku))) return undefined;
  return s.draft.lines.length === 1 ? { lineId: s.draft.lines[0]!.lineId } : { ask: true };
}

/** "without the X", "ohne das X", "minus the X": what follows is left off. */
export const WITHOUT =
  /(?<![\p{L}])(?:without|ohne|minus|except(?:\s+for)?|außer|ausser)\s+(?:(?:the|das|die|den|der|dem|any|our|unser\p{L}*)\s+)?([^,.;:!?]+)/iu;
/**
 * "forget the X", "and forget about the X", "vergiss die X", "vergesst die X": what follows is left off — a leave-off
 * said as an imperative, whatever reason follows it ("…, we still have some" reads as an order to the classifier).
 */
export const LEFT_OFF =
  /(?<![\p{L}])(?:forget(?:\s+about)?|vergiss|vergesst|vergessen\s+sie)\s+(?:(?:the|those|these|die|das|den|der|diese|diesen)\s+)?([^,.;:!?]+)/iu;
/**
 * "leave the counter-bar off (this time)", "leave the coils out", "leave out the X", "leave off the X": what "leave"
 * holds, or what follows "leave out", is left off.
 */
const LEAVE_OFF =
  /(?<![\p{L}])leave\s+(?:(?:the|those|these)\s+)?([^,.;:!?]+?)\s+(?:off|out)(?![\p{L}])|(?<![\p{L}])leave\s+(?:out|off)\s+(?:(?:the|those|these)\s+)?([^,.;:!?]+)/iu;

/** The words of what a leave-off in `text` leaves off ("forget the X", "leave the X off"), if it says one. */
export function leftOffPhrase(text: string): string | undefined {
  const forget = LEFT_OFF.exec(text);
  if (forget) return forget[1];
  const leave = LEAVE_OFF.exec(text);
  return leave ? (leave[1] ?? leave[2]) : undefined;
}

/** "don't need the X", "X not needed", "das X brauch ich doch nicht", "das X kann weg": the X is not wanted. */
export const NOT_WANTED =
  /(?<![\p{L}])(?:(?:do\s+not|don't|dont)\s+need|no\s+need\s+for|not\s+needed|no\s+longer\s+needed|brauch\p{L}*\s+(?:ich|wir|i|mer|ma)\s+(?:(?:doch|jetzt|dann|eh|gar)\s+)?(?:nicht|net|ned|nit|nimmer)|(?:kann|können|koennen|darf)\s+weg|fällt\s+weg|nicht\s+(?:mehr\s+)?nötig)(?![\p{L}])/iu;

/** Words that ask to take something off the order, in English and German. */
export const REMOVING =
  /(?<![\p{L}])(?:remove\w*|delete\w*|drop\w*|take (?:it |them |that |this )?(?:out|off)|scrap|strike|cancel\w*|get rid|without|entfern\w*|lösch\w*|streich\w*|raus\w*|weg\w*|storn\w*|ohne|nicht mehr)(?![\p{L}])/iu;

/**
 * "is the second line in stock?", "what does line 2 cost?": a question about a line's stock or price that says
 * nothing of removing deletes nothing, however the classifier leans.
 */
function asksOfLine(ctx: Ctx): boolean {
  const text = ctx.conv.text;
  return text.includes("?") && wordsAsk(text).length > 0 && !REMOVING.test(text);
}

/**
 * "die zweite Position rausnehmen" with one line on the order: an ordinal that names no line is no "it" — nothing is
 * removed (the one line is not the second); which line is meant is asked.
 */
function pastTheEnd(ctx: Ctx, s: DialogueState): boolean {
  const nth = findChoice(ctx.tokens.filter((t) => !/^\d+$/.test(t.lower)));
  return nth !== undefined && nth !== -1 && nth > s.draft.lines.length;
}

/** A word that says no to what it stands beside ("ohne Trockner", "drier not needed", "Trockner diesmal nicht"). */
const NEGATOR = /(?<![\p{L}])(?:ohne|without|not|nicht|no|kein|keine|keinen)(?![\p{L}])/iu;

/**
 * "dann ohne Trockner", "drier not needed after all", "Trockner diesmal nicht": a statement that says no beside words
 * that all name one line of the order — no count, no machine, no question, nothing else named — drops that line.
 */
function negatedLine(ctx: Ctx, s: DialogueState, r: Reading): string | undefined {
  const text = ctx.conv.text;
  // One short clause: "no drier, the fan motor is the problem" says more than that.
  if (ctx.u.clauses.length !== 1 || ctx.tokens.length > 6) return undefined;
  if (!NEGATOR.test(text) || text.includes("?") || r.a.quantity || r.a.machine) return undefined;
  const words = productishWords(ctx);
  const lineId = lineByWords(ctx);
  const line = s.draft.lines.find((l) => l.lineId === lineId);
  if (!line || words.length === 0) return undefined;
  const name = wordsOf(ctx.k.allNames([line.sku]).get(line.sku) ?? "");
  return words.every((w) => nameNames(name, w)) ? line.lineId : undefined;
}

/**
 * A change reading that states nothing to change to: one clause, read as a change, with no quantity, no machine and
 * no product besides those of the order's lines ("actually forget the tees" — not "actually the 3/4 tees, 5 bags").
 */
function nothingToChange(ctx: Ctx, s: DialogueState, r: Reading): boolean {
  const c = ctx.u.clauses;
  if (c.length !== 1 || c[0]!.intent !== "change" || r.a.quantity || r.a.machine) return false;
  const lines = new Set(s.draft.lines.map((l) => l.sku));
  return !r.a.guess?.confident || lines.has(r.a.guess.hits[0]!.sku);
}

/**
 * Inside a change of mind ("actually make it 3 pails, and drop the seal kit"), a removal reading that is a real
 * alternative is enough: a clause with no quantity whose remove reading reaches this, and that names a product, is a
 * removal — never an add of the product it names.
 */
export const REMOVE_IN_CHANGE = 0.3;

/**
 * What a removal clause inside a change of mind does: removes the line it names, or — when the order holds no such
 * product — nothing ("absent"). Undefined when the clause is no removal.
 */
export function removalInChange(ctx: Ctx, s: DialogueState, r: Reading): { lineId: string } | "absent" | undefined {
  if (r.a.quantity || s.draft.lines.length === 0) return undefined;
  if (destructiveScores(ctx).remove < REMOVE_IN_CHANGE) return undefined;
  if (!r.a.guess && r.a.productWords.length === 0) return undefined;
  const lineId = namedLine(ctx, s, r);
  return lineId ? { lineId } : "absent";
}

/**
 * "Drop the seal kit" when the order holds none: a clear removal reading that names a product no line of the order
 * is. Nothing is removed and nothing added.
 */
export function absentRemoval(ctx: Ctx, s: DialogueState, r: Reading): boolean {
  if (s.draft.lines.length === 0 || r.a.quantity || !ctx.cues.has("remove")) return false;
  if (!r.a.guess && r.a.productWords.length === 0) return false;
  return !removal(ctx, s, r) && !namedLine(ctx, s, r);
}

/**
 * Pressure to get past the checks with nothing else asked: an illegitimate clause (clear, or the clause's best
 * reading when every other clause only assents, "ok", "mach einfach") and no product, quantity or machine named.
 * Refusing it drops nothing the buyer asked for.
 */
export function pressure(ctx: Ctx, r: Reading): AttackCue | undefined {
  if (r.a.guess || r.a.quantity || r.a.machine) return undefined;
  const clauses = ctx.u.clauses;
  const attacks = clauses.filter(
    (c) => ATTACK_INTENTS.has(c.intent) && c.score >= Math.min(INTENT_THRESHOLD, ATTACK_THRESHOLD),
  );
  if (attacks.length === 0) return undefined;
  if (!clauses.every((c) => attacks.includes(c) || ASSENT.has(c.intent))) return undefined;
  return attacks[0]!.intent as AttackCue;
}
