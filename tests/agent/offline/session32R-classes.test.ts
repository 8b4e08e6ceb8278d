/**
 * Session 32 (helper R): classes of phrasing behind failing powertrans, printing and watertreat conversations.
 * (1) A pick from a list that holds a configurable product, with an option value stated in the pick's message ("ach
 * stimmt, das Band ist schräg. Dann mit der 24V Bremse" after a request "… ohne Bremse"): the value said now replaces
 * the request's value of its group; the request's other values stay. Guards: a bare pick keeps the request's values.
 * (2) A configurable product for a machine, with a group the buyer left open whose values name machine models in their
 * labels ("Farbauftragwalze OF 105", "CB16 — counterbalance trucks EF 316"): the value naming the machine's model.
 * Guards: a group where two values name the model (OF 74: ink and damping roller) is still asked; a value stated stays.
 * (3) A phrase saying where on the machine the part sits, right after the part's words ("a foot valve on the suction
 * side", "rubber rings at the ends of the quartz sleeve", "an den Enden vom Quarzrohr"): its words rank, as a "for"
 * target's do — they name no product (not the valve kit "(suction and discharge)", not the sleeve). Guards: "on 230 V"
 * is no place; the sleeve asked for by its own words is still the sleeve.
 */
import { describe, expect, test } from "vitest";
import { Chat, draftLines, intralogisticsWorld, powertransWorld, printingWorld, watertreatWorld } from "./helpers.ts";

const T = 120_000;
const GEARMOTOR = "Getriebemotor fürs Steigband: 1,1 kW, i=20, 400V 50Hz, Aufsteck (Hohlwelle), ohne Bremse, IP55";

describe("a value stated with a pick replaces the request's value of its group", () => {
  for (const [pick, brake] of [
    ["ach stimmt, das Band ist ja schräg. Dann mit der 24V Bremse", "br24"],
    ["den konfigurierbaren bitte, aber mit Federdruckbremse 230 V", "br230"],
    ["dann den ersten, mit der 24 V Bremse", "br24"],
  ] as const)
    test(`"${pick}"`, { timeout: T }, async () => {
      const chat = new Chat(powertransWorld(), "T-7001");
      await chat.say(GEARMOTOR);
      await chat.say(pick);
      const line = chat.turns.at(-1)!.thread.draft.lines[0]!;
      expect(line.sku).toBe("GM-CFG");
      expect(line.options).toMatchObject({ power: ["1.1"], ratio: ["20"], mounting: ["hollow"], brake: [brake] });
    });
  test("guard: a bare pick keeps the request's values", { timeout: T }, async () => {
    const chat = new Chat(powertransWorld(), "T-7001");
    await chat.say(GEARMOTOR);
    await chat.say("den ersten");
    const line = chat.turns.at(-1)!.thread.draft.lines[0]!;
    expect(line.sku).toBe("GM-CFG");
    expect(line.options).toMatchObject({ power: ["1.1"], ratio: ["20"], brake: ["none"] });
  });
});

describe("a group left open takes the value whose label names the machine's model", () => {
  for (const [world, customer, text, sku, options] of [
    [
      printingWorld,
      "PR-4102",
      "Hätt 2 Farbauftragwalzen von der großen Heidi zum Neubeziehen. EPDM wie bisher, 35 Shore, die alten Kerne schicken wir ein.",
      "WZ-CFG",
      { walze: ["of105-auftrag"], bezug: ["epdm"], haerte: ["35"] },
    ],
    [
      printingWorld,
      "PR-4105",
      "2 ink form rollers from Big Heidi to recover, EPDM, 35 Shore",
      "WZ-CFG",
      { walze: ["of105-auftrag"], bezug: ["epdm"] },
    ],
    [
      printingWorld,
      "PR-4101",
      "2 Gummitücher nach Maß für die Kleine, NBR, 1,95 mm, Klemmschienen",
      "GT-CFG",
      { format: ["525x442"] },
    ],
    [
      intralogisticsWorld,
      "L-8001",
      "Traktionsbatterie für Stapler 7, 48 V, 620 Ah nach Konfiguration",
      "BAT-CFG",
      { tray: ["CB16"] },
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(text);
      const line = chat.turns.at(-1)!.thread.draft.lines[0]!;
      expect(line.sku).toBe(sku);
      expect(line.options).toMatchObject(options);
    });
  test("guard: two values name the machine's model — still asked", { timeout: T }, async () => {
    const chat = new Chat(printingWorld(), "PR-4101");
    const turn = await chat.say("2 Walzen neu beziehen für die Speedmaster, NBR, 30 Shore, neuer Kern");
    const line = turn.thread.draft.lines[0]!;
    expect(line.sku).toBe("WZ-CFG");
    expect(line.options?.walze).toBeUndefined();
    expect(turn.text).toMatch(/Feuchtauftragwalze OF 74/u);
  });
  test("guard: a value the buyer states stays", { timeout: T }, async () => {
    const chat = new Chat(printingWorld(), "PR-4102");
    await chat.say("2 Walzen neu beziehen für die große Heidi: Farbauftragwalze OF 74, NBR, 30 Shore, neuer Kern");
    const line = chat.turns.at(-1)!.thread.draft.lines[0]!;
    expect(line.options).toMatchObject({ walze: ["of74-auftrag"] });
  });
});

describe("where the part sits names no product", () => {
  for (const [customer, text, sku] of [
    ["W-8101", "2 x foot valve on the suction side for the Chlorinator", "DP-FV-PVDF"],
    [
      "W-8101",
      "for the Chlorinator: 1 dosing pump M 05 PVDF 230 V, and a foot valve on the suction side",
      "DP-FV-PVDF",
    ],
    ["W-8102", "4 rubber rings at the ends of the quartz sleeve for the old UV", "UV-OR-846"],
    ["W-8102", "für die alte UV 4 Gummiringe an den Enden vom Quarzrohr", "UV-OR-846"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = new Chat(watertreatWorld(), customer);
      await chat.say(text);
      const skus = draftLines(chat).map((l) => l[0]);
      expect(skus).toContain(sku);
      expect(skus).not.toContain("DP-VK-M05-PVDF");
      expect(skus).not.toContain("UV-QS-846");
    });
  test('guard: "on 230 V" is no place', { timeout: T }, async () => {
    const chat = new Chat(watertreatWorld(), "W-8101");
    await chat.say("the 5 l/h PVDF pump on 230 V for the Chlorinator");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["DP-M05-PVDF-230"]);
  });
  test("guard: the sleeve asked for by its own words is still the sleeve", { timeout: T }, async () => {
    const chat = new Chat(watertreatWorld(), "W-8102");
    const turn = await chat.say("2 quartz sleeves for the old UV");
    expect(turn.text).toMatch(/UV-QS-846/u);
    expect(draftLines(chat).map((l) => l[0])).not.toContain("UV-OR-846");
  });
});
