/**
 * "A fix the buyer can't use is not a fix": every replacement the engine offers is the same type of product and
 * passes the check that blocked (and every other line check) once applied; when there is none, a restricted product
 * says what the buyer can do. Replacements are ranked by the engine's verdict on them. On the demo world
 * (DEMO_NOW) and on a generated catalog (no demo knowledge: the cases are picked from the data).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { generateCatalog } from "../../catalog/generate/index.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { typePhrase } from "../../tools/checks/product-type.ts";
import { validateDraft } from "../../tools/engine.ts";
import type { Draft, DraftLine, Fix, Issue, ValidationReport } from "../../tools/types.ts";
import { issuesOf } from "./helpers.ts";
import { applyFix } from "./world.ts";

type Replace = Extract<Fix, { kind: "replace_sku" }>;
const replacements = (i: Issue | undefined): Replace[] =>
  (i?.fixes ?? []).filter((f): f is Replace => f.kind === "replace_sku");
const line = (sku: string, quantity: number, extra: Partial<DraftLine> = {}): DraftLine => ({
  lineId: "1",
  sku,
  quantity,
  ...extra,
});
const blocks = (r: ValidationReport, lineId: string) =>
  r.lines.find((l) => l.lineId === lineId)!.issues.filter((i) => i.severity === "block");

describe("replacement fixes on the demo world", () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(":memory:");
    seedDemo(db);
  });
  const run = (customerId: string, d: Draft) =>
    validateDraft(d, { customerId, now: DEMO_NOW, data: createCatalogReader(db) });

  it("a hazardous chemical the customer may not buy gets no unrelated product, and says a rep can record the certification", () => {
    for (const sku of ["CO-NAOCL-25KG", "CO-DESCALE-ACID-25KG"]) {
      const [restricted] = issuesOf(run("C-1001", { lines: [line(sku, 2)] }), "product.restricted");
      // Before: cable ties, gear oil and white oil — same category, nothing the buyer could use instead.
      expect(replacements(restricted), sku).toEqual([]);
      expect(restricted!.fixes).toEqual([{ kind: "remove_line", lineId: "1" }]);
      expect(restricted!.nextSteps).toEqual([
        {
          kind: "rep_records_certification",
          certification: "hazmat",
          message: expect.stringContaining("sales rep"),
          text: { key: "next.rep_records_certification", params: expect.anything() },
        },
      ]);
      expect(restricted!.message).toMatch(/no product of the same type/i);
    }
  });

  it("restricted ATEX items are replaced by the same type only, the unrestricted twin first; each one validates", () => {
    const cases: [string, string[]][] = [
      ["MO-FM112M-4.0-EX", ["MO-FM112M-4.0-400"]],
      ["AC-PT-0-16-EX", ["AC-PT-0-16-420"]],
      ["VA-BFV-DN40-PN16-EX", ["VA-BFV-DN40-PN16-FKM", "VA-BFV-DN40-PN16-EPDM"]],
    ];
    for (const [sku, first] of cases) {
      const draft = { lines: [line(sku, 1)] };
      const [restricted] = issuesOf(run("C-1001", draft), "product.restricted");
      const offered = replacements(restricted);
      expect(
        offered.slice(0, first.length).map((f) => f.sku),
        sku,
      ).toEqual(first);
      // Not a check valve for a butterfly valve, not a pressure gauge for a transmitter.
      for (const f of offered) {
        expect(typePhrase(f.reason.split(" — ")[0]!).head, `${sku} → ${f.sku}`).toBe(
          typePhrase(run("C-1001", draft).lines[0]!.name!).head,
        );
        expect(blocks(run("C-1001", applyFix(draft, f)), "1"), `${sku} → ${f.sku}`).toEqual([]);
      }
      expect(restricted!.nextSteps?.[0]).toMatchObject({ kind: "rep_records_certification", certification: "atex" });
    }
  });

  it("ranks by the engine's verdict: a valve that fits cleanly before one whose liner only has limited resistance", () => {
    // Pump 2 pumps caustic CIP: EPDM is fine, FKM is rated `limited` (a caution); both are butterfly valves DN32.
    const [restricted] = issuesOf(
      run("C-1001", { lines: [line("VA-BFV-DN40-PN16-EX", 1, { machineId: "M-1001-02" })] }),
      "product.restricted",
    );
    const offered = replacements(restricted);
    expect(offered.map((f) => f.sku)).toEqual(["VA-BFV-DN32-PN16-EPDM", "VA-BFV-DN32-PN16-FKM"]);
    expect(offered[1]!.reason).toMatch(/limited resistance/);
  });

  it("offers a discontinued part's successor only when it fits the machine; else same-type parts that do", () => {
    // SE-MS24-CB-EPDM's successor SE-MS24-CC-EPDM is a 24 mm seal; Pump 2 is generation 2 (28 mm shaft).
    const draft = { lines: [line("SE-MS24-CB-EPDM", 1, { machineId: "M-1001-02" })] };
    const [discontinued] = issuesOf(run("C-1001", draft), "product.discontinued");
    const offered = replacements(discontinued);
    expect(offered.map((f) => f.sku)).not.toContain("SE-MS24-CC-EPDM");
    expect(offered[0]!.sku).toBe("SE-MS28-CC-EPDM");
    expect(discontinued!.message).toMatch(/SE-MS24-CC-EPDM.*cannot replace it here/);
    expect(run("C-1001", applyFix(draft, offered[0]!)).lines[0]!.verdict).toBe("accepted");
    // On Pump 1 (generation 1) the successor is the fix.
    const [onPump1] = issuesOf(
      run("C-1001", { lines: [line("SE-MS24-CB-EPDM", 1, { machineId: "M-1001-01" })] }),
      "product.discontinued",
    );
    expect(replacements(onPump1).map((f) => f.sku)).toEqual(["SE-MS24-CC-EPDM"]);
  });

  it("every replacement offered for any product on any machine of four customers, applied, clears the line", () => {
    const products = db.$client
      .prepare("SELECT sku, moq FROM products WHERE config_model_id IS NULL ORDER BY sku")
      .all() as { sku: string; moq: number }[];
    const machines: [string, string | undefined][] = [
      ["C-1001", "M-1001-02"],
      ["C-1003", "M-1003-01"],
      ["C-1005", "M-1005-03"],
      ["C-1007", undefined],
    ];
    const failures: string[] = [];
    let checked = 0;
    for (const [customerId, machineId] of machines)
      for (const p of products) {
        const draft = { lines: [line(p.sku, p.moq, machineId ? { machineId } : {})] };
        const before = run(customerId, draft);
        for (const i of blocks(before, "1"))
          for (const f of replacements(i)) {
            checked++;
            const left = blocks(run(customerId, applyFix(draft, f)), "1").filter(
              // A companion part the line needs is offered as the next fix (add_line): ranked last, still usable.
              (x) => x.code !== "compat.missing_mandatory",
            );
            if (left.length > 0) failures.push(`${customerId} ${p.sku} ${i.code} → ${f.sku}: ${left[0]!.code}`);
          }
      }
    expect(checked).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });
});

describe("replacement fixes on a generated catalog", () => {
  const AS_OF = "2026-06-01";
  const NOW = new Date(`${AS_OF}T08:00:00Z`);
  let db: Db;
  beforeAll(() => {
    db = openDatabase(":memory:");
    importCatalog(db, generateCatalog({ skus: 2_000, seed: 7, customers: 20, asOf: AS_OF }));
  });
  const run = (customerId: string, d: Draft) =>
    validateDraft(d, { customerId, now: NOW, data: createCatalogReader(db) });
  const sql = <T>(q: string, ...args: unknown[]) => db.$client.prepare(q).all(...args) as T[];

  it("a certified product is replaced by the same type only, or the issue says a rep can record the certification", () => {
    const restricted = sql<{ sku: string; name: string; moq: number; cert: string }>(
      "SELECT sku, name, moq, requires_certification AS cert FROM products WHERE requires_certification IS NOT NULL AND lifecycle = 'active' AND config_model_id IS NULL ORDER BY sku",
    );
    const customers = sql<{ id: string; certs: string }>(
      "SELECT id, certifications AS certs FROM customers WHERE blocked = 0 ORDER BY id",
    );
    expect(restricted.length).toBeGreaterThan(5);
    let withoutAlternative = 0;
    for (const p of restricted) {
      const customer = customers.find((c) => !(JSON.parse(c.certs) as string[]).includes(p.cert))!;
      const draft = { lines: [line(p.sku, p.moq)] };
      const [issue] = issuesOf(run(customer.id, draft), "product.restricted");
      expect(issue?.nextSteps, p.sku).toEqual([
        {
          kind: "rep_records_certification",
          certification: p.cert,
          message: expect.any(String),
          text: { key: "next.rep_records_certification", params: expect.anything() },
        },
      ]);
      const offered = replacements(issue);
      if (offered.length === 0) withoutAlternative++;
      for (const f of offered) {
        const after = run(customer.id, applyFix(draft, f));
        expect(typePhrase(after.lines[0]!.name!).head, `${p.name} → ${after.lines[0]!.name}`).toBe(
          typePhrase(p.name).head,
        );
        expect(blocks(after, "1"), `${p.sku} → ${f.sku}`).toEqual([]);
      }
    }
    // The generator's restricted chemicals have no unrestricted product of their type (before: an antifreeze was
    // offered for a descaler, a glycol for a biocide).
    expect(withoutAlternative).toBeGreaterThan(0);
  });

  it("a product that may not ship to the region is replaced by the same type that may", () => {
    const blocked = sql<{ sku: string; name: string; moq: number; regions: string }>(
      "SELECT sku, name, moq, blocked_regions AS regions FROM products WHERE blocked_regions <> '[]' AND lifecycle = 'active' AND config_model_id IS NULL AND requires_certification IS NULL ORDER BY sku",
    );
    expect(blocked.length).toBeGreaterThan(3);
    let offeredSome = 0;
    for (const p of blocked) {
      const region = (JSON.parse(p.regions) as string[])[0]!;
      const [customer] = sql<{ id: string }>(
        "SELECT c.id FROM customers c WHERE c.blocked = 0 AND NOT EXISTS (SELECT 1 FROM ship_tos s WHERE s.customer_id = c.id AND s.region <> ?) AND EXISTS (SELECT 1 FROM ship_tos s WHERE s.customer_id = c.id) ORDER BY c.id LIMIT 1",
        region,
      );
      if (!customer) continue;
      const draft = { lines: [line(p.sku, p.moq)] };
      const [issue] = issuesOf(run(customer.id, draft), "product.region_blocked");
      expect(issue, p.sku).toBeDefined();
      const offered = replacements(issue);
      if (offered.length > 0) offeredSome++;
      for (const f of offered) {
        const after = run(customer.id, applyFix(draft, f));
        expect(typePhrase(after.lines[0]!.name!).head).toBe(typePhrase(p.name).head);
        expect(blocks(after, "1"), `${p.sku} → ${f.sku}`).toEqual([]);
      }
    }
    // Before: only another ship-to or removing the line (no customer here has another region).
    expect(offeredSome).toBeGreaterThan(0);
  });
});

describe("a rule between two lines offers changing either line (power transmission, belts vs pulley)", () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(":memory:");
    importCatalog(db, "evals/catalogs/powertrans");
  });
  const run = (d: Draft) => validateDraft(d, { customerId: "T-7001", now: DEMO_NOW, data: createCatalogReader(db) });
  const draft: Draft = {
    lines: [line("VB-SPZ-1250", 3, { lineId: "L1" }), line("PU-SPA-125-3-1610", 1, { lineId: "L2" })],
  };

  it("SPZ belts with an SPA pulley: belts for the pulley AND pulleys for the belts, each clearing the block", () => {
    const [mismatch] = issuesOf(run(draft), "compat.line_belt_pulley");
    const fixes = replacements(mismatch);
    // Before: only other belts (line L1) or removing the pulley — a buyer whose belts are right could not keep them.
    expect(fixes.filter((f) => f.lineId === "L1").length).toBeGreaterThan(0);
    const pulleys = fixes.filter((f) => f.lineId === "L2");
    expect(pulleys.length).toBeGreaterThan(0);
    for (const f of fixes) {
      const after = run(applyFix(draft, f));
      expect(issuesOf(after, "compat.line_belt_pulley"), `${f.lineId} → ${f.sku}`).toEqual([]);
    }
  });
});
