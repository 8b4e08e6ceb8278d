/**
 * Session 29 (helper C, configuration options and attributes stated in words — from the visible conversations hvac
 * freezer3-unit-cooler-configured, ms-elbe-fan-400v-then-460v, watertreat vorfilter-gehaeuse-konfiguriert-worte,
 * welding platz2-spitzen-duesen-draht):
 * - a number beside a word of an option's label ("3 fans" of "UC 3 — 3 fans, 5.2 kW", "5 m" of a hose length "5 m",
 *   "2 hose clamps fitted") is the value chosen, not how many (context.ts `optionValueNumber`);
 * - a value said for the configured line of the order ("Kindly go with 7 mm fin spacing", "take the 4 fans one",
 *   "nehmen Sie Edelstahl 1.4404 als Gehäusewerkstoff") sets that line's options — no new line, no search
 *   (dialogue.ts `correctedOptions`);
 * - an attribute of a line already on the order ("die CuCrZr für Stahldraht", "400v is fine, just book it") points at
 *   that line: no search, and a word of placing places (dialogue.ts `named_on_order`, `place`; requests.ts
 *   `pointedSku`);
 * - "20-Zoll-Kerze" names the option "20 Zoll" (a number hyphenated to its unit is read apart);
 * - "Dazu noch eine Schachtel Filterkerzen 5 µm, 20 Zoll" to the cartridge length asked is a product of its own.
 */
import { describe, expect, test } from "vitest";
import {
  type Chat,
  chatAfter,
  draftLines,
  hvacWorld,
  powertransWorld,
  watertreatWorld,
  weldingWorld,
  woodworkWorld,
} from "./helpers.ts";

const T = 60_000;
const lines = (chat: Chat) => draftLines(chat).map((l) => `${l[1]} ${l[0]}`);
const pendingOf = (chat: Chat) => {
  const t = chat.turns.at(-1)!;
  const last = [...t.thread.messages].reverse().find((m) => m._getType() === "ai");
  return (last?.additional_kwargs as { offline?: { pending?: { kind: string; quantity?: number } } } | undefined)
    ?.offline?.pending;
};
const optionsOf = (chat: Chat, i = 0) => chat.turns.at(-1)!.thread.draft.lines[i]?.options ?? {};

describe("a number beside a word of an option's label is the value, not the count", () => {
  for (const [text, size] of [
    ["FrostLine UC unit cooler for freezer 3, 4 fans, medium temperature, air defrost, 4 mm fins", "UC4"],
    ["FrostLine UC Verdampfer für Tiefkühlzelle 3: 2 Lüfter, Normalkühlung, Umluftabtauung", "UC2"],
    [
      "Dear Sir, we require one new unit cooler of your FrostLine UC series for Freezer 3. Specification: 3 fans approx. 5 kW, low temperature application, electric defrost.",
      "UC3",
    ],
  ] as const)
    test(`H-2006: "${text.slice(0, 60)}…"`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2006", text);
      expect(lines(chat)).toEqual(["1 UC-CFG"]);
      expect(optionsOf(chat).size).toEqual([size]);
    });
  for (const text of [
    "Absaugschlauch konfektioniert, 120 mm, 5 m, PU, mit 2 Schlauchschellen montiert",
    "extraction hose made up: 120 mm, 3 m, PU, 2 hose clamps fitted",
  ])
    test(`WW-3101: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(woodworkWorld, "WW-3101", text);
      const p = pendingOf(chat);
      expect(p?.kind).toBe("choose_machine");
      expect(p?.quantity).toBeUndefined();
    });
  test("guard: a count of the configured product itself still counts", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2006",
      "2 FrostLine UC unit coolers for freezer 3, 3 fans, low temperature",
    );
    expect(lines(chat)).toEqual(["2 UC-CFG"]);
  });
});

describe("a value said for the configured line of the order sets its options", () => {
  const uc = "We need one FrostLine UC unit cooler for freezer 3: 3 fans, low temperature, electric defrost";
  test('H-2006: "Kindly go with 7 mm fin spacing as suitable for low temp."', { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2006", uc, "Kindly go with 7 mm fin spacing as suitable for low temp.");
    expect(lines(chat)).toEqual(["1 UC-CFG"]);
    expect(optionsOf(chat).finSpacing).toEqual(["7"]);
  });
  test('H-2006: "take the 4 fans one"', { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2006", uc, "take the 4 fans one");
    expect(lines(chat)).toEqual(["1 UC-CFG"]);
    expect(optionsOf(chat).size).toEqual(["UC4"]);
  });
  const fh = "Ein Kerzenfiltergehäuse nach Spezifikation für den Vorfilter: 10 Zoll, 3/4 Zoll Innengewinde, PP, EPDM";
  test('W-8104: "nehmen Sie Edelstahl 1.4404 als Gehäusewerkstoff"', { timeout: T }, async () => {
    const chat = await chatAfter(watertreatWorld, "W-8104", fh, "nehmen Sie Edelstahl 1.4404 als Gehäusewerkstoff");
    expect(lines(chat)).toEqual(["1 FH-CFG"]);
    expect(optionsOf(chat).material).toEqual(["ss"]);
  });
  test('W-8104: "go with the stainless steel housing"', { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8104",
      "One cartridge filter housing to specification for the prefilter: 10 inch, 3/4 inch female thread, PP, EPDM",
      "go with the stainless steel housing",
    );
    expect(lines(chat)).toEqual(["1 FH-CFG"]);
    expect(optionsOf(chat).material).toEqual(["ss"]);
  });
  test('T-7001: "go with the flange mounting"', { timeout: T }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7001",
      "1 helical gear motor configure-to-order for Band 3, 0.75 kW, i=28, 230/400 V 50 Hz, foot mounted, no brake, IP55",
      "go with the flange mounting",
    );
    expect(lines(chat)).toEqual(["1 GM-CFG"]);
    expect(optionsOf(chat).mounting).toEqual(["flange"]);
  });
  test("guard: another one with other values is a line of its own", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2006", uc, "and another UC unit cooler with 4 fans, medium temperature");
    expect(lines(chat)).toEqual(["1 UC-CFG", "1 UC-CFG"]);
  });
});

describe("an attribute of a line already on the order points at that line", () => {
  const welding =
    "Moin, für Halle 1 Platz 2: 3 Schachteln Kontaktrohre 1,2, 10 Gasdüsen konisch und 4 Spulen SG2 1,2 mm à 15 kg";
  for (const text of ["die CuCrZr für Stahldraht", "die CuCrZr"])
    test(`WD-4101: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(weldingWorld, "WD-4101", welding, text);
      const t = chat.turns.at(-1)!;
      expect(t.tools).not.toContain("search_catalog");
      expect(t.text).toContain("L3");
      expect(pendingOf(chat)?.kind).toBe("confirm");
    });
  test('H-2005: "400v is fine we have a transformer, just book it"', { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2005",
      "500mm fan motor for ms elbe chiller, the 400v one, 1 pc asap",
      "400v is fine we have a transformer, just book it",
      "ok then the 460v one, 1pc",
    );
    expect(chat.turns[1]!.tools).not.toContain("search_catalog");
    expect(lines(chat)).toEqual(["1 FM-AX500-460"]);
  });
  test('guard: H-2005 "the 400 V one is fine, please order"', { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2005",
      "500mm fan motor for ms elbe chiller, the 400v one, 1 pc asap",
      "the 400 V one is fine, please order",
    );
    expect(chat.turns[1]!.tools).not.toContain("search_catalog");
    expect(lines(chat)).toEqual(["1 FM-AX500-400"]);
  });
  test("guard: an attribute of no line on the order still searches", { timeout: T }, async () => {
    const chat = await chatAfter(weldingWorld, "WD-4101", welding, "die E-Cu für Alu");
    expect(chat.turns.at(-1)!.text).not.toContain("als Position L3");
  });
});

describe("option values written as compounds, and a product of its own beside the options asked", () => {
  test('W-8104: "20-Zoll-Kerze" sets the cartridge length', { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8104",
      "Für den Vorfilter ein Kerzenfiltergehäuse nach Spezifikation: 20-Zoll-Kerze, Anschluss 3/4 Zoll Innengewinde, PP, EPDM, mit Entlüftungsventil",
    );
    expect(lines(chat)).toEqual(["1 FH-CFG"]);
    expect(optionsOf(chat).length).toEqual(["20"]);
  });
  test('W-8104: "Dazu noch eine Schachtel Filterkerzen 5 µm, 20 Zoll." to the length asked', {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8104",
      "Ein Kerzenfiltergehäuse nach Spezifikation für den Vorfilter, Anschluss 3/4 Zoll Innengewinde, PP, EPDM, mit Entlüftungsventil, ohne Manometer",
      "Dazu noch eine Schachtel Filterkerzen 5 µm, 20 Zoll.",
    );
    expect(lines(chat)).toEqual(["1 FH-CFG", "1 FC-PP5-20"]);
  });
});
