import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { sessionKey } from "./get-session";
import type { Session } from "./get-sessions";

export async function publishSession(sessionId: string): Promise<Session> {
  return unwrap(
    await apiClient.POST("/api/v1/sessions/{session_id}/publish/", {
      params: { path: { session_id: sessionId } },
    }),
  );
}

export function usePublishSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation<Session, Error, void>({
    mutationFn: () => publishSession(sessionId),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKey(sessionId), session);
      void queryClient.invalidateQueries({ queryKey: ["agenda", "sessions"] });
    },
  });
}
