import { useMutation } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { saveFile } from "@/lib/save-file";
import type { Session } from "./get-sessions";

/** The agenda as a PDF; served only with the Bearer token, so fetched and saved as a file. */
export async function getAgendaPdf(sessionId: string): Promise<Blob> {
  return unwrap(
    await apiClient.GET("/api/v1/sessions/{session_id}/agenda.pdf", {
      params: { path: { session_id: sessionId } },
      parseAs: "blob",
    }),
  );
}

export function useDownloadAgendaPdf() {
  return useMutation<void, Error, Session>({
    mutationFn: async (session) => {
      saveFile(await getAgendaPdf(session.id), `ordre-du-jour-${session.date}.pdf`);
    },
  });
}
