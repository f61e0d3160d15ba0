// The 51 platforms of the EcartAPI token table (shared/reference/platforms.csv) plus Elastic Path, as data,
// and the lifecycle rule Storelink applies to each kind of credential. Importable from client code.

export type CatalogEntry = {
  n: number;
  name: string;
  authType: string;
  accessTokenLifetime: string | null;
  refreshToken: boolean;
  refreshTokenLifetime: string | null;
};

export type LifecycleRule = "health-check" | "re-mint" | "refresh" | "re-authorize" | "none";

export const CATALOG: readonly CatalogEntry[] = [
  {
    n: 1,
    name: "AliExpress",
    authType: "API Key / Sign",
    accessTokenLifetime: null,
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 2,
    name: "Allegro",
    authType: "OAuth2",
    accessTokenLifetime: "~12h",
    refreshToken: true,
    refreshTokenLifetime: "~3 months",
  },
  { n: 3, name: "Amazon", authType: "OAuth2 (LWA)", accessTokenLifetime: "~1h", refreshToken: false, refreshTokenLifetime: null },
  { n: 4, name: "Bling", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 5,
    name: "BigCommerce",
    authType: "Fixed token",
    accessTokenLifetime: "No expiration",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 6, name: "Cdiscount", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  { n: 7, name: "Claro Shop", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  { n: 8, name: "CS-Cart", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 9,
    name: "Ecart",
    authType: "Proprietary token",
    accessTokenLifetime: "Variable",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 10, name: "eBay", authType: "OAuth2", accessTokenLifetime: "~2h", refreshToken: true, refreshTokenLifetime: "~18 months" },
  {
    n: 11,
    name: "Ecwid",
    authType: "Fixed token",
    accessTokenLifetime: "No expiration",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 12, name: "Etsy", authType: "OAuth2", accessTokenLifetime: "~1h", refreshToken: false, refreshTokenLifetime: null },
  { n: 13, name: "Falabella", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 14,
    name: "Hybris (SAP)",
    authType: "OAuth2",
    accessTokenLifetime: "Variable",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 15, name: "Jumpseller", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 16,
    name: "Kometia",
    authType: "Proprietary token",
    accessTokenLifetime: "Variable",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 17, name: "Linio", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  { n: 18, name: "Liverpool", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 19,
    name: "Loja Integrada",
    authType: "Fixed token",
    accessTokenLifetime: "No expiration",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 20,
    name: "Magento 1",
    authType: "Token",
    accessTokenLifetime: "No expiration",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 21,
    name: "Magento 2",
    authType: "Token",
    accessTokenLifetime: "No expiration*",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 22,
    name: "Mercado Libre",
    authType: "OAuth2",
    accessTokenLifetime: "~6h",
    refreshToken: true,
    refreshTokenLifetime: "~6 months",
  },
  { n: 23, name: "Miravia", authType: "OAuth2", accessTokenLifetime: "~2h", refreshToken: false, refreshTokenLifetime: null },
  {
    n: 24,
    name: "Multivende",
    authType: "Proprietary token",
    accessTokenLifetime: "Variable",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 25, name: "NopCommerce", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  { n: 26, name: "Odoo", authType: "OAuth2", accessTokenLifetime: "Variable", refreshToken: false, refreshTokenLifetime: null },
  { n: 27, name: "OpenCart", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  { n: 28, name: "PrestaShop", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 29,
    name: "PrestaShop 9",
    authType: "API Key",
    accessTokenLifetime: null,
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 30,
    name: "QuickBooks",
    authType: "OAuth2",
    accessTokenLifetime: "~1h",
    refreshToken: true,
    refreshTokenLifetime: "~100 days",
  },
  {
    n: 31,
    name: "Salesforce",
    authType: "OAuth2",
    accessTokenLifetime: "15m\u201312h",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 32, name: "Shein", authType: "Private", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 33,
    name: "ShipHero",
    authType: "Token",
    accessTokenLifetime: "No expiration",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 34,
    name: "Shoplazza",
    authType: "Fixed token",
    accessTokenLifetime: "No expiration",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 35,
    name: "Shopify",
    authType: "Fixed token",
    accessTokenLifetime: "No expiration",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 36,
    name: "Squarespace",
    authType: "OAuth2",
    accessTokenLifetime: "Variable",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 37, name: "Temu", authType: "Private", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 38,
    name: "Tienda Nube",
    authType: "Fixed token",
    accessTokenLifetime: "No expiration",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 39,
    name: "TikTok Shop",
    authType: "OAuth2",
    accessTokenLifetime: "~24h",
    refreshToken: true,
    refreshTokenLifetime: "~1 year",
  },
  { n: 40, name: "Tiny", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  { n: 41, name: "Tray", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  { n: 42, name: "Unicommerce", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 43,
    name: "Vend (VendHQ)",
    authType: "OAuth2",
    accessTokenLifetime: "~1h",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 44,
    name: "Verskis",
    authType: "Proprietary token",
    accessTokenLifetime: "Variable",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 45, name: "VTEX", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 46,
    name: "Walmart",
    authType: "Client Credentials",
    accessTokenLifetime: "~15 min",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  { n: 47, name: "Weebly", authType: "OAuth2", accessTokenLifetime: "Variable", refreshToken: false, refreshTokenLifetime: null },
  { n: 48, name: "WooCommerce", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  { n: 49, name: "Wix", authType: "OAuth2", accessTokenLifetime: "Variable", refreshToken: false, refreshTokenLifetime: null },
  { n: 50, name: "Yampi", authType: "API Key", accessTokenLifetime: null, refreshToken: false, refreshTokenLifetime: null },
  {
    n: 51,
    name: "Zoho Inventory",
    authType: "OAuth2",
    accessTokenLifetime: "~1h",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
  {
    n: 52,
    name: "Elastic Path",
    authType: "Client Credentials",
    accessTokenLifetime: "1h",
    refreshToken: false,
    refreshTokenLifetime: null,
  },
];

/** Platforms a store can be connected to today, and the adapter that serves them. */
export const CONNECTABLE: Record<string, "ECWID" | "ELASTICPATH" | "OAUTH2"> = {
  Ecwid: "ECWID",
  "Elastic Path": "ELASTICPATH",
  // The generic OAuth2 adapter (authorization code + rotating refresh tokens) stands in for these.
  eBay: "OAUTH2",
  "Mercado Libre": "OAUTH2",
  "TikTok Shop": "OAUTH2",
  Allegro: "OAUTH2",
  QuickBooks: "OAUTH2",
};

/**
 * What keeps a credential alive, derived from how the platform issues it (the EcartAPI model):
 * fixed tokens and API keys never expire but can be revoked, so they are health-checked on a schedule;
 * client credentials are re-minted before expiry; OAuth2 with a refresh token is refreshed (lazily, and
 * proactively when the refresh token has under 6 hours left); OAuth2 without one must be re-authorized.
 */
export function lifecycleRule(entry: CatalogEntry): LifecycleRule {
  const auth = entry.authType.toLowerCase();
  if (auth.includes("client credentials")) return "re-mint";
  if (auth.startsWith("oauth2")) return entry.refreshToken ? "refresh" : "re-authorize";
  if (auth.includes("token") || auth.includes("api key") || auth === "private") return "health-check";
  return "none";
}

export const lifecycleRuleLabel: Record<LifecycleRule, string> = {
  "health-check": "Health-checked on a schedule (token does not expire)",
  "re-mint": "Re-minted before expiry (client credentials)",
  refresh: "Refreshed before expiry with the refresh token",
  "re-authorize": "Re-authorized by the store owner when it expires",
  none: "No lifecycle action",
};
