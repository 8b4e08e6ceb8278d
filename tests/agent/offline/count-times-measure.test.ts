/**
 * A count times a measured item: "2 x 5 m Sensorleitung M12", "2 x 15 m Kupferrohr", "3 x 10 m hose": the measure
 * chooses the item (or, for what is sold by the metre or in packs of that amount, says how much), the count is how
 * many — the consultant read "2 x 5 m" as a dimension and ordered one. automation and hvac (German), fluid power
 * (English).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, fluidWorld, hvacWorld } from "./helpers.ts";

const lines = (chat: Chat) => draftLines(chat).map(([sku, q]) => [sku, q]);

describe("a count times a measured item", { timeout: 120_000 }, () => {
  it("automation (German): '2 x 5 m Sensorleitung M12' is two of the 5 m cable; '2 x 20 m' of cable by the metre is 40 m", async () => {
    const w = automationWorld();
    const cables = new Chat(w, "A-3001");
    await cables.say("2 x 5 m Sensorleitung M12 für Line 3");
    expect(lines(cables)).toEqual([["CBL-M12-4P-5M", 2]]);
    const metres = new Chat(w, "A-3001");
    const t = await metres.say("Steuerleitung 7G1,5, 2 x 20 m für Line 3");
    expect(lines(metres)).toEqual([["CBL-CTRL-7G1.5", 40]]);
    expect(t.text).not.toMatch(/Menge auf/);
  });

  it("hvac (German): '2 x 15 m Kupferrohr 1/2\"' is two 15 m coils, '2 x 30 m Kapillarrohr' two rolls", async () => {
    const w = hvacWorld();
    const tube = new Chat(w, "H-2001");
    await tube.say('2 x 15 m Kupferrohr 1/2"');
    expect(lines(tube)).toEqual([["CU-TUBE-12-15", 2]]);
    const rolls = new Chat(w, "H-2001");
    const t = await rolls.say("2 x 30 m Kapillarrohr 1,0 mm");
    expect(lines(rolls)).toEqual([["CAP-100-R30", 2]]);
    expect(t.text).not.toMatch(/Menge auf/);
  });

  it("fluid power (English): '3 x 10 m hose' by the metre is 30 m, '2 x 20 l HLP 46' two pails, '10m hose' 10 m", async () => {
    const w = fluidWorld();
    const hose = new Chat(w, "F-4001");
    await hose.say('3 x 10 m hose 2SN 1/2" for press 3');
    expect(lines(hose)).toEqual([["HOSE-2SN-12", 30]]);
    const glued = new Chat(w, "F-4001");
    await glued.say('3x 10m hose 2SN 1/2" for press 3');
    expect(lines(glued)).toEqual([["HOSE-2SN-12", 30]]);
    const oil = new Chat(w, "F-4001");
    const t = await oil.say("2 x 20 l HLP 46 for press 3");
    expect(lines(oil)).toEqual([["OIL-HLP46-20", 2]]);
    expect(t.text).not.toMatch(/change the quantity/);
    const plain = new Chat(w, "F-4001");
    await plain.say('10m hose 2SN 1/2" for press 3');
    expect(lines(plain)).toEqual([["HOSE-2SN-12", 10]]);
  });
});
