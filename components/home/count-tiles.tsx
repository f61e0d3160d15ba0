import Link from "next/link";

export type Tile = { label: string; value: number; href: string; tone?: "red" | "amber" | "green" | "zinc" | "indigo" };

const tones = {
  red: "border-l-red-600",
  amber: "border-l-amber-500",
  green: "border-l-emerald-600",
  zinc: "border-l-zinc-400",
  indigo: "border-l-indigo-600",
} as const;

/** Counts as links to the filtered store list, so a number is one click from the rows behind it. */
export function CountTiles({ title, tiles }: { title: string; tiles: Tile[] }) {
  return (
    <section aria-labelledby={`${title}-h`}>
      <h2 id={`${title}-h`} className="mb-2 text-sm font-semibold text-zinc-700 dark:text-zinc-300">
        {title}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {tiles.map((t) => (
          <li key={t.label}>
            <Link
              href={t.href}
              className={`block rounded-lg border border-l-4 border-zinc-200 bg-white p-3 shadow-sm hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800 ${tones[t.tone ?? "indigo"]}`}
            >
              <span className="block text-2xl font-semibold tabular-nums">{t.value}</span>
              <span className="block text-sm text-zinc-700 dark:text-zinc-300">{t.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
