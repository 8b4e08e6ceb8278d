/**
 * The engine's messages in German. A catalog's compatibility rule carries one sentence, in the catalog's default
 * language; here the rule is said from its operator instead, so a German buyer reads German whatever the catalog's
 * language.
 */
import type { Catalogue } from "./catalogue.ts";
import type { Formatter } from "./format.ts";
import type { MessageParams } from "./schema.ts";

const quote = (values: readonly string[], more: number) =>
  `${values.map((v) => `„${v}“`).join(", ")}${more > 0 ? ` und ${more} weitere` : ""}`;

const VERDICT: Record<string, string> = {
  accepted: "angenommen",
  accepted_with_change: "mit Änderung angenommen",
  backordered: "im Rückstand",
  partial: "Teillieferung",
  on_hold: "zurückgestellt",
  rejected: "abgelehnt",
};

const WHY = {
  successor: "Nachfolger",
  similar: "als ähnlich gelistet",
  followup: "sein Folgeprodukt",
  same_type: "gleicher Typ",
  configured: "nach Konfiguration",
};

/** A broken rule in words, from its operator: `Druckstufe 10 liegt unter Systemdruck 16`. */
function ruleSentence(
  operator: MessageParams<"compat.machine_rule">["rule"]["operator"],
  feature: string,
  value: string,
  otherKey: string,
  other: string,
): string {
  switch (operator) {
    case "gte":
      return `${feature} ${value} liegt unter ${otherKey} ${other}`;
    case "lte":
      return `${feature} ${value} liegt über ${otherKey} ${other}`;
    case "contains":
      return `${feature} ${value} umfasst nicht ${otherKey} ${other}`;
    case "medium_compatible":
      return `Werkstoff ${value} ist nicht beständig gegen ${other}`;
    default:
      return `${feature} ${value} passt nicht zu ${otherKey} ${other}`;
  }
}

const subject = (
  p: { product: { sku: string; name?: string | undefined }; kit?: { sku: string } | undefined },
  f: Formatter,
) => (p.kit ? `${p.kit.sku} enthält ${f.product(p.product)}` : f.product(p.product));

export const de: Catalogue = {
  "customer.unknown": () => "Das Kundenkonto ist unbekannt.",
  "shipto.unknown": (p) => `„${p.shipToId}“ ist keine Ihrer Lieferadressen.`,
  "order.empty": () => "Die Bestellung hat noch keine Positionen.",
  "order.too_many_lines": (p, f) => `Eine Bestellung kann höchstens ${f.num(p.max)} Positionen haben.`,
  "order.duplicate_line_id": (p) =>
    `Zwei Positionen haben dieselbe Kennung „${p.lineId}“; jede Position braucht ihre eigene.`,
  "draft.invalid_field": (p) => `${p.field}: ${p.problem}.`,

  "product.unknown_sku": (p) => `Im Katalog gibt es keinen Artikel „${p.sku}“.`,
  "product.no_sku": () => "Die Position hat keine Artikelnummer.",
  "product.discontinued": (p, f) =>
    `${f.product(p.product)} wird nicht mehr hergestellt${
      p.successor
        ? `; Nachfolger ist ${f.product(p.successor)}${
            p.successorProblem
              ? `, der ihn hier nicht ersetzen kann: ${f.nested(p.successorProblem).replace(/\.$/, "")}`
              : ""
          }`
        : ""
    }.`,
  "product.inactive": (p, f) => `${f.product(p.product)} ist nicht bestellbar.`,
  "product.restricted": (p, f) =>
    `${f.product(p.product)} darf nur an Kunden mit hinterlegter ${p.certification}-Zertifizierung verkauft werden. ${
      p.sameTypeOffered
        ? "Wenn Sie eine haben, kann Ihr Außendienst sie in Ihrem Konto hinterlegen; oder nehmen Sie einen Artikel gleichen Typs, der keine braucht."
        : `Ohne sie ist kein Artikel gleichen Typs verfügbar; wenn Sie die ${p.certification}-Zertifizierung haben, kann Ihr Außendienst sie in Ihrem Konto hinterlegen.`
    }`,
  "product.region_blocked": (p, f) =>
    `${f.product(p.product)} kann nicht in die Region ${p.region} geliefert werden${
      p.noneOfTheType ? "; auch kein Artikel gleichen Typs" : ""
    }.`,
  "next.rep_records_certification": (p) =>
    `Wenn Sie die ${p.certification}-Zertifizierung haben, kann Ihr Außendienst sie in Ihrem Konto hinterlegen; dann ist ${p.product.sku} bestellbar.`,

  "fix.did_you_mean": (p, f) => `meinten Sie ${f.product(p.product)}?`,
  "fix.replacement": (p, f) => {
    const parts = [p.why === "successor" ? `Nachfolger von ${p.of ?? "?"}` : WHY[p.why]];
    if (p.configured?.length)
      parts[0] = `konfiguriert wie ${p.of ?? "?"} mit ${p.configured.map((c) => `${c.group}: ${c.value}`).join(", ")}`;
    if (p.fitsMachine) parts.push(`passt zu ${p.fitsMachine}`);
    if (p.inStock) parts.push("auf Lager");
    if (p.differs.length > 0)
      parts.push(`abweichend: ${p.differs.map((d) => `${f.feature(d.feature)} ${d.value}`).join(", ")}`);
    const caution = p.caution ? `; ${f.nested(p.caution)}` : "";
    return `${p.product.name ?? p.product.sku} — ${parts.join(", ")}${caution}`;
  },

  "qty.invalid": (p, f) => `Die Menge ${p.quantity} ist für ${f.product(p.product)} keine gültige Bestellmenge.`,
  "qty.unorderable": (p, f) =>
    `${f.product(p.product)} ist mit den aktuellen Katalogdaten nicht bestellbar: zwischen Mindestmenge ${f.qty(p.moq, p.unit)} und Höchstmenge ${p.max === null ? "—" : f.qty(p.max, p.unit)} liegt keine Menge in ganzen Schritten von ${f.qty(p.step, p.unit)}. Ein Vertriebsmitarbeiter muss die Bestelldaten des Artikels korrigieren.`,
  "qty.content_unit": (p, f) =>
    `${f.product(p.product)} wird je ${f.unit(p.orderUnit, 1)} zu ${f.qty(p.contentQty, p.contentUnit)} verkauft: ${f.qty(p.quantity, p.contentUnit)} sind ${f.qty(p.converted, p.orderUnit)}.`,
  "qty.unit_mismatch": (p, f) =>
    `${f.product(p.product)} wird in ${f.unit(p.orderUnit)} bestellt, nicht in ${f.unit(p.unit)}.`,
  "qty.below_moq": (p, f) => `Die Mindestbestellmenge von ${f.product(p.product)} ist ${f.qty(p.moq, p.unit)}.`,
  "qty.above_max": (p, f) =>
    `Von ${f.product(p.product)} können höchstens ${f.qty(p.max, p.unit)} je Position bestellt werden.`,
  "qty.not_whole": (p, f) =>
    `${f.product(p.product)} wird in ganzen ${f.unit(p.unit)} bestellt; ${f.num(p.quantity)} ist keine ganze Zahl.`,
  "qty.not_step": (p, f) =>
    `${f.product(p.product)} wird in Schritten von ${f.qty(p.step, p.unit)} bestellt; ${f.num(p.quantity)} ist kein Vielfaches davon.`,

  "config.no_options": (p, f) => `${f.product(p.product)} hat keine Konfigurationsoptionen.`,
  "config.unknown_group": (p, f) => `${f.product(p.product)} hat keine Optionsgruppe „${p.group}“.`,
  "config.unknown_value": (p, f) =>
    `${quote(p.values, p.more)} ${p.values.length + p.more === 1 ? "ist keine Option" : "sind keine Optionen"} für ${p.group} von ${f.product(p.product)}.`,
  "config.too_many_choices": (p, f) =>
    `Für ${p.group} von ${f.product(p.product)} sind höchstens ${f.num(p.max)} Werte möglich.`,
  "config.inconsistent": (p, f) => {
    const what = p.violations
      .map(
        (k) =>
          `${k.ifGroup} ${k.ifValue} ${k.kind === "requires" ? "erfordert" : "schließt aus:"} ${k.thenGroup} ${k.thenValue}`,
      )
      .join("; ");
    return `Die Konfiguration von ${f.product(p.product)} ist nicht gültig${what ? `: ${what}` : ": keine gültige Konfiguration passt zu dieser Auswahl"}.`;
  },
  "config.missing_choice": (p, f) => `Wählen Sie ${p.group} für ${f.product(p.product)}: ${p.values.join(", ")}.`,

  "compat.unknown_machine": (p) => `Die Maschine „${p.machineId}“ gehört nicht zu Ihrem Maschinenbestand.`,
  "compat.no_machine": (p, f) =>
    `${f.product(p.product)} passt nur zu bestimmten Maschinen; sagen Sie, für welche Maschine er ist, damit die Passung geprüft werden kann.`,
  "compat.fitment": (p, f) => `${f.product(p.product)} passt nicht zu ${p.machine} (${p.modelName}).`,
  "compat.serial_range": (p, f) =>
    `${f.product(p.product)} passt zu ${p.modelName} nur im Seriennummernbereich ${p.ranges
      .map((r) => `${r.from ?? "…"}–${r.to ?? "…"}`)
      .join(", ")}; ${p.machine} hat die Seriennummer ${p.serial}.`,
  "compat.machine_rule": (p, f) =>
    `${subject(p, f)}${p.configured ? " (wie konfiguriert)" : ""}: ${ruleSentence(
      p.rule.operator,
      f.feature(p.feature),
      p.value,
      f.feature(p.machineKey),
      p.machineValue,
    )} (${p.machine}).`,
  "compat.kit_every_configuration": (p, f) =>
    `${p.kit.sku} enthält ${f.product(p.product)}: jede Ausführung von ${p.group} verletzt auf ${p.machine} die Regel zu ${f.feature(p.feature)} (${f.feature(p.machineKey)} ${p.machineValue}).`,
  "kit.component_configuration": (p, f) =>
    `${p.kit.sku} enthält ${f.product(p.product)}, dessen ${p.group} der Satz nicht festlegt: ${p.values.join(", ")} würde auf ${p.machine} die Regel zu ${f.feature(p.feature)} verletzen (${f.feature(p.machineKey)} ${p.machineValue}). Ein Vertriebsmitarbeiter bestätigt, welche Ausführung geliefert wird.`,
  "compat.limited_resistance": (p, f) =>
    `${subject(p, f)}: ${p.value} ist gegen ${p.medium} nur bedingt beständig (${p.machine}); prüfen Sie die Einsatzbedingungen.`,
  "compat.line_rule": (p, f) =>
    `${f.product(p.product)}: ${ruleSentence(
      p.rule.operator,
      f.feature(p.feature),
      p.value,
      f.feature(p.otherKey),
      p.otherValue,
    )} (Position ${p.otherLineId}, ${f.product(p.otherProduct)}).`,
  "compat.missing_mandatory": (p, f) =>
    `${p.product.sku} muss zusammen mit ${f.product(p.companion)} bestellt werden, sofern dieser nicht schon eingebaut ist.`,

  "stock.insufficient": (p, f) =>
    `Von ${f.product(p.product)} sind nur noch ${f.qty(p.available, p.unit)} lieferbar; der Artikel wird nicht nachbeschafft.`,
  "stock.partial": (p, f) =>
    `${f.num(p.availableNow)} von ${f.qty(p.requested, p.unit)} ${f.product(p.product)} ${p.availableNow === 1 ? "geht" : "gehen"} ab Lager (${f.date(p.firstDate)}); der Rest folgt bis ${f.date(p.lastDate)}.`,
  "stock.backorder_complete": (p, f) =>
    `${f.num(p.availableNow)} von ${f.qty(p.requested, p.unit)} ${f.product(p.product)} ${p.availableNow === 1 ? "ist" : "sind"} auf Lager; Teillieferungen sind aus, daher wird die Position am ${f.date(p.date)} komplett geliefert.`,
  "stock.backorder": (p, f) =>
    `${f.product(p.product)} ist nicht auf Lager; ${f.qty(p.requested, p.unit)} ${p.requested === 1 ? "kann" : "können"} bis ${f.date(p.date)} geliefert werden.`,
  "stock.late_for_requested_date": (p, f) =>
    `${f.product(p.product)} kann nicht bis ${f.date(p.requestedDate)} geliefert werden; die früheste Komplettlieferung ist am ${f.date(p.promiseDate)}.`,

  "price.currency_mismatch": (p, f) =>
    `${f.product(p.product)} hat Preise in ${p.productCurrency}, Ihr Konto in ${p.customerCurrency}.`,
  "price.contract_expired": (p, f) =>
    `Ihr Kontraktpreis für ${f.product(p.product)} ist am ${f.date(p.validTo)} abgelaufen; es gilt der ${p.source === "list" ? "Listenpreis" : "Preislistenpreis"}.`,
  "price.requested_below_approval": (p, f) =>
    `Der gewünschte Preis ${f.money(p.requested)} liegt ${f.num(p.discountPct)} % unter dem Preis von ${f.money(p.price)}; ein Vertriebsmitarbeiter muss ihn freigeben.`,
  "price.requested_below": (p, f) =>
    `Der gewünschte Preis ${f.money(p.requested)} liegt ${f.num(p.discountPct)} % unter ${f.money(p.price)}, im Rahmen dessen, was der Außendienst gewähren kann; bis zur Bestätigung gilt ${f.money(p.price)}.`,

  "credit.blocked": (p) =>
    `Das Konto ist gesperrt${p.reason ? `: ${p.reason}` : ""}. Bitte wenden Sie sich an Ihren Außendienst.`,
  "credit.prepayment_required": () =>
    "Dieses Konto zahlt per Vorkasse: die Bestellung wird nach Zahlungseingang versandt.",
  "credit.overrun_approval": (p, f) =>
    `Diese Bestellung überschreitet das Kreditlimit um ${f.money(p.overrun)}; ein Vertriebsmitarbeiter muss sie freigeben.`,
  "credit.limit_exceeded": (p, f) =>
    `Offener Saldo ${f.money(p.openBalance)}${
      p.unbookedOrders === 0
        ? ""
        : `, ${p.unbookedOrders === 1 ? "eine noch nicht gebuchte Bestellung" : `${f.num(p.unbookedOrders)} noch nicht gebuchte Bestellungen`} (${f.money(p.unbooked)}),`
    } plus diese Bestellung ${f.money(p.order)} überschreitet das Kreditlimit von ${f.money(p.limit)} um ${f.money(p.overrun)}.`,
  "policy.order_value_approval": (p, f) =>
    `Bestellungen über ${f.money(p.max)} brauchen die Freigabe eines Vertriebsmitarbeiters.`,
  "policy.min_order_value": (p, f) =>
    `Der Mindestbestellwert ist ${f.money(p.min)}; diese Bestellung hat ${f.money(p.order)}.`,
  "policy.discount_approval": (p, f) =>
    `Ein Rabatt von ${f.num(p.discountPct)} % liegt über den ${f.num(p.maxDiscountPct)} %, die der Außendienst ohne Freigabe gewähren kann; er geht zur Freigabe.`,
  "policy.discount_requested": (p, f) =>
    `Der Rabattwunsch von ${f.num(p.discountPct)} % ist für Ihren Außendienst notiert; die angezeigten Preise gelten vor Rabatt.`,

  "handoff.blocked": (p, f) => (p.lineId ? `${p.lineId} (${p.sku}): ${f.nested(p.issue)}` : f.nested(p.issue)),
  "handoff.line_differs": (p) => `${p.lineId} (${p.sku}): die Position weicht von der bestätigten Fassung ab`,
  "handoff.price_changed": (p, f) =>
    `${p.lineId} (${p.sku}): Stückpreis ${p.from ? f.money(p.from) : "?"} → ${p.to ? f.money(p.to) : "?"}`,
  "handoff.date_changed": (p, f) =>
    `${p.lineId} (${p.sku}): Liefertermin ${p.from ? f.date(p.from) : "?"} → ${p.to ? f.date(p.to) : "?"}`,
  "handoff.verdict_changed": (p) => `${p.lineId} (${p.sku}): ${VERDICT[p.from] ?? p.from} → ${VERDICT[p.to] ?? p.to}`,
  "handoff.line_count_changed": () => "die Zahl der Positionen weicht von der bestätigten Fassung ab",
  "handoff.total_changed": (p, f) => `Summe ${f.money(p.from)} → ${f.money(p.to)}`,

  "handoff.placed": (p, f) =>
    `Ihre Bestellung ${p.orderId} ist aufgegeben: ${f.num(p.lines)} Position(en), ${f.money(p.total)}, vollständige Lieferung bis ${p.promiseDate ? f.date(p.promiseDate) : "?"}.`,
  "handoff.refused": (p, f) =>
    `${
      p.pricesOrDates
        ? "Preise oder Liefertermine haben sich geändert, bevor ich Ihre Bestellung aufgeben konnte; es wurde nichts bestellt"
        : "Etwas hat sich geändert, bevor ich Ihre Bestellung aufgeben konnte; es wurde nichts bestellt"
    }: ${p.changes.map((c) => f.nested(c)).join("; ")}.`,
  "handoff.needs_approval": () =>
    "Diese Bestellung braucht jetzt die Freigabe eines Vertriebsmitarbeiters; bitte lassen Sie sie mich danach erneut aufgeben.",
  "handoff.foreign": () =>
    "In diesem Gespräch kann keine Bestellung für Ihr Konto aufgegeben werden; es wurde nichts bestellt. Bitte beginnen Sie ein neues Gespräch.",
  "handoff.stale": () =>
    "Die Bestellung hat sich nach Ihrer Bestätigung geändert; es wurde nichts bestellt. Bitte bestätigen Sie die aktuelle Fassung.",
  "notice.order_changed": () => "Die Bestellung hat sich geändert; bitte lassen Sie sie mich erneut aufgeben.",
  "notice.order_changed_while_checking": () =>
    "Die Bestellung hat sich während der Prüfung geändert; bitte lassen Sie sie mich erneut aufgeben.",
  "notice.declined": () =>
    "In Ordnung, ich habe die Bestellung nicht aufgegeben. Ihr Entwurf bleibt erhalten — sagen Sie mir, was ich ändern soll.",
  "notice.other_version": () =>
    "Diese Bestätigung galt einer anderen Fassung der Bestellung; es wurde nichts bestellt. Bitte prüfen und bestätigen Sie die aktuelle Fassung.",
  "notice.not_confirmed": () => "Nichts aufzugeben: Die Bestellung wurde nicht bestätigt.",
  "notice.handoff_busy": () =>
    "Das Bestellsystem ist gerade ausgelastet; es wurde noch nichts bestellt. Ihre Bestellung bleibt erhalten: Bitte bestätigen Sie sie gleich noch einmal.",
  "notice.rep_decision_busy": () =>
    "Das Bestellsystem ist gerade ausgelastet; die Entscheidung des Vertriebs wurde noch nicht gespeichert. Die Bestellung wartet weiter auf eine Entscheidung: Bitte senden Sie sie gleich noch einmal.",
  "notice.model_timeout": () =>
    "Entschuldigung — der Assistent hat zu lange gebraucht. Ihr Bestellentwurf ist gespeichert; bitte senden Sie Ihre Nachricht noch einmal.",
  "notice.model_unavailable": () =>
    "Entschuldigung — der Assistent ist gerade nicht erreichbar. Ihr Bestellentwurf ist gespeichert; bitte versuchen Sie es gleich noch einmal.",
  "notice.nothing_pending": () => "In diesem Gespräch wartet nichts auf eine Bestätigung oder Freigabe.",

  "tool.no_session": () => "keine angemeldete Sitzung: der Kunde ist unbekannt",
  "tool.unknown_tool": (p) => `unbekanntes Werkzeug „${p.tool}“`,
  "tool.other_customer": (p) =>
    `${p.argument} nennt einen anderen Kunden: Preise, Maschinen, Bestellungen und Kreditdaten anderer Kunden werden nicht herausgegeben, und ${p.tool} handelt nur für den angemeldeten Kunden`,
  "tool.invalid_arguments": (p) => `ungültige Argumente für ${p.tool}: ${p.problems}`,
  "tool.line_out_of_bounds": (p) => `die Position würde eine Grenze überschreiten: ${p.problems}`,
  "tool.unknown_machine": () =>
    "machineId ist keine Maschine dieses Kunden; get_installed_base liefert den Maschinenbestand",
  "tool.unknown_ship_to": () => "shipToId ist keine Lieferadresse dieses Kunden",
  "tool.too_many_lines": (p, f) => `die Bestellung hat schon ${f.num(p.max)} Positionen`,
  "tool.no_such_line": () => "diese Position gibt es im Entwurf nicht",
  "tool.unknown_sku": () => "unbekannte Artikelnummer",
  "tool.no_price": () => "kein Preis für diese Artikelnummer",
  "tool.too_many_calls": (p) => `zu viele Werkzeugaufrufe in einem Schritt (höchstens ${p.max}); bitte erneut aufrufen`,
  "tool.validating": (p) =>
    p.place ? "die Bestellung wird geprüft, bevor der Käufer sie bestätigt" : "die Bestellung wird geprüft",
};
