/**
 * The buyer's own company, named in a message ("Moin, Meyer von der <company>", "Jens from <company> in Kiel"): the
 * account the buyer is signed in with (its name comes with the installed base), not another customer's.
 */

/** Legal forms and joining words of company names: no word that tells one company from another. */
const LEGAL =
  /^(?:gmbh|ag|kg|ohg|gbr|ug|se|ev|e\.v\.|co|co\.|cie|ltd|ltd\.|limited|llc|inc|inc\.|corp|bv|b\.v\.|nv|n\.v\.|sa|sarl|srl|spa|as|ab|oy|aps|kft|sp|z|o\.o\.|und|and|&|\+|the|der|die|das)$/;

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];

/** The words of a company name that tell it apart: its name without the legal form, words of three letters and more. */
export function companyWords(name: string): string[] {
  return [...new Set(wordsOf(name).map((w) => w.replace(/[.'’]+$/, "")))].filter(
    (w) => w.length >= 3 && !LEGAL.test(w),
  );
}

/**
 * The text without the own company's name, when it names the company: two of the name's words that tell it apart
 * (the only one, when the name has one) — one common word ("Logistik", "Service") names no company. Undefined when
 * the text does not name it.
 */
export function withoutCompanyName(text: string, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = companyWords(name);
  if (!words.length) return undefined;
  const hits: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu)) {
    const w = m[0].toLowerCase().replace(/[.'’]+$/, "");
    // "Nordsee Brauerei's": a possessive ending is the same name.
    const bare = w.replace(/['’]s$/, "");
    if (words.includes(w) || words.includes(bare)) hits.push({ start: m.index, end: m.index + m[0].length });
  }
  const named = new Set(hits.map((h) => text.slice(h.start, h.end).toLowerCase()));
  if (named.size < Math.min(2, words.length)) return undefined;
  let out = "";
  let at = 0;
  for (const h of hits) {
    out += `${text.slice(at, h.start)} `;
    at = h.end;
  }
  return (out + text.slice(at)).replace(/\s+/g, " ").trim();
}
