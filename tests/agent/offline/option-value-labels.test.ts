/**
 * Configuration questions show each value by the catalog's label in the buyer's language — "Gehäuse: outdoor / indoor",
 * "Anwendung: MT / LT" showed the value codes. The code only where the catalog has no label; answers by the label's
 * words or by the code still choose. hvac (German and English) and automation (German).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, hvacWorld } from "./helpers.ts";

describe("option values by their labels", { timeout: 120_000 }, () => {
  it("hvac (German): the condensing unit's groups and values in German; the echo of a forced value too", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    const asked = await chat.say("Ich brauche einen Verflüssigungssatz CU-CFG für den Edeka freezer");
    expect(asked.text).toContain("Anwendung: Normalkühlung (−15 … +5 °C) / Tiefkühlung (−35 … −15 °C)");
    expect(asked.text).toContain("Gehäuse: Außenaufstellung, wetterfestes Gehäuse / Innenaufstellung, offener Rahmen");
    expect(asked.text).toContain("Kältemittel: R449A / R452A / R134a / R290 (Propan)");
    expect(asked.text).not.toMatch(/outdoor|MT \/ LT/);
    await chat.say("R449A");
    const forced = await chat.say("Tiefkühlung");
    expect(forced.text).toContain("Netzanschluss: 400 V 3~ 50 Hz — die einzige Wahl");
    await chat.say("Außenaufstellung");
    const l = chat.turns.at(-1)!.thread.draft.lines[0]!;
    expect(l.options).toMatchObject({ refrigerant: ["R449A"], application: ["LT"], housing: ["outdoor"] });
  });

  it("hvac (English): labels in English, and a fix that sets an option names the group and value", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    const asked = await chat.say("I need a condensing unit CU-CFG for the Edeka freezer");
    expect(asked.text).toContain("Housing: Outdoor, weatherproof housing / Indoor, open frame");
    const fix = new Chat(hvacWorld(), "H-2001");
    const t = await fix.say(
      "Verflüssigungssatz CU-CFG mit R290, Tiefkühlung, 400 V, Innenaufstellung für den Edeka freezer",
    );
    expect(t.text).toMatch(/1\) Kältemittel: R449A/);
  });

  it("automation (German): the drive's fieldbus and protection by their German labels", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const asked = await chat.say("Ich brauche einen Frequenzumrichter VFD-CFG für Line 3");
    expect(asked.text).toContain("Feldbus: Keiner (nur Klemmen) / PROFINET / EtherCAT / Modbus RTU");
    expect(asked.text).toContain("Schutzart: IP20 (Schaltschrank) / IP55 (Wandmontage)");
  });
});
