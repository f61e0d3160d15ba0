// Elastic Path's product data as the real API splits it (platform-facts §0 "Catalog"):
// - PCM (/pcm/products, /pcm/pricebooks/prices): the admin's products and price-book prices, client_credentials
//   only (EPDEV docs/authentication/Tokens/permissions.mdx: implicit ⛔ on /pcm/*);
// - catalogs (/pcm/catalogs, releases, rules): admin; publishing copies the catalog into a release;
// - the shopper catalog (/catalog, /catalog/products): the latest *published* release of the catalog whose
//   rule best matches the request's EP-Channel / EP-Context-Tag (EPDEV openapispecs/catalog/catalog_view.yaml,
//   "Resolving catalog rules"); any token; nothing published → 404;
// - currencies (/v2/currencies): code, decimal_places, default (EPDEV openapispecs/currencies/OpenAPISpec.yaml).
// Amounts are integers in the currency's minor unit (10^decimal_places per major unit).
import type { SandboxContext } from "../context";
import { bodyJson, json, type Reply, type Req, type Router } from "../http";
import { uuid } from "../ids";
import type { EpCatalog, EpCurrency, EpProduct, EpRelease, EpStore } from "../state";
import { authenticate, epError, isReply, listPage, pageOf } from "./common";

const header = (req: Req, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
};

function pcmProduct(ctx: SandboxContext, p: EpProduct) {
  return {
    type: "product",
    id: p.id,
    attributes: {
      name: p.name,
      sku: p.sku,
      slug: p.slug,
      description: p.description,
      status: p.status,
      commodity_type: "physical",
    },
    meta: { created_at: p.createdAt, updated_at: p.updatedAt, owner: "store", product_types: ["standard"] },
    links: { self: `${ctx.urls.elasticpath}/pcm/products/${p.id}` },
  };
}

function currencyResource(c: EpCurrency) {
  return {
    id: c.id,
    type: "currency",
    code: c.code,
    exchange_rate: 1,
    format: c.format,
    decimal_point: ".",
    thousand_separator: ",",
    decimal_places: c.decimalPlaces,
    default: c.default,
    enabled: c.enabled,
    meta: { owner: "store" },
  };
}

/** "$12.50", "¥1875", "KD 4.505": the minor-unit amount with the currency's decimal places and format. */
export function formatAmount(amount: number, c: EpCurrency): string {
  const major = (amount / 10 ** c.decimalPlaces).toFixed(c.decimalPlaces);
  const [whole, fraction] = major.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return c.format.replace("{price}", fraction === undefined ? grouped : `${grouped}.${fraction}`);
}

/** The rule matching most of the request's context wins; a rule's criterion that the request lacks excludes it. */
export function resolveCatalog(store: EpStore, channel: string | undefined, tag: string | undefined): EpCatalog | undefined {
  if (store.rules.length === 0) return store.catalogs[0]; // "If no catalog rules are configured, the first catalog found is returned."
  let best: { catalog: EpCatalog; score: number } | undefined;
  for (const rule of store.rules) {
    if (rule.channels.length > 0 && !(channel && rule.channels.includes(channel))) continue;
    if (rule.tags.length > 0 && !(tag && rule.tags.includes(tag))) continue;
    const score = (rule.channels.length > 0 ? 1 : 0) + (rule.tags.length > 0 ? 1 : 0);
    const catalog = store.catalogs.find((c) => c.id === rule.catalogId);
    if (catalog && (!best || score > best.score)) best = { catalog, score };
  }
  return best?.catalog;
}

const latestRelease = (c: EpCatalog | undefined): EpRelease | undefined => c?.releases[c.releases.length - 1];

/** The release a shopper request sees, or the 404 Elastic Path answers when no matching catalog is published. */
function shopperRelease(store: EpStore, req: Req): { catalog: EpCatalog; release: EpRelease } | Reply {
  const catalog = resolveCatalog(store, header(req, "EP-Channel"), header(req, "EP-Context-Tag"));
  const release = latestRelease(catalog);
  // Not documented: the sandbox answers 404 in Elastic Path's error shape (an assumption, see the README).
  if (!catalog || !release)
    return json(404, {
      errors: [{ status: 404, title: "Not Found", detail: "no published catalog release found for this store and context" }],
    });
  return { catalog, release };
}

function shopperProduct(store: EpStore, catalog: EpCatalog, p: EpProduct, currencyCode: string | undefined) {
  const currency =
    store.currencies.find((c) => c.code === currencyCode) ?? store.currencies.find((c) => c.default) ?? store.currencies[0]!;
  const amount = p.prices[currency.code];
  return {
    id: p.id,
    type: "product",
    attributes: {
      name: p.name,
      sku: p.sku,
      slug: p.slug,
      description: p.description,
      status: "live",
      price: Object.fromEntries(Object.entries(p.prices).map(([code, a]) => [code, { amount: a, includes_tax: false }])),
    },
    meta: {
      catalog_id: catalog.id,
      pricebook_id: catalog.pricebookId,
      catalog_source: "pim",
      ...(amount !== undefined && {
        display_price: { without_tax: { amount, currency: currency.code, formatted: formatAmount(amount, currency) } },
      }),
    },
  };
}

function listShopperProducts(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, false);
  if (isReply(a)) return a;
  const page = pageOf(req);
  if (isReply(page)) return page;
  const found = shopperRelease(a.store, req);
  if (isReply(found)) return found;
  const currency = header(req, "X-MOLTIN-CURRENCY");
  const all = found.release.products.map((p) => shopperProduct(a.store, found.catalog, p, currency));
  const body = listPage(`${ctx.urls.elasticpath}/catalog/products`, all, page);
  return json(200, { ...body, links: { self: body.links.current, ...body.links } });
}

function getShopperProduct(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, false);
  if (isReply(a)) return a;
  const found = shopperRelease(a.store, req);
  if (isReply(found)) return found;
  const p = found.release.products.find((x) => x.id === req.params.id);
  return p
    ? json(200, { data: shopperProduct(a.store, found.catalog, p, header(req, "X-MOLTIN-CURRENCY")) })
    : epError(404, "Not Found", "product not found");
}

function getShopperRelease(ctx: SandboxContext, req: Req): Reply {
  const a = authenticate(ctx, req, false);
  if (isReply(a)) return a;
  const found = shopperRelease(a.store, req);
  if (isReply(found)) return found;
  return json(200, { data: releaseResource(found.catalog, found.release) });
}

function releaseResource(catalog: EpCatalog, r: EpRelease) {
  return {
    id: r.id,
    type: "catalog-release",
    attributes: { name: catalog.name, catalog_id: catalog.id, published_at: r.publishedAt, hierarchies: [] },
    meta: { release_status: "PUBLISHED", total_products: r.products.length, owner: "store" },
  };
}

export function registerElasticPathCatalogRoutes(router: Router, ctx: SandboxContext): void {
  const admin = (handler: (a: { store: EpStore }, req: Req) => Reply) => (req: Req) => {
    const a = authenticate(ctx, req, true);
    return isReply(a) ? a : handler(a, req);
  };
  const paged = <T>(base: string, all: (store: EpStore, req: Req) => T[]) =>
    admin(({ store }, req) => {
      const page = pageOf(req);
      return isReply(page) ? page : json(200, listPage(`${ctx.urls.elasticpath}${base}`, all(store, req), page));
    });

  router.add(
    "GET",
    "/pcm/products",
    paged("/pcm/products", (s) => s.products.map((p) => pcmProduct(ctx, p))),
  );
  router.add(
    "GET",
    "/pcm/products/:id",
    admin(({ store }, req) => {
      const p = store.products.find((x) => x.id === req.params.id);
      return p ? json(200, { data: pcmProduct(ctx, p) }) : epError(404, "Not Found", "product not found");
    }),
  );
  // Create and delete (EPDEV openapispecs/pim/pim.yaml: POST /pcm/products → 201 product_response, DELETE → 204).
  // A new product is in no published release until the catalog is published again.
  router.add(
    "POST",
    "/pcm/products",
    admin(({ store }, req) => {
      const body = bodyJson(req) as {
        data?: {
          type?: string;
          attributes?: { name?: unknown; sku?: unknown; slug?: unknown; description?: unknown; status?: unknown };
        };
      } | null;
      const at = body?.data?.attributes;
      if (body?.data?.type !== "product" || typeof at?.name !== "string" || !at.name.trim()) {
        return epError(422, "Failed Validation", "data.type must be product and data.attributes.name is required");
      }
      const sku = typeof at.sku === "string" ? at.sku : "";
      if (sku && store.products.some((p) => p.sku === sku))
        return epError(409, "Conflict", "a product with this sku already exists");
      const now = new Date().toISOString();
      const product: EpProduct = {
        id: uuid(),
        name: at.name,
        sku,
        slug: typeof at.slug === "string" ? at.slug : at.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
        description: typeof at.description === "string" ? at.description : "",
        status: at.status === "live" ? "live" : "draft",
        createdAt: now,
        updatedAt: now,
        prices: {},
      };
      store.products.push(product);
      return json(201, { data: pcmProduct(ctx, product) });
    }),
  );
  router.add(
    "DELETE",
    "/pcm/products/:id",
    admin(({ store }, req) => {
      const i = store.products.findIndex((x) => x.id === req.params.id);
      if (i < 0) return epError(404, "Not Found", "product not found");
      store.products.splice(i, 1);
      return { status: 204, headers: {}, body: "" };
    }),
  );
  // All prices of all price books; filter=in(sku,a,b) / eq(sku,a) (EPDEV openapispecs/pricebooks/pricebooks.yaml).
  router.add(
    "GET",
    "/pcm/pricebooks/prices",
    paged("/pcm/pricebooks/prices", (s, req) => {
      const filter = /^(?:in|eq)\(sku,(.*)\)$/.exec(req.query.get("filter") ?? "");
      const skus = filter ? new Set(filter[1]!.split(",")) : null;
      return s.products
        .filter((p) => !skus || skus.has(p.sku))
        .map((p) => ({
          type: "product-price",
          id: `${s.pricebookId.slice(0, 8)}-${p.id}`,
          attributes: {
            sku: p.sku,
            currencies: Object.fromEntries(
              Object.entries(p.prices).map(([code, amount]) => [code, { amount, includes_tax: false }]),
            ),
          },
          meta: { pricebook_id: s.pricebookId, owner: "store" },
        }));
    }),
  );
  // The SDK (src/endpoints/catalogs.js: version "pcm") and permissions.mdx put catalogs under /pcm/catalogs;
  // catalog_view.yaml lists them at /catalogs. The sources disagree, so the sandbox answers both.
  for (const root of ["/pcm/catalogs", "/catalogs"]) {
    router.add(
      "GET",
      root,
      paged(root, (s) =>
        s.catalogs.map((c) => ({
          id: c.id,
          type: "catalog",
          attributes: { name: c.name, hierarchy_ids: [], pricebook_id: c.pricebookId, owner: "store" },
        })),
      ),
    );
    router.add(
      "GET",
      `${root}/rules`,
      paged(`${root}/rules`, (s) =>
        s.rules.map((r) => ({
          id: r.id,
          type: "catalog_rule",
          attributes: { name: r.name, catalog_id: r.catalogId, channels: r.channels, tags: r.tags },
        })),
      ),
    );
    router.add(
      "GET",
      `${root}/:id/releases`,
      admin(({ store }, req) => {
        const c = store.catalogs.find((x) => x.id === req.params.id);
        return c
          ? json(200, { data: c.releases.map((r) => releaseResource(c, r)) })
          : epError(404, "Not Found", "catalog not found");
      }),
    );
  }
  // Currencies are readable with an implicit token too (permissions.mdx: /currencies GET ✅).
  router.add("GET", "/v2/currencies", (req) => {
    const a = authenticate(ctx, req, false);
    if (isReply(a)) return a;
    const page = pageOf(req);
    return isReply(page)
      ? page
      : json(200, listPage(`${ctx.urls.elasticpath}/v2/currencies`, a.store.currencies.map(currencyResource), page));
  });
  router.add("GET", "/catalog", (r) => getShopperRelease(ctx, r));
  router.add("GET", "/catalog/products", (r) => listShopperProducts(ctx, r));
  router.add("GET", "/catalog/products/:id", (r) => getShopperProduct(ctx, r));
}
