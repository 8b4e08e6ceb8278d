/**
 * One table of order units for the words shown (`unitWord`) and the codes a buyer's word is read as (`unitCodesLike`,
 * used by the offline consultant's recogniser): a unit whose words are the same in some language is the same unit.
 */
import { describe, expect, it } from "vitest";
import { unitCodesLike, unitWord } from "../../tools/messages/units.ts";

describe("order-unit codes", () => {
  it("'Kartons' is a BOX, a KAR or a CT, whichever the catalog writes — each shown as Kartons", () => {
    const like = unitCodesLike("BOX");
    expect(like[0]).toBe("BOX");
    for (const code of ["BX", "KAR", "KRT", "CT", "CTN"]) {
      expect(like).toContain(code);
      expect(unitWord(code, 2, "de")).toBe("Kartons");
    }
  });

  it("a case (Kiste) is no carton, a cartridge no case", () => {
    expect(unitCodesLike("BOX")).not.toContain("CS");
    expect(unitCodesLike("CS")).toEqual(["CS", "CASE"]);
    expect(unitCodesLike("CAR")).toEqual(["CAR", "CTG", "CQ"]);
  });

  it("the code asked for comes first, also one of the unit's other codes; an unknown code is itself", () => {
    expect(unitCodesLike("PL")).toEqual(["PL", "PAIL"]);
    expect(unitCodesLike("xyz")).toEqual(["XYZ"]);
  });
});
