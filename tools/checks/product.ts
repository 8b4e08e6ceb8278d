/**
 * Product: the SKU exists ("did you mean" candidates when not), is active, is not discontinued (the successor is
 * the fix), and may be bought by this customer (certification) and shipped to the ship-to region.
 */
import type { ProductRecord } from "../../catalog/queries/types.ts";
import type { Fix } from "../types.ts";
import { lineIssue, type LineState, type OrderState } from "./context.ts";

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
      .map((p) => ({
        kind: "replace_sku",
        lineId: l.lineId,
        sku: p.sku,
        reason: `did you mean ${p.sku} (${p.name})?`,
      }));
    lineIssue(
      l,
      "product.unknown_sku",
      "block",
      l.sku ? `There is no product "${l.sku}" in the catalog.` : "The line has no SKU.",
      fixes.length > 0 ? fixes : [{ kind: "remove_line", lineId: l.lineId }],
      { sku: l.sku, didYouMean: fixes.map((f) => (f.kind === "replace_sku" ? f.sku : "")) },
    );
  }

  for (const l of order.lines) {
    const p = l.product;
    if (!p) continue;
    if (p.lifecycle !== "active") {
      const successor = activeSuccessor(order, p);
      const fixes: Fix[] =
        successor && mayBuy(order, successor)
          ? [{ kind: "replace_sku", lineId: l.lineId, sku: successor.sku, reason: `successor of ${p.sku}` }]
          : alternativesFor(l);
      const discontinued = p.lifecycle === "discontinued";
      lineIssue(
        l,
        discontinued ? "product.discontinued" : "product.inactive",
        "block",
        discontinued
          ? `${p.sku} is discontinued${successor ? `; its successor is ${successor.sku} (${successor.name})` : ""}.`
          : `${p.sku} is not available for ordering.`,
        fixes.length > 0 ? fixes : [{ kind: "remove_line", lineId: l.lineId }],
        { lifecycle: p.lifecycle, successor: successor?.sku },
      );
    }
    if (p.requiresCertification && !(order.customer?.certifications ?? []).includes(p.requiresCertification)) {
      lineIssue(
        l,
        "product.restricted",
        "block",
        `${p.sku} may only be sold to customers with a ${p.requiresCertification} certification on file.`,
        [...alternativesFor(l), { kind: "remove_line", lineId: l.lineId }],
        { requires: p.requiresCertification },
      );
    }
    if (p.blockedRegions.includes(order.region)) {
      const otherShipTos = (order.customer?.shipTos ?? []).filter(
        (s) => s.region !== order.region && order.lines.every((x) => !x.product?.blockedRegions.includes(s.region)),
      );
      lineIssue(
        l,
        "product.region_blocked",
        "block",
        `${p.sku} cannot be shipped to region ${order.region}.`,
        [
          ...otherShipTos.map((s): Fix => ({ kind: "set_ship_to", shipToId: s.id })),
          { kind: "remove_line", lineId: l.lineId },
        ],
        { region: order.region, blockedRegions: p.blockedRegions },
      );
    }
  }
}
