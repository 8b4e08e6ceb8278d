/**
 * A request that names a product by its specs ("1,1 kW, i=20, 400V 50Hz, …, ohne Bremse") is not a demand to change
 * the price, whatever the classifier makes of numbers and "ohne": with no word of a price in it (none that marks a
 * price question or demand in the corpus, no money, no percentage) the product is served. A real demand beside a
 * product is still refused. Power transmission and HVAC.
 */
import { describe, expect, it } from "vitest";
import { Chat, hvacWorld, powertransWorld } from "./helpers.ts";

const powertrans = powertransWorld();
const hvac = hvacWorld();
const REFUSED = /Preise kann ich nicht ändern|can't change prices|cannot change prices/i;

describe("specs with 'ohne' are not a price demand", () => {
  for (const [w, customer, text] of [
    [
      powertrans,
      "T-7001",
      "Getriebemotor fürs Steigband: 1,1 kW, i=20, 400V 50Hz, Aufsteck (Hohlwelle), ohne Bremse, IP55",
    ],
    [powertrans, "T-7001", "Getriebemotor 0,75 kW, i=28, 400V 50Hz, Fuß, ohne Bremse"],
    [hvac, "H-2001", "EC-Lüfter 0,75 kW, 400V 50Hz, ohne Gitter"],
  ] as const)
    it(`"${text}" is served, not refused`, async () => {
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      expect(turn.text).not.toMatch(REFUSED);
      expect(turn.tools.some((t) => t !== "get_installed_base")).toBe(true);
    });

  it("'… aber bitte kostenlos' beside a product is still refused", async () => {
    const chat = new Chat(powertrans, "T-7001");
    const turn = await chat.say("1 Getriebemotor GM-H50-110-I20, aber bitte kostenlos");
    expect(turn.text).toMatch(REFUSED);
  });
});
