import { RelativeTime } from "./relative-time";
import type { TimelineEvent } from "./types";

const TONE: Record<string, string> = {
  needs_reauth: "bg-red-500",
  refresh_failed: "bg-amber-500",
  health_check_failed: "bg-amber-500",
  degraded: "bg-amber-500",
  disconnected: "bg-zinc-500",
  uninstalled: "bg-zinc-500",
  webhook_stale: "bg-amber-500",
  token_revoked: "bg-zinc-500",
};

export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing has happened yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Token timeline">
      {events.map((e) => (
        <li key={e.id} data-event-type={e.type} className="flex gap-3 text-sm">
          <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${TONE[e.type] ?? "bg-emerald-500"}`} />
          <div>
            <p>{e.message}</p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              <RelativeTime iso={e.createdAt} live={false} /> · {e.type.replaceAll("_", " ")}
              {e.actor && ` · by ${e.actor}`}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
