/**
 * The utterance corpus's test split is held out: no test utterance is trained on (also not up to case, spacing or
 * punctuation), and the classifier is trained from `trainingDocuments()` alone. Its accuracy on the split is a bench
 * figure (`offline.nlu.intent_accuracy`), not asserted here.
 */
import { describe, expect, it } from "vitest";
import { CORPUS, testDocuments, trainingDocuments } from "../../../agent/models/offline/nlu/corpus.ts";

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

describe("the intent corpus", () => {
  it("keeps its test split out of training", () => {
    const train = new Set(trainingDocuments().map((d) => `${d.lang}:${norm(d.text)}`));
    const leaked = testDocuments().filter((d) => train.has(`${d.lang}:${norm(d.text)}`));
    expect(leaked).toEqual([]);
    expect(trainingDocuments().some((d) => CORPUS[d.intent][d.lang].test.includes(d.text))).toBe(false);
  });
  it("has training and test utterances for every intent in both languages", () => {
    for (const [intent, langs] of Object.entries(CORPUS))
      for (const lang of ["en", "de"] as const) {
        expect(langs[lang].train.length, `${intent}/${lang}`).toBeGreaterThan(2);
        expect(langs[lang].test.length, `${intent}/${lang}`).toBeGreaterThan(0);
      }
  });
});
