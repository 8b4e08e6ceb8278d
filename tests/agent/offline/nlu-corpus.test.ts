/**
 * The utterance corpus's validation and test splits are held out: no validation or test utterance is trained on
 * (also not up to case, spacing or punctuation), validation and test do not share utterances, and the classifier is
 * trained from `trainingDocuments()` alone. Accuracy on the splits is a bench figure (`offline.nlu.intent_accuracy`,
 * `offline.nlu.validation_accuracy`), not asserted here.
 */
import { describe, expect, it } from "vitest";
import {
  CORPUS,
  devDocuments,
  subwordOnlyDocuments,
  testDocuments,
  trainingDocuments,
  validationDocuments,
} from "../../../agent/models/offline/nlu/corpus.ts";
import { TEST_SPLIT } from "../../../agent/models/offline/nlu/corpus-test.ts";

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const keys = (docs: { lang: string; text: string }[]) => new Set(docs.map((d) => `${d.lang}:${norm(d.text)}`));

describe("the intent corpus", () => {
  it("keeps its test split out of training", () => {
    const train = keys(trainingDocuments());
    const leaked = testDocuments().filter((d) => train.has(`${d.lang}:${norm(d.text)}`));
    expect(leaked).toEqual([]);
    expect(trainingDocuments().some((d) => TEST_SPLIT[d.intent][d.lang].includes(d.text))).toBe(false);
  });
  it("keeps its validation split out of training and apart from the test split", () => {
    const train = keys(trainingDocuments());
    const test = keys(testDocuments());
    const validation = validationDocuments();
    expect(validation.filter((d) => train.has(`${d.lang}:${norm(d.text)}`))).toEqual([]);
    expect(validation.filter((d) => test.has(`${d.lang}:${norm(d.text)}`))).toEqual([]);
    expect(trainingDocuments().some((d) => CORPUS[d.intent][d.lang].validation.includes(d.text))).toBe(false);
  });
  it("keeps its dev split (an author who never saw the corpus) out of training and validation", () => {
    const seen = keys([...trainingDocuments(), ...validationDocuments()]);
    const dev = devDocuments();
    expect(dev.length).toBeGreaterThan(0);
    expect(dev.filter((d) => seen.has(`${d.lang}:${norm(d.text)}`))).toEqual([]);
  });
  it("keeps the sub-word reader's own lines (corpus-gaps.ts) out of the validation, dev and test splits", () => {
    const own = keys(subwordOnlyDocuments());
    expect(own.size).toBeGreaterThan(0);
    const held = [...validationDocuments(), ...devDocuments(), ...testDocuments()];
    expect(held.filter((d) => own.has(`${d.lang}:${norm(d.text)}`)).length).toBe(0);
  });
  it("has training, validation and test utterances for every intent in both languages", () => {
    for (const [intent, langs] of Object.entries(CORPUS))
      for (const lang of ["en", "de"] as const) {
        expect(langs[lang].train.length, `${intent}/${lang}`).toBeGreaterThan(2);
        expect(langs[lang].validation.length, `${intent}/${lang}`).toBeGreaterThan(2);
        expect(TEST_SPLIT[intent as keyof typeof TEST_SPLIT][lang].length, `${intent}/${lang}`).toBeGreaterThan(0);
      }
  });
});
