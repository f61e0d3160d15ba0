import { Card } from "@/components/ui/card";
import { MaskedValue } from "./masked-value";
import { platformName } from "./platform-name";
import { RelativeTime } from "./relative-time";
import type { ConnectionFactsData } from "./types";

const RULES = {
  ECWID: "Fixed token: health-checked on a schedule; a rejected token needs re-authorization.",
  ELASTICPATH: "Client credentials: the access token is re-minted before it expires.",
  OAUTH2:
    "OAuth2: refreshed when it expires (or within a margin), and proactively when the refresh token has under 6 hours left.",
} as const;

export function ConnectionFacts({ connection: c }: { connection: ConnectionFactsData }) {
  const rows: [string, React.ReactNode][] = [
    ["Platform", platformName[c.platform]],
    ["Lifecycle rule", RULES[c.platform]],
    ["Scopes", c.scopes.length ? c.scopes.join(" ") : "—"],
    ["Access token expires", <RelativeTime key="a" iso={c.accessExpiresAt} empty="Never (fixed token)" />],
    ["Refresh token expires", <RelativeTime key="r" iso={c.refreshExpiresAt} empty="—" />],
    ["Last refresh", <RelativeTime key="l" iso={c.lastRefreshAt} live={false} />],
    ["Next check", <RelativeTime key="n" iso={c.nextCheckAt} empty="Not scheduled" />],
    ["Last used", <RelativeTime key="u" iso={c.lastUsedAt} empty="Never" live={false} />],
    ["Connected", <RelativeTime key="c" iso={c.createdAt} live={false} />],
  ];
  if (c.lastError)
    rows.push([
      "Last error",
      <span key="e" className="text-red-800 dark:text-red-300">
        {c.lastError}
      </span>,
    ]);
  if (c.consecutiveFailures > 0) rows.push(["Consecutive failures", String(c.consecutiveFailures)]);
  if (c.cooldownUntil) rows.push(["Retrying after", <RelativeTime key="cd" iso={c.cooldownUntil} />]);
  if (c.publicToken) rows.push(["Public token", <MaskedValue key="p" value={c.publicToken} label="Public token" />]);
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Credentials</h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
