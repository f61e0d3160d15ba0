import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Alert } from "@/components/ui/alert";
import { ButtonAnchor } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { ConnectSessionElasticPathForm } from "@/components/connect/elasticpath-form";
import { CONNECT_COOKIE, sessionFromCookie } from "@/lib/apps/connect-cookie";
import { ConnectSessionError, continueConnectSession } from "@/lib/apps/connect-sessions";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Connect your store" };
export const dynamic = "force-dynamic";

const MESSAGES: Record<string, string> = {
  not_found: "This page must be opened from the app's connect link.",
  expired: "This connect session has expired. Go back to the app and start again.",
  used: "This connect session is already finished. Go back to the app.",
};

// The hosted connect page (no admin session): branded with the integrator's app, it offers the platforms
// the app asked for. Each runs its own flow and ends back at the app's return URL with a one-time code.
export default async function ConnectPlatformPage({
  params,
  searchParams,
}: {
  params: Promise<{ session: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { session: id } = await params;
  const failed = (await searchParams).error;
  const bound = sessionFromCookie((await cookies()).get(CONNECT_COOKIE)?.value) === id;
  let session;
  try {
    if (!bound) throw new ConnectSessionError("not_found", "not bound");
    session = await continueConnectSession(id);
  } catch (error) {
    if (!(error instanceof ConnectSessionError)) throw error;
    return (
      <main className="mx-auto max-w-xl px-4 py-12">
        <Alert tone="error" title="This link cannot be used">
          {MESSAGES[error.code] ?? MESSAGES.not_found}
        </Alert>
      </main>
    );
  }
  const offers = new Set(session.platforms);
  const encoded = encodeURIComponent(id);
  return (
    <main className="mx-auto max-w-xl space-y-6 px-4 py-12">
      <header>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Storelink · secure store connection</p>
        <h1 className="text-2xl font-semibold">Connect your store to {session.appName}</h1>
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          {session.appName} uses Storelink to reach your store. Storelink keeps your platform credentials encrypted and gives{" "}
          {session.appName} its own access, which you can revoke at any time.
        </p>
      </header>
      {failed && <Alert tone="error">{FAILURES[failed] ?? FAILURES.failed}</Alert>}
      {offers.has("ECWID") && (
        <Card>
          <h2 className="text-lg font-semibold">Ecwid</h2>
          <p className="mb-3 text-sm">You will approve the connection on Ecwid&apos;s own page, then come back here.</p>
          <ButtonAnchor href={`/api/ecwid/oauth/start?connect=${encoded}`}>Connect an Ecwid store</ButtonAnchor>
        </Card>
      )}
      {offers.has("ELASTICPATH") && (
        <Card>
          <h2 className="text-lg font-semibold">Elastic Path Commerce Cloud</h2>
          <p className="mb-3 text-sm">
            Create an application key in Commerce Manager (System → Application Keys) and paste it here. Storelink checks it with
            Elastic Path before saving anything and keeps the secret encrypted; {session.appName} never sees it.
          </p>
          <ConnectSessionElasticPathForm
            session={id}
            regions={env.ELASTICPATH_BASE_URLS.map(({ name, url }) => ({ name, url }))}
          />
        </Card>
      )}
      {offers.has("OAUTH2") && (
        <Card>
          <h2 className="text-lg font-semibold">OAuth2 store</h2>
          <p className="mb-3 text-sm">You will approve the connection on your platform&apos;s page, then come back here.</p>
          <ButtonAnchor href={`/api/oauth2/connect?connect=${encoded}`}>Connect with the OAuth2 provider</ButtonAnchor>
        </Card>
      )}
      <p className="text-sm">
        <a href={`/connect/${encoded}/cancel`} className="text-zinc-700 underline dark:text-zinc-300">
          Cancel and go back to {session.appName}
        </a>
      </p>
    </main>
  );
}

const FAILURES: Record<string, string> = {
  denied: "The connection was declined on the platform's page. You can try again.",
  failed: "The platform did not complete the connection. Nothing was saved; you can try again.",
};
