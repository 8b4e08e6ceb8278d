/**
 * Several lines that each need the same mandatory companion ("2 DI 32 modules and a DQ 32", each with its front
 * connector): "yes" to the companion question added the first line's connectors only (2 of 3). The later lines' fix
 * joins the open one — one answer adds them all, and the reply says so. automation (German and English; the only
 * catalog whose products share a mandatory companion).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines } from "./helpers.ts";

describe("a companion several lines need", { timeout: 120_000 }, () => {
  it("automation (German): 'Ja, die Frontstecker mit dazu, je Baugruppe einen' adds 3 for 2 DI and 1 DQ", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const t = await chat.say("Hallo, für die Linie 3 brauche ich zwei DI-Baugruppen 32 Kanal und eine DQ 32.");
    expect(t.text).toContain("„Ja“ fügt 3 × ACC-FC-40");
    await chat.say("Ja, die Frontstecker natürlich mit dazu, je Baugruppe einen.");
    expect(draftLines(chat)).toEqual([
      ["IO-1500-DI32", 2, "M-3001-01"],
      ["IO-1500-DQ32", 1, "M-3001-01"],
      ["ACC-FC-40", 3, "M-3001-01"],
    ]);
  });

  it("automation (English): 2 DI 32 and 1 AI 8 for Line 3, 'yes' adds 3 front connectors", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("2 x IO-1500-DI32 and 1 x IO-1500-AI8 for Line 3");
    await chat.say("yes");
    expect(draftLines(chat).find(([sku]) => sku === "ACC-FC-40")).toEqual(["ACC-FC-40", 3, "M-3001-01"]);
  });
});
