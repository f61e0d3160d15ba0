"use client";

import { useCallback, useEffect, useEffectEvent, useState } from "react";

// Data loading for the Control Panel page. The page lives inside the merchant's Ecwid admin and has a
// first-load budget of 150 KB gzip (issue 7), of which React and Next take ~138 KB, so it does not ship
// react-query (10 KB) for its three reads. This covers what those reads need: load when the key changes,
// keep showing the previous data while the next loads, abort a superseded load, retry a failure once
// after a second (react-query's default for these panels), and reload on demand.

/** Narrows like react-query's result: once neither pending nor failed, `data` is there. */
export type Load<T> = {
  /** A load for the current key is in flight (previous data, if any, is still shown). */
  isFetching: boolean;
  refetch: () => void;
} & (
  | { isPending: true; isError: false; data: undefined } // no data yet, the current load has not failed
  | { isPending: false; isError: true; data: T | undefined } // the current load failed (after its retry)
  | { isPending: false; isError: false; data: T }
);

type Settled<T> = { request: string; data?: T; failed: boolean };

const RETRY_DELAY_MS = 1000;

export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>, { enabled = true } = {}): Load<T> {
  const [reloads, setReloads] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ request: "", failed: false });
  const request = `${reloads}:${key}`;
  const run = useEffectEvent(load);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          const data = await run(signal);
          if (!signal.aborted) setSettled({ request, data, failed: false });
          return;
        } catch {
          if (signal.aborted) return;
          if (attempt >= 1) return setSettled((prev) => ({ request, data: prev.data, failed: true }));
          await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
          if (signal.aborted) return;
        }
      }
    })();
    return () => controller.abort();
  }, [request, enabled]);

  const refetch = useCallback(() => setReloads((n) => n + 1), []);
  const current = settled.request === request;
  const isFetching = enabled && !current;
  if (current && settled.failed) return { isPending: false, isError: true, data: settled.data, isFetching, refetch };
  if (settled.data === undefined) return { isPending: true, isError: false, data: undefined, isFetching, refetch };
  return { isPending: false, isError: false, data: settled.data, isFetching, refetch };
}
