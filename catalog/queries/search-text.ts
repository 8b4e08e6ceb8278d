/**
 * The text side of catalog search, free of SQL: tokens, SKU-likeness, a light plural stemmer, trigrams, edit
 * distances (whole and partial strings) and the word-position score used to rank full-text candidates.
 */

/**
 * A light plural stripper kept for callers outside the catalog (the offline consultant's word lists); catalog search
 * itself uses the Snowball stemmers of catalog/queries/language.ts (`stemWord`).
 * @deprecated use `stemWord(lang, word)` from catalog/queries/language.ts
 */
export function stemOf(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const suffix of ["ies", "es", "s", "en", "n", "e"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4)
      return suffix === "ies" ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length);
  }
  return word;
}

/** Words and SKU-like tokens; keeps `-`, `/`, `.` inside tokens ("SL-FKM-32", "1/2", "2.5"). */
export function tokenize(text: string): string[] {
  return (text.normalize("NFKC").match(/[\p{L}\p{N}]+(?:[-/._][\p{L}\p{N}]+)*/gu) ?? []).slice(0, 24);
}

/** A token that may be (part of) a SKU: has a digit, or is joined by separators, and is at least 3 characters. */
export function looksLikeSku(token: string): boolean {
  return token.length >= 3 && (/\d/.test(token) || /[-/._]/.test(token)) && /[\p{L}\p{N}]{2}/u.test(token);
}

/**
 * Where the buyer's words occur. `groups` holds one list of alternative forms per word (the word, its stems, its
 * synonyms' words); a group scores by its best form: a word of a name (any language) or the head of a compound in it 3,
 * the start of a name word 2, among the indexed terms (stems, compound parts) 2, in the SKU 2, in the category 1. With `required` (rows that did not
 * come from the full-text index) every group must occur somewhere, else the score is 0.
 */
export function textScore(
  row: { name: string; sku: string; category?: string; names?: string; terms?: string },
  groups: string[][],
  required = false,
): number {
  // Rows that must hold every group (explicit fitment lists, thousands of rows) are first screened on their plain
  // text: a group none of whose forms occurs anywhere cannot be matched by a word either.
  if (required) {
    const hay = `${fold(row.name)} ${row.names ?? ""} ${row.sku.toLowerCase()} ${row.category?.toLowerCase() ?? ""} ${row.terms ?? ""}`;
    if (!groups.every((forms) => forms.some((f) => hay.includes(fold(f))))) return 0;
  }
  // `names` is stored folded (catalog/queries/search-terms.ts).
  const name = row.names ? [...wordsOf(row.name), ...row.names.split(WORD_SPLIT)] : wordsOf(row.name);
  const sku = wordsOf(row.sku);
  const cat = row.category ? wordsOf(row.category) : [];
  const terms = new Set(row.terms ? row.terms.split(" ") : []);
  const has = (words: string[], t: string) => words.some((w) => w.startsWith(t));
  // The whole word, or a compound ending in it ("Gleitringdichtung" is a "Dichtung"), names the thing: 3; a word
  // that only starts with it ("Pumpenlaufrad" for "Pumpe") is a part or a kind of something else: 2.
  const named = (t: string) =>
    name.some((w) => w === t || (t.length >= 4 && w.length > t.length && w.endsWith(t))) ? 3 : has(name, t) ? 2 : 0;
  // "Schütz" is not "Schutz" (a contactor, not protection): a form written with a diacritic does not score where the
  // name writes its letters without it ("Motorschutzschalter") — the index folds them alike, the name does not.
  let plain: string[] | undefined;
  const otherWord = (raw: string, t: string) => {
    const lower = raw.toLowerCase();
    if (lower === t) return false;
    plain ??= row.name.toLowerCase().normalize("NFC").split(WORD_SPLIT);
    return !plain.some((w) => w.includes(lower)) && plain.some((w) => w.includes(t));
  };
  let score = 0;
  for (const forms of groups) {
    let best = 0;
    // The folded twin of a form with a diacritic only serves the index.
    const marked = new Set(forms.filter((f) => fold(f) !== f.toLowerCase()).map(fold));
    for (const raw of forms) {
      const t = fold(raw);
      if (raw.toLowerCase() === t && marked.has(t)) continue;
      if (otherWord(raw, t)) continue;
      const s = named(t) + (terms.has(t) ? 2 : 0) + (has(sku, t) ? 2 : 0) + (has(cat, t) ? 1 : 0);
      if (s > best) best = s;
    }
    if (required && best === 0) return 0;
    score += best;
  }
  return score - Math.min(row.name.length, 200) / 400;
}

/** Lower case without diacritics (only non-ASCII text pays for the normalisation). */
function fold(text: string): string {
  const lower = text.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize("NFD").replace(/\p{M}+/gu, "") : lower;
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

function wordsOf(text: string): string[] {
  return fold(text).split(WORD_SPLIT);
}

export function sortedChars(s: string): string {
  return [...s].sort().join("");
}

export function trigrams(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return [...out];
}

/** Damerau-Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return alignment(a, b, max, false);
}

/** Smallest edit distance between `needle` and any substring of `hay` (a partial SKU with a typo). */
export function substringEditDistance(needle: string, hay: string, max = Infinity): number {
  return alignment(needle, hay, max, true);
}

function alignment(a: string, b: string, max: number, freeEnds: boolean): number {
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = freeEnds ? 0 : j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0]!;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return freeEnds ? Math.min(...prev) : prev[m]!;
}
