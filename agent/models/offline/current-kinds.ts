/**
 * A voltage written together with its kind of current — "24VDC", "230VAC", "24Vdc", "24 VDC" — or with the kind in
 * German words after it ("230 Volt Wechselstrom", "24 V Gleichspannung") is the amount and the kind as catalogs write
 * them apart: "24 V DC", "230 V AC". Glued, the token names no amount, so it chose nothing among products that differ
 * only in it ("2 contactors 18A 24VDC coil" took the 230 V AC one). Language and units, not catalog words.
 */
const GLUED = /(?<![\p{L}\d.,-])(\d+(?:[.,]\d+)?)\s?v(ac|dc|uc)(?![\p{L}\d])/giu;
const WORDS: Record<string, string> = { wechsel: "AC", gleich: "DC", allstrom: "UC" };
const SAID =
  /(?<![\p{L}\d.,-])(\d+(?:[.,]\d+)?\s?(?:v|volt)\.?)\s+(wechsel|gleich|allstrom)(?:strom|spannung)?(?![\p{L}])/giu;

/** The text with each voltage and its kind of current written as the amount, its unit and the kind apart. */
export function currentKinds(text: string): string {
  return text
    .replace(GLUED, (_m, n: string, kind: string) => `${n} V ${kind.toUpperCase()}`)
    .replace(SAID, (m, amount: string, kind: string) => {
      const key = kind.toLowerCase();
      // "Allstrom" is the kind itself; "wechsel"/"gleich" only with "-strom"/"-spannung" after them.
      if (key !== "allstrom" && m.trimEnd().toLowerCase().endsWith(key)) return m;
      return `${amount} ${WORDS[key]}`;
    });
}
