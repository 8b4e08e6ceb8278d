/**
 * Found on a Swiss-German made-to-measure cylinder ("für d Hot press (Halle 2 …) … Endlagedämpfig uf beidne Site"):
 * - a number that with the word before it names a place of the buyer's machines in the other language ("Halle 2" for a
 *   site's "hall 2") is no count;
 * - a group of one choice named by a word of its own ("mit Endlagendämpfung", "with end cushioning") is that choice,
 *   not after a negation;
 * - a long dialect word one edit from an option word after its sound change ("Endlagedämpfig") is that word.
 * Fluid power and a valve model of another trade, English and German.
 */
import { describe, expect, it } from "vitest";
import type { ConfigModel } from "../../../catalog/queries/types.ts";
import { standardSpelling } from "../../../agent/models/offline/dialect.ts";
import { findOptions } from "../../../agent/models/offline/recognise.ts";
import { Chat, fluidWorld } from "./helpers.ts";

const fluid = fluidWorld();

describe("a place named in the other language is no count", () => {
  for (const [w, customer, text, sku] of [
    [
      fluid,
      "F-4001",
      "für die Hot press in Halle 2 brauchen wir einen HZ-CFG: CD250, 63/36, Hub 300. Was kostet das?",
      "HZ-CFG",
    ],
    [
      fluid,
      "F-4001",
      "Für Press 3 (Halle 2) brauchen wir Rücklauffilterelemente RF 330 10 µm, was kosten die?",
      "FE-RF-330-10",
    ],
  ] as const)
    it(`"${text}" prices one`, async () => {
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      expect(turn.text).toMatch(new RegExp(`1 × ${sku}`));
      expect(turn.text).not.toMatch(new RegExp(`2 × ${sku}`));
    });
});

describe("a group of one choice named is that choice", () => {
  for (const [text, cushioning] of [
    ["1 HZ-CFG für Press 3: CD250, 63/36, Hub 300, Kopfflansch, NBR, mit Endlagendämpfung", ["both"]],
    ["1 HZ-CFG for press 3: CD250, 63/36, stroke 300, head flange, NBR seals, with end cushioning", ["both"]],
    ["1 HZ-CFG für Press 3: CD250, 63/36, Hub 300, Kopfflansch, NBR, ohne Endlagendämpfung", undefined],
  ] as const)
    it(`"${text}"`, async () => {
      const chat = new Chat(fluid, "F-4001");
      const turn = await chat.say(text);
      expect(turn.thread.draft.lines[0]?.options?.cushioning).toEqual(cushioning);
    });

  const model = {
    id: "CM-X",
    name: "Valve",
    constraints: [],
    groups: [
      {
        code: "heater",
        label: "Frost heater",
        min: 0,
        max: 1,
        defaultValue: null,
        options: [{ value: "h1", label: "230 V" }],
      },
    ],
  } as unknown as ConfigModel;
  it("another trade: 'with frost heater' / 'no frost heater'", () => {
    expect(findOptions("valve with frost heater", model)).toEqual({ heater: ["h1"] });
    expect(findOptions("valve, no frost heater", model)).toEqual({});
  });
});

describe("a long dialect word one edit from an option word", () => {
  const lexicon = {
    knows: (w: string) => ["und", "in", "fkm"].includes(w),
    nameWords: new Set<string>(),
    configWords: new Set(["endlagendämpfung", "dichtungen"]),
  };
  it("'Endlagedämpfig' is 'Endlagendämpfung', 'Dichtige' 'Dichtungen'", () => {
    expect(standardSpelling("Dichtige in FKM und Endlagedämpfig", lexicon)).toBe(
      "Dichtungen in FKM und Endlagendämpfung",
    );
  });
});
