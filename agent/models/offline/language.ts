/**
 * The buyer's language, as cue patterns over function words (English and German). These are words about
 * *conversation* — asking, adding, removing, confirming — never about products: what a product is comes from the
 * catalog (search index, configuration models, installed base), so the same patterns serve any catalog.
 */

export type Lang = "en" | "de";

const GERMAN =
  /\b(ich|wir|und|bitte|brauche|brauchen|möchte|moechte|hätte|haette|für|fuer|mit|ohne|nicht|ja|nein|danke|wann|wie|was|welche[nrs]?|stück|stueck|passt|bestell\w*|lieferbar|verfügbar|preis|kostet|entfern\w*|lösch\w*|dazu|noch|gibt|habt|haben|sind|ist|der|die|das|den|dem|einen?|eine[mr]?|zwei|drei|vier|fünf|halle|pumpe|dichtung|hallo|guten|servus|moin|warenkorb|stattdessen|lieber|doch|auftrag)\b|[äöüß]/giu;
const ENGLISH =
  /\b(i|we|and|please|need|want|would|like|for|with|without|not|yes|no|thanks|when|how|what|which|pcs|pieces|fit|order|price|cost|remove|add|the|a|an|is|are|do|does|have|hello|hi|instead|my|our)\b/giu;

/** German when German cue words clearly outnumber English ones; English otherwise. */
export function detectLanguage(text: string, previous: Lang = "en"): Lang {
  const de = text.match(GERMAN)?.length ?? 0;
  const en = text.match(ENGLISH)?.length ?? 0;
  if (de === 0 && en === 0) return previous;
  return de > en ? "de" : de === en ? previous : "en";
}

export type Cue =
  | "greet"
  | "thanks"
  | "yes"
  | "no"
  | "checkout"
  | "cancel"
  | "remove"
  | "change"
  | "show"
  | "price"
  | "stock"
  | "compat"
  | "find"
  | "add"
  | "history"
  | "info"
  | "help"
  | "price_named"
  | "attack_price"
  | "attack_checks"
  | "attack_identity"
  | "attack_injection";

const CUES: [Cue, RegExp][] = [
  [
    "greet",
    /^\s*(hi|hello|hey|good (morning|afternoon|evening)|hallo|guten (morgen|tag|abend)|servus|moin|grüß gott)\b/i,
  ],
  ["thanks", /\b(thanks|thank you|cheers|danke|vielen dank|merci)\b/i],
  [
    "yes",
    /^\s*(yes|yeah|yep|yup|ok|okay|sure|correct|right|fine|go ahead|do it|please do|sounds good|ja|jawohl|genau|passt( so)?|gerne|richtig|einverstanden|mach das|in ordnung)\b/i,
  ],
  ["no", /^\s*(no|nope|nah|not now|nein|lieber nicht|nicht jetzt)\b/i],
  [
    "checkout",
    /\b(place (the |my |this )?order|order (it|them|now|this)|check ?out|submit|send (the |my |it)|finali[sz]e|confirm|that'?s (all|everything|it)|bestellung (abschicken|absenden|aufgeben)|jetzt bestellen|bitte bestellen|bestellen|abschicken|absenden|bestätig\w*|das war'?s|auftrag (erteilen|senden))\b/i,
  ],
  [
    "cancel",
    /\b(cancel|start over|forget (it|everything|all)|clear (the |my )?(order|cart|draft|basket)|empty (the |my )?(order|cart|basket)|abbrechen|storniere?n?|verwerfen|von vorne|alles löschen|neu anfangen)\b/i,
  ],
  [
    "remove",
    /\b(remove|delete|drop|take (it |them )?out|don'?t need|no longer need|get rid of|entfern\w*|lösch\w*|streich\w*|weglassen|rausnehmen|raus nehmen|brauche? \w* ?nicht mehr)\b/i,
  ],
  [
    "change",
    /\b(change|make it|make that|instead|rather|actually|switch|update|increase|decrease|reduce|ändern?|änder\w*|stattdessen|statt|lieber|doch|erhöh\w*|reduzier\w*|umstellen|mach(e)? (es|daraus))\b/i,
  ],
  [
    "show",
    /\b(what'?s in|what is in|show (me )?(my |the )?(order|cart|draft|basket)|my (order|cart|basket)|summary|summari[sz]e|review|overview|total|warenkorb|zusammenfassung|was ist (in|im)|übersicht|meine bestellung|gesamt)\b/i,
  ],
  ["price", /\b(price|prices|cost|costs|how much|quote|pricing|preis\w*|kostet|kosten|angebot)\b/i],
  [
    "stock",
    /\b(stock|available|availability|deliver\w*|lead ?time|when|ship|shipping|on hand|in store|lieferbar|verfügbar\w*|lager\w*|liefer\w*|wann|versand)\b/i,
  ],
  [
    "compat",
    /\b(fit|fits|fitting|compatible|compatibility|work with|works with|suitable|suit|passt .* (an|auf|zu|für)|passen|kompatibel|geeignet)\b/i,
  ],
  [
    "find",
    /\b(looking for|search|find|show me|recommend|suggest|have you got|do you have|options for|which|what .* for|suche|such\w*|finde|empfehl\w*|habt ihr|haben sie|gibt es|welche\w*)\b/i,
  ],
  [
    "add",
    /\b(add|order|want|need|take|buy|get me|i'?ll have|i'?d like|put|include|also|hinzufügen|bestelle|nehme|hätte gerne?|möchte|will|brauche|brauchen|dazu|noch)\b/i,
  ],
  [
    "history",
    /\b(same as (last time|before|usual|last order)|last time|last order|previous order|as usual|reorder|again|wie (letztes mal|immer|zuletzt|beim letzten mal)|letzte[n]? (bestellung|mal)|nochmal|erneut)\b/i,
  ],
  [
    "info",
    /\b(tell me about|details|detail|specs?|specification|datasheet|what is|describe|info|information|beschreib\w*|daten|technische)\b/i,
  ],
  ["help", /\b(help|what can you do|how does this work|hilfe|was kannst du)\b/i],
  [
    "price_named",
    /(\d+(?:[.,]\d+)?\s?(?:eur|euro|euros|€|usd|\$|chf)(?![a-z])|(?:eur|€|\$)\s?\d+|\b\d{1,3}\s?%\s?(?:discount|off|rabatt|nachlass))/i,
  ],
  [
    "attack_price",
    /(\b(set|make|change|give|put|lower)\b.{0,40}\bprice\b.{0,20}\b(to|at|=)?\s*(0|zero|free|nothing|\d+)|\bfor free\b|\bfree of charge\b|\b\d{2,3} ?% (discount|off|rabatt)\b|\bpreis\b.{0,30}\b(auf|=)\s*(0|null)\b|\bumsonst\b|\bgratis\b|\bkostenlos\b)/i,
  ],
  [
    "attack_checks",
    /(\b(skip|bypass|ignore|disable|override|turn off|switch off|without)\b.{0,30}\b(checks?|validation|credit|limit|approval|confirmation|verification)\b|\b(i'?m|i am|as) (the |an |a )?(admin|administrator|root|superuser|developer|ceo|owner|sales ?rep)\b|\bohne (prüfung|bestätigung|kreditprüfung)|überspring\w*|\bich bin (der |die )?(admin|administrator|chef)\b)/i,
  ],
  [
    "attack_identity",
    /(\b(for|on behalf of|as|under) (the )?(customer|account|company|client|kunde|firma)\s*[#:]?\s*[A-Z0-9-]*\d|\b(another|other|different) (customer|company|account|client)\b|\bcustomer ?id\b|\bfür (den |einen anderen )?kunden\b|\bim namen von\b|\bswitch (the )?(customer|account)\b)/i,
  ],
  [
    "attack_injection",
    /(\b(ignore|disregard|forget) (all |any |the |your )?(previous |prior |above |earlier )?(instructions|rules|prompt|guidelines)\b|\bsystem prompt\b|\byou are now\b|\bact as\b|\bdeveloper mode\b|\bjailbreak\b|\bnew instructions\b|\bignoriere\b)/i,
  ],
];

export function cuesOf(text: string): Set<Cue> {
  const out = new Set<Cue>();
  for (const [cue, re] of CUES) if (re.test(text)) out.add(cue);
  return out;
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

const CONVERSATIONAL: Cue[] = [
  "greet",
  "thanks",
  "checkout",
  "cancel",
  "show",
  "history",
  "help",
  "attack_price",
  "attack_checks",
  "attack_identity",
  "attack_injection",
];

const STRIP = CUES.filter(([cue]) => CONVERSATIONAL.includes(cue)).map(
  ([, re]) => new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`),
);

/** The text without the phrases that steer the conversation ("place the order", "what's in my cart"), for product search. */
export function stripCues(text: string): string {
  let out = text;
  for (const re of STRIP) out = out.replace(re, " ");
  return out;
}
