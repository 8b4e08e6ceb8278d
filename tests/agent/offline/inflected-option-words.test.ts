/**
 * Option values named by an inflected adjective of their German label: "bitte den geräuscharmen Lüfter" for
 * "Geräuscharmer Lüfter", "mit elektrischer Abtauheizung" for "Elektrische Abtauheizung" — the extra was dropped.
 * hvac (the two configurable models; no other catalog labels its options with adjectives).
 */
import { describe, expect, it } from "vitest";
import { Chat, hvacWorld } from "./helpers.ts";

describe("inflected option words", { timeout: 120_000 }, () => {
  it("condensing unit: 'Als Option bitte den geräuscharmen Lüfter' chooses the low-noise fan", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say(
      "Verflüssigungssatz nach Konfiguration für den Huber Kühlraum: R134a, Normalkühlung, 230 V einphasig, Innenaufstellung. Als Option bitte den geräuscharmen Lüfter, sonst nix.",
    );
    const line = chat.turns.at(-1)!.thread.draft.lines[0]!;
    expect(line.sku).toBe("CU-CFG");
    expect(line.options).toMatchObject({ extras: ["lownoise"], housing: ["indoor"], refrigerant: ["R134a"] });
  });

  it("unit cooler: 'mit elektrischer Abtauheizung' chooses the electric defrost", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say("Verdampfer UC-CFG für den Edeka freezer: UC 3, Tiefkühlung, 7 mm, mit elektrischer Abtauheizung");
    const line = chat.turns.at(-1)!.thread.draft.lines[0]!;
    expect(line.sku).toBe("UC-CFG");
    expect(line.options).toMatchObject({ defrost: ["electric"] });
  });
});
