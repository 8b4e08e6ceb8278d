/**
 * A buyer whose language the catalog has no texts in, as a class over several catalogs: English buyers on the trade
 * catalogs made German-only (`germanOnlyWorld`) and German buyers on them made English-only (`englishOnlyWorld`). The
 * buyer's trade words reach the catalog's through the built-in glossary (catalog/queries/glossary.ts) and its
 * compound splitting — no catalog's word is listed here that the glossary does not know as general trade vocabulary.
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, englishOnlyWorld, germanOnlyWorld } from "./helpers.ts";

/** The SKUs a turn's reply names (added or offered). */
const skusIn = (text: string) => [...text.matchAll(/(?:\d\) |× )([A-Z0-9][A-Z0-9.-]+)/g)].map((m) => m[1]!);

describe("an English buyer on a German-only catalog", () => {
  it("a contactor is a Schütz, not a Motorschutzschalter (automation: umlaut tells the word)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/automation"), "A-3002");
    const turn = await chat.say("2 contactors 18 A for the palletiser pls");
    const named = skusIn(turn.text);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((s) => s.startsWith("CT-18"))).toBe(true);
  });

  it("a belt is the Zahnriemen, not the pulley 'für 30-mm-Riemen' (power transmission)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/powertrans"), "T-7005");
    const turn = await chat.say("1 htd 8m belt 1600 long for the multipack wrapper");
    expect(draftLines(chat).map((l) => l[0])).not.toContain("PU-HTD8M-32-30");
    expect(skusIn(turn.text).some((s) => s.startsWith("TB-HTD8M"))).toBe(true);
  });

  it("pillow block units are the Stehlagereinheit (power transmission)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/powertrans"), "T-7001");
    await chat.say("For Rollenbahn Versand I need 4 pillow block units for the 25 mm shaft.");
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["UCP-205", 4]]);
  });

  it("the count before English words for a German compound is how many (fluid power: Rücklauffilterelement)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/fluidpower"), "F-4002");
    await chat.say("3 return filter elements 10 micron for IMM 9");
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["FE-RF-160-10", 3]]);
  });

  it("a glossary phrase written as one word is read apart ('sightglas', hvac)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/hvac"), "H-2001");
    await chat.say("need 2 sightglas 1/2 for the edeka freezer");
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["SG-SGN-12", 2]]);
  });

  it("the size after the glossary's word for a name is no quantity ('fan motor 500 mm', hvac)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/hvac"), "H-2005");
    await chat.say(
      "Good morning, here is Piet from Hanseatic Marine. On MS Elbe the chiller has problem, the condenser fan motor is burned. We need new fan motor 500 mm, it must be for 460 volt 60 hertz because the ship net is american style.",
    );
    // Added as one, or offered with the question how many (as on the catalog with English texts) — never 500 of it.
    expect(draftLines(chat).filter((l) => l[1] !== 1)).toEqual([]);
    expect(skusIn(chat.turns.at(-1)!.text)).toContain("FM-AX500-460");
  });
});

describe("pack words across languages", () => {
  it("'2 bags then' changes the line sold in Beutel, not the tube by the metre (fluid power, German-only)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/fluidpower"), "F-4003");
    await chat.say(
      "For Tray sealer 2 we need 2 of the 5/2 valves 24V DC, 20 straight push-in fittings 8 mm to G1/4 and 25 metres of the blue 8 mm PU tubing.",
    );
    await chat.say("2 bags then, that is the 20 pieces.");
    const lines = new Map(draftLines(chat).map((l) => [l[0], l[1]]));
    expect(lines.get("PU-TUBE-08")).toBe(25);
    expect(lines.get("PI-ST-08-G14")).toBe(2);
  });
});

describe("contacts written as counted abbreviations, across languages (automation motor starter)", () => {
  const aux = (chat: Chat) => (chat.turns.at(-1)?.thread.draft.lines ?? []).map((l) => l.options?.aux);

  it("an English buyer's '1 NO + 1 NC' is the German label '1 S + 1 Ö'", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/automation"), "A-3002");
    await chat.say(
      "need 2 motor starter combinations for Pal 2: size 18 A, coil 230 V AC, overload 13-18 A, aux contacts 1 NO + 1 NC",
    );
    expect(aux(chat)).toEqual([["aux11"]]);
  });

  it("a German buyer's '1 Schliesser 1 Öffner' is the English label '1 NO + 1 NC'", async () => {
    const chat = new Chat(englishOnlyWorld("evals/catalogs/automation"), "A-3002");
    await chat.say(
      "Grüezi, ich bräuchte e Motorstarter-Kombi fürs Palettiergerät: Schütz 18A, Spule 230 Volt AC, Motorschutz 13 bis 18 A, mit Hilfskontakt 1 Schliesser 1 Öffner",
    );
    expect(aux(chat)).toEqual([["aux11"]]);
  });
});

describe("a German buyer on an English-only catalog", () => {
  it("German trade words alone make the reply German (fluid power)", async () => {
    const chat = new Chat(englishOnlyWorld("evals/catalogs/fluidpower"), "F-4001");
    const turn = await chat.say("1 Beutel Dichtringe 1/2 Zoll BSP");
    expect(turn.text).toMatch(/Hinzugefügt/);
    expect(turn.text).not.toMatch(/\bAdded\b/);
  });

  it("a SKU that starts like an English word does not make the reply English (fluid power)", async () => {
    const chat = new Chat(englishOnlyWorld("evals/catalogs/fluidpower"), "F-4001");
    const turn = await chat.say("WE-CFG Ventil für Presse 3, NG10, Schieber E, 12V DC");
    expect(turn.text).toMatch(/Die Konfiguration von WE-CFG/);
  });
});
