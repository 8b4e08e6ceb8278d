/**
 * Ids of the named demo cases (see demo/README.md), so tests and evals reference them by meaning instead of
 * repeating literals. Only ids live here — every fact (prices, stock, ratings) stays in the JSON data and is
 * checked against it by tests/catalog/demo-seed.test.ts.
 */
export const DEMO = {
  customers: {
    /** platinum, PL-KEY, contract prices incl. a quantity break, no certifications. */
    platinum: "C-1001",
    blocked: "C-1002",
    /** gold; open balance 48,800.00 of a 50,000.00 limit. */
    nearCreditLimit: "C-1003",
    /** silver; no partial shipments; its SE-MC16-EPDM contract expired 2026-06-30. */
    expiredContract: "C-1004",
    /** platinum; certified atex + hazmat; ship-to ST-1005-BASEL is in CH. */
    certified: "C-1005",
    /** gold, region AT, no partial shipments, a contract that starts 2027-01-01. */
    dairy: "C-1006",
    /** bronze, no price list (list prices), single-phase site. */
    listPrices: "C-1007",
    /** silver, marine 440 V / 60 Hz machine. */
    shipyard: "C-1008",
    /** bronze, PREPAID (not blocked): credit.prepayment_required. */
    prepaid: "C-1009",
  },
  /** ST-1005-BASEL is in CH and belongs to C-1005 only (any other customer: shipto.unknown). */
  shipTos: { restrictedRegion: "ST-1005-BASEL", certifiedDefault: "ST-1005-MARL" },
  machines: {
    /** C-1001 "Pump 1": NCP-32-160 gen 1 (serial 14211), water 85 °C, 6 bar, 400 V 3~. */
    pump1Gen1: "M-1001-01",
    /** C-1001 "Pump 2": NCP-32-160 gen 2 (serial 21877), caustic CIP, has AC-CBL-M12-5M fitted. */
    pump2Gen2: "M-1001-02",
    /** C-1003 "Pump 4": NCP-40-200, water 95 °C, 10 bar. */
    hotWaterPump: "M-1003-01",
    /** C-1003 "Booster 1": NMV-15-4, DN40, 14 bar. */
    highPressureBooster: "M-1003-02",
    /** C-1005: NCP-32-160 gen 2 on mineral oil. */
    oilPump: "M-1005-03",
    /** C-1007 "Pump 2": NMV-5-8 on 230 V 1~. */
    singlePhasePump: "M-1007-01",
    /** C-1008: NCP-32-160 gen 1 (serial 19950) on 440 V 60 Hz. */
    marinePump: "M-1008-01",
  },
  skus: {
    unknown: "SE-MS26-CC-EPDM",
    inactive: "PU-NCP-50-250-400",
    discontinued: "SE-MS24-CB-EPDM",
    successor: "SE-MS24-CC-EPDM",
    discontinuedNoSuccessor: "PU-HBX-20",
    restrictedAtex: "PU-NCX-40-200-EX",
    restrictedHazmat: "CO-NAOCL-25KG",
    blockedInCh: "CO-SOLVENT-CLEAN-5L",
    sealGen1: "SE-MS24-CC-EPDM",
    sealGen2: "SE-MS28-CC-EPDM",
    sealNbr90: "SE-MS28-CC-NBR",
    sealFkmGen2: "SE-MS28-CC-FKM",
    impellerNcp40: "SP-IMP-NCP40-200",
    motor690: "MO-FM100L-2.2-690",
    motor400: "MO-FM100L-2.2-400",
    motor230Delta3Phase: "MO-FM80-0.75-230-3",
    motor230SinglePhase: "MO-FM80-0.75-230",
    motorMarine: "MO-FM100L-2.2-440-60",
    valvePn10: "VA-BFV-DN40-PN10-EPDM",
    valvePn16: "VA-BFV-DN40-PN16-EPDM",
    flangeDn40: "FI-FL-DN40-PN16-ST",
    flangeDn32: "FI-FL-DN32-PN16-ST",
    checkValveDn40: "VA-CV-DN40-PN16",
    checkValveDn32: "VA-CV-DN32-PN16",
    pumpDn32: "PU-NCP-32-160-400",
    pumpNcp40: "PU-NCP-40-200-400",
    transmitter: "AC-PT-0-16-420",
    transmitterCable: "AC-CBL-M12-5M",
    configurablePump: "PU-NCP-CFG",
    cableTiesMoq5: "CO-CABLETIE-200-B100",
    tubePerMetre: "FI-TUBE-PE-6X12",
    glycolMax4: "CO-GLYCOL-30-200L",
    oRingBox10: "SE-OR-75X3-EPDM-B10",
    boltsBox50: "FI-BOLT-M16X70-B50",
    scarceAtp2: "SE-MS28-SIC-FKM",
    allReserved: "SP-KIT-NMV10",
    inboundOnly: "AC-VFD-2.2-400",
    tierProtected: "SP-IMP-NCP32-160-G2",
    cartridgeBreaks: "FL-CART-10-5UM",
    cheapNipple: "FI-NIP-G1-SS",
    /** Priced in USD: price.currency_mismatch for every (EUR) customer. */
    pricedInUsd: "AC-FM-CLAMP-USD",
    /** Discontinued, 2 left in WH-SOUTH, never replenished: stock.insufficient above 2. */
    lastUnits: "MO-FM132S-5.5-400-IE2",
  },
  configModel: "CM-NCP",
} as const;
