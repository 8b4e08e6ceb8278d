/**
 * The fold of a training utterance in k-fold cross-validation of the intent classifier (`scripts/nlu-kfold.ts`): a
 * hash of the seed and the utterance's normalised text, so the folds are fixed for a seed, do not depend on the
 * order of the corpus, and one utterance written twice (in two files, with other case or punctuation) always lands
 * in one fold — a held-out line is never also trained on.
 */
import type { CorpusDocument } from "../agent/models/offline/nlu/corpus.ts";

/** Case, punctuation and spacing aside: "Order it!" and "order it" are one utterance. */
export function normaliseUtterance(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** FNV-1a, 32 bits: small, stable across platforms and Node versions. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The fold (0 … k-1) of an utterance for this seed. */
export function foldOf(text: string, k: number, seed: number): number {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k-fold needs an integer k >= 2, not ${k}`);
  return fnv1a(`${seed}\u0000${normaliseUtterance(text)}`) % k;
}

/** The documents split into k folds: `held` is fold i's, `kept` every other fold's, for each i. */
export function kFolds<D extends CorpusDocument>(
  docs: readonly D[],
  k: number,
  seed: number,
): { held: D[]; kept: D[] }[] {
  const folds = Array.from({ length: k }, () => ({ held: [] as D[], kept: [] as D[] }));
  for (const d of docs) {
    const f = foldOf(d.text, k, seed);
    for (let i = 0; i < k; i++) (i === f ? folds[i]?.held : folds[i]?.kept)?.push(d);
  }
  return folds;
}
