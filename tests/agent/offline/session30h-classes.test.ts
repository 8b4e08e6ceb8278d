/**
 * Session 30 (lead): a question about earlier orders asked politely ("can you show me what we ordered in march?",
 * "could you list what we ordered in april?", "Können Sie mir zeigen, was wir im April bestellt haben?") put that
 * month's order on the draft again: the opener "can you …" was no word of asking, and a question of what was ordered in
 * a month named was read as the current order's contents. It is answered with the orders and adds nothing.
 * Guards: "same as in april please", "bitte das gleiche wie im April bestellt" still order it again.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, demoWorld, draftLines, weldingWorld } from "./helpers.ts";

const T = 60_000;

describe("a polite question about earlier orders shows them and adds nothing", () => {
  for (const [world, customer, text] of [
    [() => demoWorld(), "C-1001", "can you show me what we ordered in march?"],
    [() => demoWorld(), "C-1001", "could you list what we ordered in april?"],
    [() => demoWorld(), "C-1001", "Können Sie mir zeigen, was wir im April bestellt haben?"],
    [weldingWorld, "WD-4101", "kannst du mir bitte zeigen was wir im März bestellt haben?"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(chat.turns.at(-1)!.text).toMatch(/earlier orders|früheren Bestellungen/u);
      expect(draftLines(chat)).toEqual([]);
    });
  for (const text of ["same as in april please", "bitte das gleiche wie im April bestellt"])
    test(`guard: "${text}" orders it again`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1001", text);
      expect(draftLines(chat).length).toBeGreaterThan(0);
    });
});
