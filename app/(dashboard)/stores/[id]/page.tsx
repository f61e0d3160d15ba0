import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ConnectionActions } from "@/components/stores/connection-actions";
import { ConnectionFacts } from "@/components/stores/connection-facts";
import { NewTokenNotice } from "@/components/stores/new-token-notice";
import { Timeline } from "@/components/stores/timeline";
import { UnifiedTokensPanel } from "@/components/stores/unified-tokens-panel";
import { StatusBadge } from "@/components/stores/status-badge";
import { platformName } from "@/components/stores/platform-name";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { connectionDetail } from "@/lib/connections/detail";
import { NEW_TOKEN_HEADER, openNewTokenNotice } from "@/lib/connections/new-token-notice";
import { reauthorizeLink } from "@/lib/connections/reauthorize";

export const metadata: Metadata = { title: "Store" };

export default async function StorePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const q = await searchParams;
  const detail = await connectionDetail(id);
  if (!detail) notFound();
  const { connection, tokens, events } = detail;
  const canManage = hasRole(user.role, "ADMIN");
  // Handed over by the proxy, which cleared the one-time cookie on this response: shown on this render only.
  const newToken = canManage ? openNewTokenNotice((await headers()).get(NEW_TOKEN_HEADER) ?? undefined, id) : null;
  return (
    <>
      <PageHeader
        title={connection.displayName}
        description={`${platformName[connection.platform]} · store ${connection.externalId}`}
        actions={
          <>
            {connection.platform === "ELASTICPATH" && (
              <>
                <ButtonLink href={`/stores/${id}/keys`} variant="secondary">
                  Application keys
                </ButtonLink>
                <ButtonLink href={`/stores/${id}/preview`} variant="secondary">
                  Catalog preview
                </ButtonLink>
                <ButtonLink href={`/stores/${id}/shoppers`} variant="secondary">
                  Shoppers
                </ButtonLink>
              </>
            )}
            <ButtonLink href={`/requests?connection=${id}`} variant="secondary">
              API requests
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-6">
        {q.reauthorized && <Alert tone="success">Re-authorized: the connection and its unified tokens are unchanged.</Alert>}
        {q.connected && <Alert tone="success">Store connected.</Alert>}
        {connection.status === "NEEDS_REAUTH" && (
          <Alert tone="error" title="This store must re-authorize Storelink">
            The platform rejected Storelink&apos;s credentials. Send the store owner the re-authorize link below; the connection
            keeps its id and unified tokens.
          </Alert>
        )}
        <div className="flex items-center gap-3">
          <span className="text-sm font-medium">Status</span>
          <span data-testid="connection-status">
            <StatusBadge status={connection.status} />
          </span>
        </div>
        <ConnectionFacts connection={connection} />
        {canManage ? (
          <ConnectionActions
            connectionId={id}
            status={connection.status}
            platform={connection.platform}
            reauthorizeUrl={connection.status === "REVOKED" && connection.platform !== "OAUTH2" ? null : reauthorizeLink(id)}
          />
        ) : (
          <Alert tone="info">Your role can view this store; admins can check, refresh, disconnect and manage tokens.</Alert>
        )}
        <UnifiedTokensPanel connectionId={id} tokens={tokens} canManage={canManage && connection.status !== "REVOKED"} />
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Timeline</h2>
          <Timeline events={events} />
        </Card>
      </div>
      <NewTokenNotice token={newToken} />
    </>
  );
}
