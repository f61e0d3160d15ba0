import Link from "next/link";
import { Card } from "@/components/ui/card";

export type FailureItem = {
  id: string;
  type: string;
  message: string;
  createdAt: string;
  connection: { id: string; displayName: string };
};

const typeLabel: Record<string, string> = {
  refresh_failed: "Refresh failed",
  health_check_failed: "Health check failed",
  needs_reauth: "Needs re-auth",
  credentials_rotation_failed: "Rotation failed",
};

export function RecentFailures({ items }: { items: FailureItem[] }) {
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Recent refresh failures</h2>
      {items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No failed renewals or health checks recorded.</p>
      ) : (
        <ol className="space-y-3 text-sm">
          {items.map((e) => (
            <li key={e.id}>
              <p>
                <time dateTime={e.createdAt} className="text-zinc-600 dark:text-zinc-400">
                  {e.createdAt.replace("T", " ").slice(0, 16)} UTC
                </time>{" "}
                · <span className="font-medium">{typeLabel[e.type] ?? e.type}</span> ·{" "}
                <Link
                  href={`/stores/${e.connection.id}`}
                  className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
                >
                  {e.connection.displayName}
                </Link>
              </p>
              <p className="break-words text-zinc-700 dark:text-zinc-300">{e.message}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
