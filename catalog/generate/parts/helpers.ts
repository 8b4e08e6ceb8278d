/** Shared helpers for the part templates: machine-kind groups and reading a model's features. */
import type { MachineModelInfo } from "../machines.ts";
import type { Rng } from "../rng.ts";
import { goodMedia } from "../vocabulary.ts";

export const PUMPS = ["centrifugal_pump", "submersible_pump"];
export const ALL_PUMPS = [...PUMPS, "diaphragm_pump", "dosing_pump"];
export const MOTORS = ["ac_motor", "atex_motor"];
export const COMPRESSORS = ["screw_compressor", "piston_compressor"];
export const ROTATING = [...PUMPS, ...MOTORS, "radial_fan", "helical_gearbox"];

export const num = (m: MachineModelInfo | undefined, key: string, fallback: number): number => {
  const v = m?.features[key];
  return typeof v === "number" ? v : fallback;
};
export const str = (m: MachineModelInfo | undefined, key: string, fallback: string): string => {
  const v = m?.features[key];
  return typeof v === "string" ? v : fallback;
};
export const forModel = (m: MachineModelInfo | undefined) => (m ? `, for ${m.kind.noun} ${m.code}` : "");
export const lead = (r: Rng, min: number, max: number) => r.int(min, max);
export const box = (r: Rng, sizes: number[]) => {
  const contentQty = r.pick(sizes);
  return { orderUnit: "BOX", contentUnit: "PCE", contentQty };
};
export const mediaFor = (r: Rng, material: string) => r.sample(goodMedia(material), 3).join(", ");
