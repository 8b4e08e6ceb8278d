/**
 * A product named outright by its words for a machine its fitment does not list: "1 EC-Lüfter 450 mm 400 V für den
 * Freezer 1" ordered a 230 V single-phase AC fan (the machine's parts carrying fewer of the words) and "EC fan motor
 * … for freezer 1" said "could not find 'fan'". The named product goes on the line and the engine's block offers the
 * part that fits. hvac (German and English); a request that names no product outright still lists the machine's parts
 * (demo world). A machine named in a comparison ("so einen wie … für den Freezer 3", "like the one we got for freezer
 * 3") is not the machine the part is for when the message names another.
 */
import { describe, expect, it } from "vitest";
import { Chat, demoWorld, draftLines, hvacWorld } from "./helpers.ts";

describe("the product named, not a fitting other one", { timeout: 120_000 }, () => {
  it("hvac (German and English): the EC fan for Freezer 1, with the serial-range block and the AC fan offered", async () => {
    const w = hvacWorld();
    const de = new Chat(w, "H-2006");
    const t = await de.say("1 EC-Lüfter 450 mm 400 V für den Freezer 1");
    expect(draftLines(de)).toEqual([["FM-EC450-400", 1, "M-2006-02"]]);
    expect(t.text).toContain("auf FM-AX450-400 wechseln");
    await de.say("1");
    expect(draftLines(de)).toEqual([["FM-AX450-400", 1, "M-2006-02"]]);
    const en = new Chat(w, "H-2006");
    await en.say("1 EC fan motor 450 mm 400 V for freezer 1");
    expect(draftLines(en)).toEqual([["FM-EC450-400", 1, "M-2006-02"]]);
  });

  it("hvac: a machine named in a comparison ('like the one we got for freezer 3') is not the one it is for", async () => {
    const w = hvacWorld();
    const en = new Chat(w, "H-2006");
    await en.say("1 EC fan 450 mm 400 V for freezer 1, like the one we got for freezer 3 in April");
    expect(draftLines(en)).toEqual([["FM-EC450-400", 1, "M-2006-02"]]);
    const de = new Chat(w, "H-2006");
    await de.say(
      "Bitte 1 EC-Lüfter 450 mm 400 V für den Freezer 1, so einen wie wir im April für den Freezer 3 bekommen haben.",
    );
    expect(draftLines(de)).toEqual([["FM-EC450-400", 1, "M-2006-02"]]);
  });

  it("demo world: 'mechanical seals for pump 2' still lists the seals that fit", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    const t = await chat.say("2 mechanical seals for pump 2");
    expect(draftLines(chat)).toEqual([]);
    expect(t.text).toContain("SE-MS28-CC-EPDM");
  });
});
