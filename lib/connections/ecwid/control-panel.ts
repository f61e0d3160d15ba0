import "server-only";
import type { EmbeddedBoot } from "@/lib/embedded/client-boot";
import { mintEmbeddedSession } from "@/lib/auth/embedded-session";
import { db } from "@/lib/db";
import type { EcwidCredentials } from "@/lib/platforms/ecwid/ecwid-types";
import { fetchProfile, fetchTokenScopes, proveSecretToken } from "@/lib/platforms/ecwid/oauth";
import type { NativeAppPayload } from "@/lib/platforms/ecwid/payload";
import { reshapeStore } from "@/lib/platforms/ecwid/reshape";
import { PlatformError } from "@/lib/platforms/types";
import { safeEqual } from "@/lib/security/compare";
import { openConnectionCredentials, sealedColumnsSelect } from "@/lib/vault";
import { saveEcwidAuthorization, UninstalledStoreError } from "./install";

// Opening the app in the Ecwid Control Panel. Neither payload mode authenticates its token: the legacy
// hex payload is plain JSON anyone can write, and the encrypted one is AES-CBC without a MAC (flipping IV
// bits rewrites `store_id` undetected). So a payload's token is trusted only when
//  1. it equals the secret token already stored for that store (constant time, no upstream call), or
//  2. Ecwid accepts it for a call a public token cannot make (GET /storage), and /profile says it is this
//     store's. The public token passes /profile, is public by design and Storelink ships it to browsers:
//     it must never open a session, let alone be stored as the secret one.
// Only then is anything stored. A legacy payload never revives a REVOKED (uninstalled) connection; an
// encrypted one may, once its token has proven itself (a reinstall from the App Market arrives that way).

export type ControlPanelRefusal = "token" | "unavailable" | "uninstalled";

export class ControlPanelError extends Error {
  override name = "ControlPanelError";
  constructor(
    message: string,
    /** token: the token is not the store's secret; unavailable: Ecwid could not be asked; uninstalled: REVOKED. */
    readonly reason: ControlPanelRefusal = "token",
  ) {
    super(message);
  }
}

const notTheSecret = () =>
  new ControlPanelError("The token this page was opened with is not the store's secret token. Reopen the app.");

const uninstalled = () =>
  new ControlPanelError("The app was uninstalled from this store. Install it again from the Ecwid App Market.", "uninstalled");

/**
 * `appState`: encrypted mode passes app_state as its own query parameter, hash mode inside the payload
 * (platform-facts §0, §2); the query parameter wins when both are there.
 */
export async function openFromControlPanel(
  payload: NativeAppPayload,
  mode: "encrypted" | "hash",
  appState?: string | null,
): Promise<EmbeddedBoot> {
  if (appState) payload = { ...payload, app_state: appState };
  const storeId = String(payload.store_id);
  if (payload.public_token !== undefined && safeEqual(payload.access_token, payload.public_token)) throw notTheSecret();

  const known = await db.connection.findUnique({
    where: { platform_externalId: { platform: "ECWID", externalId: storeId } },
    select: { id: true, status: true, displayName: true, publicToken: true, scopes: true, ...sealedColumnsSelect },
  });
  if (known?.publicToken && safeEqual(known.publicToken, payload.access_token)) throw notTheSecret();

  const stored = known && known.status !== "REVOKED" ? openConnectionCredentials<EcwidCredentials>(known.id, known) : null;
  if (known && stored && safeEqual(stored.accessToken, payload.access_token)) {
    // The token Storelink already holds: nothing to prove and nothing new to store.
    await db.connection.update({ where: { id: known.id }, data: { lastUsedAt: new Date() } });
    return boot(known.id, storeId, known.displayName, payload, known.publicToken, known.scopes);
  }
  if (known?.status === "REVOKED" && mode === "hash") throw uninstalled();

  const store = await provenStore(storeId, payload.access_token);
  // Payloads carry no scopes: ask Ecwid once per new token. Not knowing them must not keep the page shut.
  const scopes = await fetchTokenScopes(storeId, payload.access_token).catch(() => null);
  const saved = await saveEcwidAuthorization(
    {
      storeId: payload.store_id,
      accessToken: payload.access_token,
      // A proven secret token vouches for the payload it came in, public token included.
      publicToken: payload.public_token ?? null,
      scopes,
      storeName: store.name,
      email: store.email,
      ...(payload.lang ? { lang: payload.lang } : {}),
    },
    { source: mode === "hash" ? "control_panel_hash" : "control_panel" },
  ).catch((error: unknown) => {
    // Uninstalled while this payload was being checked: the uninstall wins.
    if (error instanceof UninstalledStoreError) throw uninstalled();
    throw error;
  });
  return boot(saved.connectionId, storeId, saved.storeName, payload, payload.public_token ?? null, scopes ?? known?.scopes ?? []);
}

/** What the page's actions need: stock and product lists, order status, app settings (storage). */
const PAGE_SCOPES = ["read_catalog", "update_catalog", "read_orders", "update_orders", "update_store_profile"];

/** Case 2 above: Ecwid must accept the token for a secret-only call, and for this very store. */
async function provenStore(storeId: string, token: string) {
  try {
    await proveSecretToken(storeId, token);
    const profile = await fetchProfile(storeId, token);
    if (profile.generalInfo?.storeId !== undefined && String(profile.generalInfo.storeId) !== storeId) {
      throw new ControlPanelError("The token does not belong to this store.");
    }
    return reshapeStore(storeId, profile);
  } catch (error) {
    if (error instanceof ControlPanelError) throw error;
    const kind = error instanceof PlatformError ? error.kind : "unavailable";
    // A public token is refused by /storage with 403 (forbidden); a wrong or revoked one with 403 too.
    if (kind === "unauthorized" || kind === "forbidden" || kind === "not_found" || kind === "invalid") throw notTheSecret();
    throw new ControlPanelError(
      "Ecwid could not be reached to verify the app session. Reopen the app in a moment.",
      "unavailable",
    );
  }
}

async function boot(
  connectionId: string,
  storeId: string,
  storeName: string,
  payload: NativeAppPayload,
  publicToken: string | null,
  scopes: string[],
): Promise<EmbeddedBoot> {
  const session = await mintEmbeddedSession({ connectionId, storeId });
  return {
    storeId,
    storeName,
    publicToken: payload.public_token ?? publicToken,
    lang: payload.lang ?? "en",
    sessionToken: session.token,
    sessionExpiresAt: session.expiresAt,
    health: { state: "ok", detail: null },
    // No scopes known (an old row, or Ecwid did not say): nothing is claimed missing.
    missingScopes: scopes.length === 0 ? [] : PAGE_SCOPES.filter((s) => !scopes.includes(s)),
    appState: payload.app_state ? payload.app_state.slice(0, 1024) : null,
    viewMode: payload.view_mode === "POPUP" || payload.view_mode === "INLINE" ? payload.view_mode : "PAGE",
  };
}
