/**
 * "Wir brauchen 8 Trockner nicht 6, rest bleibt wie gehabt", "make it 3, the rest stays the same": with lines on the
 * order, words that say the rest of the order stays as it is ask for nothing — no earlier order again ("wie gehabt",
 * "same" are also the words of a reorder), no other edit.
 */

/** "der Rest bleibt wie gehabt", "the rest stays the same", "everything else as is", "sonst alles gleich". */
const KEPT_REST =
  /(?<![\p{L}])(?:(?:(?:der|den|das|the)\s+)?(?:rest|restlichen?|übrige|übrigen)|alles\s+(?:andere|übrige)|everything\s+else|all\s+else|the\s+others|die\s+anderen|(?:sonst|ansonsten|otherwise)\s+(?:bleibt\s+)?(?:alles|everything))(?:\s+(?:bleibt|bleiben|stays?|remains?|is|are|can\s+stay|kann\s+bleiben|so|as|like|wie|unverändert|unchanged|gleich|the|same|it|before|gehabt|besprochen|bisher|is|was|bestellt|ordered|ok|okay|passt|fine|remain|unchanged))*\s+(?:gleich|wie\s+gehabt|wie\s+besprochen|wie\s+bisher|unverändert|unchanged|the\s+same|as\s+is|as\s+before|as\s+it\s+is|as\s+ordered|passt|fine|ok|okay|so)(?![\p{L}])/giu;

/**
 * The text with the words that keep the rest of the order blanked out (offsets unchanged), when the order has lines and
 * the message asks for something besides; else the text as it is.
 */
export function withoutKeptRest(text: string, lines: number): string {
  if (lines === 0) return text;
  const out = text.replace(KEPT_REST, (m) => " ".repeat(m.length));
  return out !== text && /\p{L}/u.test(out) ? out : text;
}
