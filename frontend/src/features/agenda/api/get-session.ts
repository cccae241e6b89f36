import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { Session } from "./get-sessions";

export const sessionKey = (sessionId: string) => ["agenda", "session", sessionId] as const;

export async function getSession(sessionId: string): Promise<Session> {
  return unwrap(
    await apiClient.GET("/api/v1/sessions/{session_id}/", {
      params: { path: { session_id: sessionId } },
    }),
  );
}

export const sessionQueryOptions = (sessionId: string) =>
  queryOptions({ queryKey: sessionKey(sessionId), queryFn: () => getSession(sessionId) });

export function useSession(sessionId: string) {
  return useQuery(sessionQueryOptions(sessionId));
}
