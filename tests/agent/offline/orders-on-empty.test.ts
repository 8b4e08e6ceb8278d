/**
 * Two classes found on a German top-up order ("Für den Hubtisch im Versand brauchen wir 60 Liter Hydrauliköl zum
 * Nachfüllen, das HVLP 32."):
 * - a product named with a quantity, whose best reading acts on an order that is empty (a removal, a change), is
 *   ordered — nothing to remove from an empty order;
 * - the machine a part is for is, when its fitment lists none, the buyer's machine on which no blocking rule of the
 *   catalog rules it out (HVLP 32 oil on the one machine that runs on HVLP 32, R449A refrigerant on the R449A plant):
 *   one left is taken, several are what the question lists.
 * Fluid power (English, German) and HVAC.
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, fluidWorld, hvacWorld } from "./helpers.ts";

const fluid = fluidWorld();
const hvac = hvacWorld();

describe("a product with a quantity read as an edit of an empty order is ordered", () => {
  it("fluid: '… brauchen wir 40 Liter Hydrauliköl zum Nachfüllen, das HVLP 32.' adds 2 pails", async () => {
    const chat = new Chat(fluid, "F-4001");
    await chat.say("Für den Hubtisch im Versand brauchen wir 40 Liter Hydrauliköl zum Nachfüllen, das HVLP 32.");
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

describe("the one machine the catalog's rules leave is the machine", () => {
  for (const [w, customer, text, line] of [
    [fluid, "F-4001", "1 pail of HVLP 32", ["OIL-HVLP32-20", 1, "M-4001-04"]],
    [fluid, "F-4001", "2 Eimer HVLP 32 bitte", ["OIL-HVLP32-20", 2, "M-4001-04"]],
    [hvac, "H-2001", "1 bottle of R449A refrigerant", ["REF-R449A-10", 1, "M-2001-02"]],
  ] as const)
    it(`"${text}" goes on without the machine question`, async () => {
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      expect(turn.text).not.toMatch(/Which machine|Für welche Maschine/);
      expect(draftLines(chat)).toEqual([line]);
    });
});
