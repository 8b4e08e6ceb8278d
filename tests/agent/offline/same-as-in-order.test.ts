/**
 * "10m same hose", "noch 10 m vom gleichen Schlauch": a product already on the order, again — was read as a reorder of
 * an earlier order (a gear pump, a bag of elbows for "IMM 7" were ordered). More of it on its line (same machine), a
 * line of its own for another machine named; "the same as last time" is still a reorder, and adds to the order rather
 * than moving its line. fluid power (English and German), automation and hvac (German), the demo world (English).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, demoWorld, draftLines, fluidWorld, hvacWorld } from "./helpers.ts";

describe("the same product as on the order", { timeout: 120_000 }, () => {
  it("fluid power: '10m same hose' is 10 m more; 'noch 10 m vom gleichen Schlauch für Big Bertha' a line for it", async () => {
    const w = fluidWorld();
    const more = new Chat(w, "F-4001");
    await more.say('10 m hose 2SN 1/2" for press 3');
    await more.say("10m same hose");
    expect(draftLines(more)).toEqual([["HOSE-2SN-12", 20, "M-4001-02"]]);
    const other = new Chat(w, "F-4001");
    await other.say('10 m Schlauch 2SN 1/2" für Presse 3');
    await other.say("noch 10 m vom gleichen Schlauch für Big Bertha");
    expect(draftLines(other)).toEqual([
      ["HOSE-2SN-12", 10, "M-4001-02"],
      ["HOSE-2SN-12", 10, "M-4001-01"],
    ]);
  });

  it("automation and hvac (German): 'noch 10 m von der gleichen Leitung', 'noch 2 Beutel von den gleichen Bögen'", async () => {
    const cable = new Chat(automationWorld(), "A-3001");
    await cable.say("20 m Steuerleitung 7G1,5 für Line 3");
    await cable.say("noch 10 m von der gleichen Leitung");
    expect(draftLines(cable)).toEqual([["CBL-CTRL-7G1.5", 30, "M-3001-01"]]);
    const elbows = new Chat(hvacWorld(), "H-2001");
    await elbows.say('2 Beutel Kupfer-Bögen 1/2"');
    await elbows.say("noch 2 Beutel von den gleichen Bögen");
    expect(draftLines(elbows)).toEqual([["CU-EL-12", 4, null]]);
  });

  it("demo world: 'same seal for pump 1' adds it for pump 1; 'the same as last time for pump 1' repeats the history", async () => {
    const w = demoWorld();
    const same = new Chat(w, "C-1001");
    await same.say("2 SE-MS28-SIC-FKM for pump 2");
    await same.say("same seal for pump 1");
    expect(draftLines(same)).toEqual([
      ["SE-MS28-SIC-FKM", 2, "M-1001-02"],
      ["SE-MS28-SIC-FKM", 2, "M-1001-01"],
    ]);
    const history = new Chat(w, "C-1001");
    await history.say("2 SE-MS28-SIC-FKM for pump 2");
    await history.say("and the same as last time for pump 1");
    expect(draftLines(history)).toEqual([
      ["SE-MS28-SIC-FKM", 2, "M-1001-02"],
      ["SE-MS24-CC-EPDM", 2, "M-1001-01"],
    ]);
  });
});
