import "server-only";
import type { EmbeddedBoot } from "@/components/embedded/boot";
import { mintEmbeddedSession } from "@/lib/auth/embedded-session";
import { saveEcwidAuthorization } from "@/lib/connections/ecwid-install";
import { db } from "@/lib/db";
import { PlatformError } from "@/lib/platforms/types";
import { fetchProfile } from "./oauth";
import type { NativeAppPayload } from "./payload";
import { reshapeStore } from "./reshape";

// Opening the app in the Ecwid Control Panel: the payload's store and tokens are saved on the store's
// connection (like an install, without a unified token) and the page gets a short-lived session token.

export class ControlPanelError extends Error {
  override name = "ControlPanelError";
  constructor(
    message: string,
    /** "unavailable": Ecwid could not be asked; "token": Ecwid (or the store check) refused the token. */
    readonly reason: "token" | "unavailable" = "token",
  ) {
    super(message);
  }
}

/**
 * Both payload modes must prove themselves against GET /profile of the very store they claim: the legacy hex
 * payload is unsigned, and the encrypted one is AES-CBC without a MAC, so flipping IV bits rewrites
 * `store_id` undetected. A token that cannot be verified (Ecwid unreachable) is never saved or trusted.
 */
export async function openFromControlPanel(payload: NativeAppPayload, mode: "encrypted" | "hash"): Promise<EmbeddedBoot> {
  const storeId = String(payload.store_id);
  let profile: Awaited<ReturnType<typeof fetchProfile>> | null = null;
  try {
    profile = await fetchProfile(storeId, payload.access_token);
    if (profile.generalInfo?.storeId !== undefined && String(profile.generalInfo.storeId) !== storeId) {
      throw new ControlPanelError("The token does not belong to this store.");
    }
  } catch (error) {
    if (error instanceof ControlPanelError) throw error;
    const kind = error instanceof PlatformError ? error.kind : "unavailable";
    throw kind === "unauthorized" || kind === "forbidden"
      ? new ControlPanelError("Ecwid did not accept the token this page was opened with.")
      : new ControlPanelError("Ecwid could not be reached to verify the app session. Reopen the app in a moment.", "unavailable");
  }

  const known = await db.connection.findUnique({ where: { platform_externalId: { platform: "ECWID", externalId: storeId } }, select: { displayName: true, metadata: true } });
  const store = profile ? reshapeStore(storeId, profile) : null;
  const saved = await saveEcwidAuthorization(
    {
      storeId: payload.store_id,
      accessToken: payload.access_token,
      publicToken: payload.public_token ?? null,
      scopes: null,
      storeName: store?.name ?? known?.displayName ?? `Ecwid store ${storeId}`,
      email: store?.email ?? null,
      ...(payload.lang ? { lang: payload.lang } : {}),
    },
    { source: mode === "hash" ? "control_panel_hash" : "control_panel" },
  );
  const session = await mintEmbeddedSession({ connectionId: saved.connectionId, storeId });
  return {
    storeId,
    storeName: saved.storeName,
    publicToken: payload.public_token ?? null,
    lang: payload.lang ?? "en",
    sessionToken: session.token,
    sessionExpiresAt: session.expiresAt,
    health: { state: "ok", detail: null },
  };
}
