/**
 * The language the buyer writes in (English or German, from function words), for every reply and notice of the
 * conversation — the offline consultant's replies and the graph's own notices ("your order is placed") alike. The
 * session's locale is only the starting guess: a buyer whose widget says English but who writes German reads German.
 */
import { AIMessage, HumanMessage, type BaseMessage } from "@langchain/core/messages";

export type ConversationLang = "en" | "de";

const GERMAN =
  /\b(ich|wir|und|bitte|brauche|brauchen|möchte|moechte|hätte|haette|für|fuer|mit|ohne|nicht|ja|nein|danke|wann|wie|was|welche[nrs]?|stück|stueck|passt|bestell\w*|lieferbar|verfügbar|preis|kostet|entfern\w*|lösch\w*|dazu|noch|gibt|habt|haben|sind|ist|der|die|das|den|dem|einen?|eine[mr]?|zwei|drei|vier|fünf|hallo|guten|servus|moin|warenkorb|stattdessen|lieber|doch|auftrag|oder|aber|auch|dann|da|schon|nur|jetzt|des|dat|wat|isch|nich|nee|jo|jut|drin|dabei|koscht)\b|[äöüß]/giu;
// "a" right after a number is the ampere of "18 A", not the article.
const ENGLISH =
  /\b(i|we|and|please|need|want|would|like|for|with|without|not|yes|no|thanks|when|how|what|which|pcs|pieces|fit|order|price|cost|remove|add|the|(?<!\d\s?)a|an|is|are|do|does|have|hello|hi|instead|my|our|it)\b/giu;

/**
 * How many German and English cue words (and umlauts) the text has. In a German conversation (`previous` "de") English
 * cues that are all dialect words as well ("is dat da oder dauert dat?", "is des lagernd?") count for neither: only an
 * English word no dialect says ("is it in stock?") turns the conversation English.
 */
export function languageEvidence(text: string, previous?: ConversationLang): { de: number; en: number } {
  // Every tool round reads the whole conversation's language again (runLocale): each message's text is counted once.
  let known = evidence.get(text);
  if (!known) {
    if (evidence.size >= MAX_REMEMBERED) evidence.clear();
    evidence.set(text, (known = readEvidence(text)));
  }
  return { de: known.de, en: previous === "de" && known.allDialect ? 0 : known.en };
}

/**
 * English cue words that are also southern German dialect ("i" for "ich", "is" for "ist", "do" for "da", "a" and "an"
 * for "ein"/"einen", "no" for "noch", "hi" for "hin" — broken —, "in" itself): "wos brauch i do fürn neien?" is
 * Bavarian, not English.
 */
const DIALECT_ALIKE = /^(?:i|is|do|a|an|no|in|hi)$/iu;

function readEvidence(text: string): { de: number; en: number; allDialect: boolean } {
  const de = text.match(GERMAN)?.length ?? 0;
  const en = text.match(ENGLISH) ?? [];
  const allDialect = en.every((w) => DIALECT_ALIKE.test(w));
  // When every English cue is one of those and the message has German ones too, they are the dialect's words.
  if (de >= 2 && en.length > 0 && allDialect) return { de, en: 0, allDialect };
  return { de, en: en.length, allDialect };
}

/** Texts whose evidence is remembered (a pure function of the text) before the memo starts afresh. */
const MAX_REMEMBERED = 10_000;
const evidence = new Map<string, { de: number; en: number; allDialect: boolean }>();

/** German when German cue words clearly outnumber English ones; English when the reverse; else `previous`. */
export function detectLanguage(text: string, previous: ConversationLang = "en"): ConversationLang {
  const { de, en } = languageEvidence(text, previous);
  if (de === 0 && en === 0) return previous;
  return de > en ? "de" : de === en ? previous : "en";
}

/**
 * The language of the conversation so far: each buyer message read against the one before (a bare "ok" keeps the
 * language), starting from `start` (the session's). A buyer message with no cue words either way ("2 Filtertrockner
 * DML 084") leaves the choice to the agent's reply to it: the model read the catalog words, so a German reply makes the
 * conversation German — and the notices that follow (the order placed) come in it too.
 */
export function conversationLanguage(messages: readonly BaseMessage[], start: ConversationLang): ConversationLang {
  let lang = start;
  let buyerDecided = true;
  for (const m of messages) {
    const text = typeof m.content === "string" ? m.content : "";
    if (HumanMessage.isInstance(m)) {
      if (!text) continue;
      const { de, en } = languageEvidence(text, lang);
      buyerDecided = de !== en;
      lang = detectLanguage(text, lang);
    } else if (!buyerDecided && AIMessage.isInstance(m) && text.length >= 20) {
      lang = detectLanguage(text, lang);
      buyerDecided = true;
    }
  }
  return lang;
}
