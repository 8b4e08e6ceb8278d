import { describe, expect, it } from "vitest";
import { expectFixResolves, issuesOf } from "../helpers.ts";
import { line, validate } from "../world.ts";

describe("product check", () => {
  it("rejects an unknown SKU with did-you-mean candidates, and the candidate resolves it", () => {
    const { before, fix, after } = expectFixResolves({ lines: [line("SEAL-10O", 2)] }, "product.unknown_sku");
    expect(before.clean).toBe(false);
    expect(before.lines[0]!.verdict).toBe("rejected");
    expect(fix).toMatchObject({ kind: "replace_sku", sku: "SEAL-100" });
    expect(after.lines[0]!.sku).toBe("SEAL-100");
  });

  it("offers removal when nothing resembles the SKU, and never throws on an empty SKU", () => {
    const r = validate({ lines: [line("", 1), line("ZZZZZZZZZZZZ", 1, { lineId: "2" })] });
    expect(issuesOf(r, "product.unknown_sku")).toHaveLength(2);
    expect(issuesOf(r, "product.unknown_sku", "2")[0]!.fixes).toEqual([{ kind: "remove_line", lineId: "2" }]);
  });

  it("replaces a discontinued product by its successor", () => {
    const { fix, after } = expectFixResolves({ lines: [line("SEAL-OLD", 2)] }, "product.discontinued");
    expect(fix).toMatchObject({ kind: "replace_sku", sku: "SEAL-100" });
    expect(after.clean).toBe(true);
  });

  it("offers a same-category alternative for an inactive product", () => {
    const { fix } = expectFixResolves({ lines: [line("SEAL-INACT", 2)] }, "product.inactive");
    expect(fix.kind).toBe("replace_sku");
  });

  it("blocks restricted items for customers without the certification, not for those with it", () => {
    const { issue } = expectFixResolves({ lines: [line("ATEX-KIT", 1)] }, "product.restricted");
    expect(issue.details).toMatchObject({ requires: "atex" });
    expect(issuesOf(validate({ lines: [line("ATEX-KIT", 1)] }, "C-PLAT"), "product.restricted")).toEqual([]);
  });

  it("blocks items that cannot ship to the ship-to region; another ship-to resolves it", () => {
    const { fix, after } = expectFixResolves({ lines: [line("ACID-X", 5)] }, "product.region_blocked");
    expect(fix).toEqual({ kind: "set_ship_to", shipToId: "ST-S" });
    expect(after.clean).toBe(true);
  });
});
