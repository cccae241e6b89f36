import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { tokenStore } from "@/lib/token-store";

/** Shared with the public pages that change with the session (the public inquiry). */
export { useIsAuthenticated } from "@/lib/use-is-authenticated";

/** Forgets the tokens and every cached response; RequireAuth then redirects to login. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    tokenStore.clear();
    queryClient.clear();
  }, [queryClient]);
}
