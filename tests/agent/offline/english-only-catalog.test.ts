/**
 * A German buyer on a catalog without German texts (the trade catalogs with only their English texts, as a shop that
 * imports English only has them): the consultant finds, names and removes lines by the buyer's German words through
 * the built-in glossary (catalog/queries/glossary.ts) — "Schauglas" is the "Sight glass" line, "Spule" the "Solenoid
 * coil" one.
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, englishOnlyWorld } from "./helpers.ts";

describe("a German buyer on an English-only catalog", () => {
  it("removes the line the German word names (hvac)", async () => {
    const chat = new Chat(englishOnlyWorld("evals/catalogs/hvac"), "H-2001");
    await chat.say("Für Huber bitte 2 FD-DML-083 und 1 SG-SGN-10");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["FD-DML-083", "SG-SGN-10"]);
    await chat.say("das Schauglas bitte wieder raus");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["FD-DML-083"]);
  });

  it("removes the line the German word names (fluid power)", async () => {
    const chat = new Chat(englishOnlyWorld("evals/catalogs/fluidpower"), "F-4001");
    await chat.say("1 PUMP-GP-08 und 2 COIL-45-24DC bitte");
    expect(
      draftLines(chat)
        .map((l) => l[0])
        .sort(),
    ).toEqual(["COIL-45-24DC", "PUMP-GP-08"]);
    await chat.say("die Spulen streichen");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["PUMP-GP-08"]);
  });

  it("finds the part by its German name", async () => {
    const chat = new Chat(englishOnlyWorld("evals/catalogs/hvac"), "H-2001");
    const turn = await chat.say("Habt ihr Schaugläser 3/8 Zoll?");
    expect(turn.text).toMatch(/SG-SGN-10/);
  });
});
