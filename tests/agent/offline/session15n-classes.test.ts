/**
 * Session 15 (helper nlu15): classes of phrasing the intent ensemble now reads, found by k-fold cross-validation of its
 * training lines (`scripts/nlu-kfold.ts`), each in wordings that are in no training line, English and German. The
 * corpus names no catalog, so these are read alike on any catalog.
 * - A pause in the chat ("sorry, got a call, one sec", "sekunde, telefon") asks for nothing: on main it read as a
 *   demand to act for another customer, a change or an order.
 * - A buyer who is lost ("ich blick hier nicht durch") asks for help, not to skip the checks.
 * - A price asked in slang ("what'd it set me back") is a price question, not a demand for another price.
 * - A weight asked politely ("Might I ask what it weighs?") is a question about the product, not its price.
 * Guards (read right on main too): "moment, telefon", "hold on, someone's calling".
 */
import { describe, expect, it } from "vitest";
import { sharedClassifier } from "../../../agent/models/offline/nlu/classifier.ts";
import type { Intent } from "../../../agent/models/offline/nlu/corpus.ts";

const read = async (lang: "en" | "de", text: string) => (await sharedClassifier()).classify(lang, text);

const cases: [Intent, "en" | "de", string][] = [
  ["None", "en", "sorry, got a call, one sec"],
  ["None", "en", "give me a sec, phone"],
  ["None", "en", "wait, boss just walked in"],
  ["None", "de", "sekunde, telefon"],
  ["None", "de", "sorry, telefon klingelt, sekunde"],
  ["help", "de", "ich blick hier nicht durch"],
  ["help", "de", "ich blick da nicht durch"],
  ["price", "en", "what'd it set me back"],
  ["price", "en", "what'll that set us back"],
  ["info", "en", "Might I ask what it weighs?"],
  // guards
  ["None", "de", "moment, telefon"],
  ["None", "en", "hold on, someone's calling"],
];

describe("session 15 classes of phrasing (intent ensemble)", { timeout: 120_000 }, () => {
  for (const [intent, lang, text] of cases)
    it(`'${text}' (${lang}) reads as ${intent}`, async () => {
      expect((await read(lang, text)).intent).toBe(intent);
    });
});
