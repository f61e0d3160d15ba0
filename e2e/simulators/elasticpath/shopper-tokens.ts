// Shopper tokens the sandbox issues and recognises: customer tokens (X-Moltin-Customer-Token) and account
// management authentication tokens (EP-Account-Management-Authentication-Token), both JWTs with a 24 h life
// (EPDEV docs/authentication/Tokens/customer-token.mdx; accounts spec, POST /v2/account-members/tokens).
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { SandboxContext } from "../context";
import type { Reply, Req } from "../http";
import type { EpStore } from "../state";
import { epError, type Authed } from "./common";

const DAY_SECONDS = 24 * 3600;
/** Per process: shopper JWTs are opaque to clients, the sandbox only needs to recognise its own. */
const SIGNING_KEY = randomBytes(32);

export const CUSTOMER_TOKEN_HEADER = "x-moltin-customer-token";
export const ACCOUNT_TOKEN_HEADER = "ep-account-management-authentication-token";

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

function signJwt(payload: Record<string, unknown>): string {
  const head = `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${createHmac("sha256", SIGNING_KEY).update(head).digest("base64url")}`;
}

function verifyJwt(token: string): Record<string, unknown> | null {
  const [head, body, signature] = token.split(".");
  if (!head || !body || !signature) return null;
  const expected = createHmac("sha256", SIGNING_KEY).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export const header = (req: Req, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return (Array.isArray(v) ? v[0] : v) || undefined;
};

export type ShopperKind = "customer" | "account";

/** Issues a shopper JWT for this store; `sub` is the customer or member id, `scope` the account of a member token. */
export function issueShopperToken(
  ctx: SandboxContext,
  store: EpStore,
  kind: ShopperKind,
  claims: Record<string, unknown>,
): { token: string; jti: string; expiresAt: number } {
  const jti = randomUUID();
  const iat = Math.floor(Date.now() / 1000);
  const expiresAt = (iat + DAY_SECONDS) * 1000;
  ctx.state.elasticpath.shopperTokens.set(jti, { storeId: store.id, kind, expiresAt });
  return { token: signJwt({ ...claims, iat, exp: iat + DAY_SECONDS, jti }), jti, expiresAt };
}

/** A shopper JWT of this kind this sandbox issued for this store, not expired (nor expired early through the control API). */
export function shopperClaims(
  ctx: SandboxContext,
  store: EpStore,
  kind: ShopperKind,
  token: string | undefined,
): Record<string, unknown> | null {
  const claims = token ? verifyJwt(token) : null;
  const issued = claims && typeof claims.jti === "string" ? ctx.state.elasticpath.shopperTokens.get(claims.jti) : undefined;
  return issued && issued.storeId === store.id && issued.kind === kind && Date.now() < issued.expiresAt ? claims : null;
}

/** Whose records a request may read: the admin (client_credentials) reads all, an implicit token only its shopper's. */
export type ShopperScope =
  { kind: "admin" } | { kind: "customer"; customerId: string } | { kind: "account"; accountId: string; memberId: string };

const forbidden = () => epError(403, "Forbidden", "You do not have permission to access this resource");

/**
 * The shopper an implicit request speaks for: exactly one of the two shopper tokens ("Requires an implicit token
 * with only one of Account Management Authentication Token or customer token", cartsorders spec, GET /v2/carts).
 * No valid shopper token is a 403, as for the implicit token alone (permissions.mdx).
 */
export function shopperScope(ctx: SandboxContext, req: Req, a: Authed): ShopperScope | Reply {
  if (a.token.grant === "client_credentials") return { kind: "admin" };
  const customerToken = header(req, CUSTOMER_TOKEN_HEADER);
  const accountToken = header(req, ACCOUNT_TOKEN_HEADER);
  if (customerToken && accountToken)
    return epError(400, "Bad Request", "Send either a customer token or an account management authentication token, not both");
  if (customerToken) {
    const claims = shopperClaims(ctx, a.store, "customer", customerToken);
    return claims ? { kind: "customer", customerId: String(claims.sub) } : forbidden();
  }
  if (accountToken) {
    const claims = shopperClaims(ctx, a.store, "account", accountToken);
    return claims ? { kind: "account", accountId: String(claims.scope), memberId: String(claims.sub) } : forbidden();
  }
  return forbidden();
}
