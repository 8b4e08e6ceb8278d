/**
 * `npx tsx scripts/nlu-fresh.ts FILE...` — the intent classifier on fresh labelled utterances written by people who
 * never saw the corpus (JSON: `{ author, persona, intents: { <intent>: { en: [...], de: [...] } } }`, product and
 * machine words in [brackets]). Their phrasing is unseen, so the figure says how the classifier meets other people's
 * words. Brackets are read three ways, the same for every file: `keep` (the words as typed, brackets dropped: what
 * the classifier meets at run time), `drop` (the bracketed words left out) and `neutral` (a neutral noun instead).
 *
 *   npx tsx scripts/nlu-fresh.ts /work/notes/fresh/author-a.json            accuracy per bracket mode, per language
 *   npx tsx scripts/nlu-fresh.ts --misses --mode keep FILE                  every miss of one mode
 *   npx tsx scripts/nlu-fresh.ts --set spellCheck=true FILE                 one classifier setting changed
 */
import type { MaskSpan } from "../agent/models/offline/nlu/masks.ts";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  type ClassifierSettings,
  DEFAULT_SETTINGS,
  type IntentClassifier,
  trainIntentClassifier,
} from "../agent/models/offline/nlu/classifier.ts";
import type { CorpusDocument, Intent } from "../agent/models/offline/nlu/corpus.ts";
import { intentAccuracy } from "../agent/models/offline/nlu/evaluate.ts";

export type BracketMode = "keep" | "drop" | "neutral" | "corpus" | "masked";

/**
 * Words that make a bracketed term one of the buyer's machines rather than a product (the authors' terms; scripts
 * only, never in the model's code).
 */
const MACHINE =
  /\b(pumps?|booster|press(es)?|conveyor|line|mixer|boiler|compressor|unit|machines?|hall|brewhouse|gearbox|cabinet|exchanger|filler|fan motor|dosing|pumpen?|[a-zäöü]*pumpen?|presse[n]?|förderband|linie|mischer|kessel|kompressor|anlage|maschinen?|halle|sudhaus|getriebe|schaltschrank|wärmetauscher|ventilblock|abfüller|hydraulikaggregat|ventilator|dosierung|[a-zäöü]*maschine|[a-z]*pump)\b/iu;

export interface FreshFile {
  author: string;
  persona?: string;
  intents: Record<Intent, { en: string[]; de: string[] }>;
}

/** "[mech seal]" → "mech seal" (keep), "" (drop) or "part"/"Teil" (neutral); spaces tidied. */
export function readBrackets(text: string, lang: "en" | "de", mode: BracketMode): string {
  const term = (inner: string) =>
    mode === "keep"
      ? inner
      : mode === "drop"
        ? " "
        : mode === "neutral"
          ? lang === "de"
            ? "Teil"
            : "part"
          : neutralTerm(inner, lang);
  const withArticles =
    mode !== "corpus"
      ? text
      : lang === "en"
        ? // "the [gasket]" → "the part": a pronoun after an article does not read.
          text.replace(
            /\b(the|a|an|this|that|these|those|our|your|my|which)\s+\[([^\]]*)\]/gi,
            (_, art: string, inner: string) => {
              const n = neutralTerm(inner, lang);
              return `${art} ${n === "it" ? (/s$/i.test(inner.trim()) ? "parts" : "part") : n}`;
            },
          )
        : // "die [Dichtung]" → "das Teil", "dem [Lager]" → "dem Teil".
          text.replace(
            /\b(der|die|das|den|dem|des|im|am|vom|zum|ein|eine|einen|einem|einer|kein|keine|keinen|dieses|diese|diesen|dieser|unser|unsere|unseren|unserem|welche|welcher|welches|welchen|nen|ne|des)\s+\[([^\]]*)\]/gi,
            (_, art: string, inner: string) => {
              const n = neutralTerm(inner, lang);
              if (n !== "es") return `${art} ${n}`;
              const a = art.toLowerCase();
              if (a === "des") return "des Teils";
              const article = /^(dem|einem|unserem|diesem|im|am|vom|zum)$/.test(a)
                ? art
                : /^(ein|eine|einen|nen|ne)$/.test(a)
                  ? "ein"
                  : /^(kein|keine|keinen)$/.test(a)
                    ? "kein"
                    : /^(dies)/.test(a)
                      ? "dieses"
                      : /^unser/.test(a)
                        ? "unser"
                        : /^welch/.test(a)
                          ? "welches"
                          : "das";
              return `${article} Teil`;
            },
          );
  return withArticles
    .replace(/\[([^\]]*)\]/g, (_, inner: string) => term(inner))
    .replace(/\s+([,.?!])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * How the corpus names a bracketed term: a machine as "machine"/"Maschine" (its number kept: "[pump 2]" → "machine
 * 2", plural as plural), a product as a pronoun the corpus already uses ("it"/"es"), so that no trade word enters it.
 */
export function neutralTerm(term: string, lang: "en" | "de"): string {
  const number = /\b(\d+|[a-d])$/i.exec(term.trim())?.[1];
  if (MACHINE.test(term) && !/seal|dichtung|impeller|laufrad|kit|satz|cover|haube|oil|öl/iu.test(term)) {
    const plural = lang === "en" ? /s$/i.test(term) : /(en|n)$/i.test(term) && !number;
    const noun = lang === "en" ? (plural ? "machines" : "machine") : plural ? "Maschinen" : "Maschine";
    return number ? `${noun} ${number}` : noun;
  }
  return lang === "en" ? "it" : "es";
}

export function loadFresh(path: string): FreshFile {
  return JSON.parse(readFileSync(path, "utf8")) as FreshFile;
}

export function freshDocuments(file: FreshFile, mode: BracketMode): (CorpusDocument & { masks?: MaskSpan[] })[] {
  const out: (CorpusDocument & { masks?: MaskSpan[] })[] = [];
  for (const [intent, langs] of Object.entries(file.intents) as [Intent, { en: string[]; de: string[] }][])
    for (const lang of ["en", "de"] as const)
      for (const raw of langs[lang] ?? []) {
        if (mode === "masked") {
          const m = maskedBrackets(raw);
          if (m.text) out.push({ lang, text: m.text, intent, masks: m.masks });
          continue;
        }
        const text = readBrackets(raw, lang, mode);
        if (text) out.push({ lang, text, intent });
      }
  return out;
}

/**
 * `masked`: the words as typed (like `keep`), with each bracketed term a span the recognisers would identify — a
 * machine or a product — which the classifier's sub-word reader sees as a placeholder (what it meets at run time on a
 * catalog that has those words).
 */
export function maskedBrackets(raw: string): { text: string; masks: MaskSpan[] } {
  const masks: MaskSpan[] = [];
  let text = "";
  let at = 0;
  for (const m of raw.matchAll(/\[([^\]]*)\]/g)) {
    text += raw.slice(at, m.index);
    const inner = m[1]!.trim();
    if (inner) {
      masks.push({
        start: text.length,
        end: text.length + inner.length,
        kind: MACHINE.test(inner) ? "machine" : "product",
      });
      text += inner;
    }
    at = (m.index ?? 0) + m[0].length;
  }
  text += raw.slice(at);
  return { text, masks };
}

export async function scoreFresh(classifier: IntentClassifier, docs: CorpusDocument[]) {
  const all = await intentAccuracy(classifier, docs);
  const en = await intentAccuracy(
    classifier,
    docs.filter((d) => d.lang === "en"),
  );
  const de = await intentAccuracy(
    classifier,
    docs.filter((d) => d.lang === "de"),
  );
  return { all, en, de };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      set: { type: "string", multiple: true },
      misses: { type: "boolean" },
      mode: { type: "string", multiple: true },
    },
  });
  const settings: ClassifierSettings = { ...DEFAULT_SETTINGS };
  for (const s of values.set ?? []) {
    const [key, raw] = s.split("=");
    if (!key || raw === undefined || !(key in settings)) throw new Error(`--set ${s}`);
    (settings as unknown as Record<string, unknown>)[key] =
      raw === "true" ? true : raw === "false" ? false : Number(raw);
  }
  const modes = (values.mode ?? ["keep", "drop", "neutral"]) as BracketMode[];
  const classifier = await trainIntentClassifier(undefined, settings);
  for (const path of positionals) {
    const file = loadFresh(path);
    for (const mode of modes) {
      const s = await scoreFresh(classifier, freshDocuments(file, mode));
      console.log(
        `author ${file.author} [${mode}]: accuracy ${s.all.accuracy.toFixed(3)} on ${s.all.n} (en ${s.en.accuracy.toFixed(3)}, de ${s.de.accuracy.toFixed(3)})`,
      );
      if (values.misses) {
        const rows = [...s.all.confusions].map(
          ([want, row]) => `  ${want} → ${[...row].map(([got, n]) => `${got} ×${n}`).join(", ")}`,
        );
        console.log(rows.join("\n"));
        for (const m of s.all.misses)
          console.log(`  [${m.doc.lang}] ${m.doc.intent} → ${m.predicted} (${m.score.toFixed(2)}): ${m.doc.text}`);
      }
    }
  }
}
