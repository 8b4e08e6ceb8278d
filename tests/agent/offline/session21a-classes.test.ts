/**
 * Session 21 (fix21a), German buyers, found in the visible German scenarios of base21 and by chatting in German
 * (Ruhr, Low German, Swabian, Bavarian) on the fluid-power, food-tech, agri-parts and water-treatment catalogs.
 *
 * 1. A German buyer's short dialect question turned the reply English: "is dat da oder dauert dat?", "is des no da?"
 *    ("is", "do", "a", "no" are English cue words, and the dialect's "dat", "des", "oder", "da" counted for nothing).
 *    Now the dialect's function words count as German, and in a German conversation English cue words that are all
 *    dialect words too count for neither side; an English word no dialect says ("is it in stock?") still turns the
 *    conversation English.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, fluidWorld, foodtechWorld, type World } from "./helpers.ts";

const T = 90_000;

async function lastReply(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  return { text: chat.turns.at(-1)!.text, lines: draftLines(chat) };
}

const ENGLISH_REPLY = /\b(?:Which|would you|I found|delivery|your order|shall I)\b/u;

describe("a German buyer's dialect question is answered in German", () => {
  const press =
    "tach, anne heißpresse in halle 2 schwitzt der hauptzylinder öl wie bekloppt. wat für nen dichtsatz brauch ich da?";
  const oven = "servus, für den ofen 1 in der backstube ulm brauch i an heizstab";
  const cases: [() => World, string, string[]][] = [
    [fluidWorld, "F-4001", [press, "is dat da oder dauert dat?"]],
    [fluidWorld, "F-4001", [press, "is des no da?"]],
    [foodtechWorld, "C-7101", [oven, "is des no do oder dauert des?"]],
    [foodtechWorld, "C-7101", [oven, "is der a lagernd oder dauert des?"]],
  ];
  for (const [world, customer, says] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastReply(world, customer, ...says);
      expect(r.text).not.toMatch(ENGLISH_REPLY);
      expect(r.text).toMatch(/\b(?:Welche[nrs]?|Lieferung|Bestellung|gefunden)\b/u);
    });

  test("guard: an English question in a German conversation is answered in English", { timeout: T }, async () => {
    const r = await lastReply(foodtechWorld, "C-7101", oven, "do you have it in stock?");
    expect(r.text).toMatch(/\bdelivery by\b/u);
  });
});
