/**
 * A buyer who says with the request that the part is for no machine ("not for a machine, just for stores", "fürs
 * Lager", "als Reserve") is not asked which machine it is for: the line goes on without one (the engine checks what it
 * can). Power transmission and automation, English and German.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, powertransWorld } from "./helpers.ts";

const automation = automationWorld();
const powertrans = powertransWorld();

describe("no machine, said with the request", () => {
  for (const [w, customer, text, line] of [
    [
      powertrans,
      "T-7005",
      "5.5 m AT10 timing belt 32 mm open length, no machine, it's for the stores",
      ["TB-AT10-32-M", 5.5, null],
    ],
    [automation, "A-3001", "3 contactors CT-18-230AC, not for any machine, for stock", ["CT-18-230AC", 3, null]],
    [automation, "A-3001", "3 Schütze CT-18-230AC, für keine Maschine, nur als Reserve", ["CT-18-230AC", 3, null]],
    [powertrans, "T-7001", "2 Getriebemotoren GM-H50-110-I20 fürs Lager", ["GM-H50-110-I20", 2, null]],
  ] as const)
    it(`"${text}" adds the line without asking for the machine`, async () => {
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      expect(turn.text).not.toMatch(/Which machine|Für welche Maschine/);
      expect(draftLines(chat)).toEqual([line]);
    });

  it("without such words the machine is still asked", async () => {
    const chat = new Chat(automation, "A-3001");
    const turn = await chat.say("3 contactors CT-18-230AC, in stock?");
    expect(draftLines(chat)).toEqual([]);
    void turn;
  });
});
