/**
 * A machine's nickname led by an article ("der alte Kemper", "Der Blaue") is quoted where a reply names it in running
 * text, so the reply's own grammar doesn't collide with the label ("für „der alte Kemper“ verwenden", never "für der
 * alte Kemper verwenden"). Labels without an article are written as they are.
 */
import { describe, expect, it } from "vitest";
import { Chat, importedWorld } from "./helpers.ts";

describe("a nickname led by an article, in running text", () => {
  it("is quoted in the German fix that offers another machine (foodtech)", async () => {
    const chat = new Chat(importedWorld("evals/catalogs/foodtech"), "C-7101");
    const turn = await chat.say("Ich brauch einen PT1000 Temperaturfühler für Ofen 1.");
    expect(turn.text).toContain("für „der alte Kemper“ (Backstube Ulm) verwenden");
    expect(turn.text).not.toMatch(/für der alte/);
    // A label without an article stays as it is.
    expect(turn.text).toContain("für Kneter 2 (Backstube Ulm) verwenden");
  });

  it("is quoted when the parts of that machine are listed (agriparts, a German buyer)", async () => {
    const chat = new Chat(importedWorld("evals/catalogs/agriparts"), "A-9003");
    const turn = await chat.say("Was habt ihr für den Alten?");
    expect(turn.text).toContain("Für „der Alte“ (Amstetten)");
    expect(turn.text).not.toMatch(/[Ff]ür der Alte\b/);
  });
});
