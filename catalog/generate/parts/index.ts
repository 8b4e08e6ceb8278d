/**
 * Templates for everything that is not a machine, in a fixed order (the order is part of the seed's
 * meaning: reordering changes every generated catalog).
 */
import { PUMP_PARTS } from "./pump-parts.ts";
import { DRIVE_TRAIN } from "./drive-train.ts";
import { PIPING } from "./piping.ts";
import { INSTRUMENTS } from "./instruments.ts";
import { CONSUMABLES } from "./consumables.ts";
import type { PartTemplate } from "./types.ts";

export type { PartRole, PartTemplate, ProductSpec } from "./types.ts";

export const PART_TEMPLATES: readonly PartTemplate[] = [
  ...PUMP_PARTS,
  ...DRIVE_TRAIN,
  ...PIPING,
  ...INSTRUMENTS,
  ...CONSUMABLES,
];
