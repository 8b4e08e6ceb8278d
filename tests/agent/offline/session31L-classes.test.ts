/**
 * Session 31 (lead): items of a message that were read and then lost, and a machine that decides among products its
 * words find alike.
 * - Several products of one kind answer the words alike ("10 gasdüsen konisch für halle 1 platz 2" finds the conical
 *   nozzles of four torch series; "2 Vorritzer konisch für die alte Formatsäge" two conical scoring blades): the one
 *   of them that fits the machine is the item — a list was shown, and in a message with more items the item was
 *   dropped without a word. A value said (a wire size) that the fitting one does not carry leaves the list.
 * - Where the words found one product confidently that does not fit, and several of its kind fit alike ("3 gas nozzles
 *   for the blue arcwell" added the nozzle of another torch series): the ones that fit are listed to choose from.
 * - An item named with the definite article and the machine after it ("… and the service set for Kantix") was read
 *   and dropped in a list — its last word was the machine's name, not the product's.
 * - "the rubber tyre … is cracked, need one new": the count after the need was read as a pronoun ("the new one").
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, hvacWorld, sorted, weldingWorld, woodworkWorld } from "./helpers.ts";

const T = 60_000;

describe("an item of a list whose words find several alike: the one that fits the machine", () => {
  for (const [world, customer, text, lines] of [
    [
      weldingWorld,
      "WD-4101",
      "2 kartons stromdüsen 1,2 für halle 1 platz 2 und 10 gasdüsen konisch",
      [
        ["CT-36-12", 2, "M-4101-01"],
        ["GN-36-CON", 10, "M-4101-01"],
      ],
    ],
    [
      woodworkWorld,
      "WW-3101",
      "2 Hauptsägeblätter 300er Z96 und 2 Vorritzer konisch für die alte Formatsäge",
      [
        ["KS-300-30-96FT", 2, "M-3101-01"],
        ["VR-120-20-24K", 2, "M-3101-01"],
      ],
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(sorted(draftLines(chat))).toEqual(sorted(lines.map((l) => [...l])));
    });

  test("alone, the words still list what they find (the buyer picks)", { timeout: T }, async () => {
    const chat = await chatAfter(weldingWorld, "WD-4101", "10 gasdüsen konisch für halle 1 platz 2");
    expect(draftLines(chat)).toEqual([]);
    expect(chat.turns.at(-1)!.text).toMatch(/1\) GN-36-CON/u);
  });

  test("an item of a list beside a pick is not dropped", { timeout: T }, async () => {
    const chat = await chatAfter(
      weldingWorld,
      "WD-4101",
      "welche stromdüsen passen für halle 1 platz 2? wir fahren 1,2er draht",
      "dann 2 kartons stromdüsen 1,2 und 10 gasdüsen konisch",
    );
    expect(draftLines(chat)).toEqual([
      ["CT-36-12", 2, "M-4101-01"],
      ["GN-36-CON", 10, "M-4101-01"],
    ]);
  });

  test("guard: a kind word a set's name carries for what it is for does not make the set the item", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      woodworkWorld,
      "WW-3101",
      "servus, bräucht nomal de blattl und vorritzer wie im oktober für de alte formatsäg",
    );
    const skus = draftLines(chat).map((l) => l[0]);
    expect(skus).toContain("VR-120-20-24K");
    expect(skus).not.toContain("DR-20-SET");
  });

  test("guard: a size said that the fitting one does not have leaves the choice to the buyer", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      weldingWorld,
      "WD-4101",
      "10 gasdüsen konisch für halle 1 platz 2 und 2 kartons stromdüsen 1,0",
    );
    expect(draftLines(chat).map((l) => l[0])).not.toContain("CT-36-12");
  });

  test("guard: an everyday word that resembles a product word picks nothing", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "grüß gott, bei dr edeka TK in vaihingen kreischt dr verflüssigerlüfter wie bleed, lager sind hin. welcher motor isch do drin?",
      "was koscht dr EC gegenüber dem normale? und isch der normale am lager",
      "dann nehm mr den normale, 1 stück",
    );
    expect(draftLines(chat)).toEqual([["FM-AX450-400", 1, "M-2001-02"]]);
  });

  test("a confident product that does not fit, where two of its kind fit alike: those are listed", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(weldingWorld, "WD-4105", "3 gas nozzles for the blue arcwell");
    expect(draftLines(chat)).toEqual([]);
    const reply = chat.turns.at(-1)!.text;
    expect(reply).toMatch(/1\) GN-24-(?:CON|CYL)/u);
    expect(reply).toMatch(/2\) GN-24-(?:CON|CYL)/u);
    const picked = await chatAfter(weldingWorld, "WD-4105", "3 gas nozzles for the blue arcwell", "the conical ones");
    expect(draftLines(picked)).toEqual([["GN-24-CON", 3, "M-4105-01"]]);
  });
});

describe("an item named with the definite article and its machine after it", () => {
  for (const text of [
    "2 sanding belts grit 150 for the sander and the service set for Kantix",
    "2 Schleifbänder Korn 150 für den Sander und das Wartungsset für die Kantix",
  ])
    test(text, { timeout: T }, async () => {
      const chat = await chatAfter(woodworkWorld, "WW-3106", text);
      expect(draftLines(chat)).toEqual([
        ["SBB-1350-2620-K150", 2, "M-3106-05"],
        ["SET-KA560-SERVICE", 1, "M-3106-02"],
      ]);
    });
});

describe("a count said after the need of a thing named before", () => {
  for (const [world, customer, text, sku] of [
    [woodworkWorld, "WW-3105", "the rubber tyre on the band saw is cracked, need one new", "BD-800"],
    [woodworkWorld, "WW-3105", "die Bandage an der Bandsäge ist gerissen, brauche eine neue", "BD-800"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(draftLines(chat)).toContainEqual([sku, 1, expect.any(String)]);
    });

  test("in a list: the item after two others", { timeout: T }, async () => {
    const chat = await chatAfter(
      woodworkWorld,
      "WW-3105",
      "For the band saw we need 3 blades 20 mm and 2 narrow ones 10 mm. Also the rubber tyre on upper wheel is cracked, need one new.",
    );
    expect(draftLines(chat).map((l) => l[0])).toEqual(["SB-5950-20-6", "SB-5950-10-6", "BD-800"]);
  });

  test("guard: which one is the new one? counts nothing", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "which filter drier is the new one for the Edeka freezer?");
    expect(draftLines(chat)).toEqual([]);
  });
});
