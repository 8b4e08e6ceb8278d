/**
 * Session 34 (helper C): four classes found by fresh buyers, each in more than one catalog and language.
 * 1. "zwei Kübel UTTO wie letztes Mal" where the last order was HEES oil in the same pail: a word of the kind asked for
 *    (UTTO) that the earlier product lacks makes it no reorder — the earlier product is not put on silently.
 * 2. "die günstigere" of a list holding a product made to measure: its base price is no price to compare — the others
 *    are compared.
 * 3. "ok, confirm" while the list of an item the buyer asked to add is still open: the order goes as it is (as the
 *    buyer asked), and the reply says which item is not on it — never dropped silently.
 * 4. "ok great, please add them" / "super, bitte hinzufügen" right after the items were added: an acknowledgement —
 *    the confirmation stays offered (an open list is asked again, with placing without it offered), nothing withdrawn.
 * Guards: a reorder of the product the history holds, a pick from the list by value, the order placed as it is.
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, chatAfter, demoWorld, draftLines, foodtechWorld, watertreatWorld } from "./helpers.ts";

const T = 60_000;

describe("a reorder keeps the kind of product the buyer states", () => {
  for (const text of ["zwei Kübel UTTO wie letztes mal", "2 pails of UTTO oil, same as last time"])
    test(`A-9002 (last order HEES): "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(agripartsWorld, "A-9002", text);
      expect(draftLines(chat).map((l) => l[0])).not.toContain("OIL-HEES46-20L");
      expect(chat.turns.at(-1)!.text).toMatch(/OIL-UTTO-20L/u);
    });
  test("guard: 'zwei Kübel HEES wie letztes mal' orders the HEES oil again", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9002", "zwei Kübel HEES wie letztes mal");
    expect(draftLines(chat)).toEqual([["OIL-HEES46-20L", 2, "M-9002-02"]]);
  });
  test("guard: 'same as last time please' orders the last order again", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "same as last time please");
    expect(draftLines(chat).length).toBeGreaterThan(0);
  });
});

describe("a pick by price compares only products with a real price", () => {
  test('foodtech C-7101: "die günstigere bitte" of belts (one made to measure)', { timeout: T }, async () => {
    const chat = await chatAfter(
      foodtechWorld,
      "C-7101",
      "ein Transportband für Band Packerei",
      "die günstigere bitte",
    );
    expect(draftLines(chat).map((l) => l[0])).toEqual(["TB-PU-400-3000"]);
  });
  test('foodtech C-7106 (en): "the cheaper one" of belts for Conveyor 3', { timeout: T }, async () => {
    const chat = await chatAfter(foodtechWorld, "C-7106", "a conveyor belt for Conveyor 3", "the cheaper one");
    expect(draftLines(chat).map((l) => l[0])).not.toContain("BAND-KONF");
  });
});

describe("a bare confirmation says which item of the message is not on the order", () => {
  test('agriparts A-9004: "ok, confirm" with the drive shaft still open', { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9004",
      "need 20 pick-up tines for Big Red and a drive shaft",
      "ok, confirm",
    );
    expect(chat.turns.at(-1)!.text).toMatch(/Not on the order: "a drive shaft"/u);
    expect(draftLines(chat)).toEqual([["PUT-RB155-B", 20, "M-9004-01"]]);
    // (The order as it is is still offered for confirmation.)
    await chat.confirm();
  });
  test('watertreat W-8101: "passt, bestätigen" with the filter cartridges still open', { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8101",
      "2 UV-AM145-A für UV Hochbehälter und 3 Filterkerzen für Vorfilter Brunnen 3",
      "passt, bestätigen",
    );
    expect(chat.turns.at(-1)!.text).toMatch(/Nicht auf der Bestellung: „3 Filterkerzen/u);
    await chat.confirm();
  });
  test("guard: a pick by value right after the list is no confirmation", { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8102",
      "we need 2 UV lamps for UV 2 and 4 filter bags for Bag filter 1",
      "the 25 one",
    );
    expect(draftLines(chat).map((l) => l[0])).toContain("FB-PP25-S2");
  });
  test("guard: an order placed with nothing open says nothing is left out", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "2 SE-MS24-CC-EPDM for Pump 1", "ok, confirm");
    expect(chat.turns.at(-1)!.text).not.toMatch(/Not on the order/u);
  });
});

describe("an acknowledgement of items just added keeps the confirmation offered", () => {
  for (const [world, customer, first, ack] of [
    [() => demoWorld(), "C-1001", "2 SE-MS24-CC-EPDM for Pump 1", "ok great, please add them"],
    [agripartsWorld, "A-9004", "20 PUT-RB155-B for Big Red", "perfect, thanks, add them"],
    [watertreatWorld, "W-8101", "2 Stück UV-AM145-A für UV Hochbehälter", "super, bitte hinzufügen"],
  ] as const)
    test(`${customer}: "${ack}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, first, ack);
      expect(chat.turns.at(-1)!.text).not.toMatch(/welcome|Gern geschehen/u);
      expect(draftLines(chat).length).toBe(1);
      // (The confirmation is still asked: confirming does not fail with "nothing to confirm".)
      await chat.confirm();
    });
  test("with a list of another item open, the list is asked again", { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8102",
      "we need 2 UV lamps for UV 2 and 4 filter bags for Bag filter 1",
      "ok great, please add them",
    );
    expect(chat.turns.at(-1)!.text).toMatch(/FB-PP25-S2/u);
  });
  test("with a list open, asked again, a yes places the order without it", { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8102",
      "we need 2 UV lamps for UV 2 and 4 filter bags for Bag filter 1",
      "ok great, please add them",
      "yes",
    );
    expect(draftLines(chat)).toEqual([["UV-AM145-B", 2, "M-8102-02"]]);
    await chat.confirm();
  });
  test("guard: 'thanks' alone still answers politely", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "thanks");
    expect(chat.turns.at(-1)!.text).toMatch(/welcome/u);
  });
});
