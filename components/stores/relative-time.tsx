"use client";

import { useSyncExternalStore } from "react";

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
// The clock as an external store: ticks once a second; on the server (and while hydrating) there is no
// "now", so the UTC time is rendered and the relative text appears once the browser takes over.
const everySecond = (onTick: () => void) => {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
};
const never = () => () => {};
const currentSecond = () => Math.floor(Date.now() / 1000) * 1000;
const noClock = () => null;

export function RelativeTime({ iso, empty = "—", live = true }: { iso: string | null; empty?: string; live?: boolean }) {
  const now = useSyncExternalStore(live ? everySecond : never, currentSecond, noClock);
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
