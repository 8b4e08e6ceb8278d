/**
 * Two classes found on a German top-up order ("Für den Hubtisch im Versand brauchen wir 60 Liter Hydrauliköl zum
 * Nachfüllen, das HVLP 32."):
 * - a product named with a quantity, whose best reading acts on an order that is empty (a removal, a change), is
 *   ordered — nothing to remove from an empty order;
 * - the machine question for a part without fitment lists the buyer's machines on which no blocking rule of the
 *   catalog rules it out (HVLP 32 oil: the one machine that runs on HVLP 32; R449A refrigerant: the R449A plant), and a
 *   count said with the answer in a unit of its own ("Ja, 3 Eimer") is in that unit.
 * Fluid power (English, German) and HVAC.
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, fluidWorld, hvacWorld } from "./helpers.ts";

const fluid = fluidWorld();
const hvac = hvacWorld();

describe("a product with a quantity read as an edit of an empty order is ordered", () => {
  it("fluid: '… brauchen wir 40 Liter Hydrauliköl zum Nachfüllen, das HVLP 32.' orders 2 pails", async () => {
    const chat = new Chat(fluid, "F-4001");
    const turn = await chat.say(
      "Für den Hubtisch im Versand brauchen wir 40 Liter Hydrauliköl zum Nachfüllen, das HVLP 32.",
    );
    expect(turn.text).not.toMatch(/Bestellung ist (noch )?leer/);
    await chat.say("ja");
    expect(draftLines(chat)).toEqual([["OIL-HVLP32-20", 2, "M-4001-04"]]);
  });

  for (const [text, listed] of [
    ["swap out the worn seals, need 2 seal kits for the 63/36 cylinder on press 3", /SK-CD-63-36-NBR/],
    ["replace the worn return filter on Big Bertha, 2 filter elements RF 330 10 µm", /FE-RF-330-10/],
  ] as const)
    it(`fluid: "${text}" offers the product, not "your order is empty"`, async () => {
      const chat = new Chat(fluid, "F-4001");
      const turn = await chat.say(text);
      expect(turn.text).not.toMatch(/order is empty|Bestellung ist (noch )?leer/i);
      expect(turn.text).toMatch(listed);
    });
});

describe("the machine question lists the machines the catalog's rules leave", () => {
  for (const [w, customer, text, answer, line] of [
    [fluid, "F-4001", "1 pail of HVLP 32", "yes", ["OIL-HVLP32-20", 1, "M-4001-04"]],
    [fluid, "F-4001", "60 Liter HVLP 32 bitte", "Ja, 3 Eimer.", ["OIL-HVLP32-20", 3, "M-4001-04"]],
    [hvac, "H-2001", "1 bottle of R449A refrigerant", "yes", ["REF-R449A-10", 1, "M-2001-02"]],
  ] as const)
    it(`"${text}" asks with the one machine left, "${answer}" takes it`, async () => {
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      expect(turn.text).toMatch(/Which machine|Für welche Maschine/);
      expect(turn.text).toMatch(/^1\) /m);
      expect(turn.text).not.toMatch(/^2\) /m);
      await chat.say(answer);
      expect(draftLines(chat)).toEqual([line]);
    });
});
