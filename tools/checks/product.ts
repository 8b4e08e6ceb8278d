/**
 * Product: the SKU exists ("did you mean" candidates when not), is active, is not discontinued (the successor is
 * the fix when the line can use it, else alternatives of the same type), and may be bought by this customer
 * (certification) and shipped to the ship-to region. A restricted product's issue says what the buyer can do when
 * they hold the certification (a sales rep records it: `nextSteps`), besides same-type products that need none.
 */
import type { ProductRecord } from "../../catalog/queries/types.ts";
import type { Fix, NextStep } from "../types.ts";
import { replaceFix, replacementVerdict } from "./alternatives.ts";
import { msg, nested, renderMessage } from "../messages/index.ts";
import { issue, lineIssue, ref, type LineState, type OrderState } from "./context.ts";

/** Follows successor links to the first orderable product (at most a few hops; cycles end the walk). */
export function activeSuccessor(order: OrderState, p: ProductRecord): ProductRecord | undefined {
  let sku = p.successorSku;
  const seen = new Set([p.sku]);
  for (let hop = 0; sku && hop < 5 && !seen.has(sku); hop++) {
    seen.add(sku);
    const next = order.products.get(sku) ?? order.data.products([sku]).get(sku);
    if (!next) return undefined;
    order.products.set(sku, next);
    if (next.lifecycle === "active") return next;
    sku = next.successorSku;
  }
  return undefined;
}

/** Whether this customer may buy `p` for delivery to the order's region (certifications, blocked regions). */
export function mayBuy(order: OrderState, p: ProductRecord): boolean {
  if (p.requiresCertification && !(order.customer?.certifications ?? []).includes(p.requiresCertification))
    return false;
  return !p.blockedRegions.includes(order.region);
}

export function checkProduct(order: OrderState, alternativesFor: (l: LineState) => Fix[]): void {
  const unknown = order.lines.filter((l) => !l.product);
  for (const l of unknown) {
    const suggestions = order.data.suggestSkus(l.sku, 8);
    const found = order.data.products(suggestions);
    const fixes: Fix[] = suggestions
      .map((s) => found.get(s))
      .filter((p): p is ProductRecord => p !== undefined && p.lifecycle === "active" && mayBuy(order, p))
      .slice(0, 3)
      .map((p) => {
        const reasonText = msg("fix.did_you_mean", { product: ref(p) });
        return { kind: "replace_sku", lineId: l.lineId, sku: p.sku, reason: renderMessage(reasonText), reasonText };
      });
    lineIssue(
      l,
      "product.unknown_sku",
      "block",
      l.sku ? msg("product.unknown_sku", { sku: l.sku }) : msg("product.no_sku", {}),
      fixes.length > 0 ? fixes : [{ kind: "remove_line", lineId: l.lineId }],
      { sku: l.sku, didYouMean: fixes.map((f) => (f.kind === "replace_sku" ? f.sku : "")) },
    );
  }

  for (const l of order.lines) {
    const p = l.product;
    if (!p) continue;
    // Restricted and region-blocked ask for the same alternatives: search them once per line.
    let alternatives: Fix[] | undefined;
    const sameType = () => (alternatives ??= alternativesFor(l));
    if (p.lifecycle !== "active") {
      const successor = activeSuccessor(order, p);
      // The successor is the fix only when the line can use it (buyable here, fits the machine, a valid quantity…).
      const verdict = successor ? replacementVerdict(order, l, successor) : undefined;
      const usable = successor !== undefined && verdict !== undefined && verdict.rank < 3;
      const fixes: Fix[] = usable ? [replaceFix(l, successor, { why: "successor", of: p.sku }, verdict)] : sameType();
      const discontinued = p.lifecycle === "discontinued";
      const why = !usable && verdict?.reason ? verdict.reason.text : undefined;
      lineIssue(
        l,
        discontinued ? "product.discontinued" : "product.inactive",
        "block",
        discontinued
          ? msg("product.discontinued", {
              product: ref(p),
              ...(successor ? { successor: ref(successor) } : {}),
              ...(successor && why ? { successorProblem: nested(why) } : {}),
            })
          : msg("product.inactive", { product: ref(p) }),
        fixes.length > 0 ? fixes : [{ kind: "remove_line", lineId: l.lineId }],
        {
          lifecycle: p.lifecycle,
          successor: successor?.sku,
          ...(successor && !usable ? { successorUsable: false } : {}),
        },
      );
    }
    const cert = p.requiresCertification;
    if (cert && !(order.customer?.certifications ?? []).includes(cert)) {
      const fixes = sameType();
      const stepText = msg("next.rep_records_certification", { product: ref(p), certification: cert });
      const step: NextStep = {
        kind: "rep_records_certification",
        certification: cert,
        message: renderMessage(stepText),
        text: stepText,
      };
      const i = issue(
        "product.restricted",
        "block",
        msg("product.restricted", { product: ref(p), certification: cert, sameTypeOffered: fixes.length > 0 }),
        [...fixes, { kind: "remove_line", lineId: l.lineId }],
        { lineId: l.lineId, details: { requires: cert } },
      );
      i.nextSteps = [step];
      l.issues.push(i);
    }
    if (p.blockedRegions.includes(order.region)) {
      const otherShipTos = (order.customer?.shipTos ?? []).filter(
        (s) => s.region !== order.region && order.lines.every((x) => !x.product?.blockedRegions.includes(s.region)),
      );
      const fixes = sameType();
      lineIssue(
        l,
        "product.region_blocked",
        "block",
        msg("product.region_blocked", {
          product: ref(p),
          region: order.region,
          noneOfTheType: otherShipTos.length === 0 && fixes.length === 0,
        }),
        [
          ...otherShipTos.map((s): Fix => ({ kind: "set_ship_to", shipToId: s.id })),
          ...fixes,
          { kind: "remove_line", lineId: l.lineId },
        ],
        { region: order.region, blockedRegions: p.blockedRegions },
      );
    }
  }
}
