import { redirect } from "next/navigation";
import type { EmbeddedBoot } from "@/lib/embedded/client-boot";
import { EmbeddedRoot } from "@/components/embedded/embedded-root";
import { HashBootstrap } from "@/components/embedded/hash-bootstrap";
import { Alert } from "@/components/ui/alert";
import { env } from "@/lib/env";
import { ControlPanelError, openFromControlPanel } from "@/lib/connections/ecwid/control-panel";
import { ecwidAppConfig } from "@/lib/platforms/ecwid/oauth";
import { decryptPayload, PayloadError, type NativeAppPayload } from "@/lib/platforms/ecwid/payload";

export const dynamic = "force-dynamic";

// The page the Ecwid Control Panel loads in its iframe. `?payload=` is decrypted here; without it the
// legacy `#hash` payload (which never reaches the server) is handled by the client bootstrapper.
export default async function EcwidControlPanelPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const app = ecwidAppConfig();
  if (!app) {
    return (
      <Alert tone="error" title="Ecwid is not configured">
        Set ECWID_CLIENT_ID and ECWID_CLIENT_SECRET in Storelink&apos;s environment.
      </Alert>
    );
  }
  const config = { appId: app.clientId, apiBaseUrl: env.ECWID_API_BASE_URL, cpOrigins: env.ECWID_CP_ORIGINS };
  const { payload, app_state: appState } = await searchParams;
  if (payload === undefined) return <HashBootstrap config={config} />;

  let decoded: NativeAppPayload | null = null;
  try {
    decoded = typeof payload === "string" ? decryptPayload(payload, app.clientSecret) : null;
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
  }
  if (!decoded) redirect("/ecwid/invalid?reason=payload");

  let boot: EmbeddedBoot | null = null;
  let refusal = "token";
  try {
    boot = await openFromControlPanel(decoded, "encrypted", typeof appState === "string" ? appState : null);
  } catch (error) {
    if (!(error instanceof ControlPanelError)) throw error;
    refusal = error.reason;
  }
  if (!boot) redirect(`/ecwid/invalid?reason=${refusal}`);
  return <EmbeddedRoot boot={boot} config={config} />;
}
