/**
 * Session 16 (lead), found by chatting with the product as a buyer on the fluid-power catalog.
 *
 * 1. "I need 10 m of hose for Press 3" put 10 axial piston pumps (EUR 29,232) on the order: the catalog's synonym list
 *    gives "hydraulic hose" for "hose", and a part the machine's fitment lists held the group by "hydraulic" alone (its
 *    search terms say "hydraulic pump"). A phrase the synonym list gives is held by a product only with all its words —
 *    a machine's listed part that shares one word of it is not what the buyer asked for.
 * 2. "I need a seal kit for the cylinder" picked one seal kit among a dozen with confidence (the one whose name leads
 *    with "cylinder": "Shot cylinder seal kit DC 400"), and with "on Press 3" that kit — which does not fit the press —
 *    won over the press's own seal kits. Words after the buyer's "for" name the target; a name that has them in its own
 *    "for …" ("Seal kit for CD cylinder") says the same thing and is not ranked below one that leads with them.
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  importedWorld,
  chatAfter,
  draftLines,
  fluidWorld,
  intralogisticsWorld,
  weldingWorld,
  type World,
} from "./helpers.ts";

const T = 60_000;

/** The draft's [sku, quantity] after the buyer's messages, and the last reply. */
async function draftAndReply(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  return { lines: draftLines(chat).map((l) => [String(l[0]), Number(l[1])] as const), text: chat.turns.at(-1)!.text };
}

describe("a machine's listed part does not take a request by one word of a synonym phrase", () => {
  const cases: [() => World, string, string, string, string][] = [
    // [world, customer, message, SKU that must not be taken, SKU prefix of what was asked for]
    [fluidWorld, "F-4001", "I need 10 m of hose for Press 3", "PUMP-AP-45", "HOSE-"],
    [fluidWorld, "F-4001", "10 m hose for Big Bertha please", "PUMP-AP-45", "HOSE-"],
    [weldingWorld, "WD-4101", "I need a new liner for Halle 1 Platz 2", "WFM-400-", "LN-"],
    // Guard (passes on main too): "charging unit" for "charger" beside a seal kit for a lift unit.
    [intralogisticsWorld, "L-8001", "we need a charger for Ameise 2", "SK-EP20-PUMP", "CHG-"],
  ];
  for (const [world, customer, say, wrong, asked] of cases)
    test(`"${say}"`, { timeout: T }, async () => {
      const { lines, text } = await draftAndReply(world, customer, say);
      expect(
        lines.map((l) => l[0]).filter((s) => s.startsWith(wrong)),
        text,
      ).toEqual([]);
      // What was asked for is on the order or offered.
      expect(lines.some((l) => l[0].startsWith(asked)) || text.includes(asked), text).toBe(true);
    });
});

describe("'a seal kit for the cylinder': the target after 'for' does not pick one kit among many", () => {
  test("without a machine: the seal kits are listed, none is added", { timeout: T }, async () => {
    const { lines, text } = await draftAndReply(fluidWorld, "F-4001", "I need a seal kit for the cylinder");
    expect(lines, text).toEqual([]);
    expect(text.match(/SK-/g)?.length ?? 0, text).toBeGreaterThanOrEqual(3);
  });
  test("with the press named: only kits that fit the press are offered or added", { timeout: T }, async () => {
    const { lines, text } = await draftAndReply(fluidWorld, "F-4001", "I need a seal kit for the cylinder on Press 3");
    expect(
      lines.map((l) => l[0]),
      text,
    ).not.toContain("SK-DC400-SHOT-FKM");
    expect(text).not.toContain("does not fit");
    expect(text).toContain("SK-PR250-MAIN");
  });
  // Guard (passes on main too: the German names lead alike).
  test("German: 'Dichtsatz für den Zylinder an Press 3'", { timeout: T }, async () => {
    const { lines, text } = await draftAndReply(
      fluidWorld,
      "F-4001",
      "brauche einen Dichtsatz für den Zylinder an Press 3",
    );
    expect(
      lines.map((l) => l[0]),
      text,
    ).not.toContain("SK-DC400-SHOT-FKM");
    expect(text).toContain("SK-PR250-MAIN");
  });
  // Guard: a name that carries more of the buyer's words still wins ("bolt set for the mower blades").
  test("guard: 'bolt set for the mower blades' is the blade bolt set", { timeout: T }, async () => {
    const { lines, text } = await draftAndReply(agripartsWorld, "A-9001", "2 bolt sets for the mower blades");
    expect(lines, text).toEqual([["MBL-BOLT-25", 2]]);
  });
});

/**
 * 3. "Gummituch für die Speedmaster": the blankets were listed with only the made-to-measure one fitting among the
 *    first five checked — a product built to order fits whatever it is configured to, so the next candidates whose
 *    names carry the request's words are checked too, and the stock blanket that fits the press is offered. (That the
 *    underlay sheets listed for the press, filed with the blankets, do not lead is fix16p's search change.)
 */
describe("a built-to-order fit does not end the fit check of a machine's candidates", () => {
  const printingWorld = () => importedWorld("evals/catalogs/printing");
  for (const say of [
    "Gummituch für die Speedmaster, was habt ihr da?",
    "2 Gummitücher für die Speedmaster bitte",
    "we need a printing blanket for the Speedmaster",
  ])
    test(`printing: "${say}"`, { timeout: T }, async () => {
      const { lines, text } = await draftAndReply(printingWorld, "PR-4101", say);
      expect(
        lines.map((l) => l[0]),
        text,
      ).not.toContain("UL-74-PAK");
      expect(text).not.toContain("UL-74-PAK");
      expect(lines.some((l) => l[0] === "GT-74-NBR-SS") || text.includes("GT-74-NBR-SS"), text).toBe(true);
    });
});
