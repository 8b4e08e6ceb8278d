/**
 * Session 34 (helper F): "2 SE-MS24-CC-EPDM for Pump 1", then "what mechanical seals do you have for Pump 2?" moved
 * the line to Pump 2 — a question of what there is (or what fits) for another machine, a kind of product named, was
 * read as "put it on that machine". It is a look at the catalog for that machine: listed, the line stays where it is.
 * Guards: "sorry, I meant pump 2", "put it on the Edeka freezer instead", "nein, für die Edeka-Truhe" still move it.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, demoWorld, draftLines, hvacWorld } from "./helpers.ts";

const T = 60_000;

describe("a question of what there is for another machine lists, the line stays", () => {
  for (const [world, customer, first, text] of [
    [() => demoWorld(), "C-1001", "2 SE-MS24-CC-EPDM for Pump 1", "what mechanical seals do you have for Pump 2?"],
    [() => demoWorld(), "C-1001", "2 SE-MS24-CC-EPDM for Pump 1", "which seals would fit pump 2?"],
    [() => demoWorld(), "C-1001", "2 SE-MS24-CC-EPDM for Pump 1", "have you got seals for pump 2 as well?"],
    [() => demoWorld(), "C-1001", "2 SE-MS24-CC-EPDM für Pumpe 1", "welche Gleitringdichtungen habt ihr für Pumpe 2?"],
    [() => demoWorld(), "C-1001", "2 SE-MS24-CC-EPDM für Pumpe 1", "gibt es auch eine Dichtung für Pumpe 2?"],
    [hvacWorld, "H-2001", "2 DML 083 flare for the Huber cold room", "what filter driers fit the Edeka freezer?"],
    [hvacWorld, "H-2001", "2 DML 083 flare for the Huber cold room", "do you have driers for the roof chiller?"],
    [
      hvacWorld,
      "H-2001",
      "2 DML 083 Bördel für den Huber cold room",
      "welche Filtertrockner passen zum Edeka freezer?",
    ],
    [hvacWorld, "H-2001", "2 DML 083 Bördel für den Huber cold room", "habt ihr Trockner für den Roof chiller?"],
  ] as const)
    test(`${customer}: "${first}" then "${text}"`, { timeout: T }, async () => {
      const before = draftLines(await chatAfter(world, customer, first));
      expect(before.length).toBe(1);
      const chat = await chatAfter(world, customer, first, text);
      expect(draftLines(chat)).toEqual(before);
      expect(chat.turns.at(-1)!.text).not.toMatch(/Updated|Geändert|Aktualisiert/u);
    });
});

describe("guards: a correction of the machine still moves the line", () => {
  for (const [world, customer, first, text] of [
    [() => demoWorld(), "C-1001", "2 SE-MS24-CC-EPDM for Pump 1", "sorry, I meant pump 2"],
    [hvacWorld, "H-2001", "2 DML 083 flare for the Huber cold room", "put it on the Edeka freezer instead"],
    [hvacWorld, "H-2001", "2 DML 083 Bördel für den Huber cold room", "nein, für den Edeka freezer"],
  ] as const)
    test(`${customer}: "${first}" then "${text}"`, { timeout: T }, async () => {
      const before = draftLines(await chatAfter(world, customer, first));
      const chat = await chatAfter(world, customer, first, text);
      const after = draftLines(chat);
      expect(after.length).toBe(1);
      expect(after[0]![2]).not.toBe(before[0]![2]);
    });
});

describe('"je 2 und …": the word after the count keeps its space, the item after it is not lost', () => {
  for (const [world, customer, text] of [
    [hvacWorld, "H-2001", "Filtertrockner DML 083 und DML 084 für die Kühlzelle je 2 und einen Fluxkompensator XR"],
    [() => demoWorld(), "C-1001", "SE-MS24-CC-EPDM und SE-CG-NCP32 für die Brauerei je 2 und einen Fluxkompensator XR"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      const reply = chat.turns.at(-1)!.text;
      expect(reply).toMatch(/Fluxkompensator/u);
      expect(reply).not.toMatch(/\p{Ll}und /u);
      expect(draftLines(chat).length).toBe(2);
    });
});
