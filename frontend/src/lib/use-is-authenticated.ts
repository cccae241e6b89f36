import { useSyncExternalStore } from "react";
import { tokenStore } from "./token-store";

/** True while a token pair is stored; re-renders on login, refresh and logout. */
export function useIsAuthenticated(): boolean {
  return useSyncExternalStore(
    tokenStore.subscribe,
    () => tokenStore.get() !== null,
    () => false,
  );
}
