/**
 * Buyer-facing faults from the session-4 closing note, as classes (issue 9): nothing the buyer asked for vanishes
 * without a word (an item of a multi-item message the consultant cannot identify is named and asked about while the
 * identified items are added); a German conversation gets German engine reasons and a German order notice whatever
 * the session's locale; "just one" / "nur eins" answers a quantity question or corrects a line. What the buyer would
 * notice: the draft's lines and the words of the replies.
 */
import { describe, expect, it } from "vitest";
import { Chat, demoWorld, hvacWorld, fluidWorld, automationWorld, draftLines } from "./helpers.ts";

const hvac = hvacWorld;
const fluid = fluidWorld;
const auto = automationWorld;
const lines = draftLines;

describe("an item of a multi-item message that is not identified is named, not dropped", { timeout: 120_000 }, () => {
  it('"1m hose … for press 3 and 4 fittings for it": the hose is added, the fittings are offered, a pick adds 4', async () => {
    const chat = new Chat(fluid(), "F-4001");
    const t = await chat.say("1m hose 2SN DN12 for press 3 and 4 fittings for it");
    expect(lines(chat)).toEqual([["HOSE-2SN-12", 1, "M-4001-02"]]);
    expect(t.text).toMatch(/fittings/i);
    expect(t.text).toMatch(/FIT-P-12/);
    expect(t.text.trim()).toMatch(/\?$/);
    await chat.say("the first one");
    const added = chat.turns.at(-1)!.thread.draft.lines;
    expect(added).toHaveLength(2);
    expect(added[1]!.sku).toMatch(/^FIT-/);
    expect(added[1]!.quantity).toBe(4);
  });

  it("German: the hose is added and the buyer is told about the part it did not place", async () => {
    const chat = new Chat(fluid(), "F-4001");
    const t = await chat.say("1 m Schlauch 2SN DN12 für Presse 3 und 4 Pressarmaturen dafür");
    expect(lines(chat)).toEqual([["HOSE-2SN-12", 1, "M-4001-02"]]);
    expect(t.text).toMatch(/Pressarmaturen/);
    expect(t.text.trim()).toMatch(/\?$/);
  });

  it("another catalog: a word the catalog does not know is said back, the driers are added", async () => {
    const chat = new Chat(hvac(), "H-2006");
    const t = await chat.say("2 filter driers DML 083 and 3 gizmos for chill room 2");
    expect(lines(chat)).toEqual([["FD-DML-083", 2, "M-2006-03"]]);
    expect(t.text).toMatch(/gizmos/);
    expect(t.text).toMatch(/nothing|not find|could not/i);
  });
});

describe('"each" / "jeweils": an item counted by the one before it', { timeout: 120_000 }, () => {
  it('"5 NPN sensors for the palletiser, each with a 2 m cable": five sensors, and five 2 m cables', async () => {
    const chat = new Chat(auto(), "A-3001");
    const t = await chat.say("5 inductive sensors M12 NPN for the palletiser, each with a 2m cable");
    // The one cable the search finds for the palletiser, a clean fit, is ordered — no list of one to pick from.
    expect(lines(chat)).toEqual([
      ["SN-IND-M12-NPN", 5, "M-3001-02"],
      ["CBL-M12-4P-2M", 5, "M-3001-02"],
    ]);
    expect(t.text).toMatch(/CBL-M12-4P-2M/);
  });

  it('"3 Magnetventile EVR 6 für Kühlraum 2, jeweils mit Spule 230 V" (another catalog): three coils', async () => {
    const chat = new Chat(hvac(), "H-2006");
    const t = await chat.say("3 Magnetventile EVR 6 für Kühlraum 2, jeweils mit Spule 230 V");
    expect(t.text).not.toMatch(/nicht gefunden/);
    expect(t.text).toMatch(/COIL-018F-230/);
    await chat.say("die Magnetspule");
    expect(lines(chat)).toEqual([
      ["SV-EVR6-38", 3, "M-2006-03"],
      ["COIL-018F-230", 3, "M-2006-03"],
    ]);
  });
});

describe("a German conversation gets German engine reasons and notices", { timeout: 120_000 }, () => {
  const ENGLISH =
    /\b(same type|fits|in stock|other|does not match|is coarser|requires|check the conditions|limited resistance|is placed|complete delivery)\b/;

  it("the fixes of a blocked line: their reasons in German", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    const t = await chat.say("Füge 1 SE-MS24-CC-EPDM für Pumpe 2 hinzu");
    expect(t.text).toMatch(/Wie möchten Sie verfahren\?/);
    expect(t.text).not.toMatch(ENGLISH);
  });

  it("a list checked against the machine: why a part does not fit, in German (another catalog)", async () => {
    const chat = new Chat(hvac(), "H-2006");
    const t = await chat.say("2 Magnetventile für Kühlraum 2");
    expect(t.text).toMatch(/✗/);
    expect(t.text).not.toMatch(ENGLISH);
  });

  it("the order-placed notice is German in a German conversation, though the session's locale is not", async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("3 Rücklauffilterelemente für Presse 3");
    await chat.say("das erste");
    await chat.say("bestellen");
    const t = await chat.confirm();
    expect(t.text).toMatch(/ist aufgegeben/);
    expect(t.text).not.toMatch(ENGLISH);
  });
});

describe('"just one" answers how many', { timeout: 120_000 }, () => {
  it('"just one" to "shall I add it?" adds one', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("what does OIL-HLP46-20 cost?");
    await chat.say("just one");
    // The oil depends on the machine: asked first, then the one pail goes on the line.
    await chat.say("press 3");
    expect(lines(chat)).toEqual([["OIL-HLP46-20", 1, "M-4001-02"]]);
  });

  it('"nur eins" (German) to "Soll ich es übernehmen?" adds one (another catalog)', async () => {
    const chat = new Chat(auto(), "A-3001");
    await chat.say("was kostet ACC-DIN35-2M?");
    await chat.say("nur eins");
    expect(lines(chat).map((l) => l.slice(0, 2))).toEqual([["ACC-DIN35-2M", 1]]);
  });

  it('"just one" after 2 were added corrects the line to one', async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    await chat.say("2 mechanical seals for pump 2");
    await chat.say("the EPDM one");
    expect(lines(chat)).toEqual([["SE-MS28-CC-EPDM", 2, "M-1001-02"]]);
    await chat.say("just one");
    expect(lines(chat)).toEqual([["SE-MS28-CC-EPDM", 1, "M-1001-02"]]);
  });

  it('"doch nur eins" (German) corrects the line just added', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("3 Schauglas SGN 10 für Kühlraum 2");
    expect(lines(chat)).toEqual([["SG-SGN-10", 3, "M-2006-03"]]);
    await chat.say("doch nur eins");
    expect(lines(chat)).toEqual([["SG-SGN-10", 1, "M-2006-03"]]);
  });
});

describe("a hyphenated product word", { timeout: 120_000 }, () => {
  it('"4 Sensor-Kabel 5 m" (Swiss German) adds the 5 m sensor cable, not a level sensor', async () => {
    const chat = new Chat(auto(), "A-3001");
    await chat.say("hoi, händ ihr 4 Sensor-Kabel 5 m für d Line 3?");
    expect(lines(chat)).toEqual([["CBL-M12-4P-5M", 4, "M-3001-01"]]);
  });
});

describe("a pick by a variant word inside a compound", { timeout: 120_000 }, () => {
  it('"die Bördel-Variante": the flare one of the list', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("Filtertrockner 3/8 Zoll für Kühlraum 2");
    const t = await chat.say("die Bördel-Variante");
    expect(t.text).not.toMatch(/nicht gefunden/);
    expect(lines(chat)).toEqual([["FD-DML-083", 1, "M-2006-03"]]);
  });

  it('"die Lötvariante" (one word): of the solder items the one that fits, named in German', async () => {
    // (Session 17: a reference matching several listed items takes the one the engine said fits the machine — the
    // 5/8" solder drier does not fit Kühlraum 2; before, both were listed again and "die erste" picked the same.)
    const chat = new Chat(hvac(), "H-2006");
    const list = await chat.say("Filtertrockner DML für Kühlraum 2");
    expect(list.text).toMatch(/FD-DML-165S[^\n]*✗/);
    const t = await chat.say("die Lötvariante");
    expect(lines(chat)).toEqual([["FD-DML-083S", 1, "M-2006-03"]]);
    expect(t.text).not.toMatch(/solder|Filter drier/);
  });

  it('"die Rollen-Variante" (a linking ending: Rolle + n): the reel (another catalog)', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("2 Hydraulikschläuche 2SN DN12, 50 m");
    await chat.say("die Rollen-Variante");
    expect(lines(chat).map((l) => l[0])).toEqual(["HOSE-2SN-12-R50"]);
  });
});

describe("rounding down when only the next pack up is offered", { timeout: 120_000 }, () => {
  it('"lieber abrunden" to 25 pieces of a bag of 10: two bags, not a catalog search', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("25 Kupferbögen 3/8");
    const t = await chat.say("lieber abrunden");
    expect(t.tools).not.toContain("search_catalog");
    expect(lines(chat)).toEqual([["CU-EL-38", 2, null]]);
  });

  it('"round down please" (English): the same', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("25 copper elbows 3/8");
    await chat.say("round down please");
    expect(lines(chat)).toEqual([["CU-EL-38", 2, null]]);
  });

  it('"round up" still takes the offer (another catalog)', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("25 push-in elbows 8 mm G1/4");
    await chat.say("round up");
    expect(lines(chat).map((l) => l.slice(0, 2))).toEqual([["PI-EL-08-G14", 3]]);
  });
});

describe("a product named by its model code is kept when it does not fit the machine", { timeout: 120_000 }, () => {
  it('"2 return filter elements RF 160 10 µm for press 3": the RF 160, flagged, with what fits offered', async () => {
    const chat = new Chat(fluid(), "F-4001");
    const t = await chat.say("2 return filter elements RF 160 10 µm for press 3");
    expect(lines(chat)).toEqual([["FE-RF-160-10", 2, "M-4001-02"]]);
    expect(t.text).toMatch(/does not fit Press 3/);
    expect(t.text).toMatch(/FE-RF-330-10/);
  });

  it("German: the same, the alternatives named in German", async () => {
    const chat = new Chat(fluid(), "F-4001");
    const t = await chat.say("2 Rücklauffilterelemente RF 160 10 µm für Presse 3");
    expect(lines(chat)).toEqual([["FE-RF-160-10", 2, "M-4001-02"]]);
    expect(t.text).toMatch(/Rücklauffilterelement RF 330/);
    expect(t.text).not.toMatch(/Return filter element/);
  });

  it('"1 scroll compressor SZ 45 for chill room 2" (another catalog): the SZ 45, not a compressor listed for that unit', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("1 scroll compressor SZ 45 for chill room 2");
    expect(lines(chat).map((l) => l[0])).toEqual(["CMP-SZ45-400"]);
  });
});

describe('"bestellen" with the pick from a list', { timeout: 120_000 }, () => {
  it('"die erste, bestellen" to the cables listed for "jeweils mit 5m Kabel": added and on to the confirmation', async () => {
    const chat = new Chat(auto(), "A-3001");
    await chat.say("4 Ini M12 PNP für die Linie 3, jeweils mit 5m Kabel");
    await chat.say("die erste, bestellen");
    const t = await chat.confirm();
    expect(t.text).toMatch(/ist aufgegeben: 2 Position/);
  });
});

// Plural compounds ("Dichtungssätze", "Magnetventile", "Filterelemente", "Kupfer-Bögen", "Hutschienen-Netzteile") already
// found their singular entries; what did not: a hyphenated plural of a hyphenated catalog word.
describe("a hyphenated German plural finds the hyphenated singular of the catalog", { timeout: 120_000 }, () => {
  it('"2 Hauptzylinder-Dichtsätze für Presse 3": the main ram seal kits', async () => {
    const chat = new Chat(fluid(), "F-4001");
    const t = await chat.say("2 Hauptzylinder-Dichtsätze für Presse 3");
    expect(t.text).not.toMatch(/nicht gefunden/);
    expect(t.text).toMatch(/SK-PR250-MAIN /);
  });
});
