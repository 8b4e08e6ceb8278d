/**
 * The catalog side of entity masking (`masks.ts`): what the recognisers of `recognise.ts` identify in a text, as
 * spans for the sub-word reader — words of the catalog's names that are no conversation word, codes (letters with
 * digits: "M12", "DN40"), numbers with a unit of the catalog's features ("16 bar"), the buyer's machines and a PO
 * reference. Everything is a lookup in the loaded catalog and the buyer's machines; nothing names a product here.
 */
import type { MachineView } from "../conversation.ts";
import { findMachines, type Knowledge, nameTrigram, poReferenceSpan, tokenizeText } from "../recognise.ts";
import { FILLER } from "../language.ts";
import type { MaskSpan } from "./masks.ts";

const NUMERIC = /^\d+(?:[.,\-/]\d+)*$/;
/** An amount of money is what a price request or a price attack says: never masked, whatever units the catalog has. */
const CURRENCY = /^(?:eur|euro|euros|usd|dollars?|chf|gbp|cents?)$/;

export function catalogMasks(text: string, k: Knowledge, machines: readonly MachineView[] = []): MaskSpan[] {
  const out: MaskSpan[] = [];
  // The buyer's machines first: on an overlap the first span's kind stands ("Linie 3" is a machine, not a number).
  if (machines.length) {
    const all = tokenizeText(text);
    for (const m of findMachines(all, [...machines], k.common, k.phraseGroups))
      for (const i of m.tokens) {
        const t = all[i];
        if (t && text.startsWith(t.text, t.start))
          out.push({ start: t.start, end: t.start + t.text.length, kind: "machine" });
      }
  }
  // Token offsets are those of the text unless currency symbols became words: such tokens are left unmasked.
  const tokens = tokenizeText(text).filter((t) => text.startsWith(t.text, t.start));
  const spanOf = (i: number, kind: MaskSpan["kind"]) => {
    const t = tokens[i]!;
    out.push({ start: t.start, end: t.start + t.text.length, kind });
  };
  tokens.forEach((t, i) => {
    const letters = /\p{L}/u.test(t.lower);
    if (letters && /\d/.test(t.lower)) spanOf(i, "code");
    else if (CURRENCY.test(t.lower)) return;
    else if (k.measureUnits.has(t.lower) && i > 0 && NUMERIC.test(tokens[i - 1]!.lower)) {
      spanOf(i - 1, "size");
      spanOf(i, "size");
    } else if (letters && (k.catalogWord(t.lower) || hyphenatedName(t.lower, k))) spanOf(i, "product");
  });
  // A product name's other words go with it ("pressure gauges": "pressure" is also a conversation word).
  const product = new Set(out.filter((s) => s.kind === "product").map((s) => s.start));
  const isProduct = (i: number) => tokens[i] !== undefined && product.has(tokens[i]!.start);
  for (let pass = 0; pass < 2; pass++)
    tokens.forEach((t, i) => {
      if (isProduct(i) || !/\p{L}/u.test(t.lower) || !k.inflectedNameWord(t.lower)) return;
      // A conversation word goes with the name only between two of its words, as the name writes them ("LED work
      // light": "work" is no help request there).
      if (FILLER.has(t.lower) ? withinName(tokens, i, isProduct, k) : isProduct(i - 1) || isProduct(i + 1)) {
        product.add(t.start);
        spanOf(i, "product");
      }
    });
  const po = poReferenceSpan(text);
  if (po) out.push({ start: po.start, end: po.end, kind: "po" });
  return out;
}

/** Token i stands between two product words, and with each as a catalog name writes them side by side. */
function withinName(
  tokens: readonly { lower: string }[],
  i: number,
  isProduct: (i: number) => boolean,
  k: Pick<Knowledge, "nameBigrams">,
): boolean {
  return (
    isProduct(i - 1) && isProduct(i + 1) && nameTrigram(k, tokens[i - 1]!.lower, tokens[i]!.lower, tokens[i + 1]!.lower)
  );
}

/**
 * "Sensor-Kabel", "EC-Lüfter": a hyphenated word the catalog does not write that way, whose parts of three letters and
 * more are all words of its names (as search splits it), and that has such a part; a part that is a conversation
 * word ("Bördel-Variante") keeps it a word of the conversation.
 */
function hyphenatedName(word: string, k: Knowledge): boolean {
  if (!word.includes("-") || /\d/.test(word)) return false;
  const parts = word.split("-").filter((p) => p.length > 2);
  return parts.length > 0 && parts.every((p) => k.catalogWord(p));
}
