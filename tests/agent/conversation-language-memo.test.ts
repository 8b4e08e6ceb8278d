/**
 * languageEvidence remembers each text's counts (perf, session 14): the same answer as counting afresh, and an answer
 * a caller changes changes nothing for the next caller.
 */
import { describe, expect, it } from "vitest";
import { detectLanguage, languageEvidence } from "../../agent/conversation-language.ts";

describe("languageEvidence, remembered per text", () => {
  it("answers the same counts asked again", () => {
    for (const text of ["Ich brauche 2 Dichtungen für Pumpe 2", "I need 2 seals for pump 2", "2 x SE-MS28", ""]) {
      const first = languageEvidence(text);
      expect(languageEvidence(text)).toEqual(first);
    }
    expect(languageEvidence("Ich brauche bitte zwei Dichtungen").de).toBeGreaterThan(0);
    expect(languageEvidence("I need two seals please").en).toBeGreaterThan(0);
  });

  it("a caller changing its answer changes nothing for the next caller", () => {
    const text = "bitte noch zwei Stück davon";
    const mine = languageEvidence(text);
    const before = { ...mine };
    mine.de = 0;
    mine.en = 99;
    expect(languageEvidence(text)).toEqual(before);
    expect(detectLanguage(text)).toBe("de");
  });
});
