/**
 * The offline model's sentences, in English and German. Every number, date, price and SKU in them is copied from a
 * tool result passed in; nothing here computes a fact.
 */
import type { Fix } from "../../../tools/types.ts";
import type { MachineView } from "./conversation.ts";
import type { Lang } from "./language.ts";
import { engineMessageSchema, type EngineMessage, renderMessage, unitWord } from "../../../tools/messages/index.ts";

export const say = (lang: Lang, en: string, de: string) => (lang === "de" ? de : en);

// Why cached: building an Intl formatter per call costs more than the rest of a reply.
const DE_NUMBER = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const EN_NUMBER = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function money(cents: unknown, currency: unknown, lang: Lang): string {
  const n = typeof cents === "number" ? cents / 100 : NaN;
  if (!Number.isFinite(n)) return "?";
  const cur = typeof currency === "string" ? currency : "EUR";
  const s = (lang === "de" ? DE_NUMBER : EN_NUMBER).format(n);
  return lang === "de" ? `${s} ${cur}` : `${cur} ${s}`;
}

/**
 * "2 Kartons", "2,5 Kartons", "2.5 boxes", "3" (pieces go without a word: "3 × SKU"): the engine's number to six
 * significant digits, as the engine's own messages write it ("0.166667 boxes" for 2 pieces of a box of 12, not
 * "0.16666666666666666"), with the language's decimal sign.
 */
export function qty(n: unknown, unit: unknown, lang: Lang): string {
  const count = typeof n === "number" ? n : Number.NaN;
  const word = typeof unit === "string" ? unitWord(unit, count, lang) : "";
  const u = word && word !== unitWord("PCE", count, lang) ? ` ${word}` : "";
  const digits = typeof n === "number" ? String(Number(n.toPrecision(6))) : "?";
  return `${lang === "de" ? digits.replace(".", ",") : digits}${u}`;
}

export interface LineFacts {
  lineId?: string;
  sku?: string;
  name?: string;
  quantity?: number;
  unit?: string;
  verdict?: string;
  unitPriceCents?: number;
  priceSource?: string;
  amountCents?: number;
  promiseDate?: string;
  schedule?: { quantity: number; date: string; warehouse: string; source: string }[];
  issues?: IssueFacts[];
}

export interface IssueFacts {
  code: string;
  severity: string;
  message: string;
  fixes?: Fix[];
}

const SOURCE: Record<string, [string, string]> = {
  contract: ["your contract price", "Ihr Vertragspreis"],
  price_list: ["your price list", "Ihre Preisliste"],
  list: ["list price", "Listenpreis"],
};

/** "5 on 2026-03-03, 3 on 2026-03-12 (split delivery)" */
export function scheduleText(l: LineFacts, lang: Lang): string {
  const parts = l.schedule ?? [];
  if (parts.length > 1) {
    const list = parts.map((p) => `${qty(p.quantity, l.unit, lang)} ${say(lang, "on", "am")} ${p.date}`).join(", ");
    return say(lang, `split delivery: ${list}`, `Teillieferung: ${list}`);
  }
  if (l.promiseDate) return say(lang, `delivery by ${l.promiseDate}`, `Lieferung bis ${l.promiseDate}`);
  return "";
}

export function lineSummary(l: LineFacts, currency: unknown, lang: Lang): string {
  const head = `${l.lineId ? `${l.lineId}: ` : ""}${qty(l.quantity, l.unit, lang)} × ${l.sku}${l.name ? ` (${l.name})` : ""}`;
  const price =
    l.unitPriceCents !== undefined
      ? ` — ${money(l.unitPriceCents, currency, lang)} ${say(lang, "each", "je")}${l.priceSource && SOURCE[l.priceSource] ? ` (${say(lang, ...SOURCE[l.priceSource]!)})` : ""}, ${money(l.amountCents, currency, lang)}`
      : "";
  const when = scheduleText(l, lang);
  return `${head}${price}${when ? `; ${when}` : ""}`;
}

/**
 * A machine as running text names it: its label and site. A label led by an article ("der alte Kemper", "The Beast")
 * is quoted, so the sentence's own grammar doesn't collide with it ("für „der alte Kemper“", not "für der alte Kemper").
 */
export function machineName(m: MachineView | undefined, id: string, lang?: Lang): string {
  if (!m) return id;
  const label = /^(?:der|die|das|the)\s/i.test(m.label) ? (lang === "en" ? `“${m.label}”` : `„${m.label}“`) : m.label;
  return `${label}${m.site ? ` (${m.site})` : ""}`;
}

/** A fix as a choice the buyer can pick. */
/** Labels of a product's configuration groups and values in the buyer's language (`optionLabeller`). */
export interface OptionLabels {
  group(code: string): string;
  value(group: string, value: string): string;
}

export function fixText(f: Fix, lang: Lang, machines: MachineView[] = [], options?: OptionLabels): string {
  switch (f.kind) {
    case "replace_sku": {
      // Why it is offered, from the engine's typed message in the buyer's language; else the reason as it came.
      const typed = engineMessageSchema.safeParse(f.reasonText);
      const reason = typed.success ? renderMessage(typed.data as EngineMessage, lang) : f.reason;
      return say(
        lang,
        `switch to ${f.sku}${reason ? ` (${reason})` : ""}`,
        `auf ${f.sku} wechseln${reason ? ` (${reason})` : ""}`,
      );
    }
    case "set_quantity":
      return say(
        lang,
        `change the quantity to ${qty(f.quantity, f.unit, lang)}`,
        `Menge auf ${qty(f.quantity, f.unit, lang)} ändern`,
      );
    case "set_option":
      return options
        ? `${options.group(f.group)}: ${f.values.map((v) => options.value(f.group, v)).join(" + ")}`
        : `${f.group} = ${f.values.join(" + ")}`;
    case "add_line":
      return say(lang, `add ${f.quantity} × ${f.sku}`, `${f.quantity} × ${f.sku} hinzufügen`);
    case "remove_line":
      return say(lang, `remove line ${f.lineId}`, `Position ${f.lineId} entfernen`);
    case "set_machine":
      return say(
        lang,
        `use it on ${machineName(
          machines.find((m) => m.machineId === f.machineId),
          f.machineId,
          "en",
        )}`,
        `für ${machineName(
          machines.find((m) => m.machineId === f.machineId),
          f.machineId,
          "de",
        )} verwenden`,
      );
    case "set_requested_date":
      return say(lang, `request delivery on ${f.date}`, `Liefertermin ${f.date} anfragen`);
    case "set_ship_to":
      return say(lang, `ship to ${f.shipToId}`, `an ${f.shipToId} liefern`);
    case "accept_split":
      return say(lang, "accept the split delivery", "Teillieferung akzeptieren");
    default:
      // A fix kind this model does not know yet: name it rather than print nothing.
      return String((f as { kind?: unknown }).kind ?? "?");
  }
}

/** One choice per value: an option fix offering three values becomes three choices. */
export function expandFixes(fixes: Fix[]): Fix[] {
  const out: Fix[] = [];
  for (const f of fixes) {
    if (f.kind === "set_option" && f.values.length > 1) for (const v of f.values) out.push({ ...f, values: [v] });
    else out.push(f);
  }
  const seen = new Set<string>();
  return out
    .filter((f) => {
      // The same change offered twice (the engine's and ours, with different reasons) is one choice.
      // A configured product offered in two configurations is two choices.
      const key =
        f.kind === "replace_sku"
          ? `${f.kind}:${f.lineId}:${f.sku}:${JSON.stringify(f.options ?? {})}`
          : JSON.stringify(f);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 6);
}

export function numbered(items: string[]): string {
  return items.map((s, i) => `${i + 1}) ${s}`).join("\n");
}

/** "1) Big Bertha, Duisburg, hall 1 — HydroForm PR 250 hydraulic press (serial PR250-0198)": machines to choose from. */
export function numberedMachines(machines: MachineView[], lang: Lang): string {
  return numbered(
    machines.map(
      (m) =>
        `${m.label}${m.site ? `, ${m.site}` : ""} — ${m.modelName} (${say(lang, "serial", "Serien-Nr.")} ${m.serial})`,
    ),
  );
}

/**
 * What a buyer asks of the consultant that it has no data for or cannot do: costs beyond the prices (shipping, VAT)
 * and documents (a data sheet, a quote or an invoice sent as a PDF or by mail). Words of commerce, no trade's.
 */
export type BeyondReach = "costs" | "documents";
/** Costs beyond the prices: a tax, or shipping said as a cost ("shipping costs", "incl. freight"), not as a date. */
const COSTS = new RegExp(
  [
    "(?<![\\p{L}])(?:vat|sales\\s+tax|taxes|mwst\\.?|mehrwertsteuer|umsatzsteuer|ust\\.?|versandkosten|versandpauschale|lieferkosten|frachtkosten|porto)(?![\\p{L}])",
    "(?<![\\p{L}])(?:shipping|freight|carriage|postage|delivery|fracht|versand|lieferung)[\\s-]*(?:costs?|charges?|fees?|kosten)(?![\\p{L}])",
    "(?<![\\p{L}])(?:incl\\.?|including|plus|inkl\\.?|inklusive|zzgl\\.?|zuzüglich)\\s+(?:shipping|freight|carriage|postage|fracht|versand)(?![\\p{L}])",
  ].join("|"),
  "iu",
);
const DOCUMENT =
  /(?<![\p{L}])(?:pdf|datasheets?|data\s+sheets?|spec\s+sheets?|drawings?|manuals?|brochures?|datenbl[aä]tt\w*|zeichnung\w*|handbuch|handbücher|bedienungsanleitung\w*|prospekt\w*)(?![\p{L}])/iu;
const PAPER =
  /(?<![\p{L}])(?:quote|quotation|offer|invoice|angebot|rechnung|auftragsbestätigung|order\s+confirmation)(?![\p{L}])/iu;
const SENT = /(?<![\p{L}])(?:send|mail|e-?mail|schick\w*|send\w*|zusend\w*|zukommen|mailen|per\s+mail)(?![\p{L}])/iu;

export function beyondReach(text: string): BeyondReach | undefined {
  if (DOCUMENT.test(text) || (PAPER.test(text) && SENT.test(text))) return "documents";
  return COSTS.test(text) ? "costs" : undefined;
}

/** The plain answer to a request beyond reach: what is not known or done here, and what is. */
export function beyondReachReply(kind: BeyondReach, lang: Lang): string {
  return kind === "costs"
    ? say(
        lang,
        "The prices I show are yours from your contract or price list; shipping costs and VAT are not in the data I can see — your invoice shows them.",
        "Die Preise, die ich zeige, sind Ihre aus Vertrag oder Preisliste; Versandkosten und Mehrwertsteuer sehe ich in meinen Daten nicht — sie stehen auf Ihrer Rechnung.",
      )
    : say(
        lang,
        "I can't send documents (data sheets, quotes or PDFs) from this chat. Here I can show you a product's details, your prices, stock and delivery dates; your sales representative can send documents.",
        "Dokumente (Datenblätter, Angebote oder PDFs) kann ich aus diesem Chat nicht schicken. Hier kann ich Ihnen die Angaben zu einem Artikel, Ihre Preise, Bestand und Liefertermine zeigen; Dokumente schickt Ihnen Ihr Vertrieb.",
      );
}

export function redirect(lang: Lang): string {
  return say(
    lang,
    "I can help you find parts for your machines, check fit, stock, delivery dates and your prices, and build and place your order. What do you need?",
    "Ich helfe Ihnen, Teile für Ihre Maschinen zu finden, Passung, Bestand, Liefertermine und Ihre Preise zu prüfen und Ihre Bestellung aufzugeben. Was benötigen Sie?",
  );
}
