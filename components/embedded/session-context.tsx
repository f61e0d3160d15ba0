"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { EmbeddedBoot, EmbeddedConfig } from "@/lib/embedded/client-boot";
import { messagesFor, type Messages } from "./i18n";

// Shared by the Control Panel page's panels: the public boot data, the merchant's language, and whether
// the embedded session has ended (then every panel gives way to the "reopen the app" state).

type EmbeddedState = {
  boot: EmbeddedBoot;
  config: EmbeddedConfig;
  t: Messages;
  locale: string;
  expired: boolean;
  markExpired: () => void;
  /** Runs an action result through the session check: a "session" failure ends the session everywhere. */
  check: <R extends { ok: boolean; code?: string }>(result: R) => R;
};

const Ctx = createContext<EmbeddedState | null>(null);

export function EmbeddedProvider({
  boot,
  config,
  children,
}: {
  boot: EmbeddedBoot;
  config: EmbeddedConfig;
  children: ReactNode;
}) {
  const [expired, setExpired] = useState(false);
  const markExpired = useCallback(() => setExpired(true), []);
  const check = useCallback(<R extends { ok: boolean; code?: string }>(result: R) => {
    if (!result.ok && result.code === "session") setExpired(true);
    return result;
  }, []);
  const value = useMemo(
    () => ({ boot, config, ...messagesFor(boot.lang), expired, markExpired, check }),
    [boot, config, expired, markExpired, check],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useEmbedded(): EmbeddedState {
  const value = useContext(Ctx);
  if (!value) throw new Error("useEmbedded must be used inside EmbeddedProvider");
  return value;
}
