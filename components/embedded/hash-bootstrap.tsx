"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { EmbeddedBoot, EmbeddedConfig } from "@/lib/embedded/client-boot";
import { EmbeddedRoot } from "./embedded-root";
import { messagesFor } from "./i18n";

// Legacy Control Panel mode: the payload is hex in the URL fragment, which never reaches the server. Post
// it to Storelink, which verifies its token with Ecwid before trusting it, then drop it from the URL.

type State = { kind: "loading" } | { kind: "missing" } | { kind: "refused" } | { kind: "ready"; boot: EmbeddedBoot };

export function HashBootstrap({ config }: { config: EmbeddedConfig }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  // Read once: the fragment is removed right after (and effects may run twice in development).
  const hexRef = useRef<string | null>(null);

  useEffect(() => {
    hexRef.current ??= window.location.hash.replace(/^#/, "");
    const hex = hexRef.current;
    if (!hex) {
      setState({ kind: "missing" });
      return;
    }
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    const controller = new AbortController();
    fetch("/api/ecwid/embedded-session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ payload: hex }),
      signal: controller.signal,
    })
      .then(async (res) => setState(res.ok ? { kind: "ready", boot: (await res.json()) as EmbeddedBoot } : { kind: "refused" }))
      .catch(() => {
        if (!controller.signal.aborted) setState({ kind: "refused" });
      });
    return () => controller.abort();
  }, []);

  if (state.kind === "ready") return <EmbeddedRoot boot={state.boot} config={config} />;
  const { t } = messagesFor(state.kind === "loading" ? "en" : navigator.language);
  if (state.kind === "loading")
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {t.loading}
      </p>
    );
  return (
    <div data-testid="embedded-refused">
      <Alert tone="error">{state.kind === "missing" ? t.openFromCp : t.badPayload}</Alert>
    </div>
  );
}
