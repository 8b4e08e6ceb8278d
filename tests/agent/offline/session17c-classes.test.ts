/**
 * Buyer classes closed in session 17 (helper fix17c), each played on more than one catalog; every case failed on the
 * code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { demoWorld, draftAfter, intralogisticsWorld, powertransWorld } from "./helpers.ts";

describe("a count for a machine, naming no product, is the count of the order's one line on that machine", () => {
  it("demo: 'ach für pumpe 1 mach 3' sets the pump-1 line to 3 (nothing added)", async () => {
    expect(
      await draftAfter(
        demoWorld,
        "C-1001",
        "2 SE-MS24-CC-EPDM für pumpe 1 und 1 SE-MS28-CC-EPDM für pumpe 2",
        "ach für pumpe 1 mach 3",
      ),
    ).toEqual([
      ["SE-MS24-CC-EPDM", 3, "M-1001-01"],
      ["SE-MS28-CC-EPDM", 1, "M-1001-02"],
    ]);
  });

  it("powertrans: 'für Band 4 bitte 3 Stück' sets the Band-4 line, the order keeps its machines", async () => {
    expect(
      await draftAfter(
        powertransWorld,
        "T-7001",
        "4 UCP-206 für Band 3 und 2 UCP-206 für Band 4",
        "für Band 4 bitte 3 Stück",
      ),
    ).toEqual([
      ["UCP-206", 4, "M-7001-01"],
      ["UCP-206", 3, "M-7001-02"],
    ]);
  });

  it("guard (passed before): intralogistics: 'for Reach 2 make it 3' sets the Reach-2 line", async () => {
    expect(
      await draftAfter(
        intralogisticsWorld,
        "L-8004",
        "2 FLT-HYD-EF for Truck 4 and 1 FLT-HYD-EF for Reach 2",
        "for Reach 2 make it 3",
      ),
    ).toEqual([
      ["FLT-HYD-EF", 2, "M-8004-01"],
      ["FLT-HYD-EF", 3, "M-8004-02"],
    ]);
  });

  it("powertrans, English: 'Band 3 needs 6 of them' sets the Band-3 line", async () => {
    expect(
      await draftAfter(
        powertransWorld,
        "T-7001",
        "4 UCP-206 for Band 3 and 2 UCP-206 for Band 4",
        "Band 3 needs 6 of them",
      ),
    ).toEqual([
      ["UCP-206", 6, "M-7001-01"],
      ["UCP-206", 2, "M-7001-02"],
    ]);
  });
});
