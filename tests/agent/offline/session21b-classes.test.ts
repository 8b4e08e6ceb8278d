/**
 * Session 21 (b), from the visible failures of the weakest catalogs (woodwork, printing, welding, agriparts,
 * watertreat, foodtech) — each class checked on a catalog it was not built from.
 *
 * 1. A part named beside a greeting or a complaint ordered the set that lists it: "howya, need 20 pick-up tines for
 *    big red" added 20 season kits (20 tines, shear bolts, grease — EUR 3,148), "… die Ziehklingen rattern und
 *    hinterlassen Riefen. Ich brauch neue Ziehklingen" the service set, "moin, der Huber Kühlraum vereist dauernd, ich
 *    brauch 1 Filtertrockner" the service kit. The part wins over the set only when it carries every word of the
 *    request, and "howya", "rattern", "vereist" were such words. Words that no name of the catalog writes and neither
 *    the set nor its parts carry now tell the part from the set by nothing: the part is ordered.
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, draftAfter, hvacWorld, type World, woodworkWorld } from "./helpers.ts";

const T = 90_000;

describe("a part named beside a greeting or a complaint is the part, not the set that lists it", () => {
  const cases: [() => World, string, string, string][] = [
    [agripartsWorld, "A-9004", "howya, need 20 pick-up tines for big red", "20×PUT-RB155-B"],
    [
      woodworkWorld,
      "WW-3101",
      "An der Kanten-Kathi wird der Radius an den Kanten nicht mehr sauber, die Ziehklingen rattern und hinterlassen Riefen. Ich brauch neue Ziehklingen.",
      "1×ZK-KA560-R2",
    ],
    [hvacWorld, "H-2001", "howya, need 1 filter drier for the Huber cold room", "1×FD-DML-083"],
    [hvacWorld, "H-2001", "moin, der Huber Kühlraum vereist dauernd, ich brauch 1 Filtertrockner", "1×FD-DML-083"],
  ];
  for (const [world, customer, say, line] of cases)
    test(say, { timeout: T }, async () => {
      const lines = await draftAfter(world, customer, say);
      expect(lines.map(([sku, quantity]) => `${quantity}×${sku}`)).toEqual([line]);
    });
});
