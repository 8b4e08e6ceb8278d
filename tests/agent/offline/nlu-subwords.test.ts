/**
 * The sub-word reader of the intent ensemble (`subwords.ts`) with session 11's settings (off by default): pairs of neighbouring
 * words are features ("not needed" is not "needed"), and each feature weighs by how much it tells the intents apart,
 * with a pseudo-count so that a pair seen in a single line does not decide a reading on its own (a guard: the reader
 * without pairs read it right too).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../agent/models/offline/nlu/classifier.ts";
import { trainSubwordModel } from "../../../agent/models/offline/nlu/subwords.ts";

/** The reader as session 11 measured it (off by default: `DEFAULT_SETTINGS` explains why). */
const SETTINGS = { ...DEFAULT_SETTINGS, bigrams: 4, informative: 1, informativePrior: 0.05, temperature: 0.3 };
const model = (docs: [string, string][]) =>
  trainSubwordModel(
    docs.map(([intent, text]) => ({ intent, text })),
    SETTINGS,
  );
const best = (m: ReturnType<typeof model>, text: string) => m.read(text, SETTINGS.partial).ranked[0]?.intent;

describe("the sub-word reader", () => {
  it("reads a pair of words the way its lines use it, not only its words ('it is needed' is a yes)", () => {
    // "not" and "needed" are in the lines of both intents; only the pairs tell them apart.
    const m = model([
      ["deny", "it is not needed"],
      ["deny", "not needed"],
      ["deny", "no, it is not needed now"],
      ["affirm", "yes it is needed"],
      ["affirm", "needed, yes"],
      ["affirm", "it is needed, not a problem"],
      ["affirm", "not bad, it is needed"],
      ["affirm", "why not, needed"],
    ]);
    expect(best(m, "it is needed")).toBe("affirm");
    expect(best(m, "it is not needed at all")).toBe("deny");
  });

  it("does not let a pair seen in a single line decide ('order pls' is placing the order)", () => {
    const m = model([
      ["checkout", "order please"],
      ["checkout", "order now"],
      ["checkout", "ok order it"],
      ["checkout", "place the order pls"],
      ["checkout", "order it pls"],
      ["history", "reorder the last order pls"],
      ["history", "same as last time"],
      ["history", "repeat my last order"],
    ]);
    expect(best(m, "order pls")).toBe("checkout");
  });
});
