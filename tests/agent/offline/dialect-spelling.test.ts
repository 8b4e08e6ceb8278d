/**
 * Swiss and southern German spellings are read as standard German ("gliiche" → "gleiche", "Keilrieme" → "Keilriemen",
 * "bstelled" → "bestellen", "letscht" → "letzte"), only where the standard spelling is a word the consultant knows:
 * "the same as last time" in dialect repeats the history line, "bstelled" places the order. Power transmission and
 * fluid power through the graph; the spelling rules on a lexicon of their own.
 */
import { describe, expect, it } from "vitest";
import { standardSpelling } from "../../../agent/models/offline/dialect.ts";
import { Chat, draftLines, fluidWorld, powertransWorld } from "./helpers.ts";

describe("dialect spellings read as standard German", () => {
  it("powertrans: 'mir bruuched di gliiche Keilrieme wie s letscht Mal fürs Absauggebläse, 2 Stück'", async () => {
    const chat = new Chat(powertransWorld(), "T-7002");
    await chat.say("Hoi, mir bruuched di gliiche Keilrieme wie s letscht Mal fürs Absauggebläse, 2 Stück");
    expect(draftLines(chat)).toEqual([["VB-SPZ-1400", 2, "M-7002-03"]]);
  });

  it("fluid: 'mir bruuched nomal di gliiche Schlüüch wie s letscht Mal für Big Bertha, 8 Meter'", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    await chat.say("mir bruuched nomal di gliiche Schlüüch wie s letscht Mal für Big Bertha, 8 Meter");
    expect(draftLines(chat)).toEqual([["HOSE-2SN-12", 8, "M-4001-01"]]);
  });

  it("fluid: 'bstelled mir das bitte' after a line was added places the order", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    await chat.say("1 m HOSE-2SN-12 für Presse 3");
    const turn = await chat.say("bstelled mir das bitte");
    expect(turn.tools).toContain("place_order");
  });

  const names = new Set(["schmalkeilriemen", "dichtungen", "werkzeug", "kreiselpumpe"]);
  const corpus = new Set(["gleiche", "letzte", "bestellen", "kostet", "gut", "mal", "die", "wie"]);
  const lexicon = { knows: (w: string) => corpus.has(w) || names.has(w), nameWords: names };

  it.each([
    ["die gliiche wie s letscht Mal", "die gleiche wie s letzte Mal"],
    ["Keilrieme und Dichtige", "Keilriemen und Dichtungen"],
    ["was choschtet das Werkzüüg", "was kostet das Werkzeug"],
    ["Guet, bstelled", "Gut, bestellen"],
    // A word of the catalog as written, or a standard word the lexicon lacks, stays as it is.
    ["Pumpe und Kreiselpumpe", "Pumpe und Kreiselpumpe"],
  ])("%s → %s", (text, standard) => expect(standardSpelling(text, lexicon)).toBe(standard));
});
