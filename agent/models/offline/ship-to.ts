/**
 * "Lieferung bitte nicht in die Werkstatt Esslingen, sondern an Servicewagen 3 zur Abholung in Stuttgart": which of
 * the buyer's delivery addresses a message names. The addresses come from the account (the installed-base tool lists
 * them); a sentence that speaks of delivery or pick-up and names one address — by the words of its label, its street,
 * postal code or city — better than the others picks it. What the sentence negates ("not to X", "statt X", "nicht X,
 * sondern Y") is not the address. A word shared by every address (one city for all) tells none of them apart.
 */
import { foldUmlauts } from "./nlu/subwords.ts";

export interface ShipToView {
  shipToId: string;
  label: string;
  street?: string;
  postalCode?: string;
  city?: string;
  isDefault?: boolean;
}

/** Words that make a sentence about where the goods go (or are collected), in both languages; stems. */
export const DELIVERY =
  /\b(deliver|delivery|ship(?:ping|ped)?\s+(?:it|them|everything|all|this|the\s+\w+)?\s*to|send|sent|drop[-\s]?off|pick[-\s]?up|pickup|collect|address|liefer|lieferung|lieferadresse|lieferanschrift|anliefer|zustell|abhol|abholung|schick|versand|versend|warenannahme|adresse)/iu;
/**
 * Where a negated part starts and what ends it: "not X but Y", "nicht X, sondern Y" run to "but"/"sondern" or a comma;
 * "statt X", "instead of X" negate the next name only (with its number: "statt Servicewagen 3").
 */
const NEGATION = new Set(["not", "never", "nicht", "nie", "kein", "keine"]);
const NEGATION_END = new Set(["but", "sondern", "aber"]);
const INSTEAD = new Set(["statt", "anstatt", "instead", "rather"]);
const FUNCTION_WORDS = new Set([
  "of",
  "than",
  "to",
  "the",
  "an",
  "am",
  "in",
  "nach",
  "zu",
  "den",
  "dem",
  "die",
  "der",
  "das",
]);
const STOP = new Set(["the", "and", "our", "for", "der", "die", "das", "und", "unsere", "unser", "von", "zur", "zum"]);

const words = (text: string): string[] =>
  (foldUmlauts(text.toLowerCase()).match(/[\p{L}]{3,}|\d+/gu) ?? []).filter((w) => !STOP.has(w));

function addressWords(s: ShipToView): Set<string> {
  return new Set(words([s.label, s.street ?? "", s.postalCode ?? "", s.city ?? ""].join(" ")));
}

/** Tokens of a sentence the buyer did not negate. */
function affirmed(sentence: string): string[] {
  const tokens = foldUmlauts(sentence.toLowerCase()).match(/[\p{L}]+|\d+|[,;:()]/gu) ?? [];
  const out: string[] = [];
  let negated = false;
  let instead = false;
  let afterName = false;
  for (const t of tokens) {
    const number = /^\d+$/.test(t);
    if (NEGATION.has(t)) negated = true;
    else if (INSTEAD.has(t)) instead = true;
    else if (NEGATION_END.has(t) || /^[,;:()]$/.test(t)) negated = instead = false;
    // The name after "statt" is negated, and its number with it; the next word is the buyer's again.
    else if (instead) afterName = !FUNCTION_WORDS.has(t) ? ((instead = false), true) : false;
    else if (afterName && number) afterName = false;
    else {
      afterName = false;
      if (!negated && !STOP.has(t) && (t.length >= 3 || number)) out.push(t);
    }
  }
  return out;
}

/**
 * A buyer's word names an address word: the same word, a compound that begins or ends with it ("Servicewagen"), or
 * the German adjective of a place ("Dortmunder Hub", "Esslinger Werkstatt", "Münchner Werk": -er, -en → -er/-ner).
 */
function names(token: string, word: string): boolean {
  if (token === word) return true;
  if (!/\d/.test(word) && word.length >= 3) {
    const stem = word.replace(/en$/, "");
    if (token === `${word}er` || (stem !== word && (token === `${stem}er` || token === `${stem}ner`))) return true;
  }
  if (/\d/.test(word) || word.length < 5 || token.length < word.length + 3) return false;
  return token.startsWith(word) || token.endsWith(word);
}

/**
 * The one address a delivery sentence of the message names, if exactly one scores best. A bare number counts only
 * beside a word that named the same address (the "3" of "Servicewagen 3"), or as a postal code.
 */
export function namedShipTo(text: string, shipTos: readonly ShipToView[]): string | undefined {
  return readShipTo(text, shipTos).shipToId;
}

/**
 * The address a message names (as `namedShipTo`) and the words of its delivery sentences that name any of the
 * addresses, negated ones included: they say where the goods go, not what is ordered ("cross-dock" is no product).
 */
export function readShipTo(text: string, shipTos: readonly ShipToView[]): ShipToReading {
  if (shipTos.length < 2) return { words: [] };
  // Pure in the text and the addresses: read once per text for a list (a model call reads a message several times,
  // and the calls of a thread share their list: conversation.ts).
  let read = readings.get(shipTos);
  if (!read) readings.set(shipTos, (read = new Map()));
  let reading = read.get(text);
  if (!reading) {
    if (read.size >= MAX_READINGS) read.clear();
    reading = readAddresses(text, shipTos);
    Object.freeze(reading.words);
    read.set(text, reading);
  }
  return reading;
}

/** What `readShipTo` finds in a text. */
export interface ShipToReading {
  shipToId?: string;
  readonly words: readonly string[];
}

const readings = new WeakMap<readonly ShipToView[], Map<string, ShipToReading>>();
/** Texts kept per address list before its readings start afresh. */
const MAX_READINGS = 500;

function readAddresses(text: string, shipTos: readonly ShipToView[]): ShipToReading {
  const own = shipTos.map((s) => ({ s, words: addressWords(s) }));
  const shared = new Set([...own[0]!.words].filter((w) => own.every((o) => o.words.has(w))));
  const any = new Set(own.flatMap((o) => [...o.words]));
  let found: string | undefined;
  const said: string[] = [];
  for (const sentence of text.split(/[\n.!?]+/u)) {
    if (!DELIVERY.test(sentence)) continue;
    const tokens = affirmed(sentence);
    const scores = own.map(({ s, words: ws }) => {
      let score = 0;
      tokens.forEach((t, i) => {
        const hit = [...ws].find((w) => !shared.has(w) && names(t, w));
        if (!hit) return;
        if (/^\d+$/.test(t) && t.length < 4) {
          const near = [tokens[i - 1], tokens[i + 1]].some(
            (n) => n && [...ws].some((w) => !/\d/.test(w) && names(n, w)),
          );
          if (!near) return;
        }
        score++;
      });
      return { id: s.shipToId, score };
    });
    const best = Math.max(...scores.map((x) => x.score));
    const top = scores.filter((x) => x.score === best);
    if (best > 0 && top.length === 1) found = top[0]!.id;
    if (best > 0)
      for (const w of sentence.match(/\p{L}{3,}/gu) ?? [])
        if ([...any].some((a) => !/\d/.test(a) && names(foldUmlauts(w.toLowerCase()), a))) said.push(w);
  }
  return { ...(found ? { shipToId: found } : {}), words: said };
}
