import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { tokenStore } from "@/lib/token-store";

/** True while a token pair is stored; re-renders on login, refresh and logout. */
export function useIsAuthenticated(): boolean {
  return useSyncExternalStore(
    tokenStore.subscribe,
    () => tokenStore.get() !== null,
    () => false,
  );
}

/** Forgets the tokens and every cached response; RequireAuth then redirects to login. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    tokenStore.clear();
    queryClient.clear();
  }, [queryClient]);
}
