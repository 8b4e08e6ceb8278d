/**
 * "filter driers DML 084: 3 for the Roof chiller and 2 for the Edeka freezer", "5 filter driers, 2 of them for the Roof
 * chiller, the rest for the Edeka freezer", "6 Filtertrockner, davon 2 für …, der Rest für …": one product said once,
 * for no machine, then shared over the buyer's machines — each share a count (or "the rest") and a machine and nothing
 * else — is read as one item per machine ("3 filter driers DML 084 for the Roof chiller, 2 filter driers DML 084 for
 * the Edeka freezer"). Shares that do not add up to a count said for the whole leave the message as it is. (An item
 * said for a machine and then again for another — "… for pump 1 and one for pump 2", "… and the same for …" — is read
 * where the list's items are: other-machine.ts.)
 */
import type { MachineView } from "./conversation.ts";
import {
  findMachines,
  findQuantities,
  type Knowledge,
  leadsMachine,
  machinePreposition,
  tokenizeText,
  type Token,
} from "./recognise.ts";

/** What separates an item from its shares and the shares from each other. */
const SEPARATOR = /(\s*[,;:]\s*|\s+(?:and|und|sowie|plus|but|aber)\s+|\s+[–—-]\s+)/iu;
/**
 * Words of a share besides its count and machine ("2 of them for the …", "davon 3 Stück an den …"): the words that
 * lead a machine's name (`leadsMachine`) and these.
 */
const SHARE_EXTRA = new Set(
  "to of them those these davon von denen pcs pieces stück stk st please bitte then dann go gehen kommen sind are is".split(
    " ",
  ),
);
const shareWord = (w: string) => leadsMachine(w) || SHARE_EXTRA.has(w);
/** "the rest", "der Rest", "the others", "die übrigen": what the whole leaves after the other shares. */
const REST = new Set(["rest", "remaining", "others", "other", "remainder", "übrigen", "anderen", "restlichen"]);

interface Piece {
  text: string;
  start: number;
  tokens: Token[];
  machine?: MachineView;
  /** Token indices of the machine's name. */
  machineTokens: number[];
  count?: { value: number; tokens: number[] };
  counts: number;
  kind: "share" | "rest" | "other";
}

/** The text with one product shared over machines written as one item per machine; else the text as it is. */
export function machineShares(text: string, k: Knowledge, machines: readonly MachineView[]): string {
  if (machines.length < 2 || !/\d/.test(text)) return text;
  const each = EACH_CHEAP.test(text) ? perKind(text, k, machines) : undefined;
  if (each) return each;
  const parts = text.split(SEPARATOR);
  // Why the checks before the reading: most messages share nothing, and the quantity reader is costly on each piece.
  // A share is a piece with a machine; a product shared is a piece without one followed by two shares at least.
  if (parts.length < 5) return text;
  const said: { part: string; start: number; tokens: Token[]; machine: FoundMachine | undefined }[] = [];
  let at = 0;
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 0) {
      const tokens = tokenizeText(part);
      said.push({ part, start: at, tokens, machine: machineIn(tokens, k, machines) });
    }
    at += part.length;
  }
  if (!said.some((p, i) => !p.machine && said[i + 1]?.machine && said[i + 2]?.machine)) return text;
  const pieces = said.map((p) => readPiece(p.part, p.start, p.tokens, p.machine, k));
  const shareLike = (p: Piece) => p.kind !== "other";
  for (let h = 0; h < pieces.length - 1; h++) {
    const head = pieces[h]!;
    if (head.kind !== "other" || head.counts > 1) continue;
    let end = h + 1;
    while (end < pieces.length && shareLike(pieces[end]!)) end++;
    const shares = pieces.slice(h + 1, end);
    if (shares.length === 0) continue;
    const product = productText(head, k);
    if (!product) continue;
    const items = sharesOf(head, shares);
    if (!items) continue;
    const from = head.start;
    const to = shares.at(-1)!.start + shares.at(-1)!.text.length;
    const written = items.map((s) => `${s.count} ${product} ${s.target}`).join(", ");
    return machineShares(`${text.slice(0, from)}${written}${text.slice(to)}`, k, machines);
  }
  return text;
}

type FoundMachine = ReturnType<typeof findMachines>[number];

/** The one machine the words of a piece name, if they name exactly one. */
function machineIn(tokens: Token[], k: Knowledge, machines: readonly MachineView[]): FoundMachine | undefined {
  const found = findMachines(tokens, [...machines], k.common, k.phraseGroups, k.ordinary, k.catalogWord);
  return found.length === 1 && found[0]!.tokens.length > 0 ? found[0]! : undefined;
}

function readPiece(
  text: string,
  start: number,
  tokens: Token[],
  machine: FoundMachine | undefined,
  k: Knowledge,
): Piece {
  const machineTokens = machine?.tokens ?? [];
  const counts = findQuantities(tokens, k, new Set(machineTokens));
  const count = counts.length === 1 ? { value: counts[0]!.value, tokens: counts[0]!.tokens } : undefined;
  const base = {
    text,
    start,
    tokens,
    machineTokens,
    counts: counts.length,
    ...(machine ? { machine: machine.machine } : {}),
    ...(count ? { count } : {}),
  };
  if (!machine) return { ...base, kind: "other" };
  const taken = new Set([...machineTokens, ...(count?.tokens ?? [])]);
  const rest = tokens.filter((t) => !taken.has(t.index) && !shareWord(t.lower));
  if (count && Number.isInteger(count.value) && rest.length === 0) return { ...base, kind: "share" };
  if (!count && rest.length > 0 && rest.every((t) => REST.has(t.lower))) return { ...base, kind: "rest" };
  return { ...base, kind: "other" };
}

/** The item's words to say again for each share: from its first catalog word on, without its count and machine. */
function productText(head: Piece, k: Knowledge): string | undefined {
  const skip = new Set([...(head.count?.tokens ?? []), ...head.machineTokens]);
  const first = head.tokens.findIndex((t) => !skip.has(t.index) && (k.catalogWord(t.lower) || /\d/.test(t.lower)));
  if (first < 0) return undefined;
  // (The machine's name and the word that leads it end the item's words: "3 filter driers for the Roof chiller".)
  const stop = head.machineTokens.length ? Math.min(...head.machineTokens) : head.tokens.length;
  const words = head.tokens.slice(first).filter((t) => t.index < stop && !skip.has(t.index));
  while (words.length && shareWord(words.at(-1)!.lower)) words.pop();
  if (words.length === 0) return undefined;
  return head.text.slice(words[0]!.start, words.at(-1)!.start + words.at(-1)!.text.length);
}

/** The counts per machine the shares say, with where each goes; undefined when they do not add up. */
function sharesOf(head: Piece, shares: Piece[]): { count: number; target: string }[] | undefined {
  const out: { count: number; target: string; machineId: string }[] = [];
  const targetOf = (p: Piece) => {
    const lead = p.tokens.findIndex((t) => machinePreposition(t.lower));
    const from = lead >= 0 && lead < Math.min(...p.machineTokens) ? lead : Math.min(...p.machineTokens);
    const last = p.tokens[Math.max(...p.machineTokens)]!;
    const said = p.text.slice(p.tokens[from]!.start, last.start + last.text.length);
    return lead >= 0 && from === lead ? said : `for ${said}`;
  };
  if (head.machine) return undefined;
  const whole = head.count?.value;
  let restOf: Piece | undefined;
  for (const s of shares) {
    if (s.kind === "share") out.push({ count: s.count!.value, target: targetOf(s), machineId: s.machine!.machineId });
    else if (s.kind === "rest" && whole !== undefined && !restOf) restOf = s;
    else return undefined;
  }
  if (new Set(out.map((s) => s.machineId)).size !== out.length) return undefined;
  if (whole !== undefined) {
    const said = out.reduce((t, s) => t + s.count, 0);
    if (restOf) {
      if (said >= whole || out.some((s) => s.machineId === restOf!.machine!.machineId)) return undefined;
      out.push({ count: whole - said, target: targetOf(restOf), machineId: restOf.machine!.machineId });
    } else if (said !== whole) return undefined;
  }
  return out.length >= 2 ? out : undefined;
}

/**
 * "Heizpatronen HC-12-160-400: je Schlauchbeutler 2 Stück", "2 Zackenmesser pro Falzer", "2 packs GP-52-10 for each of
 * the presses": a count per machine of a kind — the label word two or more of the buyer's machines share ("Schlauchbeutler
 * 1", "Schlauchbeutler 2") — is the item once for each of them (the number after the kind word is the count then, not
 * a label's: "je Schlauchbeutler 2 Stück").
 */
const EACH_CHEAP = /(?:^|[^\p{L}])(?:je|pro|per|each|jede[nmrs]?)(?:[^\p{L}]|$)/iu;
const EACH_WORD = /^(?:je|pro|per|each|jede|jeden|jedem|jeder|jedes)$/u;
/** Words between the word of "each" and the kind ("for each of the presses", "für jeden der Falzer"). */
const KIND_LEAD = /^(?:of|the|our|der|die|den|dem|des|unserer|unseren)$/u;
/** The kind word as said, in the plural too ("presses", "Falzern"), is the label's word. */
const sameKind = (said: string, label: string) =>
  said === label ||
  (label.length >= 3 &&
    /^\p{L}+$/u.test(label) &&
    [`${label}s`, `${label}es`, `${label}n`, `${label}en`].includes(said));

function perKind(text: string, k: Knowledge, machines: readonly MachineView[]): string | undefined {
  const parts = text.split(SEPARATOR);
  for (let p = 0; p < parts.length; p += 2) {
    const tokens = tokenizeText(parts[p]!);
    const e = tokens.findIndex((t) => EACH_WORD.test(t.lower));
    if (e < 0) continue;
    let at = e + 1;
    while (at < tokens.length && KIND_LEAD.test(tokens[at]!.lower)) at++;
    const kind = tokens[at];
    if (!kind || !/^\p{L}{3,}$/u.test(kind.lower)) continue;
    const group = machines.filter((m) =>
      m.label
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .some((w) => sameKind(kind.lower, w)),
    );
    if (group.length < 2) continue;
    const span = new Set(Array.from({ length: at - e + 1 }, (_, i) => e + i));
    const counts = findQuantities(tokens, k, span);
    if (counts.length !== 1 || !Number.isInteger(counts[0]!.value)) continue;
    // The item without its "je Schlauchbeutler": its own words, or the words before it with its count.
    const from = tokens[e]!.start;
    const to = kind.start + kind.text.length;
    const own = `${parts[p]!.slice(0, from)}${parts[p]!.slice(to)}`.replace(/\s+/gu, " ").trim();
    const ownTokens = tokenizeText(own);
    const named = ownTokens.some((t) => !/^\d+$/u.test(t.lower) && k.catalogWord(t.lower) && !k.unitCodes.has(t.lower));
    let item = own;
    let start = parts.slice(0, p).join("").length;
    if (!named) {
      if (p < 2) continue;
      const head = parts[p - 2]!;
      const headTokens = tokenizeText(head);
      if (findQuantities(headTokens, k, new Set()).length > 0) continue;
      item = `${own} ${head.trim()}`;
      start = parts.slice(0, p - 2).join("").length;
    }
    const end = parts.slice(0, p + 1).join("").length;
    const written = group.map((m) => `${item} for ${m.label}`).join(", ");
    return `${text.slice(0, start)}${written}${text.slice(end)}`;
  }
  return undefined;
}
