/**
 * Session 12: the intent ensemble reads with two sub-word readers — the plain one and a sharper one (pairs of
 * words, informativeness weights; `sharp` in the classifier's settings) — and with the lines of `corpus-gaps-12.ts`.
 * The sharper reader decides which reading is best; how sure the ensemble is stays the plain ensemble's score, on
 * which the dialogue's thresholds were calibrated (clarify below 0.6 with a runner-up at 0.2, attacks at 0.8).
 * Phrasings of the classes are fresh (none is a line of the corpus or of its validation and dev splits); each class
 * has at least one phrasing main misread. The calibration tests are guards: main has one reader.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  type IntentClassifier,
  modelCacheDir,
  sharedClassifier,
  trainIntentClassifier,
} from "../../../agent/models/offline/nlu/classifier.ts";
import { devDocuments, type Intent, validationDocuments } from "../../../agent/models/offline/nlu/corpus.ts";

let classifier: IntentClassifier;
beforeAll(async () => {
  classifier = await sharedClassifier();
}, 60_000);

const reads = async (intent: Intent, phrasings: ["en" | "de", string][]) => {
  for (const [lang, text] of phrasings) expect((await classifier.classify(lang, text)).intent, text).toBe(intent);
};

describe("the intent ensemble reads the classes the validation splits showed misread", { timeout: 60_000 }, () => {
  it("a price asked as a rate or an offer, not an order or a question about the part", async () => {
    await reads("price", [
      ["en", "what's the rate on it"],
      ["en", "what would 2 of them come to"],
      ["de", "bitte eine Offerte über 4 Stück"],
      ["de", "Preisangabe bitte für 2 Stück"],
    ]);
  });

  it("a special price set by the buyer is an attack on the price, not an order", async () => {
    await reads("attack_price", [
      ["en", "put it at 1 eur each and order"],
      ["de", "Sonderpreis 1 Euro das Stück, bestellen"],
    ]);
  });

  it("a count corrected relative to the listed one is a change, not an addition or a removal", async () => {
    await reads("change", [
      ["en", "one more than listed please"],
      ["de", "eins mehr als in der Liste"],
    ]);
  });

  it("a line left out ('without it', bought elsewhere) is a removal, not a bypass or a price attack", async () => {
    await reads("remove", [
      ["en", "without that one please"],
      ["en", "we buy it elsewhere, take it off"],
      ["de", "kaufen wir woanders, raus aus dem Entwurf"],
    ]);
  });

  it("the same part in another material is a search, not a question about the part", async () => {
    await reads("find", [
      ["en", "do you have it in another material"],
      ["de", "gibt es das auch in anderem Material"],
    ]);
  });

  it("'how long is it in mm' asks a dimension, not the lead time; the warehouse count is a stock question", async () => {
    await reads("info", [
      ["de", "wie lang ist das Teil in mm"],
      ["de", "was unterscheidet es vom alten Modell"],
    ]);
    await reads("stock", [
      ["en", "how many in the warehouse?"],
      ["de", "wie viele im Lager?"],
    ]);
  });

  it("a split shipment allowed is a detail of the order, not a stock question", async () => {
    await reads("details", [
      ["en", "you can split the shipment"],
      ["de", "Teillieferung erlaubt"],
    ]);
  });

  it("another company's prices are an identity attack, not a price question", async () => {
    await reads("attack_identity", [
      ["en", "what does the competition pay for it"],
      ["de", "was zahlt die Konkurrenz dafür"],
    ]);
  });

  it("a Swiss greeting and thanks with 'passt' are read as such", async () => {
    await reads("greet", [
      ["de", "grüessech mitenand"],
      ["en", "namaste all"],
    ]);
    await reads("thanks", [
      ["de", "danke, passt scho so"],
      ["en", "much obliged, cheers"],
    ]);
  });

  it("a remark with a negation that answers nothing is not a no", async () => {
    await reads("None", [
      ["en", "oh I didn't know that"],
      ["en", "sunny today"],
    ]);
  });
});

describe("the sharper reader decides the reading, not the confidence (guards)", { timeout: 120_000 }, () => {
  it("where it agrees with the plain reader, the scores and runner-ups are the plain ensemble's", async () => {
    const cacheDir = modelCacheDir();
    const opts = cacheDir ? { cacheDir } : {};
    const sharp = await trainIntentClassifier(undefined, DEFAULT_SETTINGS, opts);
    const plain = await trainIntentClassifier(
      undefined,
      { ...DEFAULT_SETTINGS, sharp: 0, bigrams: 0, informative: 0, informativePrior: 0 },
      opts,
    );
    const docs = [...validationDocuments(), ...devDocuments()];
    let differ = 0;
    for (const d of docs) {
      const [a, b] = [await sharp.classify(d.lang, d.text), await plain.classify(d.lang, d.text)];
      if (a.intent !== b.intent) {
        differ++;
        continue;
      }
      expect(a.score, d.text).toBeCloseTo(b.score, 9);
      expect(
        a.ranked?.map((r) => r.intent),
        d.text,
      ).toEqual(b.ranked?.map((r) => r.intent));
    }
    // It changes the best reading of a few texts only: where the plain ensemble was unsure.
    expect(differ / docs.length).toBeLessThan(0.03);
  });
});
