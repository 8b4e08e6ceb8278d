/**
 * Figures of the understanding stage on data it was not trained on: intent accuracy on the corpus's test split (and
 * on its validation split, the one used for tuning), and entity F1 — type, value and span — on an annotated set
 * (`scripts/bench/entity-cases.ts`) (demo world and a generated catalog, English and German). Used by `npm run bench`
 * (`offline.nlu.*`) and `scripts/nlu-validation.ts`; the figures are not asserted in tests.
 */
import type { MachineView } from "../conversation.ts";
import type { Knowledge } from "../recognise.ts";
import type { IntentClassifier } from "./classifier.ts";
import type { MaskSpan } from "./masks.ts";
import { type CorpusDocument, type Intent, testDocuments } from "./corpus.ts";
import { type Entity, type EntityType, recogniseEntities } from "./entities.ts";

export interface IntentScore {
  accuracy: number;
  n: number;
  /** Expected intent → predicted intent → count, misses only. */
  confusions: Map<Intent, Map<Intent, number>>;
  misses: { doc: CorpusDocument; predicted: Intent; score: number }[];
}

export async function intentAccuracy(
  classifier: IntentClassifier,
  /** `masks`: spans the recognisers would identify in the text (`masks.ts`), when the set annotates them. */
  docs: (CorpusDocument & { masks?: readonly MaskSpan[] })[] = testDocuments(),
): Promise<IntentScore> {
  let ok = 0;
  const confusions = new Map<Intent, Map<Intent, number>>();
  const misses: IntentScore["misses"] = [];
  for (const d of docs) {
    const c = await classifier.classify(d.lang, d.text, d.masks);
    if (c.intent === d.intent) {
      ok++;
      continue;
    }
    misses.push({ doc: d, predicted: c.intent, score: c.score });
    const row = confusions.get(d.intent) ?? new Map<Intent, number>();
    row.set(c.intent, (row.get(c.intent) ?? 0) + 1);
    confusions.set(d.intent, row);
  }
  return { accuracy: docs.length ? ok / docs.length : 0, n: docs.length, confusions, misses };
}

export type EntityWorld = "demo" | "generated";

/**
 * An annotated phrasing: entities as [type, value, span text]. Values: quantity "3" or "3 BOX" (the catalog unit code
 * the buyer named; span: the number), size "<value> <unit>" as the recognizer names units (span: the whole dimension,
 * "63 x 3 mm"), machine its id, sku the SKU, date ISO (no span), po the reference.
 */
export interface EntityCase {
  world: EntityWorld;
  /** The buyer whose machines the text may name. */
  customer: string;
  lang: "en" | "de";
  text: string;
  entities: [EntityType, string, string?][];
}

/** What the entity set needs of a world: its catalog knowledge, a buyer's machines, and "now" for dates. */
export interface EntityWorldView {
  knowledge: Knowledge;
  machines(customerId: string): MachineView[];
  now: Date;
}

export interface EntityScore {
  f1: number;
  precision: number;
  recall: number;
  cases: number;
  /** Annotated entities. */
  entities: number;
  byType: Record<EntityType, { tp: number; fp: number; fn: number }>;
  misses: { text: string; missing: string[]; extra: string[] }[];
}

const keyOf = (type: EntityType, value: string, span?: string) =>
  type === "date" ? `date:${value}` : `${type}:${value}@${span ?? ""}`;
const keyOfEntity = (e: Entity) => keyOf(e.type, e.value, e.span?.text);

/**
 * Entity F1 over the annotated set: an entity counts when its type, value and span (text) all match an annotated
 * one; each annotation is matched at most once.
 */
export function entityF1(worlds: Record<EntityWorld, EntityWorldView>, cases: EntityCase[]) {
  const byType = Object.fromEntries(
    (["quantity", "size", "machine", "sku", "date", "po"] as const).map((t) => [t, { tp: 0, fp: 0, fn: 0 }]),
  ) as EntityScore["byType"];
  const misses: EntityScore["misses"] = [];
  let entities = 0;
  for (const c of cases) {
    const w = worlds[c.world];
    const want = c.entities.map(([type, value, span]) => ({ type, key: keyOf(type, value, span) }));
    entities += want.length;
    const got = recogniseEntities(c.text, c.lang, w.knowledge, w.machines(c.customer), w.now).map((e) => ({
      type: e.type,
      key: keyOfEntity(e),
    }));
    const left = [...want];
    const extra: string[] = [];
    for (const g of got) {
      const i = left.findIndex((x) => x.key === g.key);
      if (i >= 0) byType[g.type].tp++, left.splice(i, 1);
      else byType[g.type].fp++, extra.push(g.key);
    }
    for (const l of left) byType[l.type].fn++;
    if (left.length || extra.length) misses.push({ text: c.text, missing: left.map((l) => l.key), extra });
  }
  const sum = (f: "tp" | "fp" | "fn") => Object.values(byType).reduce((n, t) => n + t[f], 0);
  const tp = sum("tp");
  const precision = tp / (tp + sum("fp") || 1);
  const recall = tp / (tp + sum("fn") || 1);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, cases: cases.length, entities, byType, misses } satisfies EntityScore;
}

export interface ClarifyCalibration {
  /** The calibrated threshold: below it, a reading with a real runner-up is asked about, not acted on. */
  threshold: number;
  /** Accuracy of the best reading per score band (width `step`) among utterances with a runner-up, lowest first. */
  bands: { from: number; n: number; accuracy: number }[];
}

/**
 * The clarify threshold calibrated on held-out utterances (the validation split): nlp.js scores are not
 * probabilities, so the threshold is read off the data — the lowest score (on a grid of `step`) from which the best
 * reading of an utterance whose runner-up scores `runnerUp` or more is right at least `target` of the time.
 * Utterances without a real runner-up never lead to a clarifying question, so they do not count.
 */
export async function calibrateClarifyThreshold(
  classifier: IntentClassifier,
  docs: CorpusDocument[],
  { runnerUp, target = 0.9, step = 0.05 }: { runnerUp: number; target?: number; step?: number },
): Promise<ClarifyCalibration> {
  const seen: { score: number; ok: boolean }[] = [];
  for (const d of docs) {
    const c = await classifier.classify(d.lang, d.text);
    const second = c.ranked?.[1]?.score ?? 0;
    // A score of 1 is the classifier's "nothing known" answer, not a reading weighed against another.
    if (second >= runnerUp && c.score < 1) seen.push({ score: c.score, ok: c.intent === d.intent });
  }
  const grid = Array.from({ length: Math.round(1 / step) }, (_, i) => Math.round(i * step * 1000) / 1000);
  const accuracy = (xs: { ok: boolean }[]) => (xs.length ? xs.filter((x) => x.ok).length / xs.length : 1);
  const threshold = grid.find((t) => accuracy(seen.filter((x) => x.score >= t)) >= target) ?? 1;
  const bands = grid
    .map((from) => ({ from, xs: seen.filter((x) => x.score >= from && x.score < from + step) }))
    .filter((b) => b.xs.length)
    .map((b) => ({ from: b.from, n: b.xs.length, accuracy: accuracy(b.xs) }));
  return { threshold, bands };
}
