/**
 * Order-unit codes as words a buyer reads: "2 boxes", "2 Kartons", "1 piece", "10 Stück". The codes a catalog uses
 * are free text (import format: `orderUnit`, at most 10 characters); the usual ones — UN/ECE Recommendation 20 and
 * the short forms ERPs export, English and German (`BTL` Beutel, `KAR` Karton, `DOS` Dose, `KAN` Kanister) — get words in each language the engine speaks. A code not listed is shown as it is
 * ("XYZ"): a word we would guess could be wrong, the code is what the catalog says.
 *
 * @example
 *   unitWord("BOX", 2, "de") // "Kartons"
 *   unitWord("PCE", 1, "en") // "piece"
 *   unitWord("MTR", 5, "en") // "m"
 */

type Forms = readonly [one: string, many: string];

/** Per unit: its codes, then [singular, plural] by language. */
const UNITS: readonly { codes: readonly string[]; en: Forms; de: Forms }[] = [
  { codes: ["PCE", "C62", "EA", "PC", "PCS", "ST", "STK", "H87"], en: ["piece", "pieces"], de: ["Stück", "Stück"] },
  { codes: ["BOX", "BX"], en: ["box", "boxes"], de: ["Karton", "Kartons"] },
  { codes: ["KAR", "KRT"], en: ["carton", "cartons"], de: ["Karton", "Kartons"] },
  { codes: ["CT", "CTN"], en: ["carton", "cartons"], de: ["Karton", "Kartons"] },
  { codes: ["CS", "CASE"], en: ["case", "cases"], de: ["Kiste", "Kisten"] },
  { codes: ["PAK", "PK", "PCK", "PACK", "PA"], en: ["pack", "packs"], de: ["Packung", "Packungen"] },
  { codes: ["SET", "KIT"], en: ["set", "sets"], de: ["Satz", "Sätze"] },
  { codes: ["PR", "PAR", "PAIR"], en: ["pair", "pairs"], de: ["Paar", "Paar"] },
  { codes: ["ROL", "RL", "RO", "ROLL"], en: ["roll", "rolls"], de: ["Rolle", "Rollen"] },
  { codes: ["BAG", "BG", "BTL"], en: ["bag", "bags"], de: ["Beutel", "Beutel"] },
  { codes: ["CAN", "CA", "DOS"], en: ["can", "cans"], de: ["Dose", "Dosen"] },
  { codes: ["KAN", "JC", "JR"], en: ["canister", "canisters"], de: ["Kanister", "Kanister"] },
  { codes: ["DRM", "DR", "DRUM"], en: ["drum", "drums"], de: ["Fass", "Fässer"] },
  { codes: ["PAIL", "PL"], en: ["pail", "pails"], de: ["Eimer", "Eimer"] },
  { codes: ["BOT", "BO", "FL", "FLA"], en: ["bottle", "bottles"], de: ["Flasche", "Flaschen"] },
  { codes: ["CAR", "CTG", "CQ"], en: ["cartridge", "cartridges"], de: ["Kartusche", "Kartuschen"] },
  { codes: ["RNG", "RG"], en: ["ring", "rings"], de: ["Ring", "Ringe"] },
  { codes: ["M", "MTR"], en: ["m", "m"], de: ["m", "m"] },
  { codes: ["KG", "KGM"], en: ["kg", "kg"], de: ["kg", "kg"] },
  { codes: ["L", "LTR"], en: ["l", "l"], de: ["l", "l"] },
  { codes: ["G", "GRM"], en: ["g", "g"], de: ["g", "g"] },
];

const BY_CODE = new Map(UNITS.flatMap((u) => u.codes.map((c) => [c, u] as const)));

/**
 * The codes a catalog may write for the unit of `code`, that code first: the codes of every unit that shares a word with
 * it in some language — the buyer's "Kartons" is a `BOX`, `KAR` or `CT` of whichever the catalog uses. One table for
 * the words shown and the words read (`agent/models/offline/recognise.ts`).
 *
 * @example unitCodesLike("BOX") // ["BOX", "BX", "KAR", "KRT", "CT", "CTN"]
 */
export function unitCodesLike(code: string): string[] {
  const upper = code.trim().toUpperCase();
  const unit = BY_CODE.get(upper);
  if (!unit) return [upper];
  const words = new Set([...unit.en, ...unit.de].map((w) => w.toLowerCase()));
  const like = UNITS.filter((u) => u === unit || [...u.en, ...u.de].some((w) => words.has(w.toLowerCase())));
  return [...new Set([upper, ...like.flatMap((u) => u.codes)])];
}

/** The word for `count` of a unit code in `lang` (English for a language without words); the code when unknown. */
export function unitWord(code: string, count: number, lang: string): string {
  const unit = BY_CODE.get(code.trim().toUpperCase());
  if (!unit) return code;
  const forms = lang === "de" ? unit.de : unit.en;
  return count === 1 ? forms[0] : forms[1];
}
