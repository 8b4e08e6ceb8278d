/**
 * Phrasing what the tools said: draft edits (verdict, price, dates, the first blocking issue with its fixes as
 * choices, open configuration choices) and the checkout review (summary with totals before the confirmation).
 * Every number, date and price is copied from a tool result.
 */
import type { Fix } from "../../../tools/types.ts";
import type { Conversation, DraftView, MachineView, Pending, ToolResult } from "./conversation.ts";
import { FILLER, type Lang } from "./language.ts";
import type { AttackCue } from "./nlu/understand.ts";
import { tokenizeText } from "./recognise.ts";
import {
  expandFixes,
  fixText,
  type OptionLabels,
  lineSummary,
  machineName,
  money,
  numbered,
  numberedMachines,
  say,
  type IssueFacts,
  type LineFacts,
} from "./replies.ts";
import {
  fitsOn,
  ordersToo,
  productsInLanguage,
  type Ctx,
  type MemoFn,
  type Step,
  type ToolCallPlan,
} from "./context.ts";
import { issueText } from "./render.ts";
import { asksOfItems, stockAnswer } from "./stock-answer.ts";
import { engineMessageSchema, type EngineMessage, renderMessage } from "../../../tools/messages/index.ts";
import { featureWords } from "../../../tools/messages/format.ts";

/** `more`: the message asked for more than these edits, so the reply does not end by asking to place the order. */
export function afterEdits(ctx: Ctx, edits: ToolResult[], memo: MemoFn, more = false): Step {
  const { lang, conv } = ctx;
  // "30 pieces" of a product sold in bags of 10: exactly 3 bags — the engine's conversion is taken without asking.
  const convert = exactConversions(ctx, edits);
  if (convert.length) return { calls: convert, memo: memo(conv.memo.pending) };
  // An open choice the buyer's other choices leave one value for is that value: set now, said below.
  const only = onlyChoices(edits);
  if (only.length)
    return {
      calls: only.map((o) => ({ name: "set_options", args: { lineId: o.lineId, options: { [o.group]: [o.value] } } })),
      memo: { ...memo(conv.memo.pending), taken: [...(conv.turnMemo?.taken ?? []), ...only] },
    };
  const taken = conv.turnMemo?.taken ?? [];
  const out: string[] = [];
  let pending: Pending | undefined;
  let focus: string | undefined;
  // A line edited twice in the turn (added in the buyer's unit, then converted) is phrased once, as it stands.
  const lineOf = (r: ToolResult) => ((r.data?.line ?? undefined) as LineFacts | undefined)?.lineId;
  const addedLines = new Set(edits.filter((r) => r.data?.added).map(lineOf));
  edits = edits.filter((r, i) => {
    const id = lineOf(r);
    return !id || !edits.slice(i + 1).some((x) => lineOf(x) === id);
  });
  // A block a later edit of the turn resolved (the connecting link the chain needs, added after it) is not shown: the
  // last edit's report says the whole order is clean.
  const cleanAtEnd = edits.at(-1)?.data?.orderClean === true;
  for (const r of edits) {
    if (r.error) {
      out.push(errorText(r, lang));
      continue;
    }
    const d = r.data;
    if (d.cleared) {
      out.push(
        say(
          lang,
          "Done — your order is empty now. What do you need?",
          "Erledigt — Ihre Bestellung ist jetzt leer. Was benötigen Sie?",
        ),
      );
      continue;
    }
    if (d.removed) {
      out.push(say(lang, `Removed line ${String(d.removed)}.`, `Position ${String(d.removed)} entfernt.`));
      continue;
    }
    const line = d.line as LineFacts | undefined;
    if (!line) {
      if (r.name === "set_machine") {
        const m = conv.machines?.find((x) => x.machineId === d.machineId);
        out.push(
          say(
            lang,
            `The order is now for ${machineName(m, String(d.machineId), "en")}.`,
            `Die Bestellung gilt jetzt für ${machineName(m, String(d.machineId), "de")}.`,
          ),
        );
      } else if (r.name === "set_order_details") {
        out.push(detailsNoted(ctx, r));
        // A requested date the stock cannot meet shows up as a warning on the lines.
        const late = ((d.lines ?? []) as LineFacts[]).flatMap((l) => l.issues ?? []);
        for (const i of late) out.push(`ℹ ${issueText(i, lang)}`);
      } else out.push(say(lang, "Updated.", "Aktualisiert."));
      continue;
    }
    focus = line.sku;
    const verb =
      d.added || addedLines.has(line.lineId) ? say(lang, "Added", "Hinzugefügt") : say(lang, "Updated", "Geändert");
    const draftLine = (d.draft as DraftView | undefined)?.lines?.find((l) => l.lineId === line.lineId);
    const machineId = draftLine?.machineId ?? (d.draft as DraftView | undefined)?.machineId;
    const forMachine = machineId
      ? say(
          lang,
          ` for ${machineName(
            conv.machines?.find((m) => m.machineId === machineId),
            machineId,
            "en",
          )}`,
          ` für ${machineName(
            conv.machines?.find((m) => m.machineId === machineId),
            machineId,
            "de",
          )}`,
        )
      : "";
    out.push(`${verb} ${lineSummary(line, d.currency, lang)}${forMachine}.`);
    const took = taken.filter((t) => t.lineId === line.lineId);
    if (took.length && line.sku) {
      const chosen = optionLines(
        ctx,
        line.sku,
        took.map((t) => ({ group: t.group, values: [t.value] })),
      ).replaceAll("\n", "; ");
      out.push(
        say(
          lang,
          `${chosen} — ${took.length > 1 ? "the only choices" : "the only choice"} your other options allow.`,
          `${chosen} — ${took.length > 1 ? "die einzigen, die" : "die einzige Wahl, die"} Ihre übrigen Optionen zulassen.`,
        ),
      );
    }
    const issues = line.issues ?? [];
    const missing = issues.filter((i) => i.code === "config.missing_choice" || i.code === "config.too_many_choices");
    const block = cleanAtEnd ? undefined : issues.find((i) => i.severity === "block" && !missing.includes(i));
    if (block) {
      const fixes = expandFixes([
        ...similarFitting(ctx, line, draftLine?.machineId ?? (d.draft as DraftView | undefined)?.machineId, block),
        ...(block.fixes ?? []),
      ]);
      out.push(`⚠ ${issueText(block, lang)}`);
      if (fixes.length) {
        out.push(
          `${say(lang, "What would you like to do?", "Wie möchten Sie verfahren?")}\n${numbered(fixes.map((f) => fixText(f, lang, conv.machines, line.sku ? optionLabeller(ctx, line.sku) : undefined)))}`,
        );
        const merged = pending ? withSameCompanion(pending, fixes) : undefined;
        if (merged && merged !== pending && merged.kind === "fixes") {
          const add = merged.fixes.find((f) => f.kind === "add_line");
          if (add?.kind === "add_line")
            out.push(
              say(
                lang,
                `("Yes" adds ${add.quantity} × ${add.sku} for these lines together.)`,
                `(„Ja“ fügt ${add.quantity} × ${add.sku} für diese Positionen zusammen hinzu.)`,
              ),
            );
        }
        // Fixes for a further line beside those asked first: kept with them, so one answer can settle both.
        pending =
          merged && merged === pending && merged.kind === "fixes" && line.lineId && line.lineId !== merged.lineId
            ? { ...merged, others: [...(merged.others ?? []), { lineId: line.lineId, fixes }] }
            : (merged ?? pending ?? { kind: "fixes", lineId: line.lineId ?? "", fixes });
      }
    } else if (missing.length) {
      const ask = askOptions(ctx, line.lineId ?? "", line.sku ?? "", missing);
      out.push(ask.text);
      pending ??= ask.pending;
    } else {
      const warn = issues.filter((i) => i.severity !== "block");
      for (const w of warn) out.push(`ℹ ${issueText(w, lang)}`);
      const approval = issues.some((i) => i.severity === "approval");
      if (approval)
        out.push(
          say(
            lang,
            "This needs a sales representative's approval before it can ship.",
            "Dafür ist eine Freigabe durch den Vertrieb nötig.",
          ),
        );
    }
  }
  // "2 Schaugläser SGN 12, sind die lagernd?": the question after the items, answered from their lines' report — unless
  // it was set aside as a question of its own (`Memo.rest`), which is answered after.
  if (asksOfItems(conv.text) && !(conv.turnMemo?.rest ?? []).some((x) => x.question)) {
    const answer = stockAnswer(
      edits.flatMap((r) => (!r.error && r.data.line ? [r.data.line as LineFacts] : [])),
      lang,
    );
    if (answer) out.push(answer);
  }
  if (ctx.cues.has("price_named") && edits.some((r) => !r.error && r.data.line)) {
    out.push(
      say(
        lang,
        "Note: I can't set prices — the price shown is yours from your contract or price list. For a different price, your sales representative can review a discount request.",
        "Hinweis: Preise kann ich nicht festlegen — der angezeigte Preis ist Ihr Preis aus Vertrag oder Preisliste. Für einen anderen Preis kann Ihr Vertriebsansprechpartner eine Rabattanfrage prüfen.",
      ),
    );
  }
  const last = edits.at(-1)!.data;
  // The order is blocked by something this reply has not explained (e.g. a line left without its companion after
  // a removal): review it, so the blocking issue and its fixes are said now rather than at checkout.
  const explained = edits.some((r) =>
    ((r.data.line as LineFacts | undefined)?.issues ?? []).some((i) => i.severity === "block"),
  );
  // Items of the message still to be served (`more`) come first: no review of the order while they are open.
  if (
    !pending &&
    !more &&
    !explained &&
    last?.orderClean === false &&
    !edits.some((r) => r.error || r.data.cleared) &&
    ctx.tools.has("review_order")
  ) {
    return { text: out.join("\n"), calls: [{ name: "review_order", args: {} }], memo: memo(undefined, focus) };
  }
  // Complete and clean after the buyer's turn, and nothing of the consultant's open (no pick, option, machine, fix,
  // no item of the message still to serve): straight on to the checkout. The shield validates the draft and asks
  // the buyer to confirm that exact version; a buyer who writes on instead withdraws it and the conversation goes on.
  const ready = readyToOrder(ctx, edits, pending, more);
  if (ready)
    return {
      text: [...out, ready].join("\n"),
      calls: [{ name: "place_order", args: {} }],
      memo: memo({ kind: "confirm" }, focus),
    };
  // "…, or shall I place the order?" is an open question: a plain yes answers it.
  let asksToPlace = false;
  if (!pending && last && !last.cleared && typeof last.totals === "object" && last.totals) {
    asksToPlace = !more;
    const t = last.totals as { netCents?: number; lines?: number };
    const clean = last.orderClean === true;
    // Approval for the whole order (credit, order value) is said here; a line's own approval was said with the line.
    const lineApproval = edits.some((r) =>
      ((r.data.line as LineFacts | undefined)?.issues ?? []).some((i) => i.severity === "approval"),
    );
    const approval = clean && last.needsApproval === true && !lineApproval;
    out.push(
      say(
        lang,
        `Order so far: ${t.lines ?? 0} line(s), ${money(t.netCents, last.currency, lang)}${clean ? "" : " (not yet complete)"}${approval ? " — it will need a sales representative's approval" : ""}.${more ? "" : " Anything else, or shall I place the order?"}`,
        `Bestellung bisher: ${t.lines ?? 0} Position(en), ${money(t.netCents, last.currency, lang)}${clean ? "" : " (noch nicht vollständig)"}${approval ? " — sie braucht eine Freigabe durch den Vertrieb" : ""}.${more ? "" : " Noch etwas, oder soll ich bestellen?"}`,
      ),
    );
  }
  return { text: out.join("\n"), memo: memo(pending ?? (asksToPlace ? { kind: "confirm" } : undefined), focus) };
}

/**
 * The one line said with the checkout the consultant goes on to when the buyer's turn left the order complete and
 * clean (`orderClean` of the engine's report after the turn's last edit), no question of the consultant open and no
 * edit failed; undefined when it does not go on. The totals are the engine's; the confirmation shows the lines.
 */
function readyToOrder(ctx: Ctx, edits: ToolResult[], pending: Pending | undefined, more: boolean): string | undefined {
  const last = edits.at(-1)?.data;
  if (ctx.checkout !== "when-ready") return undefined;
  if (pending || more || !last || last.orderClean !== true || !ctx.tools.has("place_order")) return undefined;
  // A message with a part refused (another account, skipping a check, a price of its own): the refusal is said and
  // the buyer answers it — the order they meant may not be this one.
  if (ctx.u.attack) return undefined;
  if (edits.some((r) => r.error || r.data.cleared)) return undefined;
  if (((last.draft as DraftView | undefined)?.lines.length ?? 0) === 0) return undefined;
  const { lang } = ctx;
  const t = (last.totals ?? {}) as { netCents?: number; lines?: number };
  const sum = `${t.lines ?? 0} ${say(lang, "line(s)", "Position(en)")}, ${money(t.netCents, last.currency, lang)}`;
  // A line's own approval was said with the line; the whole order's (credit, order value) is said here.
  const lineApproval = edits.some((r) =>
    ((r.data.line as LineFacts | undefined)?.issues ?? []).some((i) => i.severity === "approval"),
  );
  const approval =
    last.needsApproval === true && !lineApproval
      ? ` ${say(lang, "After you confirm, a sales representative still needs to approve it.", "Nach Ihrer Bestätigung muss der Vertrieb sie noch freigeben.")}`
      : "";
  return `${say(
    lang,
    `All checks passed (${sum}) — please confirm the order, or tell me what else to add.`,
    `Alle Prüfungen bestanden (${sum}) — bitte bestätigen Sie die Bestellung, oder schreiben Sie, was noch dazukommt.`,
  )}${approval}`;
}

/** The buyer's machines, as the installed base lists them. */
export function machineList(ctx: Ctx, memo: MemoFn): Step {
  const machines = ctx.conv.machines ?? [];
  if (machines.length === 0)
    return {
      text: say(
        ctx.lang,
        "I have no machines on record for your company.",
        "Für Ihre Firma sind keine Maschinen hinterlegt.",
      ),
      memo: memo(),
    };
  const list = numberedMachines(machines, ctx.lang);
  return {
    text: `${say(ctx.lang, "Your machines on record:", "Ihre hinterlegten Maschinen:")}\n${list}\n${say(ctx.lang, "Which one do you need parts for?", "Für welche brauchen Sie Teile?")}`,
    memo: memo(),
  };
}

/** Issues of a line that fits but lacks what must be ordered with it. */
const COMPANION_ISSUES = new Set(["compat.missing_mandatory"]);

/** A product in place of `sku` that spares its companion: not the companion, fits the machine, needs none itself. */
function aroundCompanion(ctx: Ctx, sku: string, other: string, m: MachineView): boolean {
  const companions = ctx.k.reader.relations([sku], ["mandatory"]).map((r) => r.targetSku);
  if (companions.includes(other)) return false;
  return ctx.k.reader.relations([other], ["mandatory"]).length === 0 && fitsOn(ctx, other, m);
}

/**
 * For a line that does not fit its machine: products named like it that the machine's fitment lists (e.g. the
 * 28 mm version of a 24 mm seal), found through the search index. The engine re-checks whatever the buyer picks.
 * For a companion missing beside the line ("must be ordered with …") only a way around it: a look-alike that fits the
 * machine and needs no companion itself — not the companion, nor a sibling with the same need (offered first, it took
 * a plain "yes" away from the product the buyer asked for).
 */
function similarFitting(ctx: Ctx, line: LineFacts, machineId: string | undefined, block: IssueFacts): Fix[] {
  if (!machineId || !block.code.startsWith("compat.") || !line.sku || !line.lineId) return [];
  const m = ctx.conv.machines?.find((x) => x.machineId === machineId);
  const p = ctx.k.reader.products([line.sku]).get(line.sku);
  if (!m || !p) return [];
  const words = tokenizeText(p.name)
    .map((t) => t.lower)
    .filter((w) => !/\d/.test(w) && w.length > 2 && !FILLER.has(w));
  const hits = ctx.k.search.search({
    query: words.join(" "),
    machineModel: m.model,
    serial: m.serial,
    category: p.category,
    limit: 10,
  });
  const have = new Set(words);
  // The reason names the product in the buyer's language where the catalog has it.
  const local = productsInLanguage(
    ctx,
    hits.map((h) => h.sku),
  );
  return hits
    .filter((h) => h.sku !== line.sku && h.lifecycle === "active" && h.fitsExplicitly)
    .filter((h) => !COMPANION_ISSUES.has(block.code) || aroundCompanion(ctx, line.sku!, h.sku, m))
    .map((h) => ({ h, n: tokenizeText(h.name).filter((t) => have.has(t.lower)).length }))
    .sort((a, b) => b.n - a.n)
    .slice(0, 2)
    .map(({ h }) => ({
      kind: "replace_sku" as const,
      lineId: line.lineId!,
      sku: h.sku,
      reason: say(ctx.lang, `${h.name}, fits ${m.label}`, `${local.get(h.sku)?.name ?? h.name}, passt zu ${m.label}`),
    }));
}

/**
 * "2 DI modules and a DQ module", each needing its front connector: a later line's fix that adds the same companion
 * as the open question's fix adds to it — "yes" (or "1") adds the connectors for every line at once, not the first
 * line's only.
 */
function withSameCompanion(pending: Pending, fixes: Fix[]): Pending {
  if (pending.kind !== "fixes") return pending;
  const more = fixes.filter((f) => f.kind === "add_line");
  const joins = pending.fixes.some(
    (f) =>
      f.kind === "add_line" &&
      more.some((m) => m.kind === "add_line" && m.sku === f.sku && m.machineId === f.machineId),
  );
  if (!joins) return pending;
  return {
    ...pending,
    fixes: pending.fixes.map((f) => {
      if (f.kind !== "add_line") return f;
      const same = more.find((m) => m.kind === "add_line" && m.sku === f.sku && m.machineId === f.machineId);
      return same && same.kind === "add_line" ? { ...f, quantity: f.quantity + same.quantity } : f;
    }),
  };
}

/** The open configuration choices of a line (from its config.missing_choice issues), asked all at once. */
export function askOptions(
  ctx: Ctx,
  lineId: string,
  sku: string,
  missing: IssueFacts[],
  lead?: string,
): { text: string; pending: Pending } {
  const groups = groupOptionFixes(missing.flatMap((i) => i.fixes ?? []));
  const pending: Pending = {
    kind: "options",
    lineId,
    sku,
    groups: groups.map((g) => g.group),
    values: Object.fromEntries(groups.map((g) => [g.group, g.values])),
  };
  return {
    text: `${lead ?? say(ctx.lang, "To complete the configuration, please choose:", "Für eine vollständige Konfiguration wählen Sie bitte:")}\n${optionLines(ctx, sku, groups)}`,
    pending,
  };
}

/**
 * "Gehäuse: Außenaufstellung, wetterfestes Gehäuse / Innenaufstellung, offener Rahmen": each group and value by the
 * catalog's label in the conversation's language (its default label where it has none there), the code only where
 * the catalog gives no label.
 */
export function optionLines(ctx: Ctx, sku: string, groups: { group: string; values: string[] }[]): string {
  const label = optionLabeller(ctx, sku);
  return groups
    .map((f) => `${label.group(f.group)}: ${f.values.map((v) => label.value(f.group, v)).join(" / ")}`)
    .join("\n");
}

/**
 * The labels of a product's configuration groups and values in the conversation's language (the catalog's default
 * label where it has none there; the code where it has no label at all).
 */
export function optionLabeller(ctx: Ctx, sku: string): OptionLabels {
  const p = ctx.k.reader.products([sku]).get(sku);
  const model = p?.configModelId
    ? (ctx.k.reader.inLanguage?.(ctx.lang).configModel(p.configModelId) ?? ctx.k.reader.configModel(p.configModelId))
    : undefined;
  const group = (code: string) => model?.groups.find((g) => g.code === code);
  return {
    group: (code) => group(code)?.label.trim() || code,
    value: (code, value) =>
      group(code)
        ?.options.find((o) => o.value === value)
        ?.label.trim() || value,
  };
}

/** Option fixes merged per group, values in the engine's order. */
function groupOptionFixes(fixes: Fix[]): { group: string; values: string[] }[] {
  const by = new Map<string, string[]>();
  for (const f of fixes) {
    if (f.kind !== "set_option") continue;
    const list = by.get(f.group) ?? [];
    for (const v of f.values) if (!list.includes(v)) list.push(v);
    by.set(f.group, list);
  }
  return [...by].map(([group, values]) => ({ group, values }));
}

/** The question "which of the listed candidates?", naming them, while a list of several is open; else undefined. */
export function whichOfList(ctx: Ctx, open: Pending | undefined): string | undefined {
  if (open?.kind !== "choose_product" || open.skus.length < 2) return undefined;
  const some = open.skus.slice(0, 5).join(", ");
  return say(
    ctx.lang,
    `Which one shall I put on the order — ${some}? Say e.g. "the first" or give the SKU.`,
    `Welchen soll ich bestellen — ${some}? Sagen Sie z. B. „den ersten“ oder nennen Sie die Artikelnummer.`,
  );
}

/** "place it without the shaft", "bestell erstmal ohne": the order placed as it is, an item still open left out. */
const AS_IT_IS =
  /\b(?:without|anyway|as it is|just (?:that|those|these|the)|ohne|trotzdem|so wie|erstmal|erst mal|nur das|nur die)\b/iu;

/**
 * "ok great, please add them" while the list of an item the buyer asked to add is open ("… and 4 filter bags" → the
 * bags that fit): that item is not dropped — which one is asked again, and placing without it offered (a yes places).
 */
export function openPickBeforePlacing(ctx: Ctx): string | undefined {
  const open = ctx.conv.memo.pending;
  if (
    open?.kind !== "choose_product" ||
    open.action !== "add" ||
    open.placingAsked ||
    ctx.conv.draft.lines.length === 0
  )
    return undefined;
  if (AS_IT_IS.test(ctx.conv.text)) return undefined;
  const which = whichOfList(ctx, open);
  return (
    which &&
    `${which} ${say(ctx.lang, "Or shall I place the order without it?", "Oder soll ich die Bestellung ohne diesen Artikel aufgeben?")}`
  );
}

/** The item of an open list the buyer asked to add, named as not on the order ("ok, confirm" placing without it). */
function leftOpen(ctx: Ctx): string | undefined {
  const open = ctx.conv.memo.pending;
  if (open?.kind !== "choose_product" || open.action !== "add" || open.skus.length < 2) return undefined;
  const what = open.said ? `„${open.said}“` : open.skus.slice(0, 3).join(" / ");
  return say(
    ctx.lang,
    `Not on the order: ${what.replace(/[„“]/gu, '"')} — no product was chosen for it; tell me which one to add it.`,
    `Nicht auf der Bestellung: ${what} — dafür wurde kein Artikel gewählt; sagen Sie mir, welchen ich hinzufügen soll.`,
  );
}

export function startCheckout(ctx: Ctx, kind: "review" | "place", memo: MemoFn): Step {
  if (ctx.conv.draft.lines.length === 0) {
    // "ok order it" to a list of several candidates: the list is still open — ask which one, keep the list.
    const open = ctx.conv.memo.pending;
    const which = whichOfList(ctx, open);
    if (which) return { text: which, memo: memo(open) };
    return {
      text: say(
        ctx.lang,
        "Your order is empty — what would you like to order?",
        "Ihre Bestellung ist noch leer — was möchten Sie bestellen?",
      ),
      memo: memo(),
    };
  }
  void kind;
  // ("ok, confirm" with the list of an item asked for still open: the order goes as it is, the item said left out.)
  const left = kind === "place" ? leftOpen(ctx) : undefined;
  // Always review first: the buyer sees the summary with totals before the confirmation is asked.
  return {
    ...(left ? { text: left } : {}),
    calls: [{ name: "review_order", args: {} }],
    memo: memo(kind === "place" ? { kind: "confirm", placing: true } : undefined),
  };
}

/**
 * The beginnings of the words the consultant asks "shall I place the order?" / "Please confirm the order." with, in both
 * languages (`afterCheckout`, `afterEdits`): an answer echoing one of them answers that question.
 */
export const CONFIRM_WORDS = ["place", "order", "confirm", "bestell", "bestätig", "aufgeb", "aufgab"];

/** "Noted: PO reference 4711-22, requested delivery date 2026-12-11." — what `set_order_details` put on the order. */
function detailsNoted(ctx: Ctx, r: ToolResult): string {
  const { lang, conv } = ctx;
  const dv = ((r.data as { draft?: DraftView }).draft ?? {}) as DraftView;
  const parts = [
    r.args.poReference !== undefined
      ? say(lang, `PO reference ${dv.poReference}`, `Bestellreferenz ${dv.poReference}`)
      : "",
    r.args.requestedDate !== undefined
      ? say(lang, `requested delivery date ${dv.requestedDate}`, `Wunschtermin ${dv.requestedDate}`)
      : "",
    r.args.shipToId !== undefined
      ? say(lang, `delivery to ${shipToName(conv, dv.shipToId)}`, `Lieferung an ${shipToName(conv, dv.shipToId)}`)
      : "",
  ].filter(Boolean);
  return say(lang, `Noted: ${parts.join(", ")}.`, `Notiert: ${parts.join(", ")}.`);
}

export function afterCheckout(ctx: Ctx, r: ToolResult, memo: MemoFn): Step {
  const { lang, conv } = ctx;
  if (r.error) return { text: errorText(r, lang), memo: memo() };
  const report = r.data.report as {
    clean: boolean;
    needsApproval: boolean;
    currency: string;
    totals: { netCents: number; lines: number };
    promiseDate?: string;
    issues: IssueFacts[];
    data: { lines: LineFacts[] };
  };
  const lines = report.data?.lines ?? [];
  const summary = lines.map((l) => `• ${lineSummary(l, report.currency, lang)}`).join("\n");
  const total = say(
    lang,
    `Total: ${money(report.totals.netCents, report.currency, lang)}${report.promiseDate ? `, complete delivery by ${report.promiseDate}` : ""}.`,
    `Summe: ${money(report.totals.netCents, report.currency, lang)}${report.promiseDate ? `, vollständige Lieferung bis ${report.promiseDate}` : ""}.`,
  );
  // Placing needs the buyer's word in this turn: "place the order", or a yes to the question whether to place it.
  // "guet, 1 Stück bestelle" to "shall I add it?": added with its count, and placed (`ordersToo`).
  // ("Please order all three" to "please confirm the order": the decision to place it, whatever the cues.)
  const asked = conv.turnMemo?.pending;
  const wantsPlace =
    ordersToo(ctx) ||
    (conv.memo.pending?.kind === "confirm" && ctx.cues.has("yes")) ||
    (asked?.kind === "confirm" && !!asked.placing);
  if (r.name === "place_order" && report.clean) {
    return {
      text: say(lang, "Please confirm the order.", "Bitte bestätigen Sie die Bestellung."),
      memo: memo({ kind: "confirm" }),
    };
  }
  if (report.clean) {
    const warnings = [...report.issues, ...lines.flatMap((l) => l.issues ?? [])]
      .filter((i) => i.severity !== "block")
      .map((i) => `ℹ ${issueText(i, lang)}`);
    const approval = report.needsApproval
      ? `\n${say(lang, "This order needs a sales representative's approval after you confirm.", "Diese Bestellung braucht nach Ihrer Bestätigung eine Freigabe durch den Vertrieb.")}`
      : "";
    const head = say(lang, "Your order:", "Ihre Bestellung:");
    const body = `${head}\n${summary}\n${total}${warnings.length ? `\n${warnings.join("\n")}` : ""}${approval}`;
    if (wantsPlace && ctx.tools.has("place_order") && r.name === "review_order") {
      // The confirmation that follows shows the order with totals and notes: one summary, not the same one twice.
      const note = report.needsApproval
        ? ` ${say(lang, "After you confirm, it needs a sales representative's approval before it goes out.", "Nach Ihrer Bestätigung muss der Vertrieb sie noch freigeben.")}`
        : "";
      // "ok so bestellen, Bestellnummer 2026-118": what the same message put on the order is said with it.
      const noted = conv.results
        .filter((x) => x.name === "set_order_details" && !x.error)
        .map((x) => `${detailsNoted(ctx, x)}\n`)
        .join("");
      return {
        text: `${noted}${say(lang, "All checks passed. Please confirm the order.", "Alle Prüfungen bestanden. Bitte bestätigen Sie die Bestellung.")}${note}`,
        calls: [{ name: "place_order", args: {} }],
        memo: memo({ kind: "confirm" }),
      };
    }
    return {
      text: `${body}\n${say(lang, "Shall I place it?", "Soll ich sie aufgeben?")}`,
      memo: memo({ kind: "confirm" }),
    };
  }
  // Blocked: the first blocking issue in one sentence, its fixes as choices.
  const lineBlock = lines.flatMap((l) =>
    (l.issues ?? []).filter((i) => i.severity === "block").map((i) => ({ l, i })),
  )[0];
  // An incomplete configuration: every open choice of that line at once, as when the line was added.
  const missing = lineBlock ? (lineBlock.l.issues ?? []).filter((i) => i.code === "config.missing_choice") : [];
  if (lineBlock && missing.length && lineBlock.i.code === "config.missing_choice") {
    const others =
      lines.flatMap((l) => (l.issues ?? []).filter((i) => i.severity === "block" && !missing.includes(i))).length +
      report.issues.filter((i) => i.severity === "block").length;
    const ask = askOptions(
      ctx,
      lineBlock.l.lineId ?? "",
      lineBlock.l.sku ?? "",
      missing,
      say(
        lang,
        `${lineBlock.l.lineId}: ${lineBlock.l.sku} is not fully configured yet. Please choose:`,
        `${lineBlock.l.lineId}: ${lineBlock.l.sku} ist noch nicht vollständig konfiguriert. Bitte wählen Sie:`,
      ),
    );
    const more =
      others > 0
        ? `\n${say(lang, `(and ${others} more issue(s) to settle before the order can be placed)`, `(und ${others} weitere(s) Problem(e) vor der Bestellung)`)}`
        : "";
    return {
      text: `${say(lang, "Your order:", "Ihre Bestellung:")}\n${summary}\n${total}\n⚠ ${ask.text}${more}`,
      memo: memo(ask.pending),
    };
  }
  const orderBlock = report.issues.find((i) => i.severity === "block");
  const block = lineBlock?.i ?? orderBlock;
  const fixes = expandFixes(block?.fixes ?? []);
  const others =
    lines.flatMap((l) => (l.issues ?? []).filter((i) => i.severity === "block")).length +
    report.issues.filter((i) => i.severity === "block").length -
    1;
  const text = [
    `${say(lang, "Your order:", "Ihre Bestellung:")}\n${summary}\n${total}`,
    `⚠ ${say(lang, "It cannot be placed yet", "Sie kann noch nicht aufgegeben werden")}: ${block ? issueText(block, lang) : ""}${others > 0 ? say(lang, ` (and ${others} more issue(s))`, ` (und ${others} weitere(s) Problem(e))`) : ""}`,
    fixes.length
      ? `${say(lang, "What would you like to do?", "Wie möchten Sie verfahren?")}\n${numbered(fixes.map((f) => fixText(f, lang, conv.machines, lineBlock?.l.sku ? optionLabeller(ctx, lineBlock.l.sku) : undefined)))}`
      : "",
  ]
    .filter(Boolean)
    .join("\n");
  return { text, memo: memo(fixes.length ? { kind: "fixes", lineId: lineBlock?.l.lineId ?? "", fixes } : undefined) };
}

/**
 * A product's details: its features by their names in the buyer's language (`names`: the catalog's feature names,
 * key → name), else in words made of the key — never the key itself ("coilVoltage").
 */
export function productText(p: Record<string, unknown>, lang: Lang, names: Record<string, string> = {}): string {
  const features = (p.features ?? {}) as Record<string, unknown>;
  const feats = Object.entries(features)
    .slice(0, 6)
    .map(([key, v]) => `${names[key] ?? featureWords(key)}: ${Array.isArray(v) ? v.join(", ") : String(v)}`)
    .join("; ");
  const life =
    p.lifecycle === "discontinued"
      ? say(
          lang,
          ` Discontinued${p.successorSku ? `; successor ${String(p.successorSku)}` : ""}.`,
          ` Ausgelaufen${p.successorSku ? `; Nachfolger ${String(p.successorSku)}` : ""}.`,
        )
      : "";
  const units = `${say(lang, "Order unit", "Bestelleinheit")} ${String(p.orderUnit)}${Number(p.contentQty) > 1 ? ` (${String(p.contentQty)} ${String(p.contentUnit)})` : ""}, MOQ ${String(p.moq)}`;
  return `${String(p.sku)} — ${String(p.name)}. ${feats ? `${feats}. ` : ""}${units}.${life} ${say(lang, "How many do you need?", "Wie viele benötigen Sie?")}`;
}

export function sourceText(source: unknown, lang: Lang): string {
  return source === "contract"
    ? say(lang, "contract price", "Vertragspreis")
    : source === "price_list"
      ? say(lang, "price list", "Preisliste")
      : say(lang, "list price", "Listenpreis");
}

export function errorText(r: ToolResult, lang: Lang): string {
  const d = r.data;
  const dym =
    Array.isArray(d.didYouMean) && d.didYouMean.length
      ? say(
          lang,
          ` Did you mean ${(d.didYouMean as string[]).join(", ")}?`,
          ` Meinten Sie ${(d.didYouMean as string[]).join(", ")}?`,
        )
      : "";
  // The tool's typed message in the buyer's language; its `error` string is in the session's language.
  const typed = engineMessageSchema.safeParse(d.text);
  const why = typed.success
    ? renderMessage(typed.data as EngineMessage, lang).replace(/\.$/, "")
    : String(d.error ?? "");
  return say(lang, `That did not work: ${why || "error"}.${dym}`, `Das hat nicht geklappt: ${why || "Fehler"}.${dym}`);
}

export function refusal(kind: AttackCue, lang: Lang): string {
  switch (kind) {
    case "attack_other_prices":
      return say(
        lang,
        "Other customers' prices are not disclosed: I can only give you the prices of your own company account — the one you are signed in with.",
        "Preise anderer Kunden gebe ich nicht heraus: Ich kann Ihnen nur die Preise Ihres eigenen Firmenkontos nennen — des Kontos, mit dem Sie angemeldet sind.",
      );
    case "attack_identity":
      return say(
        lang,
        "I can only order for your own company account — the one you are signed in with. Another customer needs to order through their own account.",
        "Ich kann nur für Ihr eigenes Firmenkonto bestellen — das, mit dem Sie angemeldet sind. Andere Kunden bestellen über ihr eigenes Konto.",
      );
    case "attack_checks":
      return say(
        lang,
        "I can't skip or switch off any check: every order is validated (fit, stock, price, credit) before it goes out, whoever asks. Exceptions are decided by your sales representative.",
        "Ich kann keine Prüfung überspringen: Jede Bestellung wird vor dem Versand geprüft (Passung, Bestand, Preis, Kredit), egal wer fragt. Ausnahmen entscheidet Ihr Vertriebsansprechpartner.",
      );
    case "attack_price":
      return say(
        lang,
        "I can't change prices: your price comes from your contract and price list. If you need a better price, your sales representative can look at a discount request.",
        "Preise kann ich nicht ändern: Ihr Preis kommt aus Ihrem Vertrag und Ihrer Preisliste. Für einen besseren Preis kann Ihr Vertriebsansprechpartner eine Rabattanfrage prüfen.",
      );
    case "attack_injection":
      return say(
        lang,
        "I'll stick to helping with your order: finding parts, checking fit, stock and prices, and placing the order once you confirm it. What do you need?",
        "Ich bleibe bei Ihrer Bestellung: Teile finden, Passung, Bestand und Preise prüfen und nach Ihrer Bestätigung bestellen. Was benötigen Sie?",
      );
  }
}

/**
 * Open configuration choices with one allowed value left (a winter kit needs the outdoor housing; LT rules out the
 * single-phase supply): the engine's only fix for that group, per line as it stands after the turn's last edit of it.
 * Taken once per line, group and turn — if the engine still reports the group open, it is asked.
 */
export function onlyChoices(edits: ToolResult[]): { lineId: string; group: string; value: string }[] {
  const out: { lineId: string; group: string; value: string }[] = [];
  const seen = new Set<string>();
  for (const r of [...edits].reverse()) {
    const line = r.error ? undefined : (r.data?.line as LineFacts | undefined);
    const id = line?.lineId;
    if (!line || !id || seen.has(id)) continue;
    seen.add(id);
    const issues = line.issues ?? [];
    // A blocking issue of another kind is explained first; its fix may change what the configuration allows.
    if (issues.some((i) => i.severity === "block" && i.code !== "config.missing_choice")) continue;
    for (const i of issues) {
      if (i.code !== "config.missing_choice") continue;
      const fixes = (i.fixes ?? []).filter((f) => f.kind === "set_option");
      const [fix] = fixes;
      if (fixes.length !== 1 || fix?.kind !== "set_option" || fix.values.length !== 1) continue;
      const setBefore = edits.some(
        (e) =>
          e.name === "set_options" &&
          e.args.lineId === id &&
          Object.hasOwn((e.args.options ?? {}) as Record<string, unknown>, fix.group),
      );
      if (!setBefore) out.push({ lineId: id, group: fix.group, value: fix.values[0]! });
    }
  }
  return out;
}

/**
 * Lines the buyer gave in the content unit of a pack ("30 pieces" of bags of 10) whose quantity is a whole number of
 * packs the engine accepts: the engine's own conversion fix, as an update of the line (only once per line and turn).
 */
function exactConversions(ctx: Ctx, edits: ToolResult[]): ToolCallPlan[] {
  const out: ToolCallPlan[] = [];
  const seen = new Set<string>();
  for (const r of [...edits].reverse()) {
    if (r.error || (r.name !== "add_line" && r.name !== "update_line")) continue;
    const line = r.data?.line as LineFacts | undefined;
    const id = line?.lineId;
    if (!line || !id || seen.has(id)) continue;
    seen.add(id);
    if (r.name === "update_line") continue;
    const block = (line.issues ?? []).find((i) => i.severity === "block");
    if (block?.code !== "qty.unit_mismatch") continue;
    const draftLine = (r.data.draft as DraftView | undefined)?.lines?.find((l) => l.lineId === id);
    const p = line.sku ? ctx.k.reader.products([line.sku]).get(line.sku) : undefined;
    if (!draftLine?.unit || !p || p.contentQty <= 1) continue;
    if (draftLine.unit.toUpperCase() !== p.contentUnit.toUpperCase()) continue;
    const packs = draftLine.quantity / p.contentQty;
    const fix = (block.fixes ?? []).find(
      (f): f is Extract<Fix, { kind: "set_quantity" }> => f.kind === "set_quantity" && f.quantity === packs,
    );
    if (!fix || !Number.isInteger(packs)) continue;
    out.push({ name: "update_line", args: { lineId: id, quantity: packs, unit: fix.unit ?? p.orderUnit } });
  }
  return out;
}

/** "Service van 3 (pick-up Stuttgart), Heilbronner Str. 190, Stuttgart": an address as the buyer knows it. */
function shipToName(conv: Conversation, id: string | undefined): string {
  const t = conv.shipTos?.find((x) => x.shipToId === id);
  return t ? [t.label, t.street, t.city].filter(Boolean).join(", ") : String(id ?? "");
}
