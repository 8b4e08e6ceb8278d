/**
 * Robustness classes of session 14 (helper robust14), found by last session's adversarial review. Each failed on main
 * (50d5bb3) unless marked a guard:
 * - a count that is no orderable quantity ("add -5", "NaN", "1e308", "0.0000001 pieces") was read as one piece;
 * - removing a product that is not on the order removed another line (one sharing a word: "compressor", "bearing");
 * - a message listing more items than one step adds answered "too many tool calls" for the rest.
 */
import { describe, expect, it } from "vitest";
import { readablePart, READ_LIMIT_ITEMS } from "../../../agent/models/offline/read-budget.ts";
import { chatAfter, demoWorld, draftLines, hvacWorld, powertransWorld } from "./helpers.ts";

describe("a count that is no orderable quantity is named back, and nothing is added", () => {
  for (const [world, customer, text, shown] of [
    [demoWorld, "C-1001", "add -5 SE-MS24-CC-EPDM", "-5"],
    [demoWorld, "C-1001", "add NaN SE-MS24-CC-EPDM", "NaN"],
    [demoWorld, "C-1001", "add 1e308 SE-MS24-CC-EPDM", "1e308"],
    [demoWorld, "C-1001", "0.0000001 pieces of SE-MS24-CC-EPDM please", "0.0000001"],
    [demoWorld, "C-1001", "add 0 SE-MS24-CC-EPDM", "0"],
    [demoWorld, "C-1001", "bitte -3 Stück SE-MS24-CC-EPDM", "-3"],
    [hvacWorld, "H-2001", "add -5 FD-DML-084", "-5"],
    [hvacWorld, "H-2001", "FD-DML-084, Menge: 0,5 Stück", "0,5"],
    [hvacWorld, "H-2001", "FD-DML-084 x -2", "-2"],
    [hvacWorld, "H-2001", "bitte 99999999999 Stück FD-DML-084", "99999999999"],
  ] as const)
    it(`'${text}'`, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(draftLines(chat)).toEqual([]);
      const reply = chat.turns.at(-1)!.text;
      expect(reply).toContain(shown);
      expect(reply).toMatch(/how many do you need|wie viele brauchen Sie/);
      // In the buyer's language.
      expect(reply.includes("Menge")).toBe(/Stück|Menge|bitte/.test(text));
    });

  it("'make it -4' on a line: the line keeps its quantity, and the count is named", async () => {
    const chat = await chatAfter(demoWorld, "C-1001", "2 x SE-MS24-CC-EPDM", "make it -4");
    expect(draftLines(chat)).toEqual([["SE-MS24-CC-EPDM", 2, "M-1001-01"]]);
    expect(chat.turns.at(-1)!.text).toContain('"-4"');
  });

  for (const [world, customer, text, expected] of [
    [
      powertransWorld,
      "T-7001",
      "2 x BRG-6204-2RS, 4 x VB-SPZ-1600",
      [
        ["BRG-6204-2RS", 2],
        ["VB-SPZ-1600", 4],
      ],
    ],
    [demoWorld, "C-1001", "1 x SE-MS24-CC-EPDM, our PO 4500012345", [["SE-MS24-CC-EPDM", 1]]],
  ] as const)
    it(`guard: '${text}' is still an ordinary count`, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(chat.turns.at(-1)!.text).not.toMatch(/as a quantity/);
      expect(draftLines(chat).map(([sku, q]) => [sku, q])).toEqual(expected);
    });
});

describe("removing a product that is not on the order removes nothing, and says so", () => {
  for (const [world, customer, before, text] of [
    [hvacWorld, "H-2001", "2 x CMP-KH25-R134A-230 and 1 x FD-DML-084", "remove the SZ 45 scroll compressor"],
    [hvacWorld, "H-2001", "2 x CMP-KH25-R134A-230 and 1 x FD-DML-084", "drop the sight glass"],
    [hvacWorld, "H-2001", "2 x CMP-KH25-R134A-230 and 1 x FD-DML-084", "den Filtertrockner DCL 084 bitte entfernen"],
    [powertransWorld, "T-7001", "2 x BRG-6204-2RS, 4 x VB-SPZ-1600", "drop the SPA 2000 belt"],
    [powertransWorld, "T-7001", "2 x BRG-6204-2RS, 4 x VB-SPZ-1600", "das Lager 6309 bitte löschen"],
    [demoWorld, "C-1001", "2 x MO-FM80-0.75-230, 1 x SE-MS24-CC-EPDM", "remove the FM 112M motor"],
    [demoWorld, "C-1001", "2 x MO-FM80-0.75-230, 1 x SE-MS24-CC-EPDM", "bitte den Motor FM 132S entfernen"],
  ] as const)
    it(`'${text}'`, async () => {
      const chat = await chatAfter(world, customer, before);
      const lines = draftLines(chat);
      expect(lines).toHaveLength(2);
      await chat.say(text);
      expect(draftLines(chat)).toEqual(lines);
      expect(chat.turns.at(-1)!.text).not.toMatch(/Removed line|Position L\d+ entfernt/);
    });

  for (const [world, customer, before, text, left] of [
    [hvacWorld, "H-2001", "2 x CMP-KH25-R134A-230 and 1 x FD-DML-084", "remove the KH 25 compressor", "FD-DML-084"],
    [powertransWorld, "T-7001", "2 x BRG-6204-2RS, 4 x VB-SPZ-1600", "das Lager 6204 bitte löschen", "VB-SPZ-1600"],
    [demoWorld, "C-1001", "2 x MO-FM80-0.75-230, 1 x SE-MS24-CC-EPDM", "drop the seal", "MO-FM80-0.75-230"],
  ] as const)
    it(`guard: '${text}' still removes the line it names`, async () => {
      const chat = await chatAfter(world, customer, before, text);
      expect(draftLines(chat).map(([sku]) => sku)).toEqual([left]);
    });
});

describe("a message with more items than one step adds is read up to a separator, and the rest is named", () => {
  it("cuts after the twelfth item, at a list separator, in English and German", () => {
    const items = Array.from({ length: 20 }, (_, i) => `${i + 1} x PART-${i}`);
    for (const sep of [", ", "; ", "\n", " und "]) {
      const part = readablePart(items.join(sep));
      expect(part.head).toBe(items.slice(0, READ_LIMIT_ITEMS).join(sep));
      expect(part.rest).toBe(items.slice(READ_LIMIT_ITEMS).join(sep));
    }
  });

  it("a pasted table counts one item per row, not one per column (merge fix: a 4-row table was cut after row 1)", () => {
    const table =
      "Hallo, anbei unsere Bedarfsliste, bitte so bestellen:\n\nPos;Artikel;Bezeichnung;Menge;Einheit\n" +
      "1;IO-1500-DI32;DI 32x24V DC;2;Stk\n2;ACC-FC-40;Frontstecker 40pol.;2;Stk\n3;CT-9-24DC;Schütz 9A;4;Stk\n" +
      "4;SN-IND-M12-PNP;Ind. Sensor M12;6;Stk\n\nBestellnummer: KV-4500-1187";
    expect(readablePart(table)).toEqual({ head: table });
    expect(readablePart(table.replaceAll(";", "\t"))).toEqual({ head: table.replaceAll(";", "\t") });
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1};PART-${i};Name ${i};2;Stk`);
    expect(readablePart(rows.join("\n")).rest).toBe(rows.slice(READ_LIMIT_ITEMS).join("\n"));
  });

  it("guard: an ordinary message is read whole", () => {
    for (const text of ["hello, we need 2 seals, 3 gaskets and the pump, thanks", "2,5 m Schlauch, 4 Stück 1/2 Zoll"])
      expect(readablePart(text)).toEqual({ head: text });
  });

  it("30 listed parts: the first twelve are added, and the reply names where the rest begins", async () => {
    const skus = ["CMP-KH25-R134A-230", "CMP-SZ45-400", "FD-DML-084", "FD-DCL-084", "SG-SGN-12", "REF-R404A-10"];
    const list = Array.from({ length: 30 }, (_, i) => `${(i % 3) + 1} x ${skus[i % skus.length]}`);
    const chat = await chatAfter(hvacWorld, "H-2001", `bitte bestellen: ${list.join("; ")}`);
    const reply = chat.turns.at(-1)!.text;
    expect(reply).toContain(`„${list[12]}`);
    expect(reply).toMatch(/bitte schicken Sie den Rest/);
    expect(reply).not.toMatch(/Werkzeugaufrufe|tool calls/);
  });
});
