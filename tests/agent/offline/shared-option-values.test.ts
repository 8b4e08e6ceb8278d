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

describe("option values written the way the labels write them", () => {
  for (const [text, ratio] of [
    ["1 GM-CFG für Steigband: 1,1 kW, i=20, 400V 50Hz, Hohlwelle, ohne Bremse, IP55", "20"],
    ["1 GM-CFG for Band 4: 0.75 kW, i=28, 230/400 V 50 Hz, foot mounted, no brake, IP55", "28"],
  ] as const)
    it(`"${text}": the ratio after "i=", not the first ratio whose label says 50 Hz`, async () => {
      const chat = new Chat(powertrans, "T-7001");
      const turn = await chat.say(text);
      expect(turn.thread.draft.lines[0]?.options?.ratio).toEqual([ratio]);
    });

  const pump: ConfigModel = {
    id: "CM-PUMP",
    name: "Pump configuration",
    constraints: [],
    groups: [
      {
        code: "speed",
        label: "Speed",
        min: 1,
        max: 1,
        defaultValue: null,
        options: [
          { value: "1450", label: "n=1450 1/min (4-pole, at 50 Hz)" },
          { value: "2900", label: "n=2900 1/min (2-pole, at 50 Hz)" },
        ],
      },
      {
        code: "supply",
        label: "Supply",
        min: 1,
        max: 1,
        defaultValue: null,
        options: [
          { value: "400-50", label: "400 V 50 Hz" },
          { value: "460-60", label: "460 V 60 Hz" },
        ],
      },
    ],
  } as unknown as ConfigModel;

  it("another trade: 'n=2900' and 'n = 1450' choose the speed; '50 Hz' chooses the supply only", () => {
    expect(findOptions("pump, n=2900, 400 V 50 Hz", pump)).toEqual({ speed: ["2900"], supply: ["400-50"] });
    expect(findOptions("Pumpe n = 1450, 460 V 60 Hz", pump)).toEqual({ speed: ["1450"], supply: ["460-60"] });
    expect(findOptions("pump for 50 Hz", pump).speed).toBeUndefined();
  });
});
