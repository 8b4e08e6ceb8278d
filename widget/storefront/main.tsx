/**
 * The demo storefront (`/`): a B2B shop page over the demo catalog, the way a distributor would put OrderShield on
 * its site. The signed-in customer (switchable: the demo backend mints each customer's session token) sees their own
 * price and availability on every product; the chat widget is embedded as a shop embeds it (one script, one
 * element, `setSessionToken()` when the login changes).
 */
import { render } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { isApiError } from "../shared/http.ts";
import { i18n as makeI18n, toLocale } from "../shared/i18n.ts";
import { store } from "../shared/session.ts";
import type { Locale } from "../shared/types.ts";
import { demoApi, type Category, type DemoCustomer, type ListedProduct, type ProductDetail } from "./api.ts";
import css from "./storefront.css?inline";
import { shopStrings, type ShopT } from "./strings.ts";

const PAGE_SIZE = 12;
const CUSTOMER_KEY = "nordhydra:customer";
const LOCALE_KEY = "nordhydra:locale";

interface Route {
  sku: string | null;
  category: string;
  q: string;
  page: number;
}

const readRoute = (): Route => {
  const m = /^\/products\/(.+)$/.exec(location.pathname);
  const p = new URLSearchParams(location.search);
  return {
    sku: m ? decodeURIComponent(m[1]!) : null,
    category: p.get("category") ?? "",
    q: p.get("q") ?? "",
    page: Math.max(1, Number(p.get("page")) || 1),
  };
};

function go(path: string) {
  history.pushState(null, "", path);
  dispatchEvent(new PopStateEvent("popstate"));
  scrollTo(0, 0);
}

const chat = () => document.querySelector("ordershield-chat");

function Shop({ demo, erpPath }: { demo: boolean; erpPath: string }) {
  const [route, setRoute] = useState(readRoute);
  const [customers, setCustomers] = useState<DemoCustomer[]>([]);
  const [customerId, setCustomerId] = useState<string>(store.get(CUSTOMER_KEY) ?? "C-1001");
  const [session, setSession] = useState<{ token: string; customer: DemoCustomer } | null>(null);
  const [locale, setLocale] = useState<Locale>(toLocale(store.get(LOCALE_KEY) ?? "en"));
  const t = useMemo(() => shopStrings(locale), [locale]);
  const [categories, setCategories] = useState<Category[]>([]);

  useEffect(() => {
    const on = () => setRoute(readRoute());
    addEventListener("popstate", on);
    return () => removeEventListener("popstate", on);
  }, []);
  useEffect(() => {
    if (demo) void demoApi.customers().then((r) => setCustomers(r.customers));
    void demoApi.catalog({}, locale).then((r) => setCategories(r.categories));
  }, [demo, locale]);

  // Sign in as the chosen customer; re-mint before the token expires, and hand each token to the widget.
  useEffect(() => {
    if (!demo) return;
    let timer: ReturnType<typeof setTimeout>;
    const mint = async () => {
      const s = await demoApi.session(customerId);
      setSession({ token: s.token, customer: s.customer });
      chat()?.setSessionToken(s.token);
      timer = setTimeout(mint, Math.max(60_000, new Date(s.expiresAt).getTime() - Date.now() - 5 * 60_000));
    };
    void mint();
    return () => clearTimeout(timer);
  }, [demo, customerId]);

  useEffect(() => {
    chat()?.setAttribute("locale", locale);
    document.documentElement.lang = locale;
  }, [locale]);

  const token = session?.token ?? null;
  return (
    <>
      <header class="sf-top">
        <div class="sf-wrap sf-top-row">
          <a
            class="sf-brand"
            href="/"
            onClick={(e) => {
              e.preventDefault();
              go("/");
            }}
          >
            <span class="sf-mark" aria-hidden="true">
              N
            </span>
            <span>
              Nordhydra<small>{t("tagline")}</small>
            </span>
          </a>
          <form
            class="sf-search"
            aria-label={t("search")}
            onSubmit={(e) => {
              e.preventDefault();
              const q = new FormData(e.currentTarget as HTMLFormElement).get("q");
              go(`/?q=${encodeURIComponent(String(q ?? ""))}`);
            }}
          >
            <label class="sf-sr" for="sf-q">
              {t("search")}
            </label>
            <input
              id="sf-q"
              key={route.q}
              name="q"
              type="search"
              placeholder={t("searchPlaceholder")}
              defaultValue={route.q}
            />
            <button type="submit">{t("search")}</button>
          </form>
          <div class="sf-account">
            {demo && (
              <>
                <label for="sf-customer">{t("signedInAs")}</label>
                <select
                  id="sf-customer"
                  value={customerId}
                  onChange={(e) => {
                    const id = (e.target as HTMLSelectElement).value;
                    store.set(CUSTOMER_KEY, id);
                    setCustomerId(id);
                  }}
                >
                  {customers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.id})
                    </option>
                  ))}
                </select>
              </>
            )}
            <fieldset class="sf-lang">
              <legend class="sf-sr">{t("language")}</legend>
              {(["en", "de"] as const).map((l) => (
                <button
                  key={l}
                  type="button"
                  aria-pressed={locale === l}
                  onClick={() => {
                    store.set(LOCALE_KEY, l);
                    setLocale(l);
                  }}
                >
                  {l.toUpperCase()}
                </button>
              ))}
            </fieldset>
          </div>
        </div>
        <nav class="sf-cats" aria-label={t("categories")}>
          <div class="sf-wrap">
            <CategoryNav categories={categories} current={route.category} t={t} />
          </div>
        </nav>
      </header>
      {session && (
        <div class="sf-account-bar">
          <div class="sf-wrap">
            <b>{session.customer.name}</b> · {t(`tier_${session.customer.tier}` as never) || session.customer.tier} ·{" "}
            {t("pricesFor")}
            {session.customer.blocked && <span class="sf-flag">{t("blocked")}</span>}
            <span class="sf-links">
              <a href="/rep" target="_blank" rel="noopener">
                {t("copilot")}
              </a>
              {erpPath && (
                <a href={erpPath} target="_blank" rel="noopener">
                  {t("erp")}
                </a>
              )}
              <a href="/docs" target="_blank" rel="noopener">
                API
              </a>
            </span>
          </div>
        </div>
      )}
      <main class="sf-wrap sf-main" id="main">
        {route.sku ? (
          <ProductPage sku={route.sku} token={token} t={t} locale={locale} categories={categories} />
        ) : (
          <Listing
            route={route}
            token={token}
            t={t}
            locale={locale}
            customer={session?.customer ?? null}
            onCategories={setCategories}
          />
        )}
      </main>
      <footer class="sf-foot">
        <div class="sf-wrap">
          {t("footer")} · <a href="/openapi.json">openapi.json</a>
        </div>
      </footer>
    </>
  );
}

function CategoryNav({ categories, current, t }: { categories: Category[]; current: string; t: ShopT }) {
  const link = (code: string, label: string) => (
    <a
      key={code}
      href={code ? `/?category=${code}` : "/"}
      aria-current={current === code ? "page" : undefined}
      onClick={(e) => {
        e.preventDefault();
        go(code ? `/?category=${code}` : "/");
      }}
    >
      {label}
    </a>
  );
  return (
    <>
      {link("", t("all"))}
      {categories.map((c) => link(c.code, c.name))}
    </>
  );
}

interface ListingProps {
  route: Route;
  token: string | null;
  t: ShopT;
  locale: Locale;
  customer: DemoCustomer | null;
  onCategories: (c: Category[]) => void;
}

function Listing({ route, token, t, locale, customer, onCategories }: ListingProps) {
  const [products, setProducts] = useState<ListedProduct[] | null>(null);
  useEffect(() => {
    setProducts(null);
    void demoApi.catalog({ category: route.category, q: route.q }, locale).then((r) => {
      onCategories(r.categories);
      setProducts(r.products);
    });
  }, [route.category, route.q, locale]);
  const pages = Math.max(1, Math.ceil((products?.length ?? 0) / PAGE_SIZE));
  const shown = (products ?? []).slice((route.page - 1) * PAGE_SIZE, route.page * PAGE_SIZE);
  const base = `/?${new URLSearchParams({ ...(route.category ? { category: route.category } : {}), ...(route.q ? { q: route.q } : {}) })}`;
  return (
    <>
      {!route.category && !route.q && route.page === 1 && <Hero t={t} customer={customer} />}
      <h1 class="sf-h1">{route.q ? t("resultsFor", { q: route.q }) : t("products")}</h1>
      {products === null ? (
        <p class="sf-muted">{t("loading")}</p>
      ) : products.length === 0 ? (
        <p class="sf-muted">{t("noResults")}</p>
      ) : (
        <ul class="sf-grid">
          {shown.map((p) => (
            <ProductCard key={p.sku} product={p} token={token} t={t} locale={locale} />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav class="sf-pages" aria-label={t("pages")}>
          {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
            <a
              key={n}
              href={`${base}&page=${n}`}
              aria-current={n === route.page ? "page" : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(`${base}&page=${n}`);
              }}
            >
              {n}
            </a>
          ))}
        </nav>
      )}
    </>
  );
}

function Hero({ t, customer }: { t: ShopT; customer: DemoCustomer | null }) {
  return (
    <section class="sf-hero" aria-labelledby="sf-hero-title">
      <div>
        <h2 id="sf-hero-title">{t("heroTitle")}</h2>
        <p>{t("heroText")}</p>
        <button type="button" class="sf-cta" onClick={() => chat()?.open()}>
          {t("askAssistant")}
        </button>
      </div>
      {customer && customer.machines.length > 0 && (
        <div class="sf-machines">
          <h3>{t("yourMachines")}</h3>
          <ul>
            {customer.machines.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  onClick={() => {
                    const c = chat();
                    c?.open();
                    c?.send(t("askForMachine", { machine: m.label }));
                  }}
                >
                  <b>{m.label}</b>
                  <span>
                    {m.model} · #{m.serial}
                    <br />
                    {m.site}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function usePrice(sku: string, token: string | null, locale: Locale, quantity?: number) {
  const [detail, setDetail] = useState<ProductDetail | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setFailed(false);
    demoApi
      .product(sku, token, locale, quantity)
      .then((d) => live && setDetail(d))
      .catch((e: unknown) => live && setFailed(!isApiError(e) || e.code !== "not_found"));
    return () => {
      live = false;
    };
  }, [sku, token, locale, quantity]);
  return { detail, failed };
}

function PriceBox({ detail, t, locale }: { detail: ProductDetail | null; t: ShopT; locale: Locale }) {
  const i18n = makeI18n(locale);
  if (!detail) return <div class="sf-price sf-muted">…</div>;
  const a = detail.availability;
  return (
    <div class="sf-price">
      <strong>
        {detail.price.unitPriceCents === null ? "—" : i18n.money(detail.price.unitPriceCents, detail.price.currency)}
      </strong>
      <span class="sf-muted">
        {" "}
        / {detail.orderUnit} · {t(`source_${detail.price.source}` as never) || detail.price.source}
      </span>
      <div class={`sf-avail ${a.inStock ? "ok" : "later"}`}>
        {a.inStock
          ? a.promiseDate
            ? t("inStockBy", { date: i18n.date(a.promiseDate) })
            : t("inStock")
          : a.promiseDate
            ? t("availableBy", { date: i18n.date(a.promiseDate) })
            : t("onRequest")}
      </div>
    </div>
  );
}

function ProductCard({
  product,
  token,
  t,
  locale,
}: {
  product: ListedProduct;
  token: string | null;
  t: ShopT;
  locale: Locale;
}) {
  const { detail } = usePrice(product.sku, token, locale);
  return (
    <li class="sf-card">
      <a
        href={`/products/${encodeURIComponent(product.sku)}`}
        onClick={(e) => {
          e.preventDefault();
          go(`/products/${encodeURIComponent(product.sku)}`);
        }}
      >
        <span class={`sf-thumb ${product.category}`} aria-hidden="true">
          {product.category.slice(0, 2).toUpperCase()}
        </span>
        <span class="sf-card-name">{product.name}</span>
      </a>
      <span class="sf-sku">
        {product.sku}
        {product.manufacturer ? ` · ${product.manufacturer}` : ""}
      </span>
      <PriceBox detail={detail} t={t} locale={locale} />
    </li>
  );
}

interface ProductPageProps {
  sku: string;
  token: string | null;
  t: ShopT;
  locale: Locale;
  categories: Category[];
}

function ProductPage({ sku, token, t, locale, categories }: ProductPageProps) {
  const [quantity, setQuantity] = useState<number | undefined>(undefined);
  const { detail, failed } = usePrice(sku, token, locale, quantity);
  if (failed) return <p class="sf-muted">{t("loadFailed")}</p>;
  if (!detail) return <p class="sf-muted">{t("loading")}</p>;
  const features = Object.entries(detail.features);
  return (
    <article class="sf-product">
      <nav class="sf-crumbs" aria-label={t("breadcrumb")}>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            go("/");
          }}
        >
          {t("products")}
        </a>{" "}
        ›{" "}
        <a
          href={`/?category=${detail.category}`}
          onClick={(e) => {
            e.preventDefault();
            go(`/?category=${detail.category}`);
          }}
        >
          {detail.categoryName ?? categories.find((c) => c.code === detail.category)?.name ?? detail.category}
        </a>
      </nav>
      <div class="sf-product-grid">
        <div>
          <span class={`sf-thumb big ${detail.category}`} aria-hidden="true">
            {detail.category.slice(0, 2).toUpperCase()}
          </span>
        </div>
        <div>
          <h1 class="sf-h1">{detail.name}</h1>
          <p class="sf-sku">
            {detail.sku}
            {detail.manufacturer ? ` · ${detail.manufacturer}` : ""}
          </p>
          {detail.lifecycle !== "active" && (
            <p class="sf-flag">
              {t("discontinued")}
              {detail.successorSku ? ` → ${detail.successorSku}` : ""}
            </p>
          )}
          <p>{detail.description}</p>
          <div class="sf-buy">
            <label for="sf-qty">
              {t("quantity")} ({detail.orderUnit})
            </label>
            <input
              id="sf-qty"
              type="number"
              min={detail.moq}
              step={detail.orderStep}
              value={quantity ?? detail.price.quantity}
              onChange={(e) => setQuantity(Math.max(1, Number((e.target as HTMLInputElement).value) || 1))}
            />
            <PriceBox detail={detail} t={t} locale={locale} />
            <button
              type="button"
              class="sf-cta"
              onClick={() => {
                const c = chat();
                c?.open();
                c?.send(
                  t("askToOrder", { qty: quantity ?? detail.price.quantity, unit: detail.orderUnit, sku: detail.sku }),
                );
              }}
            >
              {t("orderViaAssistant")}
            </button>
            <p class="sf-muted">{t("assistantChecks")}</p>
          </div>
        </div>
      </div>
      {features.length > 0 && (
        <section>
          <h2 class="sf-h2">{t("specs")}</h2>
          <table class="sf-specs">
            <tbody>
              {features.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{detail.featureNames?.[k] ?? k}</th>
                  <td>{Array.isArray(v) ? v.join(", ") : String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </article>
  );
}

const mount = document.getElementById("shop");
if (mount) {
  const style = document.createElement("style");
  style.textContent = css;
  document.head.append(style);
  render(<Shop demo={mount.dataset.demo === "on"} erpPath={mount.dataset.erp ?? ""} />, mount);
}
