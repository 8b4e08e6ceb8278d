/**
 * "and 1 contactor CT-12-24DC for Line 3" after a sensor cable for the same machine replaced the cable on line 1 with
 * the contactor: "Line 3" was read as a reference to a line of the order, though the order had one line and "Line 3" is
 * the machine's label. A line reference needs that line on the order and is not the label of the machine named;
 * "make line 2 three boxes" still changes line 2 (demo world). automation (English and German).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, demoWorld, draftLines } from "./helpers.ts";

describe("a machine labelled like a line is no line of the order", { timeout: 120_000 }, () => {
  it("automation (English): a contactor for Line 3 after a cable for Line 3 is a second line", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("2 x 5 m sensor cable M12 for Line 3");
    await chat.say("and 1 contactor CT-12-24DC for Line 3");
    expect(draftLines(chat)).toEqual([
      ["CBL-M12-4P-5M", 2, "M-3001-01"],
      ["CT-12-24DC", 1, "M-3001-01"],
    ]);
  });

  it("automation (German): 'und 2 x 5 m Sensorleitung M12 für Line 3' after a contactor adds the cables", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("1 Schütz CT-12-24DC für Line 3");
    await chat.say("und 2 x 5 m Sensorleitung M12 für Line 3");
    expect(draftLines(chat)).toEqual([
      ["CT-12-24DC", 1, "M-3001-01"],
      ["CBL-M12-4P-5M", 2, "M-3001-01"],
    ]);
  });

  it("demo world: 'make line 2 three boxes' still changes line 2", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    await chat.say("2 SE-MS28-SIC-FKM for pump 2");
    await chat.say("and 1 box o-rings 75x3 FKM");
    await chat.say("make line 2 three boxes");
    expect(draftLines(chat).map(([sku, q]) => [sku, q])).toEqual([
      ["SE-MS28-SIC-FKM", 2],
      ["SE-OR-75X3-FKM-B10", 3],
    ]);
  });
});
