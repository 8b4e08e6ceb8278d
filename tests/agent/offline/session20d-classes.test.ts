/**
 * Buyer classes closed in session 20 (helper fix20d, from chatting as a buyer on the intralogistics, packaging,
 * fluidpower and hvac catalogs); every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  chatAfter,
  draftAfter,
  draftLines,
  fluidWorld,
  hvacWorld,
  intralogisticsWorld,
  packagingWorld,
} from "./helpers.ts";

// "ist der bis freitag da?", "hätt ich den bis freitag?" about a line of the order set Friday as the requested delivery
// date ("Notiert: Wunschtermin 2026-12-04") instead of answering; "will they be here by friday?" was not understood.
// A question whether the goods arrive by a date is answered with the line's delivery date measured against that date;
// the order's requested date stays as it was.
describe("a question whether the order arrives by a date is answered, not taken as the requested date", () => {
  for (const [world, customer, first, ask, yes] of [
    [
      intralogisticsWorld,
      "L-8001",
      "2 Superelastik-Reifen 18x7-8 schwarz für Stapler 7",
      "ist der bis freitag da?",
      "Ja",
    ],
    [
      intralogisticsWorld,
      "L-8001",
      "2 Superelastik-Reifen 18x7-8 schwarz für Stapler 7",
      "hätt ich den bis freitag?",
      "Ja",
    ],
    [
      intralogisticsWorld,
      "L-8001",
      "2 Superelastik-Reifen 18x7-8 schwarz für Stapler 7",
      "kommen die bis Freitag?",
      "Ja",
    ],
    [
      intralogisticsWorld,
      "L-8004",
      "2 superelastic tyres 18x7-8 non-marking for Truck 4",
      "will they be here by friday?",
      "Yes",
    ],
    [hvacWorld, "H-2001", "1 filter drier DML 083 for the Huber cold room", "do we get it by friday?", "Yes"],
    [hvacWorld, "H-2001", "1 Filtertrockner DML 083 für den Huber Kühlraum", "ist der bis Freitag da?", "Ja"],
  ] as const)
    it(`${customer}: '${ask}'`, async () => {
      const chat = await chatAfter(world, customer, first, ask);
      const t = chat.turns.at(-1)!;
      expect(t.text).not.toMatch(/Wunschtermin|requested delivery date/);
      expect(t.thread.draft.requestedDate ?? null).toBeNull();
      expect(t.text).toContain(yes);
      expect(t.text).toContain("2026-12-04");
    });

  // Guards (passed before): a requested date said as an instruction is still set.
  it("guard L-8001: 'bitte bis Freitag liefern' sets the requested date", async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8001",
      "2 Superelastik-Reifen 18x7-8 schwarz für Stapler 7",
      "bitte bis Freitag liefern",
    );
    expect(chat.turns.at(-1)!.thread.draft.requestedDate).toBe("2026-12-04");
  });
});

// "return filter element RF 330 for IMM 7" listed the RF 160 elements (the search for the machine leaves out parts
// listed for other models) without a word about the RF 330; "Messer 280 mm für Schlauchbeutler 1" listed sealing jaws.
// The product the buyer named does not fit: that is said, with the engine's reason (or the models it is listed for),
// before what fits is offered.
describe("a product the buyer names that does not fit the machine is said not to fit, with the reason", () => {
  for (const [world, customer, says, named, notAdded] of [
    [fluidWorld, "F-4002", ["return filter element RF 330 for IMM 7"], "FE-RF-330", undefined],
    [fluidWorld, "F-4002", ["2 Rücklauffilterelemente RF 330 für IMM 7"], "FE-RF-330", undefined],
    [fluidWorld, "F-4002", ["Rücklauffilterelement RF 330 für die IMM 9"], "FE-RF-330-10", undefined],
    [packagingWorld, "PK-2101", ["Messer 280 mm für Schlauchbeutler 1"], "KN-VF-280-Z", undefined],
    [packagingWorld, "PK-2101", ["welche Messer 280 mm habt ihr für Schlauchbeutler 2?"], "KN-VF-280-Z", undefined],
  ] as const)
    it(`${customer}: '${says.join(" / ")}'`, async () => {
      const chat = await chatAfter(world, customer, ...says);
      // Said first, before anything is listed or added.
      const head = chat.turns.at(-1)!.text.split("\n")[0]!;
      expect(head).toMatch(new RegExp(`${named}.*(does not fit|do not fit|passt nicht|passen nicht)`));
      if (notAdded) expect(draftLines(chat).map((l) => l[0])).not.toContain(notAdded);
    });

  // Guards (passed before): a request whose words name a fitting product lists or adds it without a warning.
  it("guard F-4002: 'return filter element RF 160 for IMM 7' says nothing does not fit first", async () => {
    const chat = await chatAfter(fluidWorld, "F-4002", "return filter element RF 160 for IMM 7");
    expect(chat.turns.at(-1)!.text.split("\n")[0]).not.toMatch(/does not fit/);
  });
  it("guard L-8001: 'Steuerung 24 V für die Ameise 2' adds the 24 V controller", async () => {
    const lines = await draftAfter(intralogisticsWorld, "L-8001", "1 Steuerung 24 V für die Ameise 2");
    expect(lines.map((l) => l[0])).toContain("CTRL-24-EP20");
  });
  it("guard PK-2101: '10 m Kette für Band 4' takes no length for a code", async () => {
    const chat = await chatAfter(packagingWorld, "PK-2101", "10 m Scharnierbandkette 85 mm für Band 4");
    expect(chat.turns.at(-1)!.text.split("\n")[0]).not.toMatch(/passt nicht zu/);
  });
});
