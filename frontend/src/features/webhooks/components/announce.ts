import { createContext, useContext } from "react";

/**
 * Says what an action did in the page's one live region (WebhooksPage), wherever on the page
 * the action was taken.
 */
export const AnnounceContext = createContext<(message: string) => void>(() => {});

export function useAnnounce() {
  return useContext(AnnounceContext);
}
