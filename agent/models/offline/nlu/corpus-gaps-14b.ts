/**
 * Utterances written in session 14 (helper fix14b) for three classes of phrasing the consultant misread when a buyer
 * takes a line off the order (written fresh, never copied from a split; the test split was not looked at; the corpus
 * test checks no line is in a held-out split):
 * - a line dropped with a separable or spoken German verb ("das lassen wir weg", "das fällt weg", "das kann raus",
 *   "brauch ma doch ned") or an English one ("leave it out", "skip it", "we can do without it") — read as a cancel of
 *   the whole order, a search or a demand to skip the checks;
 * - the reason said beside it, that the buyer still has some in stores ("we still have a box in stores", "davon liegt
 *   noch eins im Bus") — read as an order for more. It asks for nothing: `None`, like any remark beside a request.
 * - a question whether the buyer's contract or special price applies to what is on the order ("gilt da schon unser
 *   Sonderpreis?", "is our contract price applied to it?") — read as a demand for another price, a look at the
 *   machines or nothing; it asks the price of the line. German lines only: English ones ("is our contract price
 *   applied to it") moved the sharper reader's reading of "3 metres of X for Y, by the metre" to order details, and
 *   the English questions were already read as price questions.
 * Neutral as everywhere in the corpus: a product is "it"/"es"/"das". Trained into the sub-word reader only
 * (`subwordOnlyDocuments`), like `corpus-gaps.ts`.
 */
import type { Intent } from "./corpus.ts";

export const GAPS_14B_SPLIT: Partial<Record<Intent, Partial<Record<"en" | "de", string[]>>>> = {
  remove: {
    en: [
      "leave it out",
      "leave that out please",
      "leave out the part",
      "skip that one",
      "skip it, please",
      "we can do without it",
      "we don't need that after all",
      "don't need it after all",
      "forget that one",
      "you can take that off",
      "cross that one off",
      "no need for that one anymore",
    ],
    de: [
      "das lassen wir weg",
      "die lassen wir weg",
      "lass ma weg",
      "das fällt weg",
      "die fallen weg",
      "das kann raus",
      "die können raus",
      "das brauchen wir doch nicht",
      "brauch ma doch ned",
      "brauchen wir doch keins",
      "des brauch ma nimmer",
      "das könnt ihr weglassen",
      "bruuched mir doch nöd",
      "das Teil entfällt",
    ],
  },
  price: {
    de: [
      "gilt da schon unser Sonderpreis",
      "gilt für das unser Vertragspreis",
      "ist da unser Vertragspreis schon drin",
      "ist bei dem unser Sonderpreis berücksichtigt",
      "habt ihr unseren Rahmenvertragspreis drin",
      "ist das schon mit unserem Rabatt",
      "bitte bestätigen, dass unser Vertragspreis gilt",
      "gilt da der Rahmenvertrag",
      "isch da üsen Vertragspriis scho drin",
      "is da scho unser Sonderpreis drin",
    ],
  },
  None: {
    en: [
      "we still have a box in stores",
      "we still have some",
      "still got a box",
      "still got one in the van",
      "there is one left in the store",
      "we have some left in stock",
      "we found two in the warehouse",
    ],
    de: [
      "davon haben wir noch welche",
      "die haben wir noch",
      "haben noch welche im Lager",
      "davon liegt noch eins im Bus",
      "einer liegt noch im Lager",
      "an hamma no im Kastl",
      "mir händ no zwei im Lager",
      "zwei haben wir noch im Lager gefunden",
    ],
  },
};
