/**
 * Buyer classes closed in session 16 (helper fix16w), found on the woodwork and welding catalogs and played on others.
 * Each case failed on main (37728a7) unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, chatAfter, draftAfter, weldingWorld, woodworkWorld } from "./helpers.ts";

const skus = (lines: unknown[][]) => lines.map(([sku, quantity]) => [sku, quantity]);

describe("new counts of several lines of the order, each named by its words, with no correcting word", () => {
  it("welding (de): 'ok dann 3 Packungen Elektroden und 2 Packungen Duesen'", async () => {
    expect(
      skus(
        await draftAfter(
          weldingWorld,
          "WD-4103",
          "Fuer den Plasma Handschneider: 12 Elektroden und 10 Duesen 60 A bitte.",
          "ok dann 3 Packungen Elektroden und 2 Packungen Duesen",
        ),
      ),
    ).toEqual([
      ["EL-PT60", 3],
      ["NZ-PT60-60", 2],
    ]);
  });

  it("woodwork (en): 'ok then 4 boxes of cartridges and 10 cutters'", async () => {
    expect(
      skus(
        await draftAfter(
          woodworkWorld,
          "WW-3106",
          "I need 3 boxes of the PUR glue cartridges for the Kantix and 6 compression cutters 12 mm for CNC 1",
          "ok then 4 boxes of cartridges and 10 cutters",
        ),
      ),
    ).toEqual([
      ["LM-PUR-N-2KP", 4],
      ["FR-VHM-12-S12", 10],
    ]);
  });

  it("automation (de, not built from): 'gut, dann 4 Inis und 4 Kabel'", async () => {
    expect(
      skus(
        await draftAfter(
          automationWorld,
          "A-3001",
          "Für die Line 3 bräuchte ich 6 Inis M12 PNP mit IO-Link und 6 Sensorkabel 5 m.",
          "gut, dann 4 Inis und 4 Kabel",
        ),
      ),
    ).toEqual([
      ["SN-IND-M12-PNP", 4],
      ["CBL-M12-4P-5M", 4],
    ]);
  });

  it("automation (en, not built from): 'ok 4 sensors and 4 cables then'", async () => {
    expect(
      skus(
        await draftAfter(
          automationWorld,
          "A-3001",
          "For line 3 I need 6 inductive sensors M12 PNP IO-Link and 6 sensor cables 5 m.",
          "ok 4 sensors and 4 cables then",
        ),
      ),
    ).toEqual([
      ["SN-IND-M12-PNP", 4],
      ["CBL-M12-4P-5M", 4],
    ]);
  });

  it("guard (automation, en): 'ok 3 boxes of ferrules and 2 boxes of end stops' counts boxes, not pieces", async () => {
    const chat = await chatAfter(
      automationWorld,
      "A-3001",
      "hi, 1200 ferrules 1.5mm2 and 60 end stops for the DIN rail pls",
      "ok 3 boxes of ferrules and 2 boxes of end stops",
    );
    expect(chat.turns.at(-1)!.thread.draft.lines.map((l) => [l.sku, l.quantity, l.unit ?? "BOX"])).toEqual([
      ["ACC-FERR-15-B500", 3, "BOX"],
      ["ACC-ENDSTOP-B50", 2, "BOX"],
    ]);
  });

  it("guard: 'noch 2 Inis und 2 Kabel' adds to the lines, not replaces their counts", async () => {
    const lines = skus(
      await draftAfter(
        automationWorld,
        "A-3001",
        "Für die Line 3 bräuchte ich 6 Inis M12 PNP mit IO-Link und 6 Sensorkabel 5 m.",
        "noch 2 Inis und 2 Kabel",
      ),
    );
    expect(lines).not.toContainEqual(["SN-IND-M12-PNP", 2]);
  });
});
