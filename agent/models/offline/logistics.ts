/**
 * "2 X and the Y. Please ship to Trondheim.", "… und das Wartungsset. kommt alles nach Cloppenburg auf den Hof",
 * "… eine Tüte Abscherschrauben. Bitte nach Vechta in die Werkstatt liefern": a clause that only says where or when
 * the goods go names no item. Its words (a town, "workshop", "asap") are no product words and no machine: the address
 * and the date are read from the whole message elsewhere (`ship-to.ts`, the understanding's date), so the clause is
 * left out where products, counts and machines are read.
 */
import { FILLER } from "./language.ts";
import { FUNCTION_WORDS } from "./function-words.ts";
import { DELIVERY } from "./ship-to.ts";
import type { Clause } from "./nlu/understand.ts";
import { hasMarker } from "./nlu/evidence.ts";
import { monthsIn } from "./month-order.ts";
import { numberWordValue, type Knowledge } from "./recognise.ts";

/** "kommt alles nach X", "geht an die Werkstatt", "it all goes to the yard": where the goods go, said with a verb of motion. */
const GOES_TO =
  /\b(?:kommt|kommen|geht|gehen|goes|go|comes|come)\s+(?:[\p{L}]+\s+){0,2}(?:nach|an|zu|zur|zum|in|ins|to|into)\b/iu;
/** "asap", "Liefertermin egal", "dringend": when the goods are wanted. */
const WHEN = /\b(?:asap|urgent(?:ly)?|dringend|eilig|eilt|liefertermin|lieferzeit|zeitnah|schnellstm[oö]glich)\b/iu;

/**
 * Whether a clause only says where or when the goods go: a delivery word, and no count, product word, machine name or
 * earlier order.
 */
export function logisticsOnly(k: Knowledge, clause: Pick<Clause, "text">, machineWords: ReadonlySet<string>): boolean {
  const text = clause.text;
  const said = [DELIVERY, GOES_TO, WHEN].map((re) => re.exec(text)).filter((m) => !!m);
  if (!said.length) return false;
  // ("deliver the same as last time to Ulm", "schickt uns das vom März": an earlier order is an item.)
  if (hasMarker("history", text) || monthsIn(text).length) return false;
  // ("We need one piece urgently", "mach gleich 3 draus, einer kommt ins Lager": a count is said of an item.)
  const all = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (/\d/.test(text) || all.some((w) => numberWordValue(w) !== undefined || k.unitCodes.has(w))) return false;
  const marked = new Set(said.flatMap((m) => m[0].toLowerCase().match(/\p{L}+/gu) ?? []));
  const words = all.filter((w) => w.length >= 3);
  return !words.some(
    (w) =>
      !marked.has(w) &&
      !FILLER.has(w) &&
      !FUNCTION_WORDS.has(w) &&
      (machineWords.has(w) || k.headWord(w) || (k.nameWord(w) && !k.corpusWords.has(w))),
  );
}
