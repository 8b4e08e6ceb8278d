/**
 * How the offline consultant writes a line's quantity: the engine's number with the language's decimal sign, and the
 * order unit in words ("2,5 Kartons", "2.5 boxes"); pieces go without a word ("3 × SKU").
 */
import { describe, expect, it } from "vitest";
import { qty } from "../../../agent/models/offline/replies.ts";

describe("a quantity in a reply", () => {
  it("German: a decimal comma and the unit's German word, one or many", () => {
    expect(qty(2.5, "BOX", "de")).toBe("2,5 Kartons");
    expect(qty(1, "ROL", "de")).toBe("1 Rolle");
    expect(qty(12.5, "MTR", "de")).toBe("12,5 m");
  });

  it("English: a decimal point and the unit's English word", () => {
    expect(qty(2.5, "BOX", "en")).toBe("2.5 boxes");
    expect(qty(1, "BAG", "en")).toBe("1 bag");
  });

  it("pieces have no word, a code without one stays the code, a missing number is a question mark", () => {
    expect(qty(3, "PCE", "de")).toBe("3");
    expect(qty(4, "XYZ", "en")).toBe("4 XYZ");
    expect(qty(undefined, "BOX", "en")).toBe("? boxes");
  });
});
