"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server render and until React has hydrated this component, true afterwards. Forms that submit
 * through an onSubmit handler keep their submit button disabled until then: a click on the server-rendered
 * HTML would otherwise submit the form natively, reload the page and lose what was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
