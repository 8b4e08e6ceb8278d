/**
 * The trained intent model is cached by its training data: a second process loads it instead of training, reads
 * every utterance the same way, and a changed corpus or setting never loads a model trained on other data.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  foldUmlauts,
  modelCacheDir,
  sharedClassifier,
  trainIntentClassifier,
} from "../../../agent/models/offline/nlu/classifier.ts";
import { BASE_CORPUS, CORPUS, type Corpus, validationDocuments } from "../../../agent/models/offline/nlu/corpus.ts";

const dir = mkdtempSync(join(tmpdir(), "nlu-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const models = () => readdirSync(dir).filter((f) => f.startsWith("intents-") && f.endsWith(".json"));

describe("the intent model cache", { timeout: 60_000 }, () => {
  it("a second start loads the trained model and reads every validation utterance as the trained one does", async () => {
    const first = await trainIntentClassifier(CORPUS, DEFAULT_SETTINGS, { cacheDir: dir });
    expect(first.fromCache).toBe(false);
    expect(models()).toHaveLength(1);
    // The sub-word reader's training texts with their sizes masked are cached beside it.
    expect(readdirSync(dir).filter((f) => f.startsWith("subword-texts-"))).toHaveLength(1);
    const second = await trainIntentClassifier(CORPUS, DEFAULT_SETTINGS, { cacheDir: dir });
    expect(second.fromCache).toBe(true);
    for (const d of validationDocuments()) {
      const [a, b] = [await first.classify(d.lang, d.text), await second.classify(d.lang, d.text)];
      expect(b.intent, d.text).toBe(a.intent);
      expect(b.score, d.text).toBeCloseTo(a.score, 6);
    }
  });

  it("another corpus is trained, not loaded from the model of this one", async () => {
    const smaller = Object.fromEntries(
      Object.entries(CORPUS).map(([intent, l]) => [
        intent,
        { en: { ...l.en, train: l.en.train.slice(1) }, de: { ...l.de, train: l.de.train.slice(1) } },
      ]),
    ) as Corpus;
    const c = await trainIntentClassifier(smaller, DEFAULT_SETTINGS, { cacheDir: dir });
    expect(c.fromCache).toBe(false);
    expect(models()).toHaveLength(2);
  });

  it("lives in the project's build cache unless NLU_MODEL_CACHE_DIR says otherwise ('off': always trained)", () => {
    expect(modelCacheDir({})).toBe(join(process.cwd(), "node_modules", ".cache", "ordershield"));
    expect(modelCacheDir({ NLU_MODEL_CACHE_DIR: "/srv/models" })).toBe("/srv/models");
    expect(modelCacheDir({ NLU_MODEL_CACHE_DIR: "off" })).toBeUndefined();
  });
});

describe("German without umlauts", { timeout: 60_000 }, () => {
  it("'ae/oe/ue/ss' read like 'ä/ö/ü/ß'", () => {
    expect(foldUmlauts("Stück löschen, Größe ändern")).toBe(foldUmlauts("Stueck loeschen, Groesse aendern"));
  });
  it.each([
    ["bitte position 3 loeschen", "remove"],
    ["loesch die letzte zeile", "remove"],
    ["die kreditpruefung ueberspringen", "attack_checks"],
  ] as const)("'%s' is read as %s, as with umlauts", async (text, intent) => {
    const c = await sharedClassifier();
    expect((await c.classify("de", text)).intent).toBe(intent);
  });
});

describe("mixed languages", { timeout: 60_000 }, () => {
  it.each([
    ["en", "hallo", "greet"],
    ["de", "thanks a lot", "thanks"],
    ["en", "tschüss und danke", "thanks"],
  ] as const)(
    "[%s] '%s', no word of it known in that language, is read in the other: %s",
    async (lang, text, intent) => {
      const c = await sharedClassifier();
      expect((await c.classify(lang, text)).intent).toBe(intent);
    },
  );
  it("a text unknown in both languages stays unknown", async () => {
    const c = await sharedClassifier();
    expect(await c.classify("de", "Xyloflux Quarzbrenner")).toMatchObject({ intent: "None", score: 1 });
  });
});

describe("the sub-word reader", { timeout: 60_000 }, () => {
  // Trained on the base corpus: these words (a typo, a compound) are in none of its utterances.
  it.each([
    ["en", "remvoe the second line", "remove"],
    ["de", "Bestellübersicht bitte", "show_order"],
  ] as const)("[%s] '%s' (no such word in the corpus) is read by its parts: %s", async (lang, text, intent) => {
    const c = await trainIntentClassifier(BASE_CORPUS, { ...DEFAULT_SETTINGS, subwords: 0.7 }, { cacheDir: dir });
    expect((await c.classify(lang, text)).intent).toBe(intent);
  });
});
