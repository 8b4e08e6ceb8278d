/**
 * Session 24 (lead), found by chatting with the product as a buyer who calls a machine what it is, not by its label.
 *
 * 1. "2 filter driers DML 083 for the cold room" (the buyer's machine is labelled "Huber cold room") asked which
 *    machine among the others; "for the freezer" ("Edeka freezer") listed every drier unchecked; "door gaskets for the
 *    cold room" put a cold-room controller on the order. The label's kind words without the name, adjective or number
 *    that tells one such machine from another — "the cold room", "die Kühltheke" of "Kühltheke Kruse", "den Enthärter"
 *    of "Enthärter Halle 2", "the flow wrapper" of "Line 2 flow wrapper", "den Kemper" of "der alte Kemper" — said as
 *    a definite thing (an article or a possessive before it) name that machine, unless a product word follows ("the
 *    cold room controller"). Said of two machines of one model ("die Formatsäge" with an old and a new one) they name
 *    both: the parts that fit that model are listed (before: a blade for the edge bander was put on the order).
 */
import { describe, expect, test } from "vitest";
import {
  foodtechWorld,
  hvacWorld,
  lastTurn,
  packagingWorld,
  watertreatWorld,
  weldingWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

const T = 90_000;
const ASKS_MACHINE = /which machine|welche Maschine/i;

describe("a machine named by its label's kind words", () => {
  // [world, customer, the request, the machine's label the answer is for, its id]
  const cases: [() => World, string, string, string, string][] = [
    [hvacWorld, "H-2001", "2 filter driers DML 083 for the cold room", "Huber cold room", "M-2001-01"],
    [hvacWorld, "H-2001", "I need 2 filter driers for the freezer", "Edeka freezer", "M-2001-02"],
    [hvacWorld, "H-2001", "door gaskets for the cold room", "Huber cold room", "M-2001-01"],
    [hvacWorld, "H-2003", "wir brauchen einen neuen Lüftermotor für die Kühltheke", "Kühltheke Kruse", "M-2003-03"],
    [watertreatWorld, "W-8104", "Harz für den Enthärter, was passt?", "Enthärter Halle 2", "M-8104-02"],
    [packagingWorld, "PK-2104", "sealing jaws for the flow wrapper please", "Line 2 flow wrapper", "M-2104-01"],
    [weldingWorld, "WD-4105", "contact tips for the arcwell, 1 pack", "Blue Arcwell", "M-4105-01"],
    [foodtechWorld, "C-7101", "Knethaken für den Kemper", "der alte Kemper", "M-7101-01"],
  ];
  for (const [world, customer, say, label, machineId] of cases)
    test(`${customer}: "${say}" is for ${label}`, { timeout: T }, async () => {
      const t = await lastTurn(world, customer, say);
      expect(t.text).toContain(label);
      expect(t.text).not.toMatch(ASKS_MACHINE);
      // Nothing for another machine, and nothing the machine's words alone found went on the order.
      for (const [, , on] of t.lines) expect(on).toBe(machineId);
    });

  test("two machines of one model called alike: the parts for that model are listed, none for another machine", {
    timeout: T,
  }, async () => {
    const t = await lastTurn(woodworkWorld, "WW-3101", "Sägeblatt für die Formatsäge, 2 Stück");
    expect(t.lines).toEqual([]);
    expect(t.text).toMatch(/Kreissägeblatt/);
  });

  test("guard: a product named with the machine's words is that product, for no machine", { timeout: T }, async () => {
    const t = await lastTurn(hvacWorld, "H-2001", "I need the cold room controller EKC 202");
    expect(t.lines).toEqual([["CTR-EKC202", 1, null]]);
  });

  test("guard: the kind words without an article name no machine", { timeout: T }, async () => {
    const t = await lastTurn(hvacWorld, "H-2001", "price of a cold room controller EKC 202?");
    expect(t.text).not.toContain("Huber cold room");
  });
});
