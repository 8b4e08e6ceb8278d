/**
 * Session 20 (fix20a): buyers who start from a SYMPTOM or a JOB, not a part name — found by chatting as such a buyer on
 * the automation, HVAC, power-transmission, packaging, agricultural, woodworking and printing catalogs.
 *
 * 1. Heavy dialect ("servus, an da linie 3 haut uns da motorschutz dauernd naus … wos brauch i do fürn neien?") was
 *    answered in English: its "i", "is", "do", "a", "an" are English cue words, and Bavarian says them too. With German
 *    cues beside them and no other English word, the message is German.
 * 2. A follow-up that only names the machine in a compound ("de verpackungslinie 3 in hoi 2, rosenheim" for the machine
 *    "Line 3", "am Förderband 3" for "Band 3") searched the catalog and listed unrelated products: a label of a word and
 *    its number is also said as the head of a compound before that number.
 * 3. "is der lagernd? wos kosten zwoa?", "is it in stock?" (asked of ONE) to a list for a machine where exactly one
 *    listed item fits priced every listed item: the question is about the one that fits, in the count asked.
 * 5. After such a list of ONE ("kreischt dr verflüssigerlüfter … welcher motor isch do drin?" lists the one motor that
 *    fits), "was koscht dr EC gegenüber dem normale? und isch der normale am lager" searched the catalog and listed
 *    solenoid valves: a price or stock question to a list of one is about that one, as to an offer of it.
 * 6. "ofen 1 in dr backstub ulm, nummer EO480-3312" to a list of heating elements found without a machine listed a lamp
 *    glass: the same search for that machine found other products by chance words — the listed products, checked
 *    against the machine, are the answer then.
 * 4. A symptom sentence ("the contactor … keeps failing. which one do we need?", "the condenser fan … screeches", "der
 *    Lüfter … quietscht") answered one product's stock or put a part on the order: a part reported broken, with no
 *    count and no price or stock asked, is shown with what fits its machine — never an order line.
 */
import { describe, expect, test } from "vitest";
import {
  automationWorld,
  chatAfter,
  foodtechWorld,
  draftLines,
  hvacWorld,
  packagingWorld,
  powertransWorld,
  printingWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

const T = 90_000;

async function lastReply(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  return { text: chat.turns.at(-1)!.text, lines: draftLines(chat) };
}

const ENGLISH_REPLY = /\b(?:I found|Which one would you like|Added|Your price)\b/u;

describe("a dialect message whose English-looking words are the dialect's is answered in German", () => {
  const cases: [() => World, string, string][] = [
    [
      automationWorld,
      "A-3001",
      "servus, an da linie 3 haut uns da motorschutz dauernd naus, der oide is scho verbrannt. wos brauch i do fürn neien?",
    ],
    [
      printingWorld,
      "PR-4101",
      "servus, auf da kloana is uns a bogn um an gummituch gwicklt, jetz druckts fleckig. wos für tücher brauch i do?",
    ],
    [hvacWorld, "H-2001", "servus, bei da huber kühlzelle is a lüfter hi, der quietscht. wos brauch i do?"],
  ];
  for (const [world, customer, say] of cases)
    test(say, { timeout: T }, async () => {
      const r = await lastReply(world, customer, say);
      expect(r.text).not.toMatch(ENGLISH_REPLY);
      expect(r.text).toMatch(/gefunden|Welche|möchten/u);
    });
  // Guard: an English message with those words stays English.
  test("guard: is it in stock? do you have a contactor for the huber cold room", { timeout: T }, async () => {
    const r = await lastReply(hvacWorld, "H-2001", "do you have a contactor for the huber cold room? is it in stock?");
    expect(r.text).not.toMatch(/gefunden|Welchen|Lieferung bis/u);
  });
});

describe("a machine named as the head of a compound before its number is that machine", () => {
  const cases: [() => World, string, string[], string, string][] = [
    [
      automationWorld,
      "A-3001",
      [
        "servus, an da linie 3 haut uns da motorschutz dauernd naus, der oide is scho verbrannt. wos brauch i do fürn neien?",
        "de verpackungslinie 3 in hoi 2, rosenheim",
      ],
      "MP-6.3-10",
      "SN-IND",
    ],
    [
      automationWorld,
      "A-3001",
      ["motorschutzschalter fliegt dauernd raus, welcher passt?", "die Verpackungslinie 3"],
      "MP-6.3-10",
      "SN-IND",
    ],
    [powertransWorld, "T-7001", ["der Keilriemen am Förderband 3 rutscht, welchen brauch ich?"], "Band 3", "Band 4"],
  ];
  for (const [world, customer, says, want, not] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.text).toContain(want);
      expect(r.text).not.toContain(not);
      expect(r.lines).toEqual([]);
    });
});

describe("a question asked of one, to a list where exactly one item fits, is about that one", () => {
  const cases: [() => World, string, string[], string, string, number][] = [
    [
      automationWorld,
      "A-3001",
      [
        "the motor protection breaker on line 3 keeps tripping. which one do we need?",
        "is it in stock? and the price?",
      ],
      "MP-6.3-10",
      "MP-9-14",
      1,
    ],
    [
      automationWorld,
      "A-3001",
      [
        "servus, an da linie 3 haut uns da motorschutz dauernd naus, der oide is scho verbrannt. wos brauch i do fürn neien?",
        "is der lagernd? wos kosten zwoa?",
      ],
      "MP-6.3-10",
      "MP-9-14",
      2,
    ],
    [
      automationWorld,
      "A-3001",
      ["welcher Motorschutzschalter passt für Linie 3?", "ist der lagernd?"],
      "MP-6.3-10",
      "MP-13-18",
      0,
    ],
  ];
  for (const [world, customer, says, sku, not, count] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.text).toContain(sku);
      expect(r.text).not.toContain(not);
      if (count) expect(r.text).toContain(`${count} × ${sku}`);
      expect(r.lines).toEqual([]);
    });
  // Guard: asked of them all ("die", "they"), every listed item is answered.
  test("guard: sind die lagernd?", { timeout: T }, async () => {
    const r = await lastReply(
      automationWorld,
      "A-3001",
      "welcher Motorschutzschalter passt für Linie 3?",
      "sind die lagernd?",
    );
    expect(r.text).toContain("MP-6.3-10");
    expect(r.text).toContain("MP-9-14");
  });
});

describe("a part reported broken is shown with what fits its machine, never put on the order", () => {
  const cases: [() => World, string, string, string, string | undefined][] = [
    [
      hvacWorld,
      "H-2001",
      "the contactor on the huber cold room keeps failing. which one do we need?",
      "CT-CI9-230",
      "KIT-CR220-SVC",
    ],
    [hvacWorld, "H-2001", "the condenser fan on the huber cold room screeches", "FM-AX350-230", undefined],
    [hvacWorld, "H-2001", "der Lüfter am Huber Kühlraum quietscht, was brauch ich da?", "FM-AX350-230", undefined],
    [hvacWorld, "H-2001", "das Schütz an der Huber Kühlzelle fällt dauernd aus", "CT-CI9-230", undefined],
    [powertransWorld, "T-7001", "the bearing on band 3 is noisy and keeps running hot", "BRG-", undefined],
    [woodworkWorld, "WW-3102", "the knives on the vierseiter are blunt", "WM-230-12-HM", undefined],
    [packagingWorld, "PK-2101", "am Schlauchbeutler 1 ist die Heizpatrone durchgebrannt", "HC-12-160-400", undefined],
  ];
  for (const [world, customer, say, sku, not] of cases)
    test(say, { timeout: T }, async () => {
      const r = await lastReply(world, customer, say);
      expect(r.lines).toEqual([]);
      expect(r.text).toContain(sku);
      // A list of what fits, not one product's stock or an offer to add it.
      expect(r.text).toMatch(/✓/u);
      if (not) expect(r.text).not.toMatch(new RegExp(`^\\s*\\d\\) ${not}.*✓`, "mu"));
    });
});

describe("a count with a spare named takes the one that fits", () => {
  const cases: [() => World, string, string[], string, number][] = [
    [
      automationWorld,
      "A-3001",
      [
        "servus, an da linie 3 haut uns da motorschutz dauernd naus, der oide is scho verbrannt. wos brauch i do fürn neien?",
        "passt, dann nimm i zwoa, oan auf reserve",
      ],
      "MP-6.3-10",
      2,
    ],
    // Guard: English already did.
    [
      automationWorld,
      "A-3001",
      [
        "the motor protection breaker on line 3 keeps tripping. which one do we need?",
        "ok we'll take two, one as a spare",
      ],
      "MP-6.3-10",
      2,
    ],
  ];
  for (const [world, customer, says, sku, n] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.lines.map((l) => [l[0], l[1]])).toEqual([[sku, n]]);
    });
});

describe("a price or stock question to a list of one is about that one", () => {
  const cases: [() => World, string, string[], string, string][] = [
    [
      hvacWorld,
      "H-2001",
      [
        "grüß gott, bei dr edeka TK in vaihingen kreischt dr verflüssigerlüfter, lager sind hin. welcher motor isch do drin?",
        "was koscht dr EC gegenüber dem normale? und isch der normale am lager",
      ],
      "FM-AX450-400",
      "SV-EVR",
    ],
    [
      hvacWorld,
      "H-2001",
      [
        "the condenser fan on the edeka freezer screeches, which motor is in there?",
        "what does it cost? and is it in stock?",
      ],
      "FM-AX450-400",
      "SV-EVR",
    ],
  ];
  for (const [world, customer, says, sku, not] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.text).toContain(sku);
      expect(r.text).not.toContain(not);
      expect(r.text).toMatch(/EUR/u);
      expect(r.lines).toEqual([]);
    });
});

describe("a machine named to a list found without one checks the listed products against it", () => {
  const cases: [() => World, string, string[], string, string][] = [
    [
      foodtechWorld,
      "C-7101",
      [
        "servus, beim ofa 1 kommt onda koi hitz meh, i moin dr heizstab isch hee. welchen brauch i do?",
        "ofen 1 in dr backstub ulm, nummer EO480-3312",
      ],
      "HE-EO480-A",
      "OL-GLAS",
    ],
    [
      foodtechWorld,
      "C-7101",
      ["the heater in oven 1 is gone, no heat from below any more. which heating element?", "ofen 1, backstube ulm"],
      "HE-EO480-A",
      "OL-GLAS",
    ],
  ];
  for (const [world, customer, says, sku, not] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.text).toMatch(new RegExp(`\\d\\) ${sku}.*✓`, "u"));
      expect(r.text).not.toContain(not);
      expect(r.lines).toEqual([]);
    });
});
