/**
 * A buyer who answers "shall I place the order?" / "Please confirm the order." in words of their own that echo the
 * question ("ok please do order", "yes do the order") means yes — also after the confirmation was shown and they
 * typed instead of pressing the button. Several catalogs, both languages.
 */
import { describe, expect, it } from "vitest";
import { Chat, demoWorld, fluidWorld, hvacWorld } from "./helpers.ts";

const demo = demoWorld();
const fluid = fluidWorld();
const hvac = hvacWorld();

describe("an answer that echoes the confirmation question places the order", () => {
  for (const [w, customer, first, text] of [
    [demo, "C-1001", "2 SE-MS28-CC-EPDM for pump 2", "ok please do order"],
    [fluid, "F-4001", "1 m HOSE-2SN-12 for press 3", "yes do the order"],
    [hvac, "H-2001", '3 bags of copper tees 1/2"', "please do order now"],
    [fluid, "F-4001", "1 m HOSE-2SN-12 für Presse 3", "ja die bestellung bitte machen"],
  ] as const) {
    it(`"${text}" after "anything else, or shall I place the order?"`, async () => {
      const chat = new Chat(w, customer);
      await chat.say(first);
      const turn = await chat.say(text);
      expect(turn.tools).toContain("place_order");
      expect(turn.thread.pending?.type).toBe("confirm");
    });
    it(`"${text}" typed while the confirmation was shown asks it again`, async () => {
      const chat = new Chat(w, customer);
      await chat.say(first);
      expect((await chat.say("place the order")).thread.pending?.type).toBe("confirm");
      const turn = await chat.say(text);
      expect(turn.tools).toContain("place_order");
      expect(turn.thread.pending?.type).toBe("confirm");
    });
  }

  it("'what can you help me with?' at the same point places nothing", async () => {
    const chat = new Chat(demo, "C-1001");
    await chat.say("2 SE-MS28-CC-EPDM for pump 2");
    const turn = await chat.say("what can you help me with?");
    expect(turn.tools).not.toContain("place_order");
  });
});
