/**
 * "Need a 12 mm blade set for slicer B, and one for slicer A too", "2 Zackenmesser für Schlauchbeutler 1 und eins für
 * Schlauchbeutler 2", "zwei Keilriemen für Kneter 1 und zwei für Kneter 2": a clause of a count and another machine,
 * no product word, asks for the item before again for that machine — an item of its own: the item before's product
 * words with the clause's count and machine (each machine then gets the product that fits it).
 */
import { type Analysis, type Ctx, analyse, machinesIn } from "./context.ts";
import { findQuantities, numberWordValue, tokenizeText, type Token } from "./recognise.ts";

/** Words that lead a machine's name ("for the", "für den", "on"): no product words. */
const LEADING =
  /^(?:for|on|to|the|our|my|für|fuer|fürs|fuers|auf|an|am|zum|zur|den|dem|der|die|das|des|de|d|unseren?|unserem|unsere)$/u;
/** Words around the count and the machine that add nothing to what is asked for ("and … too", "und … auch noch"). */
const BESIDE =
  /^(?:and|und|plus|also|too|as|well|more|extra|please|pls|then|again|auch|noch|dazu|bitte|nochmal|nochmals|mal|ebenfalls|dann|gleich)$/u;
/** Words that say the item before again ("the same for the L-sealer", "dasselbe für Kneter 2"). */
const SAME = /^(?:same|dasselbe|dasselbige|gleiche|selbe|dito|ditto|likewise|ebenso)$/u;
/** The articles that count one before a product's name in the item before ("a 12 mm blade set"). */
const ONE = /^(?:a|an|one|ein|eine|einen|eins)$/u;

/** The count of a clause said as its first word after the joining ones ("and one", "und zwei", "plus 2"). */
function leadingCount(tokens: readonly Token[]): number | undefined {
  const at = tokens.findIndex((t) => !BESIDE.test(t.lower));
  if (at < 0) return undefined;
  const w = tokens[at]!.lower;
  return /^\d+$/.test(w) || numberWordValue(w) !== undefined ? at : undefined;
}

/**
 * The words of the item before that say its product — after its count, up to its machine (or to its end) — and its
 * count as said.
 */
function productPhrase(ctx: Ctx, prev: string): { phrase: string; count: string } | undefined {
  const tokens = tokenizeText(prev);
  const machine = machinesIn(ctx, prev, tokens).at(0);
  // (A machine named only weakly, its words left to the products — "for the old panel saw" of "Alte Formatsäge" — has
  // no place in the words to end the product's at.)
  if (!machine || machine.tokens.length === 0) return undefined;
  const counted = findQuantities(tokens, ctx.k, new Set(machine.tokens)).at(0)?.tokens;
  const count = counted ? Math.max(...counted) : tokens.findIndex((t) => ONE.test(t.lower));
  if (count < 0) return undefined;
  const first = tokens[counted ? Math.min(...counted) : count]!;
  const from = count + 1;
  const atMachine = Math.min(...machine.tokens);
  let to = atMachine > from ? atMachine : tokens.length;
  while (to > from && LEADING.test(tokens[to - 1]!.lower)) to--;
  if (to <= from) return undefined;
  const words = tokens.slice(from, to);
  if (words.some((t) => machine.tokens.includes(t.index))) return undefined;
  return {
    phrase: prev.slice(words[0]!.start, words.at(-1)!.start + words.at(-1)!.text.length),
    count: prev.slice(first.start, tokens[count]!.start + tokens[count]!.text.length),
  };
}

/**
 * The clause as an item of its own for another machine — its count, the item before's product words, the rest of the
 * clause — when it is a count and one machine other than the item before's, and nothing else; else undefined.
 */
export function forOtherMachine(ctx: Ctx, part: string, a: Analysis, prev: string | undefined): string | undefined {
  if (!prev || a.guess?.confident || a.productWords.length > 0 || !a.machine || a.machineCandidates.length > 1)
    return undefined;
  const tokens = tokenizeText(part);
  const machine = machinesIn(ctx, part, tokens).at(0);
  if (!machine) return undefined;
  // (Its count, or a word of sameness that says the item before's count too: "and the same for the L-sealer".)
  const same = tokens.findIndex((t) => SAME.test(t.lower));
  const count = same >= 0 ? same : leadingCount(tokens);
  // ("für die Speedmaster das gleiche": the word of sameness may follow the machine.)
  if (count === undefined || (same < 0 && count > Math.min(...machine.tokens))) return undefined;
  // ("… das gleiche in 74", "the same but in 1.2": the item before in another size or kind of it.)
  const variant = same >= 0 ? variantAfter(tokens, same) : undefined;
  // (Nothing else: "one for slicer A too", "und zwei für den Kneter 2 bitte".)
  const other = (t: Token, i: number) =>
    i !== count &&
    !machine.tokens.includes(i) &&
    !variant?.tokens.includes(i) &&
    !LEADING.test(t.lower) &&
    !BESIDE.test(t.lower);
  if (tokens.some(other)) return undefined;
  // ("5 filter driers, 3 for the Roof chiller and 3 for …": an item before with a count for a whole and one for a
  // machine is a split that does not add up — no item to say again.)
  const prevTokens = tokenizeText(prev);
  const prevMachine = machinesIn(ctx, prev, prevTokens).at(0);
  if (findQuantities(prevTokens, ctx.k, new Set(prevMachine?.tokens ?? [])).length > 1) return undefined;
  const before = analyse(ctx, prev);
  if (!before.machine || before.machine.machineId === machine.machine.machineId) return undefined;
  if (!before.guess && before.productWords.length === 0) return undefined;
  const item = productPhrase(ctx, prev);
  if (!item) return undefined;
  const end = tokens[count]!.start + tokens[count]!.text.length;
  if (variant) {
    // The machine's words as said ("für die Speedmaster"), after the item before in the other size.
    const kept = tokens.filter(
      (t, i) =>
        i !== count &&
        !variant.tokens.includes(i) &&
        !(i < count && i > Math.max(...machine.tokens)) &&
        !BESIDE.test(t.lower),
    );
    const said = kept.length ? part.slice(kept[0]!.start, kept.at(-1)!.start + kept.at(-1)!.text.length) : "";
    return `${item.count} ${inVariant(ctx, item.phrase, variant.value)} ${said}`.trim();
  }
  if (same >= 0) return `${item.count} ${item.phrase}${part.slice(end)}`;
  return `${part.slice(0, end)} ${item.phrase}${part.slice(end)}`;
}

/** Words that lead the other size or kind the same item is asked in ("in 74", "but in EPDM", "aber in 1,2"). */
const VARIANT_LEAD = /^(?:but|aber|only|nur|just|bloß|bloss|jedoch|then|dann)$/u;

/** The size or kind said after the word of sameness ("the same in 74"): its token indices and its text. */
function variantAfter(tokens: readonly Token[], same: number): { tokens: number[]; value: string } | undefined {
  let at = same + 1;
  while (at < tokens.length && VARIANT_LEAD.test(tokens[at]!.lower)) at++;
  if (!/^(?:in|als)$/u.test(tokens[at]?.lower ?? "")) return undefined;
  const value = tokens[at + 1];
  if (!value || !/^[\p{L}\p{N}][\p{L}\p{N}.,/-]*$/u.test(value.text)) return undefined;
  const used = [];
  for (let i = same + 1; i <= at + 1; i++) used.push(i);
  return { tokens: used, value: value.text };
}

/**
 * The item before's words in another size or kind: in its code, the part of the code of the same shape ("GT-52-NBR-KS"
 * in 74 is "GT-74-NBR-KS", "CT-36-10" in 1,2 is "CT-36-12") — of several, the one that makes a code of the catalog;
 * with no such code, the size said after the words ("Gummitücher NBR 74").
 */
function inVariant(ctx: Ctx, phrase: string, value: string): string {
  const digits = /^\d+(?:[.,]\d+)?$/u.test(value) ? value.replace(/[.,]/gu, "") : undefined;
  const said = digits ?? value;
  for (const word of phrase.split(/\s+/u)) {
    const parts = word.split("-");
    if (parts.length < 2) continue;
    const like = (p: string) =>
      digits ? /^\d+$/u.test(p) && p.length === said.length : /^\p{L}+$/u.test(p) && p.length > 1 && p !== parts[0];
    const options = parts.flatMap((p, i) =>
      i > 0 && like(p) && p !== said ? [parts.map((q, j) => (j === i ? said.toUpperCase() : q)).join("-")] : [],
    );
    if (options.length === 0) continue;
    const known = options.filter((o) => ctx.k.search.search({ query: o, limit: 1 })[0]?.match === "sku_exact");
    const code = known.length === 1 ? known[0] : options.length === 1 ? options[0] : undefined;
    if (code) return phrase.replace(word, code);
  }
  return `${phrase} ${value}`;
}
