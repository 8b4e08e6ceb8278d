/**
 * The folds of `scripts/nlu-kfold.ts` (k-fold cross-validation of the intent classifier on its training lines): every
 * line is held out in exactly one fold and trained on in the others, the folds are fixed for a seed whatever the
 * order of the corpus, and one line written twice (other case, punctuation or spacing) is never held out in one fold
 * while trained on in it.
 */
import { describe, expect, it } from "vitest";
import type { CorpusDocument } from "../../../agent/models/offline/nlu/corpus.ts";
import { trainingDocuments } from "../../../agent/models/offline/nlu/corpus.ts";
import { foldOf, kFolds, normaliseUtterance } from "../../../scripts/nlu-folds.ts";

const docs = trainingDocuments();

describe("k-fold cross-validation folds of the training lines", () => {
  it("holds every line out in exactly one fold and trains on it in all the others", () => {
    const folds = kFolds(docs, 5, 15);
    expect(folds).toHaveLength(5);
    for (const f of folds) expect(f.held.length + f.kept.length).toBe(docs.length);
    const heldCount = new Map<CorpusDocument, number>();
    for (const f of folds) for (const d of f.held) heldCount.set(d, (heldCount.get(d) ?? 0) + 1);
    expect(heldCount.size).toBe(docs.length);
    expect([...heldCount.values()].every((n) => n === 1)).toBe(true);
    for (const f of folds) {
      const held = new Set(f.held);
      expect(f.kept.some((d) => held.has(d))).toBe(false);
    }
  });

  it("is fixed for a seed, independent of the corpus's order, and another seed gives other folds", () => {
    const a = kFolds(docs, 5, 15).map((f) => f.held.map((d) => d.text).sort());
    const b = kFolds([...docs].reverse(), 5, 15).map((f) => f.held.map((d) => d.text).sort());
    expect(b).toEqual(a);
    const moved = docs.filter((d) => foldOf(d.text, 5, 15) !== foldOf(d.text, 5, 16)).length;
    expect(moved).toBeGreaterThan(docs.length / 2);
  });

  it("keeps a line written twice in one fold ('Order it!' and 'order it')", () => {
    expect(normaliseUtterance("  Order it! ")).toBe(normaliseUtterance("order it"));
    expect(foldOf("Order it!", 5, 15)).toBe(foldOf("order   it", 5, 15));
    expect(foldOf("Nein, danke.", 7, 3)).toBe(foldOf("nein danke", 7, 3));
  });

  it("gives folds of similar size and refuses fewer than two folds", () => {
    const sizes = kFolds(docs, 5, 15).map((f) => f.held.length);
    for (const n of sizes) expect(Math.abs(n - docs.length / 5)).toBeLessThan(docs.length * 0.05);
    expect(() => foldOf("hi", 1, 15)).toThrow();
  });
});
