"use client";

import { useEffect, useState } from "react";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
];
const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function relative(target: number, now: number): string {
  const diff = target - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === "second") return format.format(Math.round(diff / ms), unit);
  }
  return "";
}

/** A time shown relative to now ("in 42 minutes", "3 hours ago"), ticking live; the UTC time is in the title. */
export function RelativeTime({ iso, empty = "—", live = true }: { iso: string | null; empty?: string; live?: boolean }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  if (!iso) return <span className="text-zinc-500">{empty}</span>;
  const utc = `${iso.replace("T", " ").slice(0, 19)} UTC`;
  const target = Date.parse(iso);
  const past = now !== null && target <= now;
  return (
    <time dateTime={iso} title={utc} className={past ? "text-zinc-600 dark:text-zinc-400" : undefined}>
      {now === null ? utc : relative(target, now)}
    </time>
  );
}
