/**
 * Session 29 (lead): "what did we order last time?", "show me our last orders", "was haben wir im März bestellt?" put
 * the earlier order on the draft again — a question about earlier orders was read as a reorder. Asked, with no word of
 * doing it again and no count, it is answered with the orders (the month named, else the latest) and nothing is added.
 * Guards: "same as last time please", "bitte nochmal … wie im März" and "the same again please" after the answer still
 * order it again.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, demoWorld, draftLines, hvacWorld, weldingWorld } from "./helpers.ts";

const T = 60_000;

describe("a question about earlier orders shows them and adds nothing", () => {
  for (const [world, customer, text, shown] of [
    [() => demoWorld(), "C-1001", "what did we order last time?", /SO-2026-02291/u],
    [() => demoWorld(), "C-1001", "show me our last orders", /SO-2026-02291/u],
    [hvacWorld, "H-2001", "what did we order in the last months?", /SO-H-2026-0144/u],
    [weldingWorld, "WD-4101", "was haben wir im März bestellt?", /AB-26-0312/u],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      const last = chat.turns.at(-1)!;
      expect(last.text).toMatch(shown);
      expect(last.text).toMatch(/earlier orders|früheren Bestellungen/u);
      expect(draftLines(chat)).toEqual([]);
    });
  test("a month with no order says so", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "welche Bestellungen hatten wir im Oktober?");
    expect(chat.turns.at(-1)!.text).toMatch(/keine Bestellung/u);
    expect(draftLines(chat)).toEqual([]);
  });
  test("guard: the answer, then 'the same again please', orders it again", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "what did we order last time?", "the same again please");
    expect(draftLines(chat).map((l) => l[0])).toContain("SE-MS24-CC-EPDM");
  });
  test("guard: 'same as last time please' orders it again", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "same as last time please");
    expect(draftLines(chat).length).toBeGreaterThan(0);
  });
  test("guard: 'bitte nochmal die Verschleißteile wie im März' orders it again", { timeout: T }, async () => {
    const chat = await chatAfter(weldingWorld, "WD-4101", "bitte nochmal die Verschleißteile wie im März");
    expect(draftLines(chat).length).toBeGreaterThan(0);
  });
});
