/**
 * German preposition-article contractions ("fürs", "ins", "aufs", "vom") are function words: "fürs Steigband" names
 * the target like "für das Steigband" — the word is neither searched as a product word nor does it hide the product
 * the words before it name. Power transmission, fluid power, HVAC. And a range said in words ("Motorschutz 13 bis 18
 * A", "overload 9 to 14 A") is the range the option labels write ("13–18 A"), its ends no count.
 */
import { describe, expect, it } from "vitest";
import type { ConfigModel } from "../../../catalog/queries/types.ts";
import { findOptions } from "../../../agent/models/offline/recognise.ts";
import { automationWorld, Chat, fluidWorld, hvacWorld, powertransWorld } from "./helpers.ts";

const automation = automationWorld();

describe("'fürs <machine>' names the target, not the product", () => {
  for (const [w, customer, text, listed] of [
    [powertransWorld(), "T-7001", "Getriebemotor fürs Steigband", /GM-H50-110-I20/],
    [fluidWorld(), "F-4001", "Rücklauffilter fürs Big Bertha, 2 Stück", /FE-RF-330-10/],
    [hvacWorld(), "H-2003", "Filtertrockner fürs TK-Zelle Kruse", /FD-DML-084/],
  ] as const)
    it(`"${text}" lists what the words before it name`, async () => {
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      expect(turn.text).toMatch(listed);
    });
});

describe("a range said in words is the range the labels write, not a count", () => {
  for (const [text, overload] of [
    ["1 MSC-CFG, Schütz 18A, Spule 230 Volt AC, Motorschutz 13 bis 18 A", "13-18"],
    ["one MSC-CFG: 18 A contactor, 230 V AC coil, overload 9 to 14 A", "9-14"],
  ] as const)
    it(`automation: "${text}"`, async () => {
      const chat = new Chat(automation, "A-3001");
      const turn = await chat.say(text);
      const line = turn.thread.draft.lines[0];
      expect(line?.quantity).toBe(1);
      expect(line?.options?.overload).toEqual([overload]);
    });

  const switchModel = {
    id: "CM-PS",
    name: "Pressure switch",
    constraints: [],
    groups: [
      {
        code: "range",
        label: "Setting range",
        min: 1,
        max: 1,
        defaultValue: null,
        options: [
          { value: "0.2-2", label: "0.2–2 bar" },
          { value: "2-8", label: "2–8 bar" },
        ],
      },
    ],
  } as unknown as ConfigModel;
  it("another trade: 'Einstellbereich 2 bis 8 bar' chooses the 2–8 bar range", () => {
    expect(findOptions("Druckschalter, Einstellbereich 2 bis 8 bar", switchModel)).toEqual({ range: ["2-8"] });
  });
});
