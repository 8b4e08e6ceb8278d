/**
 * Buyer classes closed in session 12 (helper xlang12): a buyer's spelling of a catalog word that is not the
 * catalog's — German written without umlauts ("fuer", "Schauglaeser"), with "ss" for "ß", Swiss forms ("Ladegrät",
 * "för", "öich") — read as the standard spelling, whatever language the catalog's texts are in. Each case plays the
 * standard spelling and the variant on a fresh copy of the same catalog: the variant must get the same draft and the
 * same reply. Every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { createShieldMemorySaver } from "../../../agent/checkpointer.ts";
import { standardSpelling, umlautSpelling } from "../../../agent/models/offline/dialect.ts";
import { createOfflineModel } from "../../../agent/models/offline/index.ts";
import { createShieldAgent } from "../../../agent/runtime.ts";
import { keepLanguages } from "../../../catalog/import/languages.ts";
import { DEMO_NOW } from "../../../catalog/seed/index.ts";
import { demoDatabase } from "../../support/db-images.ts";
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
  powertransWorld,
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

/** The demo world with the texts of one language only (as `--catalog-languages` plays it). */
function demoOnly(lang: string): () => World {
  return () => {
    const db = demoDatabase();
    keepLanguages(db, [lang]);
    const model = createOfflineModel({ db });
    return {
      db,
      now: DEMO_NOW,
      agent: createShieldAgent({ db, model, checkpointer: createShieldMemorySaver(), now: () => DEMO_NOW }),
    };
  };
}

describe("a removal names the line whose name carries the buyer's words, not the line the machine's search ranks", () => {
  const order = (chat: Chat) => chat.turns.at(-1)!.thread.draft.lines.map((l) => [l.sku, l.quantity]);
  for (const [name, world, customer, first, drop, left] of [
    [
      "demo German-only: 'drop the o-rings' beside a Gleitringdichtung for the same pump",
      demoOnly("de"),
      "C-1001",
      "2 SE-MS28-CC-EPDM for pump 2 and 3 boxes SE-OR-75X3-EPDM-B10",
      "drop the o-rings",
      [["SE-MS28-CC-EPDM", 2]],
    ],
    [
      "demo German-only: '… and make it 4 seals' still changes the seal",
      demoOnly("de"),
      "C-1001",
      "2 SE-MS28-CC-EPDM for pump 2 and 3 boxes SE-OR-75X3-EPDM-B10",
      "drop the o-rings, and make it 4 seals",
      [["SE-MS28-CC-EPDM", 4]],
    ],
    [
      "demo English-only: 'die O-Ringe bitte streichen' beside a mechanical seal",
      demoOnly("en"),
      "C-1001",
      "2 SE-MS28-CC-EPDM für Pumpe 2 und 3 Kartons SE-OR-75X3-EPDM-B10",
      "die O-Ringe bitte streichen",
      [["SE-MS28-CC-EPDM", 2]],
    ],
    [
      "guard: hvac German-only 'drop the sight glasses'",
      () => germanOnlyWorld("evals/catalogs/hvac"),
      "H-2001",
      "2 SG-SGN-12 and 1 FD-DML-084 for the edeka freezer",
      "drop the sight glasses",
      [["FD-DML-084", 1]],
    ],
    [
      "guard: powertrans English-only 'die Kette bitte streichen'",
      () => englishOnlyWorld("evals/catalogs/powertrans"),
      "T-7001",
      "2 UCP-206 und 1 CH-10B1-B5 für das Tiefkühlband",
      "die Kette bitte streichen",
      [["UCP-206", 2]],
    ],
    [
      "guard: powertrans with both languages 'drop the pillow blocks'",
      powertransWorld,
      "T-7001",
      "2 UCP-206 and 1 CH-10B1-B5 for the Tiefkühlband",
      "drop the pillow blocks",
      [["CH-10B1-B5", 1]],
    ],
  ] as const) {
    it(name, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(first);
      await chat.say(drop);
      expect(order(chat)).toEqual(left);
    });
  }
});
