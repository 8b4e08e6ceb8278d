/**
 * Buyer classes closed in session 12 (helper xlang12): a buyer's spelling of a catalog word that is not the
 * catalog's — German written without umlauts ("fuer", "Schauglaeser"), with "ss" for "ß", Swiss forms ("Ladegrät",
 * "för", "öich") — read as the standard spelling, whatever language the catalog's texts are in. Each case plays the
 * standard spelling and the variant on a fresh copy of the same catalog: the variant must get the same draft and the
 * same reply. Every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { standardSpelling, umlautSpelling } from "../../../agent/models/offline/dialect.ts";
import {
  automationWorld,
  Chat,
  demoWorld,
  englishOnlyWorld,
  fluidWorld,
  foodtechWorld,
  germanOnlyWorld,
  hvacWorld,
  intralogisticsWorld,
  type World,
} from "./helpers.ts";

/** The draft lines and the reply after one message on a fresh copy of the world. */
async function after(world: () => World, customer: string, text: string) {
  const chat = new Chat(world(), customer);
  const turn = await chat.say(text);
  return {
    lines: turn.thread.draft.lines.map((l) => [l.sku, l.quantity, l.machineId ?? null]),
    reply: turn.text,
  };
}

async function sameAsStandard(world: () => World, customer: string, standard: string, variant: string) {
  const std = await after(world, customer, standard);
  const got = await after(world, customer, variant);
  expect(got.lines).toEqual(std.lines);
  expect(got.reply).toEqual(std.reply);
}

const hvacEnglishOnly = () => englishOnlyWorld("evals/catalogs/hvac");

describe("German written without umlauts (ae, oe, ue) is read as with them", () => {
  for (const [name, world, customer, standard, variant] of [
    [
      "hvac: 'Schauglaeser … fuer die Kuehlzelle'",
      hvacWorld,
      "H-2001",
      "Bitte 2 Schaugläser 1/2 für die Kühlzelle",
      "Bitte 2 Schauglaeser 1/2 fuer die Kuehlzelle",
    ],
    [
      "automation: 'Leistungsschuetze' gets a German reply",
      automationWorld,
      "A-3002",
      "2 Leistungsschütze 18 A 24 V DC für Pumpwerk Nord",
      "2 Leistungsschuetze 18 A 24 V DC fuer Pumpwerk Nord",
    ],
    [
      "intralogistics: 'Ladegeraet' gets a German reply",
      intralogisticsWorld,
      "L-8002",
      "1 Ladegerät 24 V 30 A HF5 bitte",
      "1 Ladegeraet 24 V 30 A HF5 bitte",
    ],
    [
      "demo (not used to find the class): 'Rueckschlagklappe'",
      demoWorld,
      "C-1001",
      "1 Rückschlagklappe DN32 PN16 bitte",
      "1 Rueckschlagklappe DN32 PN16 bitte",
    ],
    [
      "hvac made English-only: 'Schauglaeser' meets the glossary's Schauglas",
      hvacEnglishOnly,
      "H-2001",
      "Bitte 2 Schaugläser 1/2 für die Kühlzelle",
      "Bitte 2 Schauglaeser 1/2 fuer die Kuehlzelle",
    ],
    [
      "guard: fluid power 'Dichtsaetze fuer CD-Zylinder'",
      fluidWorld,
      "F-4002",
      "3 Dichtsätze für CD-Zylinder 63/36 NBR für IMM 9",
      "3 Dichtsaetze fuer CD-Zylinder 63/36 NBR fuer IMM 9",
    ],
    [
      "guard: hvac 'kaeltemittel … gruesse' in lower case",
      hvacWorld,
      "H-2001",
      "bitte 1 flasche kältemittel r449a 10 kg, grüße",
      "bitte 1 flasche kaeltemittel r449a 10 kg, gruesse",
    ],
  ] as const) {
    it(name, async () => {
      await sameAsStandard(world, customer, standard, variant);
    });
  }
});

describe("Swiss and southern forms of catalog and function words", () => {
  it("intralogistics: 'es Ladegrät … för öis' is 'ein Ladegerät … für uns'", async () => {
    await sameAsStandard(
      intralogisticsWorld,
      "L-8002",
      "ein Ladegerät 24 V 30 A HF5 für uns bitte",
      "es Ladegrät 24 V 30 A HF5 för öis bitte",
    );
  });
});

describe("the spelling rules on a lexicon of their own", () => {
  const names = new Set(["batterieladegerät", "kugel", "gabel", "schauglas", "kühlzelle", "leistungsschütz"]);
  const corpus = new Set(["für", "euch", "grüße", "bitte", "blue", "does", "pass", "issue", "die"]);
  const lexicon = {
    knows: (w: string) => corpus.has(w) || names.has(w),
    nameWords: names,
    inflected: (w: string) => names.has(w.replace(/e$/u, "")),
  };

  it.each([
    ["Ladegrät för öich", "Ladegerät für euch"],
    ["2 Chugle und 1 Gable", "2 Kugel und 1 Gabel"],
    ["Kuehlzelle, Gruesse", "Kühlzelle, Grüße"],
  ])("standardSpelling(%s) → %s", (text, expected) => {
    expect(standardSpelling(text, lexicon)).toBe(expected);
  });

  it.each([
    ["1 Ladegeraet fuer die Kuehlzelle", "1 Ladegerät für die Kühlzelle"],
    ["2 Leistungsschuetze bitte", "2 Leistungsschütze bitte"],
    // Guards: English words are known or have no known German spelling; unknown words stay.
    ["the blue one does not pass, issue 4", "the blue one does not pass, issue 4"],
    ["Schlauc Muehle", "Schlauc Muehle"],
  ])("umlautSpelling(%s) → %s", (text, expected) => {
    expect(umlautSpelling(text, lexicon)).toBe(expected);
  });
});

describe("a pack word in the buyer's language the catalog writes in the other one (glossary: Dose = can)", () => {
  const germanOnly = (dir: string) => () => germanOnlyWorld(dir);
  for (const [name, world, customer, text, expected] of [
    [
      "hvac English-only: '2 Dosen POE-Öl 1 Liter' is the 1 l can, not the kit with 2 l oil",
      hvacEnglishOnly,
      "H-2001",
      "Bitte 2 Dosen POE-Öl 1 Liter",
      [["SRV-POE32-1L", 2, null]],
    ],
    [
      "intralogistics German-only: '6 cans of chain spray' are six 400-ml-Dosen, no unit warning",
      germanOnly("evals/catalogs/intralogistics"),
      "L-8002",
      "6 cans of chain spray please",
      [["SPRAY-CHAIN-400", 6, null]],
    ],
    [
      "guard: powertrans English-only '3 Dosen Kettenspray'",
      () => englishOnlyWorld("evals/catalogs/powertrans"),
      "T-7003",
      "3 Dosen Kettenspray bitte",
      [["LUB-CHAIN-400", 3, null]],
    ],
    [
      "guard: foodtech (German texts only, not used to find the class) '2 cans of H1 food grease'",
      foodtechWorld,
      "C-7101",
      "2 cans of H1 food grease please",
      [["FETT-H1-1KG", 2, null]],
    ],
  ] as const) {
    it(name, async () => {
      const got = await after(world, customer, text);
      expect(got.lines).toEqual(expected);
      expect(got.reply).not.toMatch(/ordered in \w+, not|nicht in \w+ bestellt|wird in \w+ bestellt/u);
    });
  }
});
