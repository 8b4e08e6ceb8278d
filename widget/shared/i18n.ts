/**
 * UI strings (English and German) and the locale's number, money and date formats. Texts from the server (the
 * assistant's replies, issue messages) come in the thread's language; only the widget's own chrome lives here.
 */
import type { Fix, LineVerdict, Locale } from "./types.ts";

const en = {
  title: "Order assistant",
  subtitle: "Checks fit, stock and price before you order",
  open: "Chat with the order assistant",
  close: "Close chat",
  newChat: "New conversation",
  placeholder: "Ask for a part, e.g. “seal for pump 2”",
  inputLabel: "Message to the order assistant",
  send: "Send",
  stop: "Stop",
  greeting:
    "Hello! Tell me which machine you need a part for, or what you want to order. I check fit, stock, delivery dates and your price before anything is ordered.",
  transcript: "Conversation",
  typing: "Assistant is writing…",
  you: "You",
  assistant: "Assistant",
  draft: "Your order",
  draftEmpty: "No items yet",
  orderDetails: "Order details",
  shipTo: "Ship to",
  poReference: "Your PO reference",
  requestedDate: "Requested delivery date",
  requestedDiscount: "Discount asked for",
  line: "Item",
  qty: "Qty",
  price: "Price",
  each: "each",
  total: "Total (net)",
  deliveryBy: "Delivery by {date}",
  completeBy: "Complete delivery by {date}",
  split: "Split delivery",
  delivery: "{qty} on {date} from {warehouse}",
  fromStock: "from stock",
  inbound: "with inbound delivery",
  leadTime: "supplier lead time",
  source_contract: "contract price",
  source_price_list: "your price list",
  source_list: "list price",
  state_clean: "All checks passed",
  state_blocked: "Needs a change before ordering",
  state_approval: "Needs a sales rep's approval",
  state_unchecked: "Not checked yet",
  issues: "To fix",
  warnings: "Note",
  confirmTitle: "Ready to order",
  confirmText: "Please check the order and confirm this exact version.",
  confirm: "Confirm order · {total}",
  decline: "Not yet",
  confirmStale: "The order changed — ask again to place the current version.",
  status_pending_approval: "Waiting for a sales rep's approval",
  status_handed_off: "Order {id} sent to our order system",
  status_delivered: "Order {id} received by our order system",
  status_confirmed: "Order confirmed — ERP order number {erp}",
  status_rejected: "Order rejected{reason}",
  status_failed: "Order {id} could not be delivered yet — we keep trying",
  approvedBy: "Approved by a sales rep",
  rejectedBy: "A sales rep declined the order",
  repJoined: "A sales rep joined the conversation",
  repLeft: "The assistant is back",
  rep: "Sales rep",
  err_offline: "You are offline. Your message will be sent when you are back online.",
  err_server: "Something went wrong on our side. Your conversation is kept — please try again.",
  err_rate_limited: "Too many messages at once. Please wait {s} seconds.",
  err_session_expired: "Your session has expired. Please reload the page or sign in again.",
  err_forbidden: "This conversation is not available for your account.",
  err_not_found: "This conversation was not found. A new one was started.",
  err_conflict: "The order changed in the meantime. Please check it again.",
  err_bad_request: "That message could not be sent.",
  retry: "Try again",
  dismiss: "Dismiss",
  signedOut: "Sign in to chat about your order.",
  tool: "Working…",
  tool_search_catalog: "Searching the catalog…",
  tool_get_product: "Reading product details…",
  tool_get_installed_base: "Looking up your machines…",
  tool_get_order_history: "Looking at your past orders…",
  tool_check_compatibility: "Checking fit for your machine…",
  tool_check_stock: "Checking stock in our warehouses…",
  tool_get_configuration: "Checking the configuration…",
  tool_get_price: "Looking up your price…",
  tool_add_line: "Adding to your order…",
  tool_update_line: "Updating your order…",
  tool_remove_line: "Updating your order…",
  tool_set_options: "Configuring…",
  tool_set_machine: "Updating your order…",
  tool_set_order_details: "Updating your order…",
  tool_review_order: "Checking the whole order…",
  tool_place_order: "Checking the whole order…",
  fix_replace_sku: "Use {sku} instead",
  fix_set_quantity: "Change to {qty}",
  fix_set_option: "{values}",
  fix_add_line: "Add {qty} × {sku}",
  fix_remove_line: "Remove this item",
  fix_set_machine: "Use for {machine}",
  fix_set_requested_date: "Deliver on {date}",
  fix_set_ship_to: "Ship to {shipTo}",
  fix_accept_split: "Accept split delivery",
  say_replace_sku: "Use {sku} instead of {old}",
  say_set_quantity: "Change {sku} to {qty}",
  say_set_option: "Set {group} to {values} for {sku}",
  say_add_line: "Add {qty} × {sku}",
  say_remove_line: "Remove {sku}",
  say_set_machine: "Use {sku} for machine {machine}",
  say_set_requested_date: "Deliver on {date}",
  say_set_ship_to: "Ship to {shipTo}",
  say_accept_split: "The split delivery for {sku} is fine",
  v_accepted: "OK",
  v_accepted_with_change: "Changed",
  v_backordered: "Backorder",
  v_partial: "Partial",
  v_on_hold: "On hold",
  v_rejected: "Blocked",
  poweredBy: "Checked by OrderShield",
};

export type StringKey = keyof typeof en;

const de: Record<StringKey, string> = {
  title: "Bestellassistent",
  subtitle: "Prüft Passung, Bestand und Preis vor der Bestellung",
  open: "Chat mit dem Bestellassistenten",
  close: "Chat schließen",
  newChat: "Neues Gespräch",
  placeholder: "Teil anfragen, z. B. „Dichtung für Pumpe 2“",
  inputLabel: "Nachricht an den Bestellassistenten",
  send: "Senden",
  stop: "Stopp",
  greeting:
    "Hallo! Sagen Sie mir, für welche Maschine Sie ein Teil brauchen oder was Sie bestellen möchten. Ich prüfe Passung, Bestand, Liefertermine und Ihren Preis, bevor etwas bestellt wird.",
  transcript: "Gesprächsverlauf",
  typing: "Assistent schreibt…",
  you: "Sie",
  assistant: "Assistent",
  draft: "Ihre Bestellung",
  draftEmpty: "Noch keine Positionen",
  orderDetails: "Bestelldetails",
  shipTo: "Lieferadresse",
  poReference: "Ihre Bestellnummer",
  requestedDate: "Gewünschter Liefertermin",
  requestedDiscount: "Erbetener Rabatt",
  line: "Position",
  qty: "Menge",
  price: "Preis",
  each: "je",
  total: "Summe (netto)",
  deliveryBy: "Lieferung bis {date}",
  completeBy: "Vollständig geliefert bis {date}",
  split: "Teillieferung",
  delivery: "{qty} am {date} aus {warehouse}",
  fromStock: "ab Lager",
  inbound: "mit Wareneingang",
  leadTime: "Lieferzeit des Herstellers",
  source_contract: "Vertragspreis",
  source_price_list: "Ihre Preisliste",
  source_list: "Listenpreis",
  state_clean: "Alle Prüfungen bestanden",
  state_blocked: "Vor der Bestellung ist eine Änderung nötig",
  state_approval: "Braucht die Freigabe des Vertriebs",
  state_unchecked: "Noch nicht geprüft",
  issues: "Zu klären",
  warnings: "Hinweis",
  confirmTitle: "Bereit zur Bestellung",
  confirmText: "Bitte prüfen Sie die Bestellung und bestätigen Sie genau diese Fassung.",
  confirm: "Bestellung bestätigen · {total}",
  decline: "Noch nicht",
  confirmStale: "Die Bestellung hat sich geändert — bitte die aktuelle Fassung erneut anfordern.",
  status_pending_approval: "Wartet auf Freigabe durch den Vertrieb",
  status_handed_off: "Bestellung {id} an unser Bestellsystem übergeben",
  status_delivered: "Bestellung {id} im Bestellsystem eingegangen",
  status_confirmed: "Bestellung bestätigt — ERP-Auftragsnummer {erp}",
  status_rejected: "Bestellung abgelehnt{reason}",
  status_failed: "Bestellung {id} konnte noch nicht zugestellt werden — wir versuchen es weiter",
  approvedBy: "Vom Vertrieb freigegeben",
  rejectedBy: "Der Vertrieb hat die Bestellung abgelehnt",
  repJoined: "Ein Vertriebsmitarbeiter ist dem Gespräch beigetreten",
  repLeft: "Der Assistent ist wieder da",
  rep: "Vertrieb",
  err_offline: "Sie sind offline. Ihre Nachricht wird gesendet, sobald Sie wieder online sind.",
  err_server: "Bei uns ist etwas schiefgegangen. Ihr Gespräch bleibt erhalten — bitte versuchen Sie es erneut.",
  err_rate_limited: "Zu viele Nachrichten auf einmal. Bitte warten Sie {s} Sekunden.",
  err_session_expired: "Ihre Sitzung ist abgelaufen. Bitte laden Sie die Seite neu oder melden Sie sich erneut an.",
  err_forbidden: "Dieses Gespräch ist für Ihr Konto nicht verfügbar.",
  err_not_found: "Dieses Gespräch wurde nicht gefunden. Ein neues wurde begonnen.",
  err_conflict: "Die Bestellung hat sich inzwischen geändert. Bitte prüfen Sie sie erneut.",
  err_bad_request: "Diese Nachricht konnte nicht gesendet werden.",
  retry: "Erneut versuchen",
  dismiss: "Schließen",
  signedOut: "Melden Sie sich an, um über Ihre Bestellung zu sprechen.",
  tool: "Einen Moment…",
  tool_search_catalog: "Durchsuche den Katalog…",
  tool_get_product: "Lese Produktdetails…",
  tool_get_installed_base: "Suche Ihre Maschinen…",
  tool_get_order_history: "Sehe Ihre früheren Bestellungen an…",
  tool_check_compatibility: "Prüfe die Passung für Ihre Maschine…",
  tool_check_stock: "Prüfe den Bestand in unseren Lagern…",
  tool_get_configuration: "Prüfe die Konfiguration…",
  tool_get_price: "Ermittle Ihren Preis…",
  tool_add_line: "Füge zur Bestellung hinzu…",
  tool_update_line: "Aktualisiere die Bestellung…",
  tool_remove_line: "Aktualisiere die Bestellung…",
  tool_set_options: "Konfiguriere…",
  tool_set_machine: "Aktualisiere die Bestellung…",
  tool_set_order_details: "Aktualisiere die Bestellung…",
  tool_review_order: "Prüfe die gesamte Bestellung…",
  tool_place_order: "Prüfe die gesamte Bestellung…",
  fix_replace_sku: "Stattdessen {sku}",
  fix_set_quantity: "Auf {qty} ändern",
  fix_set_option: "{values}",
  fix_add_line: "{qty} × {sku} hinzufügen",
  fix_remove_line: "Position entfernen",
  fix_set_machine: "Für {machine} verwenden",
  fix_set_requested_date: "Lieferung am {date}",
  fix_set_ship_to: "Lieferung an {shipTo}",
  fix_accept_split: "Teillieferung akzeptieren",
  say_replace_sku: "Bitte {sku} statt {old}",
  say_set_quantity: "Ändere {sku} auf {qty}",
  say_set_option: "Setze {group} auf {values} für {sku}",
  say_add_line: "Füge {qty} × {sku} hinzu",
  say_remove_line: "Entferne {sku}",
  say_set_machine: "{sku} für Maschine {machine} verwenden",
  say_set_requested_date: "Lieferung am {date}",
  say_set_ship_to: "Lieferung an {shipTo}",
  say_accept_split: "Die Teillieferung für {sku} ist in Ordnung",
  v_accepted: "OK",
  v_accepted_with_change: "Geändert",
  v_backordered: "Rückstand",
  v_partial: "Teilweise",
  v_on_hold: "Angehalten",
  v_rejected: "Blockiert",
  poweredBy: "Geprüft von OrderShield",
};

const STRINGS: Record<Locale, Record<StringKey, string>> = { en, de };

/**
 * Order-unit codes in words, [one, many] per language, as the engine's messages name them (tools/messages/units.ts,
 * which the widget cannot import: it talks to the server over HTTP only). A code not listed is shown as it is.
 */
const UNIT_WORDS: Record<string, Record<Locale, readonly [string, string]>> = {
  piece: { en: ["piece", "pieces"], de: ["Stück", "Stück"] },
  box: { en: ["box", "boxes"], de: ["Karton", "Kartons"] },
  carton: { en: ["carton", "cartons"], de: ["Karton", "Kartons"] },
  case: { en: ["case", "cases"], de: ["Kiste", "Kisten"] },
  pack: { en: ["pack", "packs"], de: ["Packung", "Packungen"] },
  set: { en: ["set", "sets"], de: ["Satz", "Sätze"] },
  pair: { en: ["pair", "pairs"], de: ["Paar", "Paar"] },
  roll: { en: ["roll", "rolls"], de: ["Rolle", "Rollen"] },
  bag: { en: ["bag", "bags"], de: ["Beutel", "Beutel"] },
  can: { en: ["can", "cans"], de: ["Dose", "Dosen"] },
  canister: { en: ["canister", "canisters"], de: ["Kanister", "Kanister"] },
  drum: { en: ["drum", "drums"], de: ["Fass", "Fässer"] },
  pail: { en: ["pail", "pails"], de: ["Eimer", "Eimer"] },
  bottle: { en: ["bottle", "bottles"], de: ["Flasche", "Flaschen"] },
  cartridge: { en: ["cartridge", "cartridges"], de: ["Kartusche", "Kartuschen"] },
  ring: { en: ["ring", "rings"], de: ["Ring", "Ringe"] },
};
/** Codes to a unit of UNIT_WORDS, or to a symbol said the same in both languages. */
const UNIT_CODES: Record<string, string> = {
  ...Object.fromEntries(["PCE", "C62", "EA", "PC", "PCS", "ST", "STK", "H87"].map((c) => [c, "piece"])),
  ...Object.fromEntries(["BOX", "BX"].map((c) => [c, "box"])),
  ...Object.fromEntries(["CT", "CTN", "KAR", "KRT"].map((c) => [c, "carton"])),
  ...Object.fromEntries(["CS", "CASE"].map((c) => [c, "case"])),
  ...Object.fromEntries(["PAK", "PK", "PCK", "PACK"].map((c) => [c, "pack"])),
  ...Object.fromEntries(["SET", "KIT"].map((c) => [c, "set"])),
  ...Object.fromEntries(["PR", "PAR", "PAIR"].map((c) => [c, "pair"])),
  ...Object.fromEntries(["ROL", "RL", "RO", "ROLL"].map((c) => [c, "roll"])),
  ...Object.fromEntries(["BAG", "BG", "BTL"].map((c) => [c, "bag"])),
  ...Object.fromEntries(["CAN", "CA", "DOS"].map((c) => [c, "can"])),
  ...Object.fromEntries(["KAN", "JC", "JR"].map((c) => [c, "canister"])),
  ...Object.fromEntries(["DRM", "DR", "DRUM"].map((c) => [c, "drum"])),
  ...Object.fromEntries(["PAIL", "PL"].map((c) => [c, "pail"])),
  ...Object.fromEntries(["BOT", "BO", "FL", "FLA"].map((c) => [c, "bottle"])),
  ...Object.fromEntries(["CAR", "CTG", "CQ"].map((c) => [c, "cartridge"])),
  ...Object.fromEntries(["RNG", "RG"].map((c) => [c, "ring"])),
  M: "m",
  MTR: "m",
  KG: "kg",
  KGM: "kg",
  L: "l",
  LTR: "l",
  G: "g",
  GRM: "g",
};

export const toLocale = (value: string | undefined | null): Locale =>
  value?.toLowerCase().startsWith("de") ? "de" : "en";

export interface I18n {
  locale: Locale;
  t(key: StringKey, params?: Record<string, string | number>): string;
  money(cents: number | undefined, currency: string): string;
  date(iso: string | undefined): string;
  number(n: number): string;
  /** A quantity with its unit in words: "2 boxes", "2 Kartons", "1,5 m"; a code without words stays the code. */
  qty(n: number, unit: string): string;
  verdict(v: LineVerdict): string;
  /** The short label of a fix button. */
  fix(f: Fix): string;
  /**
   * What the buyer says by pressing a fix button. A fix goes through the agent like typed text, so the same checks
   * run whatever the model; `sku` is the SKU of the line the fix is about.
   */
  fixMessage(f: Fix, sku: string): string;
  /** The activity line of a tool; the server's label (or a generic line) for tools without one here. */
  tool(name: string, fallback?: string): string;
}

const cache = new Map<Locale, I18n>();

export function i18n(locale: Locale): I18n {
  const hit = cache.get(locale);
  if (hit) return hit;
  const table = STRINGS[locale];
  const tag = locale === "de" ? "de-DE" : "en-GB";
  const numberFmt = new Intl.NumberFormat(tag);
  const dateFmt = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const moneyFmts = new Map<string, Intl.NumberFormat>();
  const t: I18n["t"] = (key, params) =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ""));
  const made: I18n = {
    locale,
    t,
    money(cents, currency) {
      if (cents === undefined) return "—";
      let fmt = moneyFmts.get(currency);
      if (!fmt) moneyFmts.set(currency, (fmt = new Intl.NumberFormat(tag, { style: "currency", currency })));
      return fmt.format(cents / 100);
    },
    date: (iso) => (iso ? dateFmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "—"),
    number: (n) => numberFmt.format(n),
    qty(n, unit) {
      const code = UNIT_CODES[unit.trim().toUpperCase()];
      const forms = code ? UNIT_WORDS[code]?.[locale] : undefined;
      const word = forms ? (n === 1 ? forms[0] : forms[1]) : (code ?? unit);
      return word ? `${numberFmt.format(n)} ${word}` : numberFmt.format(n);
    },
    verdict: (v) => t(`v_${v}` as StringKey),
    fix(f) {
      switch (f.kind) {
        case "replace_sku":
          return t("fix_replace_sku", { sku: f.sku });
        case "set_quantity":
          return t("fix_set_quantity", { qty: made.qty(f.quantity, f.unit ?? "") });
        case "set_option":
          return t("fix_set_option", { values: f.values.join(", ") });
        case "add_line":
          return t("fix_add_line", { qty: f.quantity, sku: f.sku });
        case "remove_line":
          return t("fix_remove_line");
        case "set_machine":
          return t("fix_set_machine", { machine: f.machineId });
        case "set_requested_date":
          return t("fix_set_requested_date", { date: dateFmt.format(new Date(`${f.date}T00:00:00Z`)) });
        case "set_ship_to":
          return t("fix_set_ship_to", { shipTo: f.shipToId });
        case "accept_split":
          return t("fix_accept_split");
      }
    },
    fixMessage(f, sku) {
      const params: Record<string, string | number> = { sku, old: sku };
      if (f.kind === "replace_sku") params.sku = f.sku;
      if (f.kind === "set_quantity") params.qty = `${f.quantity}${f.unit ? ` ${f.unit}` : ""}`;
      if (f.kind === "set_option") (params.group = f.group), (params.values = f.values.join(", "));
      if (f.kind === "add_line") (params.sku = f.sku), (params.qty = f.quantity);
      if (f.kind === "set_machine") params.machine = f.machineId;
      if (f.kind === "set_requested_date") params.date = f.date;
      if (f.kind === "set_ship_to") params.shipTo = f.shipToId;
      return t(`say_${f.kind}` as StringKey, params);
    },
    tool: (name, fallback) => (`tool_${name}` in table ? table[`tool_${name}` as StringKey] : (fallback ?? table.tool)),
  };
  cache.set(locale, made);
  return made;
}
