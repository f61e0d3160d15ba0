// The browser's shopper calls to Elastic Path: the implicit token as Bearer, plus the shopper's own token
// (customer: X-Moltin-Customer-Token; account member: EP-Account-Management-Authentication-Token).
// Shopper tokens are returned to React state only; nothing here stores them.

export type CustomerSession = { kind: "customer"; customerId: string; token: string; expiresAt: number };
export type AccountToken = { accountId: string; accountName: string; token: string; expiresAt: number };
export type MemberSession = { kind: "member"; accounts: AccountToken[]; accountId: string | null };
export type ShopperSession = CustomerSession | MemberSession;

export type Customer = { id: string; name: string; email: string };

/** The shopper a read speaks for: a customer, or one account of a member (each account has its own token). */
export type ShopperAuth =
  { kind: "customer"; customerId: string; token: string } | { kind: "account"; accountId: string; token: string };

export const shopperHeaders = (auth: ShopperAuth): Record<string, string> =>
  auth.kind === "customer"
    ? { "X-Moltin-Customer-Token": auth.token }
    : { "EP-Account-Management-Authentication-Token": auth.token };
export type Account = { id: string; name: string; legalName: string | null };

/** Why a shopper call failed, in words a preview user understands. */
export class ShopperError extends Error {
  constructor(
    readonly kind: "credentials" | "locked" | "expired" | "not_found" | "implicit" | "other",
    message: string,
  ) {
    super(message);
  }
}

export type Implicit = { baseUrl: string; accessToken: string };

const CREDENTIALS =
  "Elastic Path refused these credentials: no shopper has this email (or username), or the password is wrong. Elastic Path does not say which, so that nobody can probe for accounts.";
const EXPIRED = "The shopper token expired or was revoked. Sign in again.";

export async function send(
  implicit: Implicit,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${implicit.accessToken}`,
    accept: "application/json",
    ...init.headers,
  };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${implicit.baseUrl}${path}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function detailOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { errors?: { title?: string; detail?: string }[] } | null;
  const e = body?.errors?.[0];
  return e ? [e.title, e.detail].filter(Boolean).join(": ") : `HTTP ${response.status}`;
}

/**
 * Why Elastic Path did not sign a shopper in. 401 is its documented answer for wrong credentials. It documents
 * no lockout, so a locked or disabled shopper (423, or a 403 that says so) and a throttled one (429) are read
 * from the status and Elastic Path's own words, whichever it sends.
 */
export async function signInFailure(response: Response): Promise<ShopperError> {
  if (response.status === 401) return new ShopperError("credentials", CREDENTIALS);
  const detail = await detailOf(response);
  if (response.status === 423 || (response.status === 403 && /lock|disabl|suspend|block/i.test(detail)))
    return new ShopperError(
      "locked",
      `Elastic Path has locked or disabled this shopper's sign-in (${detail}). Unlock the shopper in Commerce Manager, or sign in as another shopper.`,
    );
  if (response.status === 429)
    return new ShopperError(
      "locked",
      "Elastic Path is refusing sign-in attempts for now (too many tries). Wait a minute and try again.",
    );
  return new ShopperError("other", `Elastic Path did not sign this shopper in (${detail}).`);
}

/** A shopper read: 403 means the shopper token is no longer accepted (24 h lifetime, or revoked). */
export async function readFailure(response: Response, what: string): Promise<ShopperError> {
  if (response.status === 401)
    return new ShopperError("implicit", "The preview (implicit) token was refused; it is renewed automatically, try again.");
  if (response.status === 403) return new ShopperError("expired", EXPIRED);
  if (response.status === 404) return new ShopperError("not_found", `Elastic Path shows this shopper no such ${what}.`);
  return new ShopperError("other", `Elastic Path answered ${await detailOf(response)}.`);
}

export async function signInCustomer(implicit: Implicit, email: string, password: string): Promise<CustomerSession> {
  const response = await send(implicit, "/v2/customers/tokens", {
    body: { data: { type: "token", email, password, authentication_mechanism: "password" } },
  });
  if (!response.ok) throw await signInFailure(response);
  const { data } = (await response.json()) as { data: { customer_id: string; token: string; expires: number } };
  return { kind: "customer", customerId: data.customer_id, token: data.token, expiresAt: data.expires * 1000 };
}

export async function signInMember(
  implicit: Implicit,
  passwordProfileId: string,
  username: string,
  password: string,
): Promise<MemberSession> {
  const body = {
    data: {
      type: "account_management_authentication_token",
      authentication_mechanism: "password",
      password_profile_id: passwordProfileId,
      username,
      password,
    },
  };
  const response = await send(implicit, "/v2/account-members/tokens", { body });
  if (!response.ok) throw await signInFailure(response);
  const { data } = (await response.json()) as {
    data: { account_id: string; account_name: string; token: string; expires: string }[];
  };
  const accounts = data.map((t) => ({
    accountId: t.account_id,
    accountName: t.account_name,
    token: t.token,
    expiresAt: Date.parse(t.expires),
  }));
  if (accounts.length === 0)
    throw new ShopperError("other", "This member belongs to no account yet, so Elastic Path issued no token.");
  return { kind: "member", accounts, accountId: accounts.length === 1 ? accounts[0]!.accountId : null };
}

export async function readCustomer(implicit: Implicit, session: CustomerSession): Promise<Customer> {
  const response = await send(implicit, `/v2/customers/${encodeURIComponent(session.customerId)}`, {
    headers: { "X-Moltin-Customer-Token": session.token },
  });
  if (!response.ok) throw await readFailure(response, "customer");
  const { data } = (await response.json()) as { data: { id: string; name: string; email: string } };
  return { id: data.id, name: data.name, email: data.email };
}

export async function readAccount(implicit: Implicit, account: AccountToken): Promise<Account> {
  const response = await send(implicit, `/v2/accounts/${encodeURIComponent(account.accountId)}`, {
    headers: { "EP-Account-Management-Authentication-Token": account.token },
  });
  if (!response.ok) throw await readFailure(response, "account");
  const { data } = (await response.json()) as { data: { id: string; name: string; legal_name?: string } };
  return { id: data.id, name: data.name, legalName: data.legal_name ?? null };
}
