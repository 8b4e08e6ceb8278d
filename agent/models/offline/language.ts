/**
 * The buyer's language (English or German, from function words) and the function words themselves, which carry the
 * conversation rather than the product. Intents come from the classifier (`nlu/`), never from patterns here.
 */

import type { Lang } from "./nlu/understand.ts";
import { languageEvidence } from "../../conversation-language.ts";

export type { Cue, Lang } from "./nlu/understand.ts";

/**
 * German when German cue words clearly outnumber English ones; English otherwise (shared with the graph's notices).
 * A message with as many of either ("2 Pressfassungen DN12" has none) is read by its words the catalog's product
 * names use in one language only (`wordLanguage`): "Schütz", "Pressfassungen" are German, "contactor" English.
 */
export function detectLanguage(
  text: string,
  previous: Lang = "en",
  wordLanguage?: (word: string) => string | undefined,
): Lang {
  const evidence = languageEvidence(text, previous);
  const { de } = evidence;
  // In a German conversation "an" (the preposition, the dialect's "einen") and "no" (the dialect's "noch": "an hamma no
  // im Kastl") are German words as well: they do not turn the conversation English.
  const en = previous === "de" ? evidence.en - (text.match(/\b(?:an|no)\b/giu)?.length ?? 0) : evidence.en;
  if (de !== en) return de > en ? "de" : "en";
  if (!wordLanguage) return previous;
  let byWords = 0;
  for (const w of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
    const lang = wordLanguage(w);
    byWords += lang === "de" ? 1 : lang === "en" ? -1 : 0;
  }
  return byWords > 0 ? "de" : byWords < 0 ? "en" : previous;
}

/** "120er", "1,2er": a size said the German way, with "-er" — its number; any other word as it is. */
export function sizeNumber(word: string): string {
  return word.replace(/^(\d+(?:[.,]\d+)?)er$/u, "$1");
}

/** Money words: a number before one is a price, never a size or a rating of the product. */
export const CURRENCY = new Set(["eur", "euro", "euros", "usd", "gbp", "chf", "cent", "cents"]);

/**
 * Words that keep what is there against the alternatives offered, as it is: "anyway", "trotzdem", "just put them in",
 * "we always had black", "keep the 1.40", "lass es so", "wir hatten immer die schwarzen".
 */
export const KEEP_AS_IS =
  /(?<![\p{L}])(?:anyway|anyhow|regardless|nevertheless|as it is|trotzdem|dennoch|wie gehabt|(?:just )?put (?:them|it|those|these|that) (?:in|on)|(?:always|usually) (?:had|have|ran|run|used|use|fitted|fit|took|take|order(?:ed)?)|(?:keep|stick (?:with|to)) (?:the|it|them|those|that|these|what)|leave (?:it|them) (?:as|like)|(?:hatten|haben|nehmen|nahmen|fahren|fuhren) (?:\p{L}+ )?(?:immer|schon immer)|immer (?:gehabt|drauf|genommen|gefahren)|lass(?:en)? (?:es|sie|die|das|den) so|bleib(?:en|t)? (?:bei|so))(?![\p{L}])/iu;

/**
 * Words that ask without ordering: "just asking", "only asking, don't add it", "do not order it", "nur gefragt",
 * "nicht bestellen", "bitte nicht hinzufügen". An offer or count question is not made, and an open one is not answered
 * by adding.
 */
export const NOT_ADDING =
  /(?<![\p{L}])(?:(?:just|only|merely)\s+(?:asking|a\s+question|wondering|checking)|(?:don'?t|do\s+not|dont|no\s+need\s+to)\s+(?:add|order|book|put\s+(?:it|them)\s+on)|not\s+(?:to\s+)?(?:add|order)\s+(?:it|them|that|those|yet)|(?:nur|bloß|bloss)\s+(?:mal\s+)?(?:so\s+)?(?:gefragt|eine\s+frage|zur\s+info)|(?:nicht|noch\s+nicht|nichts)\s+(?:bestellen|hinzufügen|hinzufuegen|dazu(?:nehmen|tun)?|aufnehmen|übernehmen|uebernehmen|in\s+die\s+bestellung))(?![\p{L}])/iu;

/**
 * Words that ask what there is or what fits: "what seals do you have for pump 2?", "which filters fit the roof
 * chiller?", "have you got belts for press 3?", "is there a fan for it?", "welche Dichtungen habt ihr für Pumpe 2?",
 * "gibt es einen Lüfter für die Kühlzelle?", "was passt auf den Verdichter?" — a look at the catalog, never an edit.
 */
export const ASKS_WHAT_THERE_IS =
  /(?<![\p{L}])(?:(?:which|what)(?:\s+(?:kind|sort|type)s?\s+of)?\s+(?!one\b|ones\b|of\b|is\b|was\b)\p{L}+.*?\b(?:do|does|would|could|can|will|have|has|are|is|fit|fits)\b|(?:do|does|did)\s+(?:you|u|ya)\s+(?:have|has|got|carry|stock|sell|offer)|(?:have|got)\s+(?:you|u)\s+got|(?:is|are)\s+there\s+(?:any|a|an|some|other)|any\s+\p{L}+.*?\bfor\b|welche[nmrs]?\s+\p{L}+|was\s+für|was\s+(?:habt|haben|hätte|hättet|hast|gibt|passt|passen)|(?:habt|hättet|hast|hätten)\s+(?:ihr|du|sie)|haben\s+sie|gibt\s+es|gibts|gibt's)(?![\p{L}])/iu;

/** Words that keep to the product flagged ("order the old one anyway", "still", "die alte"), against the alternatives. */
export const INSISTING = new RegExp(
  `${KEEP_AS_IS.source}|(?<![\\p{L}])(?:still|the (?:old|original|same) one|egal|den(?:noch)? alten|die alte|das alte|immer noch)(?![\\p{L}])`,
  "iu",
);

/** Words that add to what is there ("too", "as well", "auch", Swiss "au", "dazu", "dezue") — never a swap. */
export const ALSO =
  /(?<![\p{L}])(?:too|also|as well|in addition|additionally|on top|add|added|adding|auch|au|ebenfalls|zusätzlich\w*|dazu|dezue|derzue|dazue|hinzu\w*|mitschicken|mitliefern|mit dazu)(?![\p{L}])/iu;
/** "and", "plus", "und", "noch" said as a word: a part beside what is there. */
const AND_ANOTHER = /(?<![\p{L}])(?:and|plus|und|noch|sowie|außerdem|ausserdem)(?![\p{L}])/iu;

/** Words of addition or "and" in the message ("also 1 knife", "und dazu 2 Dichtungen"); German "also" ("so") is none. */
export function saysBeside(text: string, lang: string): boolean {
  const t = lang === "de" ? text.replace(/(?<![\p{L}])also(?![\p{L}])/giu, " ") : text;
  return ALSO.test(t) || AND_ANOTHER.test(t);
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
    "auf an im in am beim bis jeweils each dafür dafuer fürs fuers ins aufs ans vom übers ums durchs gleich " +
    // "new" in German, every ending ("en neue Rührbese", "einen neuen …").
    "neu neue neuen neuer neues " +
    // "make" in German ("mach 3 draus"): "mach" found "machine" in a description and ordered that product.
    "mach mache machen macht machst draus daraus " +
    // Interjections ("ach für pumpe 1 mach 3", "oh, and …").
    "ach achso oh ah aha " +
    // "the thing" said for the product talked about ("was kostet das Ding?"): no product word ("ding" found "DIN").
    "ding dings dingens dingsda teil teile zeug thing things stuff " +
    // Low German, Ruhr and Berlin "wat", "dat", "det", "allet" for "was", "das", "alles" ("wat kost dat?": "wat" found
    // "water-glycol").
    "wat dat det allet"
  ).split(/\s+/),
);

/**
 * "both", "beide bitte", "bei beiden", "alle beide", "each of them", "all three": every product of the open list is
 * taken (`everyListed`). Saxon "beede" is "beide". The word ends its clause or a courtesy or a count follows it — "both
 * pumps", "beide Maschinen" say which machines, not which products.
 */
export const EVERY_LISTED =
  /(?<![\p{L}])(?:both|beide[nrms]?|beede[nrms]?|(?:all|each)\s+of\s+(?:them|those)|all\s+(?:two|three|four)|alle\s+(?:drei|vier))(?=\s*(?:$|[,.;!:)]|\d|(?:please|bitte|then|dann|davon|of them|of those|of each|von jedem|je|jeweils|each|thanks|danke|gerne|mal|nehmen|nehm|take|order|bestellen)(?![\p{L}])))/iu;
/** "neither", "keine von beiden", "not both": the whole list refused, not taken. */
export const NONE_LISTED = /(?<![\p{L}])(?:neither|nor|none|not|keine[nrms]?|nicht|weder|kein|no)(?![\p{L}])/iu;
