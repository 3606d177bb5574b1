"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server render and while React hydrates that HTML, true from the commit after
 * hydration (and at once on a client-side mount). Nothing changes after that, so nothing to
 * subscribe to.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
