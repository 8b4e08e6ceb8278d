/**
 * Session 32 (helper S), welding and woodwork.
 * - The machine a message names once for a whole list ("for line 3 welder: 2 boxes contact tips 1.2 and 10 gas
 *   nozzles", "hello, for the blue arcwell we need … and 3 gas nozzles the conical ones") is what the list's other
 *   items are for: of the products of a kind the item's words find, the one that fits that machine is the item. Only
 *   the item that named the machine was read for it — the others kept the product the words found first (the nozzle of
 *   another torch series), though the line was then put on the machine.
 * - A Bavarian spelling of a word of the buyer's machine label ("de oide Formatsäg", "auf da oidn formatsäg" of the
 *   label "Alte Formatsäge") names that machine: "oi" for "al", a soft "d", a dropped "e" of "-en" — taken only towards
 *   the label's words, so "der oide is scho verbrannt" of a buyer with no old machine stays as it was (towards every
 *   known word it became an "alte" the search found inside "Endhalter"/"Leitungsschutzschalter").
 * Guards: the machine said after the list still works; a code only the product that does not fit carries still names
 * that product; "der oide is scho verbrannt" still lists the motor protection switches.
 */
import { describe, expect, test } from "vitest";
import {
  automationWorld,
  chatAfter,
  draftAfter,
  draftLines,
  weldingWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

const T = 120_000;

describe("a machine named once for a list: each item is read for it", () => {
  const cases: [() => World, string, string, (string | number)[][]][] = [
    [
      weldingWorld,
      "WD-4104",
      "for line 3 welder: 2 boxes contact tips 1.2 and 10 gas nozzles",
      [
        ["CT-501-12", 2, "M-4104-02"],
        ["GN-501-CON", 10, "M-4104-02"],
      ],
    ],
    [
      weldingWorld,
      "WD-4105",
      "for the blue arcwell: 2 boxes contact tips 0.8, 3 conical gas nozzles",
      [
        ["CT-24-08", 2, "M-4105-01"],
        ["GN-24-CON", 3, "M-4105-01"],
      ],
    ],
    [
      weldingWorld,
      "WD-4105",
      "hello, for the blue arcwell we need contact tips 0.8, 2 boxes. and 3 gas nozzles the conical ones",
      [
        ["CT-24-08", 2, "M-4105-01"],
        ["GN-24-CON", 3, "M-4105-01"],
      ],
    ],
    [
      weldingWorld,
      "WD-4104",
      "Line 3 welder needs 10 gas nozzles and 2 boxes contact tips 1.2",
      [
        ["GN-501-CON", 10, "M-4104-02"],
        ["CT-501-12", 2, "M-4104-02"],
      ],
    ],
  ];
  for (const [world, customer, text, want] of cases)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const lines = await draftAfter(world, customer, text);
      expect([...lines].sort()).toEqual([...want].sort());
    });

  test("guard: the machine said after the list", { timeout: T }, async () => {
    const lines = await draftAfter(
      weldingWorld,
      "WD-4104",
      "2 boxes contact tips 1.2 + 10 gas nozzles for line 3 welder",
    );
    expect(lines).toEqual([
      ["CT-501-12", 2, "M-4104-02"],
      ["GN-501-CON", 10, "M-4104-02"],
    ]);
  });
  test("guard: a code only the product that does not fit carries names that product", { timeout: T }, async () => {
    const lines = await draftAfter(
      weldingWorld,
      "WD-4104",
      "for line 3 welder: 2 boxes contact tips 1.2 and 10 GN-36-CON",
    );
    expect(lines.map((l) => l[0])).toContain("GN-36-CON");
  });
});

describe("a Bavarian spelling of a word of the buyer's machine label names that machine", () => {
  for (const text of [
    "Fia de oide Formatsäg im Bankraum bräucht i zwoa Vorritzer konisch",
    "griaß god, auf da oidn formatsäg im bankraum is da vorritzer stumpf. wos brauch i?",
  ])
    test(`WW-3101: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(woodworkWorld, "WW-3101", text);
      const said = `${chat.turns.at(-1)!.text} ${JSON.stringify(draftLines(chat))}`;
      expect(said).toMatch(/Alte Formatsäge|M-3101-01/u);
      expect(said).not.toMatch(/Neue Formatsäge/u);
    });
  test("guard: 'der oide is scho verbrannt' of a buyer with no old machine is no product word", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      automationWorld,
      "A-3001",
      "servus, an da linie 3 haut uns da motorschutz dauernd naus, der oide is scho verbrannt. wos brauch i do fürn neien?",
    );
    expect(chat.turns.at(-1)!.text).toMatch(/1\) MP-/u);
  });
});
