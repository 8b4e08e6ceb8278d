/**
 * Session 30 (helper C): counts for several lines of the order said as one list.
 *
 * "sorry doch nur 6 patronen,messer 2,band 2" beside the machine "Band 4" read "band" as that machine and searched
 * its parts: a label word with another number right after it names no machine of that number. "band 2" was no count
 * either: the catalog's "Sealing bar kit (band, 2 tapes, …)" made "band 2" a word–number pair of its names — a pair
 * across a comma or a bracket counts only with a measure after the number ("antiscalant, 10 kg"). And a list of counts
 * in one clause ("only 3 cartridges, 1 thermocouple") changed the first line only: each item of a clause's list that
 * names a line of the order with a count is a count for that line, also while a fix is offered.
 * Guards: a lone label word still names the machine, "Band 4" names it, "4 Kanister Antiscalant 10 kg" orders 4.
 */
import { describe, expect, test } from "vitest";
import type { MachineView } from "../../../agent/models/offline/conversation.ts";
import { findMachines, findPoReference, tokenizeText } from "../../../agent/models/offline/recognise.ts";
import { chatAfter, draftLines, importedWorld, packagingWorld, powertransWorld, sorted } from "./helpers.ts";

const T = 60_000;

describe("a label word with another number names no machine", () => {
  const own = (label: string, n: number): MachineView => ({
    machineId: `M-${n}`,
    label,
    model: `XY-${n}`,
    modelName: "Generic machine",
    serial: `S-${n}`,
    site: "Works",
  });
  const base = [own("Band 4", 1), own("Mixer 2", 2), own("Schlauchbeutler 1", 3), own("Schlauchbeutler 2", 4)];
  const find = (text: string) => findMachines(tokenizeText(text), base).map((m) => m.machine.machineId);
  test("a count after the word, or another machine's number", () => {
    expect(find("sorry doch nur 6 patronen,messer 2,band 2")).toEqual([]);
    expect(find("the mixer 3 needs a new blade")).toEqual([]);
  });
  test("guards: the label, and the lone word, still name it", () => {
    expect(find("für band 4 bitte 3 Stück")).toEqual(["M-1"]);
    expect(find("das band läuft nicht")).toEqual(["M-1"]);
    expect(find("a blade for the mixer")).toEqual(["M-2"]);
    expect(find("for mixer 2 please")).toEqual(["M-2"]);
  });
});

describe("counts for several lines in one list", () => {
  test("German, while a successor is offered: 'sorry doch nur 6 patronen,messer 2,band 2'", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      packagingWorld,
      "PK-2101",
      "hallo,bitte messer + heizpatronen wie im mai für schlauchbeutler 1,und das braune teflonband",
      "patronen diesmal 8",
      "sorry doch nur 6 patronen,messer 2,band 2",
    );
    expect(chat.turns.at(-1)!.text).not.toMatch(/Band 4/u);
    expect(sorted(draftLines(chat))).toEqual(
      sorted([
        ["KN-FW-180-Z1", 2],
        ["HC-12-160-400", 6],
        ["PT-13-25-BR", 2],
      ]),
    );
  });
  test("English: 'sorry, only 3 cartridges, 1 thermocouple'", { timeout: T }, async () => {
    const chat = await chatAfter(
      packagingWorld,
      "PK-2104",
      "4 heater cartridges for the line 2 flow wrapper, the 230mm 600w, and 2 thermocouples type J for it",
      "sorry, only 3 cartridges, 1 thermocouple",
    );
    expect(sorted(draftLines(chat))).toEqual(
      sorted([
        ["HC-12-230-600", 3],
        ["TC-J-150", 1],
      ]),
    );
  });
  test("another catalog, a fix offered: 'sorry doch nur 1 riemen,stehlager 2'", { timeout: T }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7002",
      "2 Keilriemen SPZ 1400 und 4 Stehlager UCP 205 für Mischer 2",
      "sorry doch nur 1 riemen,stehlager 2",
    );
    expect(sorted(draftLines(chat))).toEqual(
      sorted([
        ["VB-SPZ-1400", 1],
        ["UCP-205", 2],
      ]),
    );
  });
  test("guard: a measure after a name's comma pair stays a size — '4 Kanister Antiscalant 10 kg'", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      () => importedWorld("evals/catalogs/watertreat"),
      "W-8101",
      "Bitte 2 Manometer 0–25 bar. Außerdem 4 Kanister Antiscalant 10 kg wie immer.",
    );
    const antiscalant = draftLines(chat).find((l) => String(l[0]).startsWith("CH-AS"));
    expect(antiscalant?.[1]).toBe(4);
  });
  test("guard: 'nur 2 davon' for the one line still counts it", { timeout: T }, async () => {
    const chat = await chatAfter(
      packagingWorld,
      "PK-2104",
      "4 heater cartridges for the line 2 flow wrapper, the 230mm 600w",
      "sorry, only 3",
    );
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["HC-12-230-600", 3]]);
  });
});

// "vier meter flyerkette für den schubmaster drei" listed the chain and its anchor (both fit): an amount in metres
// orders none of the candidates sold by the piece — of those sold by the metre one fits and the others do not.
describe("an amount in a unit orders the one fitting candidate sold in it", () => {
  const intralogistics = () => importedWorld("evals/catalogs/intralogistics");
  for (const text of ["vier meter flyerkette für den schubmaster drei", "4 metres of lift chain for Schubmaster 3"])
    test(`"${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(intralogistics, "L-8001", text);
      expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["CHN-LH1244-M", 4]]);
    });
  test("guard: a bare count of what both fit still lists them", { timeout: T }, async () => {
    const chat = await chatAfter(intralogistics, "L-8001", "2 Flyerketten für den Schubmaster 3");
    expect(draftLines(chat)).toEqual([]);
  });
  test("guard: '5 Meter Rollenkette 10B-1 für Band 3' orders the chain by the metre", { timeout: T }, async () => {
    const chat = await chatAfter(powertransWorld, "T-7001", "5 Meter Rollenkette 10B-1 für Band 3");
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["CH-10B1-M", 5]]);
  });
});

// "bestellnummer RRL sechsundzwanzig zwölf vierzig also RRL-26-1240" put "RRL" on the order: letters read out, then the
// code they lead written out a few words later — that code is the reference.
describe("a reference read out, then written as the code", () => {
  for (const [text, po] of [
    ["bestellnummer RRL sechsundzwanzig zwölf vierzig also RRL-26-1240 danke", "RRL-26-1240"],
    ["our PO is NG seventy eight two thirty, that is NG-78230, thanks", "NG-78230"],
    // guards
    ["Bestellnummer diesmal KR-26-1210", "KR-26-1210"],
    ["Bestellnummer ist KA-55-101.", "KA-55-101"],
    ["PO NG, 2 more of RRL-5", "NG"],
  ] as const)
    test(`"${text}" → ${po}`, () => expect(findPoReference(text)).toBe(po));
  test("the order gets the code, and the words read out count nothing", { timeout: T }, async () => {
    const chat = await chatAfter(
      () => importedWorld("evals/catalogs/intralogistics"),
      "L-8001",
      "zwei hydraulikfilter für den stapler sieben, bestellnummer RRL sechsundzwanzig zwölf vierzig also RRL-26-1240",
    );
    expect(chat.turns.at(-1)!.thread.draft.poReference).toBe("RRL-26-1240");
    expect(draftLines(chat).map((l) => l[1])).toEqual([2]);
  });
});
