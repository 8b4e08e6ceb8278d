/** Targets are short strings a human reads in the table: `"<= 2"`, `"< 5"`, `">= 300"`, `"== 0"`. */
const TARGET = /^\s*(<=|>=|<|>|==)\s*(-?\d+(?:\.\d+)?)\s*$/;

export function meetsTarget(value: number, target: string): boolean {
  const m = TARGET.exec(target);
  if (!m) throw new Error(`bad bench target "${target}" (expected e.g. "<= 2" or ">= 300")`);
  const bound = Number(m[2]);
  if (!Number.isFinite(value)) return false;
  switch (m[1]) {
    case "<=":
      return value <= bound;
    case ">=":
      return value >= bound;
    case "<":
      return value < bound;
    case ">":
      return value > bound;
    default:
      return value === bound;
  }
}
