/**
 * Inch sizes said in words: "die halbzölligen", "dreiviertelzöllig", "a half-inch valve", "three-eighths inch" are
 * 1/2", 3/4", 3/8" as the catalog writes them — what a fitter says aloud or dictates. Language, not catalog words.
 */
const DE: Record<string, string> = {
  halb: "1/2",
  viertel: "1/4",
  dreiviertel: "3/4",
  achtel: "1/8",
  dreiachtel: "3/8",
  fünfachtel: "5/8",
  fuenfachtel: "5/8",
};
const EN: Record<string, string> = {
  half: "1/2",
  quarter: "1/4",
  "three quarter": "3/4",
  "three quarters": "3/4",
  eighth: "1/8",
  "three eighth": "3/8",
  "three eighths": "3/8",
  "five eighth": "5/8",
  "five eighths": "5/8",
};

const DE_WORD =
  /(?<![\p{L}])(halb|viertel|dreiviertel|achtel|dreiachtel|fünfachtel|fuenfachtel)[- ]?z(?:ö|oe|o)ll\p{L}*/giu;
const EN_WORD =
  /(?<![\p{L}])(?:an?\s+)?(half|quarter|three[- ]quarters?|eighth|three[- ]eighths?|five[- ]eighths?)[- ](?:an?\s+)?inch(?:es)?(?![\p{L}])/giu;

/** The text with inch sizes said in words written as fractions with the inch sign. */
export function inchWords(text: string): string {
  return text
    .replace(DE_WORD, (_m, w: string) => `${DE[w.toLowerCase()]}"`)
    .replace(EN_WORD, (_m, w: string) => `${EN[w.toLowerCase().replace("-", " ")]}"`);
}
