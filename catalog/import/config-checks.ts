/**
 * Checks on a configuration model beyond its row schema (which already rejects unknown options):
 * models that would be impossible to complete or whose constraints contradict each other. The
 * configuration check in tools/ trusts these invariants.
 */
import type { ConfigModelRow } from "./format.ts";

/** Returns `[field, reason]` pairs; empty when the model is sound. */
export function checkConfigModel(m: ConfigModelRow): [string, string][] {
  const out: [string, string][] = [];
  const groups = new Map<string, ConfigModelRow["groups"][number]>();
  m.groups.forEach((g, gi) => {
    if (groups.has(g.code)) out.push([`groups[${gi}].code`, `duplicate group "${g.code}"`]);
    groups.set(g.code, g);
    const values = new Set<string>();
    g.options.forEach((o, oi) => {
      if (values.has(o.value))
        out.push([`groups[${gi}].options[${oi}].value`, `duplicate option "${o.value}" in group "${g.code}"`]);
      values.add(o.value);
    });
    if (g.min > values.size)
      out.push([`groups[${gi}].min`, `needs ${g.min} choices but has only ${values.size} options`]);
  });

  // A feature belongs to one group, and a multi-choice group sets lists: then the values a configuration resolves to
  // never compete (tools/checks/line-features.ts relies on it). Plain features claim their keys first, so a
  // conditional one (featuresWhen) that sets another group's feature is the one named at fault.
  const owner = new Map<string, string>();
  const claim = (g: ConfigModelRow["groups"][number], at: string, key: string, value: unknown) => {
    const first = owner.get(key);
    if (first !== undefined && first !== g.code)
      out.push([at, `feature "${key}" is already set by group "${first}": a feature belongs to one group`]);
    else owner.set(key, g.code);
    if (g.max > 1 && !Array.isArray(value))
      out.push([at, `group "${g.code}" allows ${g.max} choices, so its features must be lists of text`]);
  };
  m.groups.forEach((g, gi) =>
    g.options.forEach((o, oi) => {
      for (const [key, value] of Object.entries(o.features ?? {}))
        claim(g, `groups[${gi}].options[${oi}].features.${key}`, key, value);
    }),
  );
  m.groups.forEach((g, gi) =>
    g.options.forEach((o, oi) =>
      (o.featuresWhen ?? []).forEach((w, wi) => {
        for (const [key, value] of Object.entries(w.features))
          claim(g, `groups[${gi}].options[${oi}].featuresWhen[${wi}].features.${key}`, key, value);
      }),
    ),
  );

  const seen = new Map<string, number>();
  const kinds = new Map<string, string>();
  m.constraints.forEach((c, ci) => {
    const at = `constraints[${ci}]`;
    const pair = `${c.if.group}=${c.if.value}\u0000${c.then.group}=${c.then.value}`;
    const key = `${c.kind}\u0000${pair}`;
    if (seen.has(key)) out.push([at, `duplicate of constraints[${seen.get(key)}]`]);
    seen.set(key, ci);
    const other = kinds.get(pair);
    if (other !== undefined && other !== c.kind)
      out.push([at, `${c.if.group}=${c.if.value} both requires and excludes ${c.then.group}=${c.then.value}`]);
    kinds.set(pair, c.kind);
    if (c.if.group === c.then.group && c.if.value === c.then.value) {
      out.push([
        at,
        `option ${c.if.group}=${c.if.value} cannot ${c.kind === "requires" ? "require" : "exclude"} itself`,
      ]);
      return;
    }
    const thenGroup = groups.get(c.then.group);
    if (c.kind === "requires" && c.if.group === c.then.group && thenGroup && thenGroup.max <= 1)
      out.push([
        at,
        `${c.if.group}=${c.if.value} requires ${c.then.value} from the same single-choice group, so it can never be chosen`,
      ]);
    // The defaults are what the buyer starts from: they must not violate a constraint themselves.
    const ifGroup = groups.get(c.if.group);
    if (ifGroup?.default !== c.if.value || !thenGroup) return;
    if (c.kind === "excludes" && thenGroup.default === c.then.value)
      out.push([
        at,
        `the defaults violate it: ${c.if.group}=${c.if.value} excludes the default ${c.then.group}=${c.then.value}`,
      ]);
    if (
      c.kind === "requires" &&
      thenGroup.default !== undefined &&
      thenGroup.default !== c.then.value &&
      thenGroup.max <= 1
    )
      out.push([
        at,
        `the defaults violate it: ${c.if.group}=${c.if.value} requires ${c.then.group}=${c.then.value}, default is ${thenGroup.default}`,
      ]);
  });
  return out;
}
