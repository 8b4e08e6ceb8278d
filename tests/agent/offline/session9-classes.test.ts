/**
 * Buyer classes closed in session 9 (docs/offline-consultant.md, "Buyer classes closed in session 9"), each in both
 * languages and on more than one catalog; every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, hvacWorld, intralogisticsWorld, powertransWorld } from "./helpers.ts";

describe("a product named outright in a side question is the product the order part asks for by its kind", () => {
  for (const [world, customer, text, named, sibling] of [
    [
      intralogisticsWorld,
      "L-8004",
      "Reach truck serial ET216-09877 is down, the traction controller died. Do you have CTRL-48-TRAC-A in stock? We need 1 asap.",
      "CTRL-48-TRAC-A",
      "CTRL-48-TRAC-B",
    ],
    [
      intralogisticsWorld,
      "L-8004",
      "Die Fahrsteuerung vom Schubmaststapler ET216-09877 ist ausgefallen, wir brauchen 1 Stück. Habt ihr CTRL-48-TRAC-A auf Lager?",
      "CTRL-48-TRAC-A",
      "CTRL-48-TRAC-B",
    ],
    [
      hvacWorld,
      "H-2006",
      "On Freezer 1 the fan motor burned out. Do you have FM-EC450-400 in stock? We need 1.",
      "FM-EC450-400",
      "FM-AX450-400",
    ],
  ] as const)
    it(`"${text}" puts ${named} on the order, not ${sibling}`, async () => {
      const chat = new Chat(world(), customer);
      const turn = await chat.say(text);
      const skus = draftLines(chat).map(([s]) => s);
      expect(skus).not.toContain(sibling);
      expect(skus).toEqual([named]);
      // The engine says it does not fit and offers the sibling that does.
      expect(turn.text).toContain(sibling);
    });

  it("guard: a side question about another product leaves the order's own product", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say("We need 1 fan motor for Freezer 3. Do you have FD-DML-084 in stock?");
    const skus = draftLines(chat).map(([s]) => s);
    expect(skus).toHaveLength(1);
    expect(skus[0]).toMatch(/^FM-/);
  });
});

describe('"the one that fits" to a block takes the replacement that fits the machine, also with a question after it', () => {
  for (const [world, customer, first, answer, fitting] of [
    [
      intralogisticsWorld,
      "L-8004",
      "Reach truck serial ET216-09877: we need 1 CTRL-48-TRAC-A asap.",
      "OK, then the one that fits our serial. Is that one in stock?",
      "CTRL-48-TRAC-B",
    ],
    [
      hvacWorld,
      "H-2006",
      "1 EC-Lüfter 450 mm 400 V für den Freezer 1",
      "Dann nehmen wir natürlich den passenden AC-Lüfter, ist der lagernd?",
      "FM-AX450-400",
    ],
    [hvacWorld, "H-2006", "1 EC fan motor 450 mm 400 V for Freezer 1", "ok, the matching one then", "FM-AX450-400"],
  ] as const)
    it(`"${answer}" switches the line to ${fitting}`, async () => {
      const chat = new Chat(world(), customer);
      const turn = await chat.say(first);
      expect(turn.text).toContain(fitting);
      await chat.say(answer);
      expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([[fitting, 1]]);
    });
});

describe("a count corrected in words ('Korrektur: nur 2 Stück') changes the line, also beside a new item", () => {
  for (const [world, customer, first, correction, lines] of [
    [
      intralogisticsWorld,
      "L-8001",
      "4 Superelastik-Reifen 18x7-8 schwarz für Stapler 7 bitte.",
      "Korrektur: vorne nur 2 Stück. Dazu noch 2 Hinterreifen 15x4,5-8, auch schwarz.",
      [
        ["TYR-SE-18x7-8-BK", 2],
        ["TYR-SE-15x45-8-BK", 2],
      ],
    ],
    [
      intralogisticsWorld,
      "L-8001",
      "4 Superelastik-Reifen 18x7-8 schwarz für Stapler 7 bitte.",
      "Korrektur: vorne nur 2 Stück.",
      [["TYR-SE-18x7-8-BK", 2]],
    ],
    [
      automationWorld,
      "A-3006",
      "5 contactors CT-9-24DC for Wrapper 5",
      "Correction: just 3 of those. Also 2 MP-6.3-10 for Wrapper 5 please.",
      [
        ["CT-9-24DC", 3],
        ["MP-6.3-10", 2],
      ],
    ],
  ] as const)
    it(`"${correction}" after "${first}"`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(first);
      await chat.say(correction);
      expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual(lines);
    });

  it("guard: a value beside the count switches the variant ('go with the 10A one instead, just one')", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("PSU 24V 5A x2 for the infeed conveyor");
    await chat.say("actually, go with the 10A one instead, just one");
    expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([["PSU-24-10", 1]]);
  });
});

describe("an option value named by its label's shared first word and number, the unit left out ('REMA 320 plug')", () => {
  for (const [text, connector] of [
    [
      "For Schubmaster 3 we want a new battery built with watering system: 48 volt, 560 Ah, tray RT16, REMA 320 plug, with Aquamatic single point watering.",
      "rema320",
    ],
    [
      "Für den Schubmaster 3 bitte eine Batterie nach Maß: 48 Volt, 560 Ah, Trog RT16, Stecker REMA 320, mit Aquamatic Einpunkt-Befüllung.",
      "rema320",
    ],
    [
      "For Schubmaster 3 a battery built to order: 48 V, 560 Ah, tray RT16, REMA 160 connector, Aquamatic watering.",
      "rema160",
    ],
  ] as const)
    it(`"${text}" chooses ${connector}`, async () => {
      const chat = new Chat(intralogisticsWorld(), "L-8001");
      await chat.say(text);
      const line = chat.turns.at(-1)!.thread.draft.lines[0];
      expect(line?.sku).toBe("BAT-CFG");
      expect(line?.options?.connector).toEqual([connector]);
    });
});

describe("the part named beside the trouble told by its kind stays the part named ('… Verflüssigerlüfter ausgefallen. Bitte einen EC-Lüfter …')", () => {
  for (const text of [
    "Am Freezer 1 ist der Verflüssigerlüfter ausgefallen. Bitte einen EC-Lüfter 450 mm 400 V.",
    "Freezer 1: the condenser fan died. Please one EC-fan 450 mm 400 V.",
  ])
    it(`"${text}" orders the EC fan named (the engine says it does not fit Freezer 1)`, async () => {
      const chat = new Chat(hvacWorld(), "H-2006");
      const turn = await chat.say(text);
      expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([["FM-EC450-400", 1]]);
      expect(turn.text).toContain("FM-AX450-400");
    });
});

describe("a list that replaces a line ('lasst das Set weg und schickt die Teile einzeln: …') drops that line", () => {
  for (const [first, list] of [
    [
      "Bitte einmal den Antriebs-Servicesatz für das BC 800 fürs Tiefkühlband.",
      "Dann lasst das Set weg und schickt die Teile einzeln: 1 Karton Kette 10B-1 (5 m), 2 Stehlager UCP 206 und 1 Kartusche Tieftemperaturfett.",
    ],
    [
      "Please one drive service kit for the BC 800, for the Tiefkühlband.",
      "Drop the kit and send the parts separately: 1 box chain 10B-1 (5 m), 2 pillow blocks UCP 206 and 1 cartridge low-temperature grease.",
    ],
  ] as const)
    it(`"${list}" orders the parts for the kit's machine, without the kit`, async () => {
      const chat = new Chat(powertransWorld(), "T-7001");
      await chat.say(first);
      expect(draftLines(chat).map(([sku]) => sku)).toEqual(["KIT-BC800-DRV"]);
      await chat.say(list);
      expect(draftLines(chat)).toEqual([
        ["CH-10B1-B5", 1, "M-7001-03"],
        ["UCP-206", 2, "M-7001-03"],
        ["LUB-LT2-400", 1, "M-7001-03"],
      ]);
    });
});
