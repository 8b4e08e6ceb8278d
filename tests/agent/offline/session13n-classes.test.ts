/**
 * Understanding classes of session 13 (helper nlu13) from the "known classes left" list: values written in lower case
 * ("18 a", "230 v ac") read as values, a series number behind a typing slip ("swries 6") not read as a count, and a
 * cross-section written with a decimal comma ("4G2,5") in an English message. In the phrasings below all of them
 * already read right on main (50d0fea): these are guards, kept so the classes stay closed; the failures the list
 * recorded came from noisy conversations whose other slips (machine names, order words) this file does not cover.
 */
import { describe, expect, it } from "vitest";
import { agripartsWorld, automationWorld, draftAfter } from "./helpers.ts";

describe("guard: unit values written in lower case are values, not words", () => {
  for (const [text, expected] of [
    // (The buyer's only machine takes the 24 V DC one — its coil rule passes there, session 30; the 230 V AC ones fail it.)
    ["2 contactors 18 a 24 v dc please", [["CT-18-24DC", 2, "M-3003-01"]]],
    ["we need 3 contactors 18 a, coil 230 v ac", [["CT-18-230AC", 3, null]]],
    ["contactor 18 a 230 v ac x2", [["CT-18-230AC", 2, null]]],
    ["need 2 more of the 18 a contactors, 230 v ac coil", [["CT-18-230AC", 2, null]]],
    ["2 power supplies 24 v dc 5 a", [["PSU-24-5", 2, null]]],
  ] as const)
    it(`automation: '${text}'`, async () => {
      expect(await draftAfter(automationWorld, "A-3003", text)).toEqual(expected);
    });
});

describe("guard: a series number behind a typing slip names the series, it counts nothing", () => {
  for (const [text, expected] of [
    ["pto shaft guard set swries 6 please", [["PTO-GRD-S6", 1, null]]],
    ["need a quick-release yoke swries 6", [["PTO-YOKE-Z6", 1, null]]],
    ["pto shaft 1010 mm swries 6 with friction clutch", [["PTO-S6-1010-Z6-FC", 1, null]]],
  ] as const)
    it(`agriparts: '${text}'`, async () => {
      expect(await draftAfter(agripartsWorld, "A-9001", text)).toEqual(expected);
    });
});

describe("guard: '4G2,5' in an English message is the cable's cross-section", () => {
  for (const [text, expected] of [
    ["40 m power cable 4G2,5 by the metre", [["CBL-PWR-4G2.5", 40, null]]],
    ["2 rings 4G2,5 please", [["CBL-PWR-4G2.5-R100", 2, null]]],
    ["we need 200 m of the 4G2,5 power cable in 100 m rings", [["CBL-PWR-4G2.5-R100", 2, null]]],
    ["4G2,5 cable, 25 m", [["CBL-PWR-4G2.5", 25, null]]],
  ] as const)
    it(`automation: '${text}'`, async () => {
      expect(await draftAfter(automationWorld, "A-3003", text)).toEqual(expected);
    });
});
