/**
 * Utterances written in session 32 (lead) for one class of phrasing the consultant misread: a count the buyer only
 * weighs ("and if I take 20?", "what if we order 50?", "und wenn ich 20 nehme?") after a price was given — read as an
 * order for that many, and added. It asks the price at that count, as "price for 20?" or "und bei 20 Stück?" already
 * did. Written fresh, never copied from a split; the test split was not looked at (the corpus test checks no line is in a
 * held-out split). Neutral as everywhere in the corpus: a product is "it"/"es"/"das". Trained into the sub-word reader
 * only (`subwordOnlyDocuments`), like `corpus-gaps.ts`.
 */
import type { Intent } from "./corpus.ts";

export const GAPS_32_SPLIT: Partial<Record<Intent, Partial<Record<"en" | "de", string[]>>>> = {
  price: {
    en: [
      "and if I take 20?",
      "what if I order 50?",
      "and if we buy 10 of them?",
      "what if we take 100?",
      "and if I took 30?",
      "if we order 25 of it?",
      "what about if I take 40?",
      "and when we order 60?",
      "suppose we take 15?",
      "and if it's 12 pieces?",
    ],
    de: [
      "und wenn ich 20 nehme?",
      "und wenn wir 50 bestellen?",
      "wenn ich 10 nehm?",
      "und falls wir 30 abnehmen?",
      "was wäre bei 50?",
      "und wenn wir gleich 100 nehmen?",
      "wenn ma 25 nehmen?",
      "und wenn i 40 bstell?",
      "angenommen wir nehmen 15?",
      "und wenn's 12 Stück sind?",
    ],
  },
};
