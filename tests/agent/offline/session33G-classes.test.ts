/**
 * Session 33 (helper G): a stock or delivery question asked in the message that orders the items ("2 Schaugläser
 * SGN 12, sind die lagernd?", "3 filter driers DML 084 – when can you ship?", "… Do you have them on stock?") stopped
 * the items (the question alone was answered, "shall I add it?") or was ignored (the items added, nothing said about
 * their stock). The items are added AND the question answered from the engine's line report (in stock or not, its
 * promise date), in the buyer's language.
 * Guards: a question before any order ("is it in stock? I need 5"), a conditional ("if it's in stock …"), "just asking"
 * and a question that names its own product keep their readings.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, fluidWorld, hvacWorld, powertransWorld } from "./helpers.ts";

const T = 60_000;
const ANSWER =
  /(?:in stock|not (?:all|fully) in stock|vorrätig|nicht (?:alle|vollständig) vorrätig)[^\n]*(?:\d{4}-\d{2}-\d{2})/u;

describe("an order with a stock or delivery question about its items: added and answered", () => {
  for (const [world, customer, text, sku, qty] of [
    [hvacWorld, "H-2005", "3 filter driers DML 084 – when can you ship?", "FD-DML-084", 3],
    [hvacWorld, "H-2005", "2x FD-DML-084 for the chiller, are they in stock?", "FD-DML-084", 2],
    [powertransWorld, "T-7001", "4 Lager 6205 2RS für Band 3, habt ihr die lagernd?", "BRG-6205-2RS", 4],
    [fluidWorld, "F-4003", "3 seal kits SK-PC-50 for the case packer please, when can you ship?", "SK-PC-50", 3],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(draftLines(chat).map((l) => [l[0], l[1]])).toContainEqual([sku, qty]);
      const last = chat.turns.at(-1)!.text;
      expect(last).toMatch(ANSWER);
      expect(last).not.toMatch(/Shall I add it|Soll ich es in die Bestellung/u);
    });

  for (const [world, customer, text, machine, sku, qty] of [
    [hvacWorld, "H-2001", "2 Schaugläser SGN 12, sind die lagernd?", "Edeka freezer", "SG-SGN-12", 2],
    [
      fluidWorld,
      "F-4001",
      "2 Dichtsätze SK-CD-63-36-NBR, wie viele habt ihr auf Lager?",
      "Press 3",
      "SK-CD-63-36-NBR",
      2,
    ],
  ] as const)
    test(`${customer}: "${text}" (the machine asked with the answer)`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text, machine);
      expect(chat.turns.at(-2)!.text).toMatch(/\d{4}-\d{2}-\d{2}/u);
      expect(chat.turns.at(-2)!.text).toMatch(/Für welche Maschine/u);
      expect(draftLines(chat).map((l) => [l[0], l[1]])).toContainEqual([sku, qty]);
    });

  test("several items, then 'Do you have them on stock?': added and the question answered", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7005",
      "We need 4 bearings 6205 2RS and 2 UCP 205 for the case conveyor. Do you have them on stock?",
    );
    expect(draftLines(chat).map((l) => l[0])).toEqual(expect.arrayContaining(["BRG-6205-2RS", "UCP-205"]));
    expect(chat.turns.at(-1)!.text).toMatch(/To your question[^\n]*in stock/u);
  });
  test("German: items, then 'habt ihr das da?': answered in German", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "Bitte 2 Schaugläser SGN 12 und 2 Filtertrockner DML 084. Habt ihr das da?",
    );
    expect(draftLines(chat).map((l) => l[0])).toEqual(expect.arrayContaining(["SG-SGN-12", "FD-DML-084"]));
    expect(chat.turns.at(-1)!.text).toMatch(/Zu Ihrer Frage[^\n]*vorrätig/u);
  });
});

describe("guards: a question before any order is answered first", () => {
  for (const [world, customer, text] of [
    [hvacWorld, "H-2005", "Is the FD-DML-084 in stock? I need 5"],
    [hvacWorld, "H-2001", "Ist der SGN 12 lagernd? Nur gefragt, nicht bestellen."],
    [powertransWorld, "T-7005", "what does the UCP 205 cost, is it in stock?"],
    [hvacWorld, "H-2005", "if the FD-DML-084 is in stock, would 5 ship this week?"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(draftLines(chat)).toEqual([]);
    });
  test("guard: an order and a question about another product answers that product", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2005", "2 filter driers DML 084. And have you got the SGN 12 in stock?");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["FD-DML-084"]);
    expect(chat.turns.at(-1)!.text).toMatch(/SG-SGN-12/u);
  });
});
