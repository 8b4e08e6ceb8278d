/**
 * Session 31 (lead, second round): the buyer's own words for their machines and the verbs that look like catalog words.
 * - Dialect spellings of the buyer's machine labels: the labels are the buyer's vocabulary, so a southern spelling of
 *   one is read as the label ("d'Späneabsaugig" is the "Späneabsaugung"). It was read as no machine, and the parts
 *   were listed without the machine's fit. (Bavarian "oi" for "al" — "de oide Formatsäg" — was tried: it made "der
 *   oide is verbrannt" an "alte" the search took for a holder, and was left out.)
 * - Swiss "üü" for a standard "äu" and a plural by umlaut and "-e" ("Filterschlüüch" → "Filterschläuche" →
 *   "Filterschlauch").
 * - The word after a pronoun that opens a clause is its verb: "Ich weiss es grad nöd uswändig" (I don't know it by
 *   heart) ordered 6 bags of white glue ("weiss" = white).
 * Guards: verb-first questions keep their product words ("brauchen wir Filter…"); the white glue asked for is found.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, woodworkWorld } from "./helpers.ts";

const T = 60_000;

describe("a dialect spelling of the buyer's machine label names that machine", () => {
  test("Swiss: the parts of d'Späneabsaugig are checked on it", { timeout: T }, async () => {
    const chat = await chatAfter(
      woodworkWorld,
      "WW-3103",
      "Grüezi, für d'Späneabsaugig im Hobelwerk bruuched mer 6 neui Filterschlüüch.",
    );
    const reply = chat.turns.at(-1)!.text;
    expect(reply).toMatch(/Späneabsaugung/u);
    expect(reply).toMatch(/1\) FS-300-1800-PE .*✓/u);
  });
});

describe("the word after an opening pronoun is a verb, not a product", () => {
  test("Swiss: 'Ich weiss es grad nöd uswändig' orders no white glue", { timeout: T }, async () => {
    const chat = await chatAfter(
      woodworkWorld,
      "WW-3103",
      "Grüezi, für d'Späneabsaugig im Hobelwerk bruuched mer 6 neui Filterschlüüch. Welli Grössi händ mir? Ich weiss es grad nöd uswändig.",
    );
    expect(draftLines(chat).map((l) => l[0])).not.toContain("LM-EVA-W-25");
    const picked = await chatAfter(
      woodworkWorld,
      "WW-3103",
      "Grüezi, für d'Späneabsaugig im Hobelwerk bruuched mer 6 neui Filterschlüüch. Welli Grössi händ mir? Ich weiss es grad nöd uswändig.",
      "Guet, dänn die 6 Stück bitte bstelle.",
    );
    expect(draftLines(picked)).toEqual([["FS-300-1800-PE", 6, "M-3103-04"]]);
  });

  test("guard: a verb-first question keeps its product words", { timeout: T }, async () => {
    const chat = await chatAfter(woodworkWorld, "WW-3103", "brauchen wir für die Späneabsaugung 6 Filterschläuche?");
    expect(chat.turns.at(-1)!.text).toMatch(/FS-300-1800-PE/u);
  });

  test("guard: the white glue is still found when asked for", { timeout: T }, async () => {
    const chat = await chatAfter(woodworkWorld, "WW-3101", "3 Sack Leim weiss für die Kanten-Kathi");
    expect(draftLines(chat)).toEqual([["LM-EVA-W-25", 3, "M-3101-03"]]);
  });
});
