/**
 * Numbers said in words, written in digits before the message is read: the teens, the tens and two-word numbers up to
 * 99 in either language ("thirty pieces", "twenty-five", "dreißig Stück", "fünfundzwanzig") and any number word that
 * states a size ("twenty inch", "five micron", "zwanzig Zoll", "fünf Mikron") — what a fitter says aloud or
 * dictates. The small counts ("two boxes", "drei Stück") stay words: the quantity reader knows them.
 * Language, not catalog words.
 */
import { numberWordValue, VALUE_WORDS } from "./recognise.ts";

const EN_TEENS: [string, number][] = [
  ["thirteen", 13],
  ["fourteen", 14],
  ["sixteen", 16],
  ["seventeen", 17],
  ["eighteen", 18],
  ["nineteen", 19],
];
const EN_TENS: [string, number][] = [
  ["twenty", 20],
  ["thirty", 30],
  ["forty", 40],
  ["fifty", 50],
  ["sixty", 60],
  ["seventy", 70],
  ["eighty", 80],
  ["ninety", 90],
];
const EN_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const DE_TEENS: [string, number][] = [
  ["dreizehn", 13],
  ["vierzehn", 14],
  ["sechzehn", 16],
  ["siebzehn", 17],
  ["achtzehn", 18],
  ["neunzehn", 19],
];
const DE_TENS: [string, number][] = [
  ["zwanzig", 20],
  ["dreißig", 30],
  ["dreissig", 30],
  ["vierzig", 40],
  ["fünfzig", 50],
  ["fuenfzig", 50],
  ["sechzig", 60],
  ["siebzig", 70],
  ["achtzig", 80],
  ["neunzig", 90],
];
const DE_ONES = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"];

/** Number words the quantity reader does not know (it knows one … twelve, fifteen, twenty, fifty and German alike). */
const LONGER = new Map<string, number>([
  ...EN_TEENS,
  ...EN_TENS.filter(([w]) => w !== "twenty" && w !== "fifty"),
  ...DE_TEENS,
  ...DE_TENS.filter(([w]) => w !== "zwanzig" && w !== "fünfzig"),
  ...EN_TENS.flatMap(([t, v]) => EN_ONES.map((o, i): [string, number] => [`${t}-${o}`, v + i + 1])),
  ...EN_TENS.flatMap(([t, v]) => EN_ONES.map((o, i): [string, number] => [`${t} ${o}`, v + i + 1])),
  ...DE_TENS.flatMap(([t, v]) => DE_ONES.map((o, i): [string, number] => [`${o}und${t}`, v + i + 1])),
]);
const alternation = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join("|");
const LONGER_WORD = new RegExp(`(?<![\\p{L}\\p{N}-])(${alternation(LONGER.keys())})(?![\\p{L}\\p{N}]|-\\p{L})`, "giu");

/** Units a size is said in; pack and count units ("boxes", "Stück") are not among them — they say how many. */
const MEASURE_UNIT =
  "(?:inch(?:es)?|zoll|z(?:ö|oe)ll\\p{L}+|microns?|mikron|µm|micromet(?:er|re)s?|mikrometer|mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?|zentimeter|bar|volts?|watts?|kilowatts?|kw|amps?|amperes?|kg|kilos?|kilograms?|kilogramm|lit(?:er|re)s?|grad|degrees?)(?![\\p{L}\\p{N}])";
const SIZE_WORD = new RegExp(`(?<![\\p{L}\\p{N}-])(${alternation(VALUE_WORDS)})(?=(?:\\s+|-)${MEASURE_UNIT})`, "giu");

/** The text with those numbers in digits: "thirty pieces" → "30 pieces", "five micron" → "5 micron". */
export function spokenNumbers(text: string): string {
  return text
    .replace(LONGER_WORD, (w: string) => String(LONGER.get(w.toLowerCase())))
    .replace(SIZE_WORD, (w: string) => String(numberWordValue(w)));
}
