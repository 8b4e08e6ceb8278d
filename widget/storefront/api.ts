/** The demo storefront's calls: its own demo backend (/demo/*) and the shield's catalog API (/v1/catalog/*). */
import { requestJson } from "../shared/http.ts";

export interface DemoCustomer {
  id: string;
  name: string;
  tier: string;
  region: string;
  language: string;
  blocked: boolean;
  contacts: { id: string; name: string; role: string | null }[];
  machines: { id: string; label: string; site: string; model: string; serial: string }[];
}

export interface ListedProduct {
  sku: string;
  name: string;
  category: string;
  manufacturer: string | null;
  orderUnit: string;
  listPriceCents: number;
  currency: string;
}

export interface Category {
  code: string;
  name: string;
  count: number;
}

export interface ProductDetail {
  sku: string;
  name: string;
  description: string;
  category: string;
  categoryName?: string;
  manufacturer: string | null;
  orderUnit: string;
  moq: number;
  orderStep: number;
  lifecycle: string;
  successorSku: string | null;
  features: Record<string, unknown>;
  featureNames?: Record<string, string>;
  price: { currency: string; unitPriceCents: number | null; source: string; quantity: number };
  availability: { inStock: boolean; promiseDate: string | null; verdict: string | null };
}

export const demoApi = {
  customers: () => requestJson<{ customers: DemoCustomer[] }>("/demo/customers"),
  session: (customerId: string) =>
    requestJson<{ token: string; expiresAt: string; customer: DemoCustomer }>("/demo/session", {
      body: { customerId },
    }),
  /** Categories and products with their names in `locale` (where the catalog has them). */
  catalog: (params: { category?: string; q?: string }, locale: string) => {
    const query = new URLSearchParams({ limit: "200" });
    if (params.category) query.set("category", params.category);
    if (params.q) query.set("q", params.q);
    return requestJson<{ categories: Category[]; products: ListedProduct[] }>(`/demo/catalog?${query}`, {
      headers: { "accept-language": locale },
    });
  },
  product: (sku: string, token: string | null, locale: string, quantity?: number) =>
    requestJson<ProductDetail>(
      `/v1/catalog/products/${encodeURIComponent(sku)}${quantity ? `?quantity=${quantity}` : ""}`,
      { token, headers: { "accept-language": locale } },
    ),
};
