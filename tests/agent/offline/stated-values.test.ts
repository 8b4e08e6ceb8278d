/**
 * Buyer behaviour after the first message, on the trade catalogs and the demo world (issue 9, held-out classes):
 * a fix or an alternative chosen by a stated attribute value ("the D curve one", "then the 230 V coil", "dann die
 * PNP-Variante", "take the 9-14 A one", the other value of a conflicting option); a change of mind in several clauses
 * ("drop X, and make it 3 Y"); follow-ups ("in stock? price?", "ok one for <machine>, with a <companion>", "the same X
 * as last time for <machine>, 6 pcs"). What the buyer would notice: the draft's lines.
 */
import { describe, expect, it } from "vitest";
import { Chat, demoWorld, hvacWorld, automationWorld, draftLines } from "./helpers.ts";

const automation = automationWorld;
const hvac = hvacWorld;
const lines = draftLines;

describe("a fix or an alternative chosen by a stated value", { timeout: 120_000 }, () => {
  it('"the D curve one" takes the D version of the same breaker, not one that also changes the rating', async () => {
    const chat = new Chat(automation(), "A-3006");
    await chat.say("C16 3 pole MCB for Pal 2");
    expect(chat.turns[0]!.text).toMatch(/CB-D16-3P[\s\S]*CB-D25-3P/);
    await chat.say("ok the D curve one then");
    expect(lines(chat)).toEqual([["CB-D16-3P", 1, "M-3006-01"]]);
  });

  it('a lone letter is no value: "ok the D one then" changes nothing', async () => {
    const chat = new Chat(automation(), "A-3006");
    await chat.say("C16 3 pole MCB for Pal 2");
    await chat.say("ok the D one then");
    expect(lines(chat)).toEqual([["CB-C16-3P", 1, "M-3006-01"]]);
  });

  it('"dann die PNP-Variante" (German, the output type) and the quantity stays', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("2 NPN Näherungsschalter M12 für Linie 3");
    await chat.say("dann die PNP-Variante");
    expect(lines(chat)).toEqual([["SN-IND-M12-PNP", 2, "M-3001-01"]]);
  });

  it("restating the blocked product's own values chooses no fix", async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("2 NPN Näherungsschalter M12 für Linie 3");
    await chat.say("SN-IND-M12-NPN");
    expect(lines(chat)).toEqual([["SN-IND-M12-NPN", 2, "M-3001-01"]]);
  });

  it('"take the 9-14 A one": a setting range with its unit', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("MPCB 6.3-10 A for the palletiser");
    await chat.say("take the 9-14 A one");
    expect(lines(chat)).toEqual([["MP-9-14", 1, "M-3001-02"]]);
  });

  it('"then the 230 V coil" after another question: the line switches to the variant carrying it', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("2x CT-18-24DC for the palletiser");
    await chat.say("what is the price?");
    await chat.say("then the 230 V coil");
    expect(lines(chat)).toEqual([["CT-18-230AC", 2, "M-3001-02"]]);
  });

  it("a configuration conflict resolved by naming the other option value", async () => {
    const chat = new Chat(automation(), "A-3002");
    await chat.say("configure a VFD-CFG for Pumpwerk Nord: 11 kW, 230 V 1ph, IP20, PROFINET, with STO");
    if (/how many/i.test(chat.turns[0]!.text)) await chat.say("1");
    await chat.say("then 400 V 3 phase");
    const line = chat.turns.at(-1)!.thread.draft.lines[0]!;
    expect(line.options).toMatchObject({ power: ["11"], supply: ["400-3"] });
  });

  it('"ok the cheaper one" among the fixes: the prices are asked for, then the cheaper replacement taken', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("2x CT-18-24DC for the palletiser");
    const t = await chat.say("ok the cheaper one");
    expect(t.tools.filter((x) => x === "get_price")).toHaveLength(2);
    expect(lines(chat)).toEqual([["CT-18-230AC", 2, "M-3001-02"]]);
  });

  it('"the one with the higher rated current" among the fixes', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("2x CT-18-24DC for the palletiser");
    await chat.say("the one with the higher rated current");
    expect(lines(chat)).toEqual([["CT-25-230AC", 2, "M-3001-02"]]);
  });

  it('"dann den mit 400 V bitte" on the demo world', async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    await chat.say("ich brauche 1 MO-FM100L-2.2-690 für Pumpe 1");
    await chat.say("dann den mit 400 V bitte");
    expect(lines(chat)).toEqual([["MO-FM100L-2.2-400", 1, "M-1001-01"]]);
  });
});

describe("a change of mind in several clauses", { timeout: 120_000 }, () => {
  it('"actually drop the sight glass, and make it 3 driers"', async () => {
    const chat = new Chat(hvac(), "H-2001");
    await chat.say("2 driers DML 083 and a sight glass SGN 10 for huber");
    await chat.say("actually drop the sight glass, and make it 3 driers");
    expect(lines(chat)).toEqual([["FD-DML-083", 3, "M-2001-01"]]);
  });

  it('"doch ohne das Schauglas, und 3 Trockner bitte" (German names the line)', async () => {
    const chat = new Chat(hvac(), "H-2001");
    await chat.say("2 Trockner DML 083 und ein Schauglas SGN 10 für Huber");
    await chat.say("doch ohne das Schauglas, und 3 Trockner bitte");
    expect(lines(chat)).toEqual([["FD-DML-083", 3, "M-2001-01"]]);
  });

  it('"lieber doch ein einzelnes mit 10 A" swaps the line to the variant with that value', async () => {
    const chat = new Chat(automation(), "A-3006");
    await chat.say("2 PSU-24-5");
    await chat.say("lieber doch ein einzelnes mit 10 A");
    expect(lines(chat)).toEqual([["PSU-24-10", 1, null]]);
  });
});

describe("follow-ups", { timeout: 120_000 }, () => {
  it('"in stock? and the price?" answers both; "with the 24 V coil" adds the related coil by its value', async () => {
    const chat = new Chat(hvac(), "H-2001");
    const q = await chat.say("is the EVR 10 solenoid valve in stock? and the price?");
    expect(q.tools).toEqual(expect.arrayContaining(["check_stock", "get_price"]));
    await chat.say("ok 1 for the roof chiller, with the 24 V coil");
    expect(lines(chat)).toEqual([
      ["SV-EVR10-12", 1, "M-2001-03"],
      ["COIL-018F-24", 1, "M-2001-03"],
    ]);
  });

  it('"ok one for <machine>, with a base unit" orders the offered product and its companion', async () => {
    const chat = new Chat(automation(), "A-3002");
    await chat.say("do you have the IO-Link master for 200SP in stock? price?");
    await chat.say("ok one for Pumpwerk Süd, with a base unit");
    expect(lines(chat)).toEqual([
      ["IO-200SP-IOL4", 1, "M-3002-02"],
      ["ACC-BU-15", 1, "M-3002-02"],
    ]);
  });

  it('"mit Sockel": the companion named by a catalog keyword in German', async () => {
    const chat = new Chat(automation(), "A-3002");
    await chat.say("Habt ihr den IO-Link Master für 200SP auf Lager? Und was kostet er?");
    await chat.say("gut, einen für Pumpwerk Süd, mit Sockel");
    expect(lines(chat).map((l) => l[0])).toEqual(["IO-200SP-IOL4", "ACC-BU-15"]);
  });

  it('"the same X as last time for line 3, 6 pcs": the earlier line in the new quantity', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("the same proximity sensors as last time for line 3, 6 pcs");
    expect(lines(chat)).toEqual([["SN-IND-M12-PNP", 6, "M-3001-01"]]);
  });

  it('"nochmal die gleichen Schütze wie letztes Mal": the history line found by its German name', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("nochmal die gleichen Schütze wie letztes Mal für den Palletiser");
    expect(lines(chat)).toEqual([["CT-18-230AC", 2, "M-3001-02"]]);
  });
});

describe("a count of the options the buyer refers to is no quantity of the product", { timeout: 120_000 }, () => {
  it('"just the 2 options" after a configured drive keeps one drive', async () => {
    const chat = new Chat(automation(), "A-3002");
    await chat.say(
      "configure a VFD-CFG for Pumpwerk Nord: 11 kW, 400 V 3ph, IP20, PROFINET, with STO and the brake chopper",
    );
    expect(lines(chat)).toEqual([["VFD-CFG", 1, "M-3002-01"]]);
    await chat.say("that's all, just the 2 options");
    expect(lines(chat)).toEqual([["VFD-CFG", 1, "M-3002-01"]]);
    expect(chat.turns.at(-1)!.tools).not.toContain("update_line");
  });

  it('"nur die zwei Optionen" after a condensing unit configured in words keeps one unit', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say(
      "Wir brauchen einen CU Verflüssigungssatz nach Konfiguration: R449A, Tiefkühlung, 400 V 3-phasig, Außenaufstellung, mit Winterregelung und geräuscharmem Lüfter",
    );
    expect(lines(chat)).toEqual([["CU-CFG", 1, null]]);
    await chat.say("nur die zwei Optionen, sonst nichts");
    expect(lines(chat)).toEqual([["CU-CFG", 1, null]]);
  });
});
