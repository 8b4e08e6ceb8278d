/**
 * Figures of the understanding stage on data it was not trained on: intent accuracy on the corpus's test split, and
 * entity F1 (quantities and sizes, with their values) on an annotated set of buyer phrasings written for this
 * purpose. Used by `npm run bench` (`offline.nlu.*`); the figures are not asserted in tests.
 */
import type { IntentClassifier } from "./classifier.ts";
import { testDocuments } from "./corpus.ts";
import { recogniseMeasures } from "./understand.ts";

export async function intentAccuracy(classifier: IntentClassifier): Promise<{ accuracy: number; n: number }> {
  const docs = testDocuments();
  let ok = 0;
  for (const d of docs) if ((await classifier.classify(d.lang, d.text)).intent === d.intent) ok++;
  return { accuracy: ok / docs.length, n: docs.length };
}

/** A buyer phrasing and the entities in it: the quantity ordered (if any) and the sizes named (value + unit). */
export interface EntityCase {
  text: string;
  quantity?: number;
  sizes: { value: number; unit: string }[];
}

/** Catalog-free phrasings: what a number means must follow from the words around it. */
export const ENTITY_CASES: EntityCase[] = [
  { text: "I need 20 litres of the oil", sizes: [{ value: 20, unit: "Liter" }] },
  { text: "2 pieces, 63 mm", quantity: 2, sizes: [{ value: 63, unit: "Millimeter" }] },
  { text: '3 of the 1 1/2" ones', quantity: 3, sizes: [{ value: 1.5, unit: "Inch" }] },
  { text: "five of those with 12 m cable", quantity: 5, sizes: [{ value: 12, unit: "Meter" }] },
  { text: "a dozen please", quantity: 12, sizes: [] },
  { text: "we need 4, the 250 mm version", quantity: 4, sizes: [{ value: 250, unit: "Millimeter" }] },
  { text: "one 5 kg pail", quantity: 1, sizes: [{ value: 5, unit: "Kilogram" }] },
  { text: "10 pcs of the 3/4 inch type", quantity: 10, sizes: [{ value: 0.75, unit: "Inch" }] },
  { text: "2 boxes", quantity: 2, sizes: [] },
  { text: "the 400 mm one, 6 pieces", quantity: 6, sizes: [{ value: 400, unit: "Millimeter" }] },
  { text: "I'd like 7", quantity: 7, sizes: [] },
  { text: "3 x 200 l drums", quantity: 3, sizes: [{ value: 200, unit: "Liter" }] },
];

/**
 * Entity F1 of the recognizers plus the quantity reading: a case's entities are its quantity and its sizes; a found
 * entity counts when type and value match. `readQuantity` is the model's own quantity reading of a text.
 */
export function entityF1(readQuantity: (text: string) => number | undefined, cases = ENTITY_CASES) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of cases) {
    const want = [
      ...(c.quantity !== undefined ? [`q:${c.quantity}`] : []),
      ...c.sizes.map((s) => `s:${s.value}${s.unit}`),
    ];
    const q = readQuantity(c.text);
    const got = [
      ...(q !== undefined ? [`q:${q}`] : []),
      ...recogniseMeasures(c.text).map((m) => `s:${m.value}${m.unit}`),
    ];
    const left = [...want];
    for (const g of got) {
      const i = left.indexOf(g);
      if (i >= 0) tp++, left.splice(i, 1);
      else fp++;
    }
    fn += left.length;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}
