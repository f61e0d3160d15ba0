"use client";

import type { EmbeddedBoot, EmbeddedConfig } from "./boot";
import { useEcwidBridge } from "./ecwid-bridge";
import { OrderStatusPanel } from "./order-status-panel";
import { ProductList } from "./product-list";
import { SessionExpired } from "./session-expired";
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
  const { expired, locale } = useEmbedded();
  return (
    <div lang={locale} className="space-y-6" data-testid="embedded-app">
      <StoreHeader />
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
