/**
 * The function words of the consultant's two languages — articles, pronouns, auxiliaries, particles ("wäre", "ist",
 * "einen", "would", "is") — from the `stopword` package's German and English lists. They are ordinary language in any
 * catalog: the dialect reading may take a spoken short form to one of them ("wär" → "wäre", "isch" → "ist", "nen" →
 * "einen"), and none of them is ever a slip of a catalog word.
 */
import { deu, eng } from "stopword";

export const FUNCTION_WORDS: ReadonlySet<string> = new Set([...deu, ...eng].map((w) => w.toLowerCase()));
