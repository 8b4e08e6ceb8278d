/**
 * Utterances written in session 13 (helper fix13b) for a class of phrasing the consultant read as nothing it knew: a
 * question why a price or the order's total changed ("warum ist das jetzt teurer?", "why did the price go up?") — a
 * question about the price of what is on the order, not a search or a demand for another price. Written fresh, never
 * copied from a split (the test split was not looked at; the corpus test checks no line is in a held-out split).
 * Neutral as everywhere in the corpus: a product is "it"/"es"/"das". Trained into the sub-word reader only
 * (`subwordOnlyDocuments`), like `corpus-gaps.ts`.
 */
import type { Intent } from "./corpus.ts";

export const GAPS_13B_SPLIT: Partial<Record<Intent, Partial<Record<"en" | "de", string[]>>>> = {
  price: {
    en: [
      "why is it more expensive now",
      "why did the price go up",
      "how come it costs more now",
      "why is that dearer than before",
      "why did it get cheaper",
      "why has the price changed",
      "what made it more expensive",
      "the price went up, why is that",
      "how come the price is different now",
      "why is the new one pricier",
      "why is it less now",
    ],
    de: [
      "warum ist das jetzt teurer",
      "wieso ist es teurer geworden",
      "warum kostet das jetzt mehr",
      "weshalb ist der Preis gestiegen",
      "wieso ist das jetzt billiger",
      "warum hat sich der Preis geändert",
      "wie kommt es, dass es teurer ist",
      "warum ist der Preis jetzt anders",
      "wieso isch das jetz tüürer",
      "warum is des jetzt teurer worden",
      "wieso ist der neue teurer",
    ],
  },
};
