// Fixtures of the contract suite: the target of the current project ("sandbox" or "real") and, per platform, what
// the rows need from it. Sandbox targets are provisioned through the sandbox control API (a store of their own, the
// app installed); real targets come from the CONTRACT_* variables. A row asks for what it needs with `need()`, so a
// row the credentials cannot serve skips with the reason instead of failing.
import { test as base, expect } from "@playwright/test";
import {
  SANDBOX_ECWID_CLIENT_ID,
  SANDBOX_ECWID_CLIENT_SECRET,
  SANDBOX_OAUTH2_CLIENT_ID,
  SANDBOX_OAUTH2_CLIENT_SECRET,
} from "../../../scripts/lib/sandbox-env";
import { SandboxControl } from "../../simulators/control-client";
import { APP_SCOPES } from "../../simulators/state";
import { contractAppUrl, contractEnv, realEcwid, realElasticPath, sandboxUrl } from "../env";

export type TargetKind = "sandbox" | "real";
export interface TargetOptions {
  target: TargetKind;
}

export interface EcwidTarget {
  apiUrl: string;
  oauthUrl: string;
  storeId: number;
  secretToken: string;
  publicToken?: string;
  clientId?: string;
  clientSecret?: string;
  testProductId?: number;
  testOrderId?: string;
  sdkUrl: string;
  /** A code from the consent dialog and its redirect_uri (sandbox: the consent form driven over HTTP; real: CONTRACT_ECWID_OAUTH_CODE). */
  authorizationCode?: () => Promise<{ code: string; redirectUri: string }>;
  /** A token nothing else uses (the rate-limit row exhausts it). */
  throwawayToken: () => Promise<string>;
}

export interface ElasticPathTarget {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  channel?: string;
  contextTag?: string;
  /** Sandbox targets only: the store's id in the control API (to place records the API cannot create). */
  sandboxStoreId?: string;
}

export interface OAuth2Target {
  url: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Drives the provider's consent form and returns the code it redirects with. */
  code: (scope?: string) => Promise<string>;
}

interface WorkerFixtures {
  target: TargetKind;
  /**
   * The target is a sandbox (or, in a rehearsal, a second sandbox standing in for the real platform), so the rows
   * marked with a known fidelity gap are expected to fail (test.fail). CONTRACT_STRICT=yes turns that off to show
   * their failure messages.
   */
  gapsExpected: boolean;
  control: SandboxControl | null;
  ecwid: EcwidTarget | null;
  elasticpath: ElasticPathTarget | null;
  oauth2: OAuth2Target | null;
}

const rand = () => Math.random().toString(36).slice(2, 10);
/** Everything a row creates on a real store carries this prefix, so a QA engineer can recognise (and clean up) it. */
export const contractName = (what = "") => `storelink-contract-${what ? `${what}-` : ""}${rand()}`;

async function ecwidConsentCode(oauthUrl: string, storeId: number): Promise<{ code: string; redirectUri: string }> {
  const redirectUri = `${contractAppUrl}/contract/ecwid-callback`;
  const authorize = new URL("/api/oauth/authorize", oauthUrl);
  authorize.search = new URLSearchParams({
    client_id: SANDBOX_ECWID_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: APP_SCOPES.join(" "),
  }).toString();
  const page = await (await fetch(authorize)).text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1];
  if (!requestId) throw new Error(`sandbox consent page had no request_id: ${page.slice(0, 300)}`);
  const res = await fetch(new URL("/api/oauth/authorize", oauthUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request_id: requestId, store_id: String(storeId), decision: "install" }),
  });
  const code = new URL(res.headers.get("location") ?? "http://x.invalid").searchParams.get("code");
  if (!code) throw new Error(`sandbox consent did not redirect with a code (status ${res.status})`);
  return { code, redirectUri };
}

async function oauth2ConsentCode(url: string, redirectUri: string, scope: string): Promise<string> {
  const res = await fetch(`${url}/oauth/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: SANDBOX_OAUTH2_CLIENT_ID,
      redirect_uri: redirectUri,
      scope,
      state: "contract-state",
      shop_id: "shop-lisbon-vintage",
      decision: "approve",
    }),
  });
  const code = new URL(res.headers.get("location") ?? "http://x.invalid").searchParams.get("code");
  if (!code) throw new Error(`OAuth2 sandbox consent did not redirect with a code (status ${res.status})`);
  return code;
}

export const test = base.extend<object, WorkerFixtures>({
  target: ["sandbox", { option: true, scope: "worker" }],
  gapsExpected: [
    async ({ target }, use) =>
      use((target === "sandbox" || contractEnv.CONTRACT_REAL_IS_SANDBOX === "yes") && contractEnv.CONTRACT_STRICT !== "yes"),
    { scope: "worker" },
  ],
  control: [async ({ target }, use) => use(target === "sandbox" ? new SandboxControl(sandboxUrl(0)) : null), { scope: "worker" }],

  ecwid: [
    async ({ target, control }, use) => {
      if (target === "real") {
        const real = realEcwid;
        if (!real) return use(null);
        let codeUsed = false;
        const { CONTRACT_ECWID_OAUTH_CODE: code, CONTRACT_ECWID_REDIRECT_URI: redirectUri } = contractEnv;
        return use({
          ...real,
          ...(contractEnv.CONTRACT_ECWID_TEST_PRODUCT_ID !== undefined
            ? { testProductId: contractEnv.CONTRACT_ECWID_TEST_PRODUCT_ID }
            : {}),
          ...(contractEnv.CONTRACT_ECWID_TEST_ORDER_ID !== undefined
            ? { testOrderId: contractEnv.CONTRACT_ECWID_TEST_ORDER_ID }
            : {}),
          sdkUrl: contractEnv.CONTRACT_ECWID_SDK_URL,
          ...(code && redirectUri
            ? {
                authorizationCode: async () => {
                  if (codeUsed)
                    throw new Error("CONTRACT_ECWID_OAUTH_CODE was already exchanged in this run (codes are single-use)");
                  codeUsed = true;
                  return { code, redirectUri };
                },
              }
            : {}),
          throwawayToken: async () => real.secretToken,
        });
      }
      // A store of the suite's own, with the app installed, so rows never meet another run's changes.
      const sb = control!;
      const store = await sb.createEcwidStore({ name: contractName("store"), productCount: 6, orderCount: 4 });
      const tokens = await sb.installEcwid(store.storeId, APP_SCOPES);
      const detail = await sb.ecwidStore(store.storeId);
      const limited = detail.products.find((p) => p.unlimited === false && typeof p.quantity === "number");
      const oauthUrl = sandboxUrl(1);
      await use({
        apiUrl: sandboxUrl(2),
        oauthUrl,
        storeId: store.storeId,
        secretToken: tokens.access_token,
        ...(tokens.public_token ? { publicToken: tokens.public_token } : {}),
        clientId: SANDBOX_ECWID_CLIENT_ID,
        clientSecret: SANDBOX_ECWID_CLIENT_SECRET,
        ...(limited ? { testProductId: Number(limited.id) } : {}),
        ...(store.orderIds[0] ? { testOrderId: store.orderIds[0] } : {}),
        sdkUrl: `${oauthUrl}/ecwid-sdk/ecwid-app.js`,
        authorizationCode: () => ecwidConsentCode(oauthUrl, store.storeId),
        throwawayToken: async () => (await sb.installEcwid(store.storeId, APP_SCOPES)).access_token,
      });
    },
    { scope: "worker" },
  ],

  elasticpath: [
    async ({ target, control }, use) => {
      if (target === "real") {
        if (!realElasticPath) return use(null);
        const { CONTRACT_EP_CHANNEL: channel, CONTRACT_EP_CONTEXT_TAG: contextTag } = contractEnv;
        return use({ ...realElasticPath, ...(channel ? { channel } : {}), ...(contextTag ? { contextTag } : {}) });
      }
      const store = await control!.createElasticPathStore({ name: contractName("store"), rateLimitPerSecond: 25 });
      await use({
        baseUrl: sandboxUrl(3),
        clientId: store.key.client_id,
        clientSecret: store.key.client_secret,
        sandboxStoreId: store.storeId,
      });
    },
    { scope: "worker" },
  ],

  oauth2: [
    async ({ target }, use) => {
      // The generic provider stands in for eBay / Mercado Libre / TikTok Shop style platforms; it has no real host.
      if (target === "real") return use(null);
      const url = sandboxUrl(4);
      const redirectUri = `${contractAppUrl}/contract/oauth2-callback`;
      await use({
        url,
        clientId: SANDBOX_OAUTH2_CLIENT_ID,
        clientSecret: SANDBOX_OAUTH2_CLIENT_SECRET,
        redirectUri,
        code: (scope = "read write") => oauth2ConsentCode(url, redirectUri, scope),
      });
    },
    { scope: "worker" },
  ],
});

export { expect };

/** Skips the row (with the reason in the report) unless `value` is present; returns it narrowed. */
export function need<T>(value: T | null | undefined, reason: string): T {
  test.skip(value === null || value === undefined, reason);
  return value as T;
}

/** Skips a row that writes unless the target is a sandbox or CONTRACT_ALLOW_WRITES=yes. */
export function needWrites(target: TargetKind): void {
  test.skip(
    target === "real" && contractEnv.CONTRACT_ALLOW_WRITES !== "yes",
    "writes to the real store: set CONTRACT_ALLOW_WRITES=yes to run it",
  );
}

/** Skips a row that exhausts a rate limit unless the target is a sandbox or CONTRACT_ALLOW_RATE_LIMIT=yes. */
export function needRateLimitRun(target: TargetKind): void {
  test.skip(
    target === "real" && contractEnv.CONTRACT_ALLOW_RATE_LIMIT !== "yes",
    "throttles the real token for up to a minute: set CONTRACT_ALLOW_RATE_LIMIT=yes to run it",
  );
}
