/**
 * Option groups that share their values (a coupling's two bores, a valve's inlet and outlet size): each number the
 * buyer states goes to the group named nearest before it, and a number stated after a word the groups share ("gearbox
 * side 35") to the one of them still open — not the first value of the list to both. Power transmission (English and
 * German, through the graph) and a model of another trade read directly.
 */
import { describe, expect, it } from "vitest";
import type { ConfigModel } from "../../../catalog/queries/types.ts";
import { findOptions } from "../../../agent/models/offline/recognise.ts";
import { Chat, powertransWorld } from "./helpers.ts";

const powertrans = powertransWorld();

describe("numbers stated for groups that share values", () => {
  for (const [text, motor, driven] of [
    [
      "Need a jaw coupling JC-CFG for Schnecke 1: size 28/38, motor side bore 28, gearbox side 35, 98 shore spider",
      "28",
      "35",
    ],
    ["JC-CFG for Schnecke 1, size 28, bore driven side 35, motor side 30, spider 98 shore", "30", "35"],
    [
      "Klauenkupplung JC-CFG für Schnecke 1: Baugröße 28, Bohrung Motorseite 30, Abtriebsseite 35, Zahnkranz 98 Shore",
      "30",
      "35",
    ],
  ] as const)
    it(`"${text}"`, async () => {
      const chat = new Chat(powertrans, "T-7004");
      const turn = await chat.say(text);
      const line = turn.thread.draft.lines[0];
      expect(line?.options?.boreMotor).toEqual([motor]);
      expect(line?.options?.boreDriven).toEqual([driven]);
    });

  const valve: ConfigModel = {
    id: "CM-VALVE",
    name: "Ball valve configuration",
    constraints: [],
    groups: [
      {
        code: "inlet",
        label: "Inlet size",
        min: 1,
        max: 1,
        defaultValue: null,
        options: ["15", "20", "25"].map((v) => ({ value: v, label: `DN ${v}` })),
      },
      {
        code: "outlet",
        label: "Outlet size",
        min: 1,
        max: 1,
        defaultValue: null,
        options: ["15", "20", "25"].map((v) => ({ value: v, label: `DN ${v}` })),
      },
    ],
  } as unknown as ConfigModel;

  it("another trade: 'inlet 25, outlet 20' and 'outlet size 15 and inlet 20'", () => {
    expect(findOptions("ball valve, inlet 25, outlet 20", valve)).toEqual({ inlet: ["25"], outlet: ["20"] });
    expect(findOptions("outlet size 15 and inlet 20", valve)).toEqual({ inlet: ["20"], outlet: ["15"] });
  });
});
