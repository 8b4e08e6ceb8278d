/**
 * Buyer classes closed in session 13 (helper fix13c), each played on more than one catalog where the catalogs have the
 * structure; every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, draftAfter, fluidWorld, hvacWorld, importedWorld, intralogisticsWorld } from "./helpers.ts";

const packagingWorld = () => importedWorld("evals/catalogs/packaging");
const skus = (lines: unknown[][]) => lines.map(([sku, quantity]) => [sku, quantity]);

describe("a kind said with a hyphen or in two words names the product that is one, not one that lists it", () => {
  for (const [world, customer, text, expected] of [
    [hvacWorld, "H-2001", "zwei NTC-Fühler bitte", [["CTR-NTC-15", 2]]],
    [hvacWorld, "H-2001", "2 NTC Fühler", [["CTR-NTC-15", 2]]],
    [fluidWorld, "F-4001", "2 DIN-Stecker", [["PLUG-DIN-LED", 2]]],
    [fluidWorld, "F-4001", "Wir brauchen 3 DIN-Stecker, bitte", [["PLUG-DIN-LED", 3]]],
    // guards: the English words found the sensor and the plug before
    [hvacWorld, "H-2001", "2 NTC sensors please", [["CTR-NTC-15", 2]]],
    [fluidWorld, "F-4001", "2 DIN plugs", [["PLUG-DIN-LED", 2]]],
  ] as const) {
    it(`${customer}: ${text}`, async () => {
      expect(skus(await draftAfter(world, customer, text))).toEqual(expected);
    });
  }
});

describe("a southern or eastern German two ('zwoi', 'zwoa', 'zwee', 'zwo') is a count", () => {
  it("hvac: the controller and two extra sensors beside it, in Swabian", async () => {
    expect(
      skus(
        await draftAfter(
          hvacWorld,
          "H-2001",
          "fürs kühlhaus beim huber bräucht i en neua kühlstellenregler ekc 202, dr alte isch hee, und zwoi extra ntc fühler dazu.",
        ),
      ),
    ).toEqual([
      ["CTR-EKC202", 1],
      ["CTR-NTC-15", 2],
    ]);
  });

  for (const [world, customer, text, expected] of [
    [automationWorld, "A-3001", "zwee Netzteile PSU-24-5", [["PSU-24-5", 2]]],
    [
      automationWorld,
      "A-3001",
      "Bitte zwoa PSU-24-5 und 10 CB-C6-1P",
      [
        ["PSU-24-5", 2],
        ["CB-C6-1P", 10],
      ],
    ],
    [hvacWorld, "H-2001", "zwo NTC-Temperaturfühler", [["CTR-NTC-15", 2]]],
  ] as const) {
    it(`${customer}: ${text}`, async () => {
      expect(skus(await draftAfter(world, customer, text))).toEqual(expected);
    });
  }
});

describe("what a product's name says it comes without ('ohne Spule') does not describe it: 'mit Spule' brings one", () => {
  for (const [world, customer, text, expected] of [
    [hvacWorld, "H-2001", "ein Magnetventil EVR 10 mit Spule bitte", ["SV-EVR10-12", "COIL-018F-24"]],
    [hvacWorld, "H-2001", "1 Expansionsventil ETS 12 mit Spule", ["EEV-ETS-12", "EEV-COIL-ETS"]],
    [hvacWorld, "H-2001", "Magnetventil EVR 6 3/8 Bördel mit Spule", ["SV-EVR6-38", "COIL-018F-24"]],
    [fluidWorld, "F-4001", "1 WE6-BODY-E mit Spule", ["WE6-BODY-E", "COIL-45-12DC"]],
    // guard: the English worked before
    [hvacWorld, "H-2001", "1 solenoid valve EVR 10 with coil", ["SV-EVR10-12", "COIL-018F-24"]],
  ] as const) {
    it(`${customer}: ${text}`, async () => {
      expect((await draftAfter(world, customer, text)).map(([sku]) => sku)).toEqual(expected);
    });
  }
});

describe("an option value said by its number beside a word of its label ('mit 4er Öse', '320er REMA-Stecker')", () => {
  const options = async (world: Parameters<typeof draftAfter>[0], customer: string, text: string) => {
    const { chatAfter } = await import("./helpers.ts");
    const chat = await chatAfter(world, customer, text);
    return chat.turns.at(-1)!.thread.draft.lines.map((l) => l.options ?? {});
  };

  for (const [text, ends] of [
    ["Für den Beutler 2 Heizbänder nach Mass, 280 mm lang, 5 mm breit, mit 4er Öse", "eyelet4"],
    ["Für den Beutler 2 Heizbänder nach Maß 280 x 5 mm mit 6er Öse und PTFE-beschichtet", "eyelet6"],
    ["for the Beutler 2 impulse heating bands made to measure, 280 x 5 mm, with eyelet 6", "eyelet6"],
  ] as const) {
    it(`packaging: ${text}`, async () => {
      expect((await options(packagingWorld, "PK-2103", text))[0]?.ends).toEqual([ends]);
    });
  }

  for (const [text, connector] of [
    ["Für Stapler 7: 1 Ladegerät CHG-CFG: 48 V, 60 A, 400 V dreiphasig, Blei-Säure, mit 320er REMA-Stecker", "rema320"],
    ["For Stapler 7 1 charger CHG-CFG, 48 V, 60 A, 400 V three-phase, lead-acid, with the 160 REMA plug", "rema160"],
  ] as const) {
    it(`intralogistics: ${text}`, async () => {
      expect((await options(intralogisticsWorld, "L-8001", text))[0]?.connector).toEqual([connector]);
    });
  }
});

describe("a yes to a list for a machine of which one product fits takes the one that fits", () => {
  for (const [first, yes] of [
    [
      "Moin, brauche 2 Zackenmesser fuer die Maschine mit der Seriennr. FW3-2315, die alten sind stumpf",
      "ja bitte so bestellen",
    ],
    ["Hi, I need 2 serrated knives for the machine with serial FW3-2315, the old ones are blunt", "yes please, order"],
  ] as const) {
    it(`packaging: '${first}' then '${yes}'`, async () => {
      expect(await draftAfter(packagingWorld, "PK-2101", first, yes)).toEqual([["KN-FW-250-Z2", 2, "M-2101-02"]]);
    });
  }
});
