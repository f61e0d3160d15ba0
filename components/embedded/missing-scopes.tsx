"use client";

import { useEmbedded } from "./session-context";

/** Says which Ecwid permissions the page's actions lack, instead of letting the first such action fail. */
export function MissingScopes() {
  const { boot, t } = useEmbedded();
  if (boot.missingScopes.length === 0) return null;
  return (
    <section
      role="alert"
      data-testid="missing-scopes"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>{t.missingScopes}</p>
      <ul className="my-2 list-disc pl-5 font-mono text-xs">
        {boot.missingScopes.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {/* Ecwid's consent page cannot be framed: it opens in a new tab. */}
      <a href="/api/ecwid/oauth/start" target="_blank" rel="noopener" className="underline">
        {t.reauthorizeApp}
      </a>
    </section>
  );
}
