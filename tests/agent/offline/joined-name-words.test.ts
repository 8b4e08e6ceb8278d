/**
 * Two words of a product name written as one, possibly misspelt: "2 sightglas 1/2" (the "Sight glass SGN 12") was
 * read as an unknown word and the sight glasses were lost among the driers; "returnfilter elements" for "Return filter
 * element". hvac and fluid power (English).
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, fluidWorld, hvacWorld } from "./helpers.ts";

describe("name words written as one", { timeout: 120_000 }, () => {
  it("hvac: '2 sightglas 1/2 + 2 driers 1/2 flare' adds the sight glasses and asks which drier", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    const t = await chat.say("hi, need 2 sightglas 1/2 + 2 driers 1/2 flare for the edeka freezer");
    expect(draftLines(chat)).toEqual([["SG-SGN-12", 2, "M-2001-02"]]);
    expect(t.text).toContain("FD-DML-084");
    await chat.say("dml 084");
    expect(draftLines(chat)).toEqual([
      ["SG-SGN-12", 2, "M-2001-02"],
      ["FD-DML-084", 2, "M-2001-02"],
    ]);
  });

  it("fluid power: '2 returnfilter elements RF 330 10 µm for press 3'", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    await chat.say("2 returnfilter elements RF 330 10 µm for press 3");
    expect(draftLines(chat)).toEqual([["FE-RF-330-10", 2, "M-4001-02"]]);
  });
});
