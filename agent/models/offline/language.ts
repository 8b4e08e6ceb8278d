/**
 * The buyer's language (English or German, from function words) and the function words themselves, which carry the
 * conversation rather than the product. Intents come from the classifier (`nlu/`), never from patterns here.
 */

import type { Lang } from "./nlu/understand.ts";

export type { Cue, Lang } from "./nlu/understand.ts";

const GERMAN =
  /\b(ich|wir|und|bitte|brauche|brauchen|möchte|moechte|hätte|haette|für|fuer|mit|ohne|nicht|ja|nein|danke|wann|wie|was|welche[nrs]?|stück|stueck|passt|bestell\w*|lieferbar|verfügbar|preis|kostet|entfern\w*|lösch\w*|dazu|noch|gibt|habt|haben|sind|ist|der|die|das|den|dem|einen?|eine[mr]?|zwei|drei|vier|fünf|hallo|guten|servus|moin|warenkorb|stattdessen|lieber|doch|auftrag)\b|[äöüß]/giu;
const ENGLISH =
  /\b(i|we|and|please|need|want|would|like|for|with|without|not|yes|no|thanks|when|how|what|which|pcs|pieces|fit|order|price|cost|remove|add|the|a|an|is|are|do|does|have|hello|hi|instead|my|our)\b/giu;

/** German when German cue words clearly outnumber English ones; English otherwise. */
export function detectLanguage(text: string, previous: Lang = "en"): Lang {
  const de = text.match(GERMAN)?.length ?? 0;
  const en = text.match(ENGLISH)?.length ?? 0;
  if (de === 0 && en === 0) return previous;
  return de > en ? "de" : de === en ? previous : "en";
}

/** Words that carry the conversation, not the product: removed before the remaining words go to catalog search. */
export const FILLER = new Set(
  (
    "a an the and or but with without for of to in on at by from as is are was be been it its this that these those " +
    "i me my we our us you your he she they them their please pls thanks thank hi hello hey yes no ok okay " +
    "need needs want wants would like add order ordering orders buy get take put include also too more another " +
    "some any one ones piece pieces pcs pc x price prices cost costs how much many what which when where who why " +
    "stock available availability deliver delivery delivered lead time ship shipping fit fits fitting compatible " +
    "suitable work works do does did have has had can could will shall should may might must just only then " +
    "there here all everything nothing same last time usual again about tell show find search looking look " +
    "recommend suggest options option details info new please change make instead rather actually switch update " +
    "remove delete drop don't dont not anymore quantity qty number nr no. line lines item items cart basket " +
    "ich wir du sie er es mein meine meinen meinem meiner unser unsere und oder aber mit ohne für fuer von zu zum zur " +
    "der die das den dem des ein eine einen einem einer bitte danke ja nein brauche brauchen möchte moechte hätte " +
    "haette gern gerne will wollen nehme nehmen bestellen bestelle bestellung dazu noch auch mehr stück stueck stk " +
    "preis kostet kosten wie viel viele was welche welcher welches wann wo lieferbar verfügbar lieferzeit passt " +
    "passen kompatibel geeignet für ist sind hat haben gibt es habt suche suchen zeige zeig mir uns mal doch lieber " +
    "statt stattdessen ändern ändere entfernen entferne löschen lösche nicht mehr menge position artikel warenkorb " +
    "auf an im in am beim bis"
  ).split(/\s+/),
);
