/**
 * "ok", "passt", "ja" in answer to "which machine is it for?" with several machines listed: the one the part fits when
 * exactly one of them does, else the question again, short, naming the machines — it was "Sorry, I did not get that"
 * and the whole list. automation (German), fluid power (English and German).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, fluidWorld } from "./helpers.ts";

describe("assent to the machine question", { timeout: 120_000 }, () => {
  it("automation (German): 'passt' takes Line 3, the one of the two the 24 V DC contactor fits", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const asked = await chat.say("1 Schütz CT-12-24DC für Line 3 oder den Palettierer");
    expect(asked.text).toMatch(/Für welche Maschine/);
    await chat.say("passt");
    expect(draftLines(chat)).toEqual([["CT-12-24DC", 1, "M-3001-01"]]);
  });

  it("fluid power: 'ok' / 'ja' with three presses that all fit asks again by name, and the answer then takes one", async () => {
    const w = fluidWorld();
    const en = new Chat(w, "F-4001");
    await en.say("1 seal kit SK-PR250-MAIN");
    const again = await en.say("ok");
    expect(again.text).toBe("Which machine is it for: Big Bertha, Press 3 or Hot press?");
    await en.say("Press 3");
    expect(draftLines(en)).toEqual([["SK-PR250-MAIN", 1, "M-4001-02"]]);
    const de = new Chat(w, "F-4001");
    await de.say("Ich brauche 1 Dichtsatz SK-PR250-MAIN");
    const nochmal = await de.say("ja");
    expect(nochmal.text).toBe("Für welche Maschine ist es: Big Bertha, Press 3 oder Hot press?");
    expect(draftLines(de)).toEqual([]);
  });
});
