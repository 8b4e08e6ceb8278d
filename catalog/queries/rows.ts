/** Mapping raw SQLite rows to the records of ./types.ts. */
import type { FeatureValue, ProductRecord } from "./types.ts";

export type RawRow = unknown[];

export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== "string") return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Column order of the products statement (raw rows: arrays are much cheaper than objects to build). */
export function toProduct(r: RawRow): ProductRecord {
  return {
    sku: r[0] as string,
    name: r[1] as string,
    description: r[2] as string,
    category: r[3] as string,
    manufacturer: (r[4] as string | null) ?? null,
    orderUnit: r[5] as string,
    contentUnit: r[6] as string,
    contentQty: r[7] as number,
    moq: r[8] as number,
    orderStep: r[9] as number,
    maxQty: (r[10] as number | null) ?? null,
    leadTimeDays: r[11] as number,
    lifecycle: r[12] as string,
    successorSku: (r[13] as string | null) ?? null,
    listPriceCents: r[14] as number,
    currency: r[15] as string,
    hazardous: r[16] === 1,
    requiresCertification: (r[17] as string | null) ?? null,
    blockedRegions: r[18] === "[]" ? [] : parseJson<string[]>(r[18], []),
    configModelId: (r[19] as string | null) ?? null,
    machineModel: (r[20] as string | null) ?? null,
  };
}

/** sku, key, type, num_value, text_value, list_value, bool_value */
export function featureValue(r: RawRow): FeatureValue | undefined {
  switch (r[2]) {
    case "num":
      return r[3] as number;
    case "bool":
      return r[6] === 1;
    case "list":
      return parseJson<string[]>(r[5], []);
    default:
      return (r[4] as string | null) ?? undefined;
  }
}

/** A configuration option's features column: `{ value, unit }` becomes the plain number, as product features do. */
export function optionFeatures(text: unknown): Record<string, FeatureValue> {
  return plainFeatures(parseJson<Record<string, FeatureValue | { value: number; unit: string }>>(text, {}));
}

/** A configuration option's features_when column, units dropped as in `optionFeatures`. */
export function optionFeaturesWhen(
  text: unknown,
): { ifGroup: string; ifValue: string; features: Record<string, FeatureValue> }[] {
  const raw = parseJson<
    { if: { group: string; value: string }; features: Record<string, FeatureValue | { value: number; unit: string }> }[]
  >(text, []);
  return (raw ?? []).map((w) => ({ ifGroup: w.if.group, ifValue: w.if.value, features: plainFeatures(w.features) }));
}

function plainFeatures(
  raw: Record<string, FeatureValue | { value: number; unit: string }> | null,
): Record<string, FeatureValue> {
  const out: Record<string, FeatureValue> = {};
  for (const [key, v] of Object.entries(raw ?? {}))
    out[key] = v !== null && typeof v === "object" && !Array.isArray(v) ? v.value : v;
  return out;
}
