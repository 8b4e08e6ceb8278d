/**
 * Buyer classes closed in session 16 (helper fix16p, from the printing and packaging catalogs and chats with them as a
 * buyer), each played in English and German on more than one catalog; every case failed on the code before unless
 * marked a guard.
 */
import { describe, expect, it } from "vitest";
import { chatAfter, draftAfter, draftLines, foodtechWorld, packagingWorld, printingWorld } from "./helpers.ts";

describe("a part the machine lists, holding the buyer's word only by its category, does not stand in for the products named by it", () => {
  for (const [world, customer, say, wrong, right] of [
    // Underlay sheets filed with the blankets, listed for the press: "blankets" are the blankets.
    [printingWorld, "PR-4101", "2 Gummitücher für die Speedmaster bitte", "UL-74-PAK", "GT-"],
    [printingWorld, "PR-4103", "we need 4 blankets for Heidi", "UL-74-PAK", "GT-"],
    [printingWorld, "PR-4101", "Brauch 2 Gummitücher für die Speedmaster, konventionell", "UL-74-PAK", "GT-"],
    // The glue hose listed for the case packer is filed with the nozzles: "nozzles" are the nozzles.
    // guard (passes on main: the nozzles lead there too)
    [packagingWorld, "PK-2105", "3 nozzles for the case packer", "HM-HOSE-18", "HM-NZ-"],
    // guard
    [packagingWorld, "PK-2105", "Wir brauchen 3 Düsen für den Case packer", "HM-HOSE-18", "HM-NZ-"],
    // The vacuum pump listed for the tray sealer is filed with the cups.
    [packagingWorld, "PK-2101", "Brauche 4 Sauger für den Schalensiegler", "VC-PUMP-25", "VC-F30-NBR"],
    // The oven's control board is filed with the sensors and controllers: "Fühler" are the sensors.
    [foodtechWorld, "C-7103", "2 Temperaturfühler für den Etagenofen bitte", "SP-EO", "TF-"],
    // guard
    [foodtechWorld, "C-7105", "need 2 temperature sensors for deck oven 1", "SP-EO", "TF-"],
  ] as const)
    it(`${customer}: '${say}'`, async () => {
      const chat = await chatAfter(world, customer, say);
      const text = chat.turns.at(-1)!.text;
      expect(draftLines(chat).map((l) => l[0])).not.toContain(wrong);
      expect(text).not.toContain(wrong);
      expect(text).toContain(right);
    });
});

describe("a decimal value said in another spelling than the name's (0.6 / 0.60 / 0,6) picks the listed item carrying it", () => {
  for (const [world, customer, says, line] of [
    [
      printingWorld,
      "PR-4103",
      ["need 6 spool stitching wire 0.7 for the Hefter, 2,5 kg", "ah ok, than 0.6 mm, 6 spools 2.5 kg"],
      ["HD-060-25", 6, "M-4103-03"],
    ],
    [packagingWorld, "PK-2105", ["3 nozzles for the case packer", "the 0.4 mm ones"], ["HM-NZ-N-040", 3, "M-2105-03"]],
    [
      packagingWorld,
      "PK-2105",
      ["3 Düsen für den Case packer", "die mit 0,3 mm bitte"],
      ["HM-NZ-N-030", 3, "M-2105-03"],
    ],
  ] as const)
    it(`${customer}: '${says.join(" / ")}'`, async () => {
      expect(await draftAfter(world, customer, ...says)).toEqual([line]);
    });
});
