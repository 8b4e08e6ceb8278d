/**
 * Drafts that raise every issue code on the demo world (catalog/seed/demo/README.md, "Issue code index"): shared by
 * the fix tests (./demo.test.ts) and the language tests (./messages.test.ts). Reference date: DEMO_NOW.
 */
import type { Draft, DraftLine, Fix, Issue } from "../../tools/types.ts";

export const l = (sku: string, quantity: number, extra: Partial<DraftLine> = {}): DraftLine => ({
  lineId: extra.lineId ?? "1",
  sku,
  quantity,
  ...extra,
});

export const PUMP = "PU-NCP-CFG";
export const pumpFull = { voltage: ["400"], power: ["2.2"], flangeDN: ["32"], sealMaterial: ["FKM"], atex: ["no"] };

export interface Case {
  code: string;
  customer: string;
  draft: Draft;
  /** Which fix to apply (default: the first); "none" = the code has no concrete fix. */
  fix?: ((fixes: Fix[]) => Fix | undefined) | "none";
  severity?: "block" | "approval" | "warn";
  expectFix?: Partial<Fix>;
  same?: (before: Issue, after: Issue) => boolean;
}

export const CASES: Case[] = [
  { code: "product.unknown_sku", customer: "C-1001", draft: { lines: [l("SE-MS26-CC-EPDM", 1)] } },
  { code: "product.inactive", customer: "C-1001", draft: { lines: [l("PU-NCP-50-250-400", 1)] } },
  {
    code: "product.discontinued",
    customer: "C-1001",
    draft: { lines: [l("SE-MS24-CB-EPDM", 1)] },
    expectFix: { kind: "replace_sku", sku: "SE-MS24-CC-EPDM" } as Partial<Fix>,
  },
  { code: "product.restricted", customer: "C-1001", draft: { lines: [l("PU-NCX-40-200-EX", 1)] } },
  {
    code: "product.region_blocked",
    customer: "C-1005",
    draft: { shipToId: "ST-1005-BASEL", lines: [l("CO-NAOCL-25KG", 2)] },
    expectFix: { kind: "set_ship_to", shipToId: "ST-1005-MARL" } as Partial<Fix>,
  },
  {
    code: "compat.fitment",
    customer: "C-1001",
    draft: { lines: [l("SP-IMP-NCP40-200", 1, { machineId: "M-1001-01" })] },
  },
  {
    code: "compat.serial_range",
    customer: "C-1001",
    draft: { lines: [l("SE-MS24-CC-EPDM", 1, { machineId: "M-1001-02" })] },
    expectFix: { kind: "replace_sku", sku: "SE-MS28-CC-EPDM" } as Partial<Fix>,
  },
  {
    code: "compat.unknown_machine",
    customer: "C-1003",
    draft: { lines: [l("SE-MS24-CC-EPDM", 1, { machineId: "M-1001-01" })] },
    fix: "none",
  },
  { code: "compat.no_machine", customer: "C-1001", draft: { lines: [l("SE-MS24-CC-EPDM", 2)] }, severity: "warn" },
  {
    code: "compat.voltage_mismatch",
    customer: "C-1001",
    draft: { lines: [l("MO-FM100L-2.2-690", 1, { machineId: "M-1001-01" })] },
    expectFix: { kind: "replace_sku", sku: "MO-FM100L-2.2-400" } as Partial<Fix>,
  },
  {
    code: "compat.phase_mismatch",
    customer: "C-1007",
    draft: { lines: [l("MO-FM80-0.75-230-3", 1, { machineId: "M-1007-01" })] },
    expectFix: { kind: "replace_sku", sku: "MO-FM80-0.75-230" } as Partial<Fix>,
  },
  {
    code: "compat.frequency_mismatch",
    customer: "C-1008",
    draft: { lines: [l("MO-FM100L-2.2-400", 1, { machineId: "M-1008-01" })] },
    expectFix: { kind: "replace_sku", sku: "MO-FM100L-2.2-440-60" } as Partial<Fix>,
  },
  {
    code: "compat.pressure_rating",
    customer: "C-1003",
    draft: { lines: [l("VA-BFV-DN40-PN10-EPDM", 1, { machineId: "M-1003-02" })] },
    expectFix: { kind: "replace_sku", sku: "VA-BFV-DN40-PN16-EPDM" } as Partial<Fix>,
  },
  {
    code: "compat.temperature_rating",
    customer: "C-1003",
    draft: { lines: [l("SE-MS28-CC-NBR", 1, { machineId: "M-1003-01" })] },
  },
  {
    code: "compat.material_medium",
    customer: "C-1005",
    draft: { lines: [l("SE-MS28-CC-EPDM", 1, { machineId: "M-1005-03" })] },
    expectFix: { kind: "replace_sku", sku: "SE-MS28-CC-FKM" } as Partial<Fix>,
  },
  {
    code: "compat.connection_mismatch",
    customer: "C-1001",
    draft: { lines: [l("FI-FL-DN40-PN16-ST", 2, { machineId: "M-1001-01" })] },
    expectFix: { kind: "replace_sku", sku: "FI-FL-DN32-PN16-ST" } as Partial<Fix>,
  },
  {
    code: "compat.line_voltage_mismatch",
    customer: "C-1001",
    draft: { lines: [l("PU-NCP-32-160-400", 1), l("MO-FM100L-2.2-690", 1, { lineId: "2" })] },
  },
  {
    code: "compat.line_flange_mismatch",
    customer: "C-1001",
    draft: { lines: [l("PU-NCP-32-160-400", 1), l("VA-CV-DN40-PN16", 1, { lineId: "2" })] },
    expectFix: { kind: "replace_sku", sku: "VA-CV-DN32-PN16" } as Partial<Fix>,
  },
  {
    code: "compat.line_counterflange_mismatch",
    customer: "C-1001",
    draft: { lines: [l("PU-NCP-32-160-400", 1), l("FI-FL-DN40-PN16-ST", 2, { lineId: "2" })] },
    expectFix: { kind: "replace_sku", sku: "FI-FL-DN32-PN16-ST" } as Partial<Fix>,
  },
  {
    code: "compat.missing_mandatory",
    customer: "C-1004",
    draft: { lines: [l("AC-PT-0-16-420", 1)] },
    expectFix: { kind: "add_line", sku: "AC-CBL-M12-5M", quantity: 1 } as Partial<Fix>,
  },
  {
    code: "config.missing_choice",
    customer: "C-1001",
    draft: { lines: [l(PUMP, 1, { options: { voltage: ["400"] } })] },
    same: (a, b) => a.details?.group === b.details?.group,
  },
  {
    code: "config.too_many_choices",
    customer: "C-1001",
    draft: { lines: [l(PUMP, 1, { options: { ...pumpFull, extras: ["gauges", "drain", "vibration"] } })] },
  },
  {
    code: "config.inconsistent",
    customer: "C-1001",
    draft: { lines: [l(PUMP, 1, { options: { ...pumpFull, atex: ["yes"], sealMaterial: ["EPDM"] } })] },
  },
  {
    code: "config.unknown_option",
    customer: "C-1001",
    draft: { lines: [l(PUMP, 1, { options: { ...pumpFull, voltage: ["480"] } })] },
  },
  { code: "qty.invalid", customer: "C-1001", draft: { lines: [l("SE-MS24-CC-EPDM", 0)] } },
  {
    code: "qty.below_moq",
    customer: "C-1001",
    draft: { lines: [l("CO-CABLETIE-200-B100", 3)] },
    expectFix: { kind: "set_quantity", quantity: 5 } as Partial<Fix>,
  },
  { code: "qty.not_step", customer: "C-1001", draft: { lines: [l("FI-TUBE-PE-6X12", 12)] } },
  {
    code: "qty.above_max",
    customer: "C-1001",
    draft: { lines: [l("CO-GLYCOL-30-200L", 6)] },
    expectFix: { kind: "set_quantity", quantity: 4 } as Partial<Fix>,
  },
  {
    code: "qty.unit_mismatch",
    customer: "C-1001",
    draft: { lines: [l("SE-OR-75X3-EPDM-B10", 25, { unit: "PCE" })] },
    expectFix: { kind: "set_quantity", quantity: 3, unit: "BOX" } as Partial<Fix>,
  },
  {
    code: "stock.partial",
    customer: "C-1001",
    draft: { lines: [l("PU-NCP-32-160-400", 5)] },
    severity: "warn",
    fix: (f) => f.find((x) => x.kind === "set_quantity"),
  },
  { code: "stock.backorder", customer: "C-1004", draft: { lines: [l("PU-NCP-32-160-400", 5)] }, severity: "warn" },
  {
    code: "stock.insufficient",
    customer: "C-1004",
    draft: { lines: [l("MO-FM132S-5.5-400-IE2", 3)] },
    expectFix: { kind: "set_quantity", quantity: 2 } as Partial<Fix>,
  },
  // Inbound 2027-01-20 at WH-NORTH (DE-N) + 2 shipping days to C-1004's ship-to in DE-S.
  {
    code: "stock.late_for_requested_date",
    customer: "C-1004",
    draft: { requestedDate: "2026-12-10", lines: [l("PU-NCP-32-160-400", 5)] },
    severity: "warn",
    expectFix: { kind: "set_requested_date", date: "2027-01-22" } as Partial<Fix>,
  },
  {
    code: "price.contract_expired",
    customer: "C-1004",
    draft: { lines: [l("SE-MC16-EPDM", 2)] },
    severity: "warn",
    fix: "none",
  },
  { code: "price.currency_mismatch", customer: "C-1001", draft: { lines: [l("AC-FM-CLAMP-USD", 1)] }, fix: "none" },
  {
    code: "price.requested_below",
    customer: "C-1001",
    draft: { lines: [l("SE-MS24-CC-EPDM", 2, { machineId: "M-1001-01", requestedUnitPriceCents: 8000 })] },
    severity: "approval",
    fix: "none",
  },
  {
    code: "credit.blocked",
    customer: "C-1002",
    draft: { lines: [l("SE-MS24-CC-EPDM", 1, { machineId: "M-1002-01" })] },
    fix: "none",
  },
  {
    code: "credit.overrun_approval",
    customer: "C-1003",
    draft: { lines: [l("PU-NCP-40-200-400", 1)] },
    severity: "approval",
    fix: "none",
  },
  { code: "credit.limit_exceeded", customer: "C-1003", draft: { lines: [l("PU-NCP-40-200-400", 3)] }, fix: "none" },
  {
    code: "credit.prepayment_required",
    customer: "C-1009",
    draft: { lines: [l("SE-MS24-CC-EPDM", 1, { machineId: "M-1009-01" })] },
    severity: "warn",
    fix: "none",
  },
  {
    code: "policy.order_value_approval",
    customer: "C-1004",
    draft: { lines: [l("PU-NCP-40-200-400", 9)] },
    severity: "approval",
    fix: "none",
  },
  {
    code: "policy.discount_approval",
    customer: "C-1004",
    draft: { requestedDiscountPct: 8, lines: [l("FL-CART-10-5UM", 10)] },
    severity: "approval",
    fix: "none",
  },
  {
    code: "policy.discount_requested",
    customer: "C-1001",
    draft: { requestedDiscountPct: 10, lines: [l("SE-MS24-CC-EPDM", 2, { machineId: "M-1001-01" })] },
    severity: "warn",
    fix: "none",
  },
  { code: "policy.min_order_value", customer: "C-1007", draft: { lines: [l("FI-NIP-G1-SS", 1)] }, fix: "none" },
  {
    code: "shipto.unknown",
    customer: "C-1001",
    draft: { shipToId: "ST-1005-BASEL", lines: [l("SE-MS24-CC-EPDM", 2, { machineId: "M-1001-01" })] },
  },
  { code: "order.empty", customer: "C-1001", draft: { lines: [] }, fix: "none" },
];
