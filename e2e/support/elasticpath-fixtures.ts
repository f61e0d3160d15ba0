// Elastic Path e2e helpers: a fresh sandbox store per test, and connecting it through the app's form.
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { SandboxControl } from "../simulators/control-client";
import { testEnv } from "./test-env";

export const sandbox = new SandboxControl(testEnv.sandboxControlUrl);

export type SeededEpStore = { storeId: string; name: string; key: { id: string; client_id: string; client_secret: string } };

/** A new, isolated Elastic Path store in the sandbox with one application key. */
export async function seedEpStore(
  seed: {
    productCount?: number;
    maxReservedRateLimit?: number;
    rateLimitPerSecond?: number;
    tokenLifetimeSeconds?: number;
    keyName?: string;
    publish?: boolean;
  } = {},
): Promise<SeededEpStore> {
  const tag = randomBytes(4).toString("hex");
  return sandbox.createElasticPathStore({ id: `e2e-ep-${tag}`, name: `E2E EP ${tag}`, ...seed });
}

export async function elasticPathUrl(): Promise<string> {
  const state = (await sandbox.state()) as { urls: { elasticpath: string } };
  return state.urls.elasticpath;
}

/** Mints a token straight from the sandbox (test-side, to arrange data or to probe a token's grant). */
export async function mintDirect(clientId: string, clientSecret?: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: clientSecret ? "client_credentials" : "implicit",
    client_id: clientId,
    ...(clientSecret && { client_secret: clientSecret }),
  });
  const res = await fetch(`${await elasticPathUrl()}/oauth/access_token`, { method: "POST", body: form });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The grant behind a token: admin-only /v2/settings answers 200 for client_credentials, 403 for implicit. */
export async function grantOf(token: string): Promise<"client_credentials" | "implicit" | "invalid"> {
  const res = await fetch(`${await elasticPathUrl()}/v2/settings`, { headers: { authorization: `Bearer ${token}` } });
  return res.status === 200 ? "client_credentials" : res.status === 403 ? "implicit" : "invalid";
}

/** Fills and submits the connect form; resolves with the new connection's id and its unified token. */
export async function connectThroughUi(page: Page, store: SeededEpStore, displayName = store.name) {
  await page.goto("/stores/connect/elasticpath");
  await page.getByLabel("Store name").fill(displayName);
  await page.getByLabel("Region").selectOption("sandbox");
  await page.getByLabel("Client ID").fill(store.key.client_id);
  await page.getByLabel("Client secret").fill(store.key.client_secret);
  await page.getByRole("button", { name: "Connect store" }).click();
  const token = page.getByTestId("unified-token");
  await expect(token).toBeVisible({ timeout: 15_000 });
  const href = await page.getByRole("link", { name: "Manage application keys" }).getAttribute("href");
  const connectionId = href?.match(/^\/stores\/([^/]+)\/keys$/)?.[1];
  expect(connectionId).toBeTruthy();
  return { connectionId: connectionId!, unifiedToken: (await token.textContent()) ?? "" };
}

/** Creates one application key straight at Elastic Path and returns its credentials (shown only on create). */
export async function createKeyDirect(
  store: SeededEpStore,
  name: string,
): Promise<{ id: string; client_id: string; client_secret: string }> {
  const token = await mintDirect(store.key.client_id, store.key.client_secret);
  const res = await fetch(`${await elasticPathUrl()}/v2/application-keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ data: { type: "application_key", name } }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { id: string; client_id: string; client_secret: string } }).data;
}

/** Creates application keys straight at Elastic Path (test arrangement, not through the app). */
export async function createKeysDirect(store: SeededEpStore, names: string[], reservedRateLimit = 0): Promise<void> {
  const token = await mintDirect(store.key.client_id, store.key.client_secret);
  const base = await elasticPathUrl();
  for (const name of names) {
    const res = await fetch(`${base}/v2/application-keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ data: { type: "application_key", name, reserved_rate_limit: reservedRateLimit } }),
    });
    expect(res.status).toBe(201);
  }
}

/** Token requests the sandbox counted for one client_id (per-store ids keep parallel tests apart). */
export async function tokenRequestsFor(clientId: string): Promise<number> {
  return (await sandbox.counters()).tokenRequests[clientId] ?? 0;
}

/** A saved address for a sandbox shopper (the fields the control API's addresses call takes). */
export const ADA_HOME = {
  name: "Home",
  firstName: "Ada",
  lastName: "Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postcode: "SW1Y 4JH",
  country: "GB",
};
