/**
 * What a part template is: a recipe for one kind of product that is not a machine (spare part,
 * accessory, component, consumable). A template that `fits` machine kinds is built *for* one machine
 * model, so its features (shaft diameter, connection, voltage, power) agree with the model it fits.
 */
import type { MachineModelInfo } from "../machines.ts";
import type { Rng } from "../rng.ts";
import type { FeatureInput } from "../text.ts";

export type PartRole = "part" | "accessory" | "component" | "consumable";

export interface ProductSpec {
  name: string;
  description: string;
  manufacturer: string;
  features: Record<string, FeatureInput>;
  listPriceCents: number;
  leadTimeDays: number;
  orderUnit?: string;
  contentUnit?: string;
  contentQty?: number;
  moq?: number;
  orderStep?: number;
  maxQty?: number;
  hazardous?: boolean;
  requiresCertification?: string;
  blockedRegions?: string[];
}

/** Feature `material` always means the wetted material (checked against the medium); dry parts use other keys. */
export interface PartTemplate {
  key: string;
  category: string;
  prefix: string;
  role: PartRole;
  weight: number;
  /** Machine kinds this fits; empty = generic (no fitment). */
  fits: readonly string[];
  build(r: Rng, model: MachineModelInfo | undefined): ProductSpec;
}
