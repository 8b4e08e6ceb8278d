/**
 * Session 32 (helper T), two classes.
 *
 * 1. An age word said as a noun — after an article, with no noun after it ("the old ones say M6 0.8", "der alte is
 *    scho verbrannt", "der alte ist verbrannt") — is the buyer's own worn part, not a product word: it matched inside
 *    catalog names ("Leitungsschutzschalter") or picked a product's "old version". Guards: "in der alten Rezeptur"
 *    still names the old recipe, and machine labels with an age word ("Alte Formatsäge", "the old UV", "der alte
 *    Kemper") still name the machine.
 * 2. An item of a list that is what the buyer orders each time — "… and the pressure switch as usual", "as always",
 *    "like before", "plus the usual pressure switch" — did not even fetch the order history when the classifier read
 *    the message as no reorder (English; the German "wie immer" reads as one). Such a phrase fetches the history and
 *    the item takes the latest earlier order's line (`namesUsualOrder`, month-order.ts). Guards: "delivery as usual"
 *    adds nothing, the German "wie immer" and a month's order beside an item as usual keep working.
 */
import { describe, expect, test } from "vitest";
import {
  automationWorld,
  chatAfter,
  draftAfter,
  draftLines,
  foodtechWorld,
  hvacWorld,
  intralogisticsWorld,
  packagingWorld,
  sorted,
  watertreatWorld,
  weldingWorld,
  woodworkWorld,
} from "./helpers.ts";

const T = 60_000;

describe("an age word said as a noun is the buyer's own worn part, not a product's old version", () => {
  test("'contact tips, the old ones say M6 0.8, 20 pieces' is the M6 0.8 tip, not an old version", {
    timeout: T,
  }, async () => {
    const lines = await draftAfter(
      weldingWorld,
      "WD-4105",
      "for the blue arcwell we need contact tips, the old ones say M6 0.8, 20 pieces",
    );
    expect(lines).toEqual([["CT-24-08", 2, "M-4105-01"]]);
  });
  for (const text of [
    "servus, an da linie 3 haut uns da motorschutz dauernd naus, der alte is scho verbrannt. wos brauch i do fürn neien?",
    "an der Linie 3 fliegt der Motorschutz dauernd raus, der alte ist verbrannt. Was brauche ich da?",
    "line 3 motor protection keeps tripping, the old one is burnt. what do we need?",
  ])
    test(`'${text}' lists the motor protection switches`, { timeout: T }, async () => {
      const chat = await chatAfter(automationWorld, "A-3001", text);
      expect(chat.turns.at(-1)!.text).toMatch(/1\) MP-/u);
    });
  test("guard: 'in der alten Rezeptur' still names the product of the old recipe", { timeout: T }, async () => {
    const lines = await draftAfter(
      woodworkWorld,
      "WW-3101",
      "5 Sack Leim natur in der alten Rezeptur für die Kanten-Kathi",
    );
    expect(lines.map((l) => l[0])).toEqual(["LM-EVA-N-25-ALT"]);
  });
  test("guard: 'die alte Formatsäge' is still the machine of that label", { timeout: T }, async () => {
    const chat = await chatAfter(woodworkWorld, "WW-3101", "für die alte Formatsäge 2 Vorritzsägeblätter");
    const text = chat.turns.at(-1)!.text;
    expect(text).toMatch(/Alte Formatsäge/u);
    expect(text).toMatch(/1\) VR-/u);
  });
  test("guard: 'the old UV' and 'den alten Kemper' are still machines", { timeout: T }, async () => {
    expect(await draftAfter(watertreatWorld, "W-8102", "a new lamp for the old UV please")).toEqual([
      ["UV-LP40", 1, "M-8102-03"],
    ]);
    expect(
      (await draftAfter(foodtechWorld, "C-7101", "für den alten Kemper eine neue Knetkesseldichtung")).map((l) => l[0]),
    ).toEqual(["KD-SPK80"]);
  });
});

describe("an item said to be as usual is the line of the latest earlier order holding it, beside the other items", () => {
  for (const [world, customer, text, want] of [
    [
      hvacWorld,
      "H-2001",
      "Roof chiller: 2 filter driers DML 084 and the pressure switch as usual",
      ["1 PS-KP6W", "2 FD-DML-084"],
    ],
    [
      hvacWorld,
      "H-2001",
      "Roof chiller: 2 filter driers DML 084 and the pressure switch as always",
      ["1 PS-KP6W", "2 FD-DML-084"],
    ],
    [
      hvacWorld,
      "H-2001",
      "Roof chiller: 2 filter driers DML 084 and the pressure switch like before",
      ["1 PS-KP6W", "2 FD-DML-084"],
    ],
    [
      hvacWorld,
      "H-2001",
      "Roof chiller: 2 filter driers DML 084 plus the usual pressure switch",
      ["1 PS-KP6W", "2 FD-DML-084"],
    ],
    [
      packagingWorld,
      "PK-2101",
      "for the Etikettierer Ausgang need the drive roller and 2 boxes ribbon as usual",
      ["1 LB-DRV-50", "2 RB-WR-110-OUT"],
    ],
    // Guards: the German "wie immer", and a month's order beside an item as usual.
    [
      hvacWorld,
      "H-2001",
      "Roof chiller: 2 Filtertrockner DML 084 und den Druckschalter wie immer",
      ["1 PS-KP6W", "2 FD-DML-084"],
    ],
    [
      intralogisticsWorld,
      "L-8001",
      "for stacker 7 the black tyres like in august + filter as usual",
      ["2 TYR-SE-15x45-8-BK", "2 TYR-SE-18x7-8-BK", "4 FLT-HYD-EF"],
    ],
  ] as const)
    test(`"${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(sorted(draftLines(chat))).toEqual([...want].sort());
    });
  test("guard: 'delivery as usual' adds no line of an earlier order", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "Roof chiller: 2 filter driers DML 084, delivery as usual");
    expect(sorted(draftLines(chat))).toEqual(["2 FD-DML-084"]);
  });
});
