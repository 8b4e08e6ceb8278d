import { describe, expect, it } from "vitest";
import { hashDraft } from "../../tools/draft-hash.ts";

describe("hashDraft", () => {
  const a = {
    lines: [
      { lineId: "1", sku: "A", quantity: 2, options: { seal: ["FKM"], voltage: ["400V"] } },
      { lineId: "2", sku: "B", quantity: 1 },
    ],
    shipToId: "S",
  };

  it("does not depend on key order or on undefined members", () => {
    const b = {
      shipToId: "S",
      poReference: undefined,
      lines: [
        { quantity: 2, options: { voltage: ["400V"], seal: ["FKM"] }, sku: "A", lineId: "1" },
        { sku: "B", lineId: "2", quantity: 1 },
      ],
    };
    expect(hashDraft(b)).toBe(hashDraft(a));
    expect(hashDraft(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with line order and with any value", () => {
    expect(hashDraft({ ...a, lines: [a.lines[1]!, a.lines[0]!] })).not.toBe(hashDraft(a));
    expect(hashDraft({ ...a, lines: [{ ...a.lines[0]!, quantity: 3 }, a.lines[1]!] })).not.toBe(hashDraft(a));
    expect(hashDraft({ ...a, shipToId: "T" })).not.toBe(hashDraft(a));
  });
});
