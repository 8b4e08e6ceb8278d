/**
 * Buyer classes closed in session 15 (helper fix15d): an earlier order named by its month that is one item of a list
 * ("die gleichen wie im März, … außerdem 2 Schütze") no longer takes over the message — the items beside it are read
 * too; a sentence ending on a unit after its number ("… 5 m. Außerdem …") ends there; inch sizes said in words ("die
 * halbzölligen", "the half-inch one"); the Swabian "Bestellnommer". Each case failed on main (a06c6d2) unless marked a
 * guard; built from automation and hvac, played also on watertreat, fluidpower and powertrans.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, chatAfter, draftAfter, fluidWorld, hvacWorld, watertreatWorld } from "./helpers.ts";

const skus = (lines: unknown[][]) => lines.map(([sku, quantity]) => [sku, quantity]);

describe("a month's order that is one item of a list: the items beside it are ordered too", () => {
  it("automation (de): 6 Inis wie im März, zu jedem ein Kabel, außerdem 2 Schütze", async () => {
    expect(
      skus(
        await draftAfter(
          automationWorld,
          "A-3001",
          "Für die Line 3 bräuchte ich 6 Inis M12 PNP mit IO-Link, die gleichen wie im März, und zu jedem ein Sensorkabel 5 m. Außerdem für die gleiche Anlage 2 Schütze 9 A mit 24 V DC Spule.",
        ),
      ),
    ).toEqual([
      ["SN-IND-M12-PNP", 6],
      ["CBL-M12-4P-5M", 6],
      ["CT-9-24DC", 2],
    ]);
  });

  it("hvac (de, Swabian): des gleiche wie im März, also … Ond no zwoi Schauglas, die halbzölliga", async () => {
    expect(
      skus(
        await draftAfter(
          hvacWorld,
          "H-2001",
          "Grüß Gott, mir bräuchtet für d'Edeka-Tiefkühlung in Vaihinge nomal des gleiche wie im März, also des Kältemittel ond den Filtertrockner, gell. Ond no zwoi Schauglas dazu, die halbzölliga.",
        ),
      ),
    ).toEqual([
      ["REF-R449A-10", 2],
      ["FD-DML-084", 1],
      ["SG-SGN-12", 2],
    ]);
  });

  it("hvac (en): the same as in March for the Edeka freezer, plus 2 sight glasses 1/2 inch", async () => {
    expect(
      skus(
        await draftAfter(
          hvacWorld,
          "H-2001",
          "For the Edeka freezer please the same as in March, the refrigerant and the drier. Plus 2 sight glasses SGN 12.",
        ),
      ),
    ).toEqual([
      ["REF-R449A-10", 2],
      ["FD-DML-084", 1],
      ["SG-SGN-12", 2],
    ]);
  });

  it("watertreat (de, not built from): das gleiche wie im März … Dazu noch 2 Kartuschen — kept and asked", async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8101",
      "Für den Vorfilter Brunnen 3 bitte das gleiche wie im März, also die Filterkerzen und die O-Ringe. Dazu noch 2 Kartuschen 1 µm.",
    );
    const t = chat.turns.at(-1)!;
    expect(t.thread.draft.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ["FC-PP5-20", 3],
      ["FH-OR-CF20-EPDM", 2],
    ]);
    expect(t.text).toContain("Kartuschen");
  });

  it("guard: the month's order alone with a changed count stays that order", async () => {
    expect(
      skus(
        await draftAfter(
          automationWorld,
          "A-3001",
          "das gleiche wie im März für die Line 3, also die Sensoren mit den Kabeln, diesmal 10 statt 6",
        ),
      ),
    ).toEqual([
      ["SN-IND-M12-PNP", 10],
      ["CBL-M12-4P-5M", 10],
    ]);
  });
});

describe("a unit after its number ends the sentence before a word that names nothing ('5 m. Außerdem …')", () => {
  it("automation (de): 4 Sensorleitungen M12 5 m. Außerdem 2 Schütze", async () => {
    expect(
      skus(
        await draftAfter(
          automationWorld,
          "A-3001",
          "Für die Line 3: 4 Sensorleitungen M12 5 m. Außerdem 2 Schütze 9 A mit 24 V DC Spule.",
        ),
      ),
    ).toEqual([
      ["CBL-M12-4P-5M", 4],
      ["CT-9-24DC", 2],
    ]);
  });

  it("fluidpower (de, not built from): Schlauch 2SN DN12, 10 m. Dazu 2 Beutel Dichtringe", async () => {
    expect(
      skus(
        await draftAfter(
          fluidWorld,
          "F-4001",
          "Wir brauchen Hydraulikschlauch 2SN DN12, 10 m. Dazu 2 Beutel Dichtringe 1/2 Zoll BSP.",
        ),
      ),
    ).toEqual([
      ["HOSE-2SN-12", 10],
      ["FIT-BS-BSP12", 2],
    ]);
  });
});

describe("an inch size said in words is the fraction ('halbzöllig', 'half-inch', 'dreiachtel Zoll')", () => {
  it("hvac (en): two sight glasses, the half-inch ones", async () => {
    expect(
      skus(await draftAfter(hvacWorld, "H-2001", "two sight glasses, the half-inch ones, for the Edeka freezer")),
    ).toEqual([["SG-SGN-12", 2]]);
  });

  it("hvac (en): a three-eighths inch sight glass", async () => {
    expect(
      skus(await draftAfter(hvacWorld, "H-2001", "one three-eighths inch sight glass for the Edeka freezer please")),
    ).toEqual([["SG-SGN-10", 1]]);
  });

  it("fluidpower (de, not built from): 10 m vom halbzölligen 2SN-Schlauch", async () => {
    expect(skus(await draftAfter(fluidWorld, "F-4001", "wir brauchen 10 m vom halbzölligen 2SN Schlauch"))).toEqual([
      ["HOSE-2SN-12", 10],
    ]);
  });

  it("fluidpower (de): dreiachtelzöllig", async () => {
    expect(skus(await draftAfter(fluidWorld, "F-4001", "bitte 5 m 2SN Schlauch, dreiachtelzöllig"))).toEqual([
      ["HOSE-2SN-10", 5],
    ]);
  });
});

describe("the Swabian 'Bestellnommer' is the PO", () => {
  it("hvac (de): Bestellnommer PK-26-1201", async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "2 Filtertrockner DML 084 für den Edeka freezer. Bestellnommer PK-26-1201.",
    );
    expect(chat.turns.at(-1)!.thread.draft.poReference).toBe("PK-26-1201");
  });
});
