/**
 * The configuration questions speak the buyer's language: a German buyer is asked for the option groups by the
 * catalog's German group labels ("Netzanschluss", "Feldbus"), not by the English ones.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat } from "./helpers.ts";

describe("option questions in the buyer's language", () => {
  it("asks a German buyer for the inverter's choices by their German labels", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const turn = await chat.say("Ich brauche einen konfigurierbaren Frequenzumrichter VFD-CFG für Linie 3");
    expect(turn.text).toMatch(/Netzanschluss/);
    expect(turn.text).not.toMatch(/^Supply:/m);
  });

  it("asks an English buyer by the English labels", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const turn = await chat.say("I need a configurable inverter VFD-CFG for line 3");
    expect(turn.text).toMatch(/^Supply:/m);
  });
});
