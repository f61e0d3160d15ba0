// Default seed and the seeding primitives the control API reuses. Everything
// here is deterministic so demo screenshots and test expectations are stable.
import { deterministicHex, deterministicUuid, ecwidDate } from "./ids";
import {
  ECWID_SCOPES,
  type EcwidOrder,
  type EcwidProduct,
  type EcwidStore,
  type EpKey,
  type EpProduct,
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

export function createState(opts: SeedOptions): SandboxState {
  const state: SandboxState = {
    appUrl: opts.appUrl,
    ecwid: {
      app: defaultEcwidApp(opts),
      config: {
        rateLimitPerMinute: 600,
        codeLifetimeSeconds: 300,
        webhookRetryDelaysMs: [1000, 2000, 4000],
        webhookMaxAttempts: 5,
        webhookTimeoutMs: 10_000,
      },
      stores: new Map(),
      codes: new Map(),
      tokens: new Map(),
      consents: new Map(),
      rateWindows: new Map(),
      deliveries: [],
      events: new Map(),
    },
    elasticpath: { tokenLifetimeSeconds: 3600, stores: new Map(), tokens: new Map(), rateWindows: new Map() },
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
    counters: { tokenRequests: {}, requests: {} },
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
    e.config = { rateLimitPerMinute: 600, codeLifetimeSeconds: 300, webhookRetryDelaysMs: [1000, 2000, 4000], webhookMaxAttempts: 5, webhookTimeoutMs: 10_000 };
    for (const m of [e.stores, e.codes, e.tokens, e.consents, e.rateWindows, e.events]) m.clear();
    e.deliveries.length = 0;
    const ep = state.elasticpath;
    ep.tokenLifetimeSeconds = 3600;
    ep.stores.clear();
    ep.tokens.clear();
    ep.rateWindows.clear();
    const o = state.oauth2;
    o.config = { accessTokenLifetimeSeconds: 3600, refreshTokenLifetimeSeconds: 182 * 24 * 3600, codeLifetimeSeconds: 300, omitRefreshToken: false, omitExpiresIn: false };
    for (const m of [o.clients, o.shops, o.codes, o.accessTokens, o.refreshTokens]) m.clear();
    state.faults.length = 0;
    state.counters.tokenRequests = {};
    state.counters.requests = {};
    state.bridgeMessages.length = 0;
  };
  fresh();
  state.appUrl = opts.appUrl;

  seedEcwidStore(state, { id: 1003, name: "Sunrise Ceramics", email: "owner@sunrise-ceramics.example", ownerName: "Maya Lindqvist", theme: CERAMICS });
  seedEcwidStore(state, { id: 2048, name: "Northwind Outfitters", email: "owner@northwind-outfitters.example", ownerName: "Arjun Patel", theme: OUTFITTERS });

  seedEpStore(state, { id: "ep-demo-store", name: "EP Demo Store", deterministic: true, theme: CERAMICS });
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
    nextProductId: id * 100000 + 1,
    nextOrderNumber: 1001,
  };
  const productCount = seed.products ? 0 : (seed.productCount ?? 25);
  for (let i = 0; i < productCount; i++) {
    const name = `${theme.adjectives[i % theme.adjectives.length]} ${theme.nouns[i % theme.nouns.length]}${i >= theme.nouns.length ? ` ${Math.floor(i / theme.nouns.length) + 1}` : ""}`;
    // Every 6th product is disabled and every 7th is unlimited: the app must handle both.
    const unlimited = i % 7 === 3;
    const quantity = unlimited ? undefined : (i * 7) % 23;
    store.products.push(makeProduct(store, {
      sku: `${theme.prefix}-${String(i + 1).padStart(3, "0")}`,
      name,
      description: `<p>${name} from ${store.name}.</p>`,
      price: Math.round((12 + ((i * 37) % 140) + 0.99) * 100) / 100,
      enabled: i % 6 !== 5,
      unlimited,
      quantity,
    }, SEED_EPOCH_MS - (productCount - i) * 86_400_000));
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
  productCount?: number;
  deterministic?: boolean;
  theme?: Theme;
}

export function seedEpStore(state: SandboxState, seed: EpStoreSeed): { store: EpStore; key: EpKey } {
  const id = seed.id ?? `ep-store-${deterministicHex(String(Date.now() + Math.random()), 8)}`;
  const theme = seed.theme ?? CERAMICS;
  const store: EpStore = {
    id,
    name: seed.name ?? `EP Store ${id}`,
    rateLimitPerSecond: seed.rateLimitPerSecond ?? 25,
    maxReservedRateLimit: seed.maxReservedRateLimit ?? 100,
    keys: [],
    products: [],
    settings: { page_length: 25, list_child_products: false, currency_decimal_places: 2, tax_behaviour: "exclusive" },
  };
  const productCount = seed.productCount ?? 15;
  for (let i = 0; i < productCount; i++) {
    const name = `${theme.adjectives[(i + 2) % theme.adjectives.length]} ${theme.nouns[i % theme.nouns.length]}`;
    const product: EpProduct = {
      id: deterministicUuid(`${id}:product:${i}`),
      name: i >= theme.nouns.length ? `${name} II` : name,
      sku: `EP-${theme.prefix}-${String(i + 1).padStart(3, "0")}`,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${i + 1}`,
      description: `${name} (Elastic Path sandbox catalog).`,
      priceCents: 1500 + ((i * 733) % 9000),
      currency: "USD",
    };
    store.products.push(product);
  }
  const created = new Date(SEED_EPOCH_MS).toISOString();
  const key: EpKey = seed.deterministic
    ? {
        id: deterministicUuid(`${id}:key:1`),
        storeId: id,
        name: "Default key",
        clientId: deterministicHex(`${id}:client_id`, 40),
        clientSecret: deterministicHex(`${id}:client_secret`, 40),
        reservedRateLimit: 0,
        createdAt: created,
        updatedAt: created,
        lastUsedAt: null,
      }
    : newEpKey(id, "Default key", 0);
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
        { id: "LV-1", title: "Azulejo Tile Set", price: 42, stock: 12 },
        { id: "LV-2", title: "Cork Tote", price: 29.5, stock: 0 },
        { id: "LV-3", title: "Sardine Print", price: 18, stock: 40 },
      ],
      orders: [
        { id: "LV-O-1", status: "paid", total: 42, createdAt: "2025-01-10T10:00:00Z" },
        { id: "LV-O-2", status: "shipped", total: 36, createdAt: "2025-01-11T15:30:00Z" },
      ],
    },
    {
      id: "shop-kyoto-tea",
      name: "Kyoto Tea House",
      products: [
        { id: "KT-1", title: "Sencha 100g", price: 14, stock: 80 },
        { id: "KT-2", title: "Cast Iron Kettle", price: 120, stock: 3 },
      ],
      orders: [{ id: "KT-O-1", status: "pending", total: 28, createdAt: "2025-01-12T08:45:00Z" }],
    },
  ];
}
