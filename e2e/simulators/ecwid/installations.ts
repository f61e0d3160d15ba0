// Install / uninstall an app in a store and mint the non-expiring Ecwid tokens.
// Shared by the OAuth token endpoint, the control API's direct install and the
// REST `DELETE /application`.
import type { SandboxContext } from "../context";
import { randomAlnum } from "../ids";
import type { EcwidToken } from "../state";
import { fireAutomatic } from "./webhooks";

export interface IssuedTokens {
  access_token: string;
  token_type: "Bearer";
  scope: string;
  store_id: number;
  email: string;
  public_token?: string;
}

/** read_store_profile is always granted, even when not requested (platform-facts §1). */
export function normalizeScopes(scopes: string[]): string[] {
  const set = new Set(scopes.filter(Boolean));
  set.add("read_store_profile");
  return [...set];
}

export function installApp(ctx: SandboxContext, storeId: number, scopes: string[], code?: string): IssuedTokens {
  const { ecwid } = ctx.state;
  const store = ecwid.stores.get(storeId);
  if (!store) throw new Error(`unknown Ecwid store ${storeId}`);
  const granted = normalizeScopes(scopes);
  const clientId = ecwid.app.clientId;
  const firstInstall = !store.installation || store.installation.clientId !== clientId;
  store.installation = { clientId, scopes: granted, installedAt: Date.now() };

  const mint = (kind: EcwidToken["kind"]): EcwidToken => {
    const t: EcwidToken = {
      token: `${kind}_${randomAlnum(32)}`,
      kind,
      storeId,
      clientId,
      scopes: granted,
      revoked: false,
      createdAt: Date.now(),
      ...(code ? { code } : {}),
    };
    ecwid.tokens.set(t.token, t);
    return t;
  };
  const secret = mint("secret");
  const result: IssuedTokens = {
    access_token: secret.token,
    token_type: "Bearer",
    scope: granted.join(" "),
    store_id: storeId,
    email: store.email,
  };
  if (granted.includes("public_storefront")) result.public_token = mint("public").token;
  if (firstInstall) fireAutomatic(ctx, storeId, "application.installed", String(storeId));
  return result;
}

export function revokeStoreTokens(ctx: SandboxContext, storeId: number, clientId?: string): number {
  let n = 0;
  for (const t of ctx.state.ecwid.tokens.values()) {
    if (t.storeId === storeId && (!clientId || t.clientId === clientId) && !t.revoked) {
      t.revoked = true;
      n++;
    }
  }
  return n;
}

export function uninstallApp(ctx: SandboxContext, storeId: number): void {
  const store = ctx.state.ecwid.stores.get(storeId);
  if (!store?.installation) return;
  const clientId = store.installation.clientId;
  revokeStoreTokens(ctx, storeId, clientId);
  store.installation = null;
  fireAutomatic(ctx, storeId, "application.uninstalled", String(storeId));
}
