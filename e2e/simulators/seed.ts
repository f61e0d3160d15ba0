// Default seed and the seeding primitives the control API reuses. Everything
// here is deterministic so demo screenshots and test expectations are stable.
import { seedDemoShoppers } from "./elasticpath/demo-shoppers";
import { deterministicHex, deterministicUuid, ecwidDate } from "./ids";
import {
  ECWID_SCOPES,
  type EcwidConfig,
  type EcwidOrder,
  type EcwidProduct,
  type EcwidStore,
  type EpKey,
  type EpCatalog,
  type EpCurrency,
  type EpProduct,
  type EpRelease,
  type EpStore,
  type OAuth2Shop,
  type SandboxState,
} from "./state";

export const DEFAULT_ECWID_CLIENT_ID = "storelink-sandbox";
export const DEFAULT_ECWID_CLIENT_SECRET = "sandbox-client-secret-0123456789abcdef";
export const DEFAULT_OAUTH2_CLIENT_ID = "oauth2-sandbox";
export const DEFAULT_OAUTH2_CLIENT_SECRET = "oauth2-sandbox-secret";

/** Fixed "now" for seeded timestamps so seeded data doesn't drift between runs. */
const SEED_EPOCH_MS = Date.UTC(2025, 0, 15, 9, 0, 0);

export interface SeedOptions {
  appUrl: string;
  ecwidClientId?: string;
  ecwidClientSecret?: string;
}

const MINUTE = 60_000;

/**
 * Ecwid's delivery rules (docs.ecwid.com/build-apps/webhook-automations/setup-webhooks/how-to-process-webhooks):
 * retries at 15, 30, 45 min, 1 h, 2 h, 3 h … attempt 27 at 24 h after the first; 3 s to connect, 10 s to
 * answer. Delays below are the gaps between attempts (the last one repeats): 4 × 15 min, then hourly.
 * Tests compress time with the sandbox clock (POST /__sandbox/clock), not by shortening the schedule.
 */
export function defaultEcwidConfig(): EcwidConfig {
  return {
    rateLimitPerMinute: 600,
    invalidTokenLimitPerMinute: 20,
    invalidTokenLimitPerIp: 600,
    invalidTokenBlockSeconds: 600,
    codeLifetimeSeconds: 300,
    echoOAuthState: true,
    webhookRetryDelaysMs: [15 * MINUTE, 15 * MINUTE, 15 * MINUTE, 15 * MINUTE, 60 * MINUTE],
    webhookMaxAttempts: 28,
    webhookConnectTimeoutMs: 3_000,
    webhookTimeoutMs: 10_000,
  };
}

export function createState(opts: SeedOptions): SandboxState {
  const state: SandboxState = {
    appUrl: opts.appUrl,
    ecwid: {
      app: defaultEcwidApp(opts),
      config: defaultEcwidConfig(),
      clockOffsetMs: 0,
      storeClockOffsetsMs: new Map(),
      webhookHolds: [],
      stores: new Map(),
      codes: new Map(),
      tokens: new Map(),
      consents: new Map(),
      rateWindows: new Map(),
      deliveries: [],
      events: new Map(),
    },
    elasticpath: {
      tokenLifetimeSeconds: 3600,
      stores: new Map(),
      tokens: new Map(),
      rateWindows: new Map(),
      shopperTokens: new Map(),
    },
    oauth2: {
      config: {
        accessTokenLifetimeSeconds: 3600,
        refreshTokenLifetimeSeconds: 182 * 24 * 3600,
        codeLifetimeSeconds: 300,
        omitRefreshToken: false,
        omitExpiresIn: false,
      },
      clients: new Map(),
      shops: new Map(),
      codes: new Map(),
      accessTokens: new Map(),
      refreshTokens: new Map(),
    },
    faults: [],
    nextFaultId: 1,
    counters: { tokenRequests: {}, requests: {}, ecwidStoreRequests: {} },
    bridgeMessages: [],
  };
  applyDefaultSeed(state, opts);
  return state;
}

function defaultEcwidApp(opts: SeedOptions) {
  const appUrl = opts.appUrl.replace(/\/+$/, "");
  return {
    clientId: opts.ecwidClientId ?? DEFAULT_ECWID_CLIENT_ID,
    clientSecret: opts.ecwidClientSecret ?? DEFAULT_ECWID_CLIENT_SECRET,
    redirectUrl: appUrl,
    iframeUrl: `${appUrl}/ecwid`,
    webhookUrl: `${appUrl}/api/ecwid/webhooks`,
    scopes: [...ECWID_SCOPES],
  };
}

/** Wipes everything (keeps config objects' identity irrelevant) and applies the default seed. */
export function applyDefaultSeed(state: SandboxState, opts: SeedOptions): void {
  const fresh = (): void => {
    const e = state.ecwid;
    e.app = defaultEcwidApp(opts);
    e.config = defaultEcwidConfig();
    e.clockOffsetMs = 0;
    e.webhookHolds.length = 0;
    for (const m of [e.stores, e.codes, e.tokens, e.consents, e.rateWindows, e.events, e.storeClockOffsetsMs]) m.clear();
    e.deliveries.length = 0;
    const ep = state.elasticpath;
    ep.tokenLifetimeSeconds = 3600;
    ep.stores.clear();
    ep.tokens.clear();
    ep.rateWindows.clear();
    ep.shopperTokens.clear();
    const o = state.oauth2;
    o.config = {
      accessTokenLifetimeSeconds: 3600,
      refreshTokenLifetimeSeconds: 182 * 24 * 3600,
      codeLifetimeSeconds: 300,
      omitRefreshToken: false,
      omitExpiresIn: false,
    };
    for (const m of [o.clients, o.shops, o.codes, o.accessTokens, o.refreshTokens]) m.clear();
    state.faults.length = 0;
    state.counters.tokenRequests = {};
    state.counters.requests = {};
    state.counters.ecwidStoreRequests = {};
    state.bridgeMessages.length = 0;
  };
  fresh();
  state.appUrl = opts.appUrl;

  seedEcwidStore(state, {
    id: 1003,
    name: "Sunrise Ceramics",
    email: "owner@sunrise-ceramics.example",
    ownerName: "Maya Lindqvist",
    theme: CERAMICS,
  });
  seedEcwidStore(state, {
    id: 2048,
    name: "Northwind Outfitters",
    email: "owner@northwind-outfitters.example",
    ownerName: "Arjun Patel",
    theme: OUTFITTERS,
  });

  seedDemoShoppers(
    seedEpStore(state, { id: "ep-demo-store", name: "EP Demo Store", deterministic: true, theme: CERAMICS }).store,
  );
  seedEpStore(state, { id: "ep-staging-store", name: "EP Staging Store", deterministic: true, theme: OUTFITTERS });

  state.oauth2.clients.set(DEFAULT_OAUTH2_CLIENT_ID, {
    clientId: DEFAULT_OAUTH2_CLIENT_ID,
    clientSecret: DEFAULT_OAUTH2_CLIENT_SECRET,
    redirectUriPrefix: opts.appUrl.replace(/\/+$/, ""),
    name: "Storelink (sandbox)",
  });
  for (const shop of defaultShops()) state.oauth2.shops.set(shop.id, shop);
}

const CERAMICS = {
  prefix: "SC",
  nouns: ["Mug", "Bowl", "Vase", "Plate", "Teapot", "Planter", "Jug", "Platter", "Cup"],
  adjectives: ["Speckled", "Celadon", "Ash-glaze", "Terracotta", "Moonlit"],
  customers: ["ines@example.com", "tom@example.com", "lea@example.com", "sam@example.com"],
};
const OUTFITTERS = {
  prefix: "NW",
  nouns: ["Parka", "Beanie", "Trail Boot", "Rain Shell", "Fleece", "Daypack", "Wool Sock", "Glove", "Scarf"],
  adjectives: ["Alpine", "Harbor", "Fjord", "Storm", "Cedar"],
  customers: ["kai@example.com", "noor@example.com", "ola@example.com", "zed@example.com"],
};
type Theme = typeof CERAMICS;

export interface EcwidStoreSeed {
  id?: number;
  name?: string;
  email?: string;
  ownerName?: string;
  productCount?: number;
  orderCount?: number;
  products?: Partial<EcwidProduct>[];
  theme?: Theme;
  /** false: consent for this store redirects without `state` (one store, so parallel tests are unaffected). */
  echoOAuthState?: boolean;
}

export function seedEcwidStore(state: SandboxState, seed: EcwidStoreSeed): EcwidStore {
  const stores = state.ecwid.stores;
  const id = seed.id ?? Math.max(5000, ...[...stores.keys()].map((k) => k + 1));
  const theme = seed.theme ?? CERAMICS;
  const store: EcwidStore = {
    id,
    name: seed.name ?? `Sandbox Store ${id}`,
    email: seed.email ?? `owner+${id}@store.example`,
    ownerName: seed.ownerName ?? "Sandbox Owner",
    products: [],
    orders: [],
    storage: new Map(),
    installation: null,
    ...(seed.echoOAuthState === undefined ? {} : { echoOAuthState: seed.echoOAuthState }),
    nextProductId: id * 100000 + 1,
    nextOrderNumber: 1001,
  };
  const productCount = seed.products ? 0 : (seed.productCount ?? 25);
  for (let i = 0; i < productCount; i++) {
    const name = `${theme.adjectives[i % theme.adjectives.length]} ${theme.nouns[i % theme.nouns.length]}${i >= theme.nouns.length ? ` ${Math.floor(i / theme.nouns.length) + 1}` : ""}`;
    // Every 6th product is disabled and every 7th is unlimited: the app must handle both.
    const unlimited = i % 7 === 3;
    const quantity = unlimited ? undefined : (i * 7) % 23;
    store.products.push(
      makeProduct(
        store,
        {
          sku: `${theme.prefix}-${String(i + 1).padStart(3, "0")}`,
          name,
          description: `<p>${name} from ${store.name}.</p>`,
          price: Math.round((12 + ((i * 37) % 140) + 0.99) * 100) / 100,
          enabled: i % 6 !== 5,
          unlimited,
          quantity,
        },
        SEED_EPOCH_MS - (productCount - i) * 86_400_000,
      ),
    );
  }
  for (const p of seed.products ?? []) store.products.push(makeProduct(store, p, Date.now()));

  const pay = ["PAID", "AWAITING_PAYMENT", "PAID", "REFUNDED", "PAID", "CANCELLED"];
  const ful = ["SHIPPED", "AWAITING_PROCESSING", "PROCESSING", "RETURNED", "DELIVERED", "WILL_NOT_DELIVER"];
  const orderCount = seed.orderCount ?? 6;
  for (let i = 0; i < orderCount; i++) {
    const p = store.products[(i * 3) % Math.max(1, store.products.length)];
    const qty = (i % 3) + 1;
    const price = p?.price ?? 10;
    const ts = SEED_EPOCH_MS - (orderCount - i) * 3_600_000 * 7;
    const internalId = id * 1000 + i + 1;
    let oid = orderId(id, i);
    while (store.orders.some((o) => o.id === oid)) oid += "Z";
    const order: EcwidOrder = {
      id: oid,
      internalId,
      orderNumber: store.nextOrderNumber++,
      email: theme.customers[i % theme.customers.length]!,
      total: Math.round(price * qty * 100) / 100,
      subtotal: Math.round(price * qty * 100) / 100,
      paymentStatus: pay[i % pay.length]!,
      fulfillmentStatus: ful[i % ful.length]!,
      createDate: ecwidDate(ts),
      updateDate: ecwidDate(ts),
      createTimestamp: Math.floor(ts / 1000),
      updateTimestamp: Math.floor(ts / 1000),
      items: p ? [{ productId: p.id, sku: p.sku, name: p.name, price, quantity: qty }] : [],
    };
    store.orders.push(order);
  }
  stores.set(id, store);
  return store;
}

/** Ecwid's newer string order ids (e.g. "XJ12H"): deterministic per store and index. */
function orderId(storeId: number, i: number): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  const h = deterministicHex(`order:${storeId}:${i}`, 8);
  const n = parseInt(h, 16);
  const at = (shift: number) => letters[(n >>> shift) % letters.length]!;
  return `${at(0)}${at(5)}${(n % 90) + 10}${at(10)}`;
}

export function makeProduct(store: EcwidStore, p: Partial<EcwidProduct>, createdMs: number): EcwidProduct {
  const id = p.id ?? store.nextProductId++;
  const unlimited = p.unlimited ?? p.quantity === undefined;
  const quantity = unlimited ? undefined : (p.quantity ?? 0);
  const product: EcwidProduct = {
    ...p,
    id,
    sku: p.sku ?? `SKU-${id}`,
    name: p.name ?? `Product ${id}`,
    description: p.description ?? "",
    price: p.price ?? 10,
    unlimited,
    inStock: unlimited || (quantity ?? 0) > 0,
    enabled: p.enabled ?? true,
    created: ecwidDate(createdMs),
    updated: ecwidDate(createdMs),
    createTimestamp: Math.floor(createdMs / 1000),
    updateTimestamp: Math.floor(createdMs / 1000),
    url: `https://store${store.id}.sandbox.ecwid.example/products/${id}`,
  };
  if (quantity !== undefined) product.quantity = quantity;
  else delete product.quantity;
  return product;
}

export interface EpStoreSeed {
  id?: string;
  name?: string;
  rateLimitPerSecond?: number;
  maxReservedRateLimit?: number;
  /** The first key's name ("Default key" unless set): a test that faults on its rotation names it uniquely. */
  keyName?: string;
  /** Tokens of this store's keys live this long (tests that wait out an expiry set it on their own store). */
  tokenLifetimeSeconds?: number;
  productCount?: number;
  /** false: catalogs and rules exist but nothing was ever published (the shopper catalog answers 404). */
  publish?: boolean;
  /** The store's default currency (USD unless set): JPY has 0 decimal places, KWD 3. */
  defaultCurrency?: "USD" | "JPY" | "KWD";
  deterministic?: boolean;
  theme?: Theme;
}

/** Three currencies with 2, 0 and 3 minor-unit digits (ISO 4217: USD cents, JPY none, KWD fils). */
function defaultCurrencies(storeId: string): EpCurrency[] {
  const currency = (code: string, decimalPlaces: number, format: string, isDefault = false): EpCurrency => ({
    id: deterministicUuid(`${storeId}:currency:${code}`),
    code,
    decimalPlaces,
    default: isDefault,
    enabled: true,
    format,
  });
  return [currency("USD", 2, "${price}", true), currency("JPY", 0, "¥{price}"), currency("KWD", 3, "KD {price}")];
}

/** Publishes a catalog: a new release holding a copy of its live products as they are now. */
export function publishEpCatalog(store: EpStore, catalog: EpCatalog, at = new Date()): EpRelease {
  const products = store.products
    .filter((p) => catalog.productIds.includes(p.id) && p.status === "live")
    .map((p) => ({ ...p, prices: { ...p.prices } }));
  const release: EpRelease = {
    id: deterministicUuid(`${catalog.id}:release:${catalog.releases.length}:${at.getTime()}`),
    publishedAt: at.toISOString(),
    products,
  };
  catalog.releases.push(release);
  return release;
}

export function seedEpStore(state: SandboxState, seed: EpStoreSeed): { store: EpStore; key: EpKey } {
  const id = seed.id ?? `ep-store-${deterministicHex(String(Date.now() + Math.random()), 8)}`;
  const theme = seed.theme ?? CERAMICS;
  const store: EpStore = {
    id,
    name: seed.name ?? `EP Store ${id}`,
    rateLimitPerSecond: seed.rateLimitPerSecond ?? 25,
    maxReservedRateLimit: seed.maxReservedRateLimit ?? 100,
    ...(seed.tokenLifetimeSeconds ? { tokenLifetimeSeconds: seed.tokenLifetimeSeconds } : {}),
    keys: [],
    products: [],
    pricebookId: deterministicUuid(`${id}:pricebook`),
    currencies: defaultCurrencies(id).map((c) => ({ ...c, default: c.code === (seed.defaultCurrency ?? "USD") })),
    catalogs: [],
    rules: [],
    // One authentication realm with one password profile, as Commerce Manager sets up for accounts.
    shoppers: {
      customers: [],
      accounts: [],
      members: [],
      orders: [],
      addresses: [],
      carts: [],
      realmId: deterministicUuid(`${id}:realm`),
      passwordProfiles: [{ id: deterministicUuid(`${id}:password-profile`), name: "Username and password" }],
    },
    // GET /v2/settings as documented: no store id, name or currency (those are not readable with a key).
    settings: {
      page_length: 25,
      list_child_products: false,
      additional_languages: [],
      calculation_method: "line",
      address_mandatory_fields: [],
      currency_limit: 10,
      field_limit: 100,
      integration_limit: 100,
      event_limit: 5,
      filter_limit: 10,
      tax_item_limit: 5,
      promotions_limit: 1000,
      promotion_codes_limit: 1000,
      page_offset_limit: 10000,
    },
  };
  const productCount = seed.productCount ?? 15;
  const productTime = new Date(SEED_EPOCH_MS).toISOString();
  for (let i = 0; i < productCount; i++) {
    const name = `${theme.adjectives[(i + 2) % theme.adjectives.length]} ${theme.nouns[i % theme.nouns.length]}`;
    const cents = 1500 + ((i * 733) % 9000);
    const product: EpProduct = {
      id: deterministicUuid(`${id}:product:${i}`),
      name: i >= theme.nouns.length ? `${name} II` : name,
      sku: `EP-${theme.prefix}-${String(i + 1).padStart(3, "0")}`,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${i + 1}`,
      description: `${name} (Elastic Path sandbox catalog).`,
      status: "live",
      createdAt: productTime,
      updatedAt: productTime,
      // Minor units: cents, whole yen, fils (1 KWD = 1000 fils).
      prices: { USD: cents, JPY: Math.round(cents * 1.5), KWD: cents * 3 + 5 },
    };
    store.products.push(product);
  }
  // A default catalog with every product (rule without criteria) and a mobile catalog with the first third
  // (rule channel "mobile"), so EP-Channel picks a different release.
  const all: EpCatalog = {
    id: deterministicUuid(`${id}:catalog:default`),
    name: "Default catalog",
    pricebookId: store.pricebookId,
    productIds: store.products.map((p) => p.id),
    releases: [],
  };
  const mobile: EpCatalog = {
    id: deterministicUuid(`${id}:catalog:mobile`),
    name: "Mobile catalog",
    pricebookId: store.pricebookId,
    productIds: store.products.slice(0, Math.ceil(productCount / 3)).map((p) => p.id),
    releases: [],
  };
  store.catalogs.push(all, mobile);
  store.rules.push(
    { id: deterministicUuid(`${id}:rule:default`), name: "Everyone", catalogId: all.id, channels: [], tags: [] },
    { id: deterministicUuid(`${id}:rule:mobile`), name: "Mobile app", catalogId: mobile.id, channels: ["mobile"], tags: [] },
  );
  if (seed.publish ?? true) for (const c of store.catalogs) publishEpCatalog(store, c, new Date(SEED_EPOCH_MS));
  const created = new Date(SEED_EPOCH_MS).toISOString();
  const key: EpKey = seed.deterministic
    ? {
        id: deterministicUuid(`${id}:key:1`),
        storeId: id,
        name: seed.keyName ?? "Default key",
        clientId: deterministicHex(`${id}:client_id`, 40),
        clientSecret: deterministicHex(`${id}:client_secret`, 40),
        reservedRateLimit: 0,
        createdAt: created,
        updatedAt: created,
        lastUsedAt: null,
      }
    : newEpKey(id, seed.keyName ?? "Default key", 0);
  store.keys.push(key);
  state.elasticpath.stores.set(id, store);
  return { store, key };
}

export function newEpKey(storeId: string, name: string, reservedRateLimit: number): EpKey {
  const now = new Date().toISOString();
  const rand = deterministicHex(`${storeId}:${name}:${Date.now()}:${Math.random()}`, 80);
  return {
    id: deterministicUuid(rand),
    storeId,
    name,
    clientId: rand.slice(0, 40),
    clientSecret: rand.slice(40, 80),
    reservedRateLimit,
    createdAt: now,
    updatedAt: now,
    lastUsedAt: null,
  };
}

function defaultShops(): OAuth2Shop[] {
  return [
    {
      id: "shop-lisbon-vintage",
      name: "Lisbon Vintage Market",
      products: [
        { id: "LV-1", title: "Azulejo Tile Set", price: 42, stock: 12, updatedAt: "2025-01-09T09:00:00Z" },
        { id: "LV-2", title: "Cork Tote", price: 29.5, stock: 0, updatedAt: "2025-01-09T09:30:00Z" },
        { id: "LV-3", title: "Sardine Print", price: 18, stock: 40, updatedAt: "2025-01-10T12:00:00Z" },
      ],
      orders: [
        {
          id: "LV-O-1",
          status: "paid",
          total: 42,
          createdAt: "2025-01-10T10:00:00Z",
          updatedAt: "2025-01-10T10:05:00Z",
          email: "rita@example.com",
          customerId: "LV-C-1",
        },
        {
          id: "LV-O-2",
          status: "shipped",
          total: 36,
          createdAt: "2025-01-11T15:30:00Z",
          updatedAt: "2025-01-12T09:00:00Z",
          email: "joao@example.com",
          customerId: "LV-C-2",
        },
      ],
      customers: [
        {
          id: "LV-C-1",
          name: "Rita Alves",
          email: "rita@example.com",
          createdAt: "2025-01-02T08:00:00Z",
          updatedAt: "2025-01-10T10:00:00Z",
        },
        {
          id: "LV-C-2",
          name: "João Costa",
          email: "joao@example.com",
          createdAt: "2025-01-03T08:00:00Z",
          updatedAt: "2025-01-11T15:30:00Z",
        },
      ],
    },
    {
      id: "shop-kyoto-tea",
      name: "Kyoto Tea House",
      products: [
        { id: "KT-1", title: "Sencha 100g", price: 14, stock: 80, updatedAt: "2025-01-08T07:00:00Z" },
        { id: "KT-2", title: "Cast Iron Kettle", price: 120, stock: 3, updatedAt: "2025-01-08T07:10:00Z" },
      ],
      orders: [
        {
          id: "KT-O-1",
          status: "pending",
          total: 28,
          createdAt: "2025-01-12T08:45:00Z",
          updatedAt: "2025-01-12T08:45:00Z",
          email: "aiko@example.com",
          customerId: "KT-C-1",
        },
      ],
      customers: [
        {
          id: "KT-C-1",
          name: "Aiko Tanaka",
          email: "aiko@example.com",
          createdAt: "2025-01-05T08:00:00Z",
          updatedAt: "2025-01-12T08:45:00Z",
        },
      ],
    },
    {
      // Connected only through an integrator's connect page (e2e/integrators.spec.ts), never from the dashboard.
      id: "shop-porto-ceramics",
      name: "Porto Ceramics",
      products: [{ id: "PC-1", title: "Glazed Bowl", price: 24, stock: 9, updatedAt: "2025-01-07T10:00:00Z" }],
      orders: [
        {
          id: "PC-O-1",
          status: "paid",
          total: 24,
          createdAt: "2025-01-13T11:00:00Z",
          updatedAt: "2025-01-13T11:00:00Z",
          email: "rui@example.com",
          customerId: "PC-C-1",
        },
      ],
      customers: [
        {
          id: "PC-C-1",
          name: "Rui Lopes",
          email: "rui@example.com",
          createdAt: "2025-01-06T08:00:00Z",
          updatedAt: "2025-01-13T11:00:00Z",
        },
      ],
    },
    // One more shop per integrator or security spec, so parallel specs never re-connect each other's store.
    ...["Braga Books", "Faro Surf", "Coimbra Clocks"].map((name) => ({
      id: `shop-${name.toLowerCase().replace(" ", "-")}`,
      name,
      products: [
        {
          id: `${name.slice(0, 2).toUpperCase()}-1`,
          title: `${name} gift card`,
          price: 10,
          stock: 100,
          updatedAt: "2025-01-07T10:00:00Z",
        },
      ],
      orders: [],
      customers: [],
    })),
  ];
}
