"use client";

import type { EmbeddedBoot, EmbeddedConfig } from "@/lib/embedded/client-boot";
import { useEcwidBridge } from "./ecwid-bridge";
import { OrderStatusPanel } from "./order-status-panel";
import { ProductList } from "./product-list";
import { SessionExpired } from "./session-expired";
import { MissingScopes } from "./missing-scopes";
import { EmbeddedProvider, useEmbedded } from "./session-context";
import { SettingsForm } from "./settings-form";
import { StoreHeader } from "./store-header";

export function EmbeddedRoot({ boot, config }: { boot: EmbeddedBoot; config: EmbeddedConfig }) {
  useEcwidBridge(config.appId, config.cpOrigins);
  return (
    <EmbeddedProvider boot={boot} config={config}>
      <EmbeddedApp />
    </EmbeddedProvider>
  );
}

function EmbeddedApp() {
  const { boot, expired, locale } = useEmbedded();
  // A popup or an inline block in the Control Panel gets the panels only, without the page's header.
  const compact = boot.viewMode !== "PAGE";
  return (
    <div lang={locale} className={compact ? "space-y-3" : "space-y-6"} data-testid="embedded-app" data-view-mode={boot.viewMode}>
      {!compact && <StoreHeader />}
      {!expired && <MissingScopes />}
      {expired ? (
        <SessionExpired />
      ) : (
        <>
          <ProductList />
          <OrderStatusPanel />
          <SettingsForm />
        </>
      )}
    </div>
  );
}
