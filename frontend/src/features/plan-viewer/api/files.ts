import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { ApiError, unwrap } from "@/lib/api-error";
import { saveFile } from "@/lib/save-file";
import { annotationsQueryKey } from "./get-annotations";

export type AnnotatedExport = components["schemas"]["AnnotatedExport"];
export type XfdfImportResult = components["schemas"]["XfdfImportResult"];

const EXPORT_POLL_MS = 1000;
const EXPORT_WAIT_MS = 5 * 60_000;

async function waitForExport(exportId: string): Promise<string> {
  const deadline = Date.now() + EXPORT_WAIT_MS;
  for (;;) {
    const state = unwrap(
      await apiClient.GET("/api/v1/annotation-exports/{export_id}/", {
        params: { path: { export_id: exportId } },
      }),
    );
    if (state.status === "ready" && state.download_url) return state.download_url;
    if (state.status === "failed") throw new Error(state.error || "export failed");
    if (Date.now() > deadline) throw new Error("export timed out");
    await new Promise((resolve) => setTimeout(resolve, EXPORT_POLL_MS));
  }
}

/**
 * The annotated PDF, as the API builds it: small exports come at once (the API redirects to
 * the stored file, which fetch follows), large ones are prepared by a worker and polled.
 */
export async function downloadAnnotatedPdf(versionId: string, filename: string): Promise<void> {
  const result = await apiClient.GET("/api/v1/plan-versions/{version_id}/annotated.pdf", {
    params: { path: { version_id: versionId } },
    parseAs: "blob",
  });
  const { response } = result;
  if (!response.ok) throw new ApiError(response.status, result.error);
  if (response.status === 202) {
    const started = JSON.parse(await (result.data as Blob).text()) as AnnotatedExport;
    const url = await waitForExport(started.id);
    const file = await fetch(url, { credentials: "omit" });
    saveFile(await file.blob(), filename);
    return;
  }
  saveFile(result.data as Blob, filename);
}

export async function downloadXfdf(versionId: string, filename: string): Promise<void> {
  const result = await apiClient.GET("/api/v1/plan-versions/{version_id}/annotations.xfdf", {
    params: { path: { version_id: versionId } },
    parseAs: "blob",
  });
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  saveFile(result.data as Blob, filename);
}

/** Markups from a desktop tool (Acrobat, Bluebeam…): all imported, or none with the reason. */
export function useImportXfdf(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation<XfdfImportResult, Error, File>({
    mutationFn: async (file) =>
      unwrap(
        await apiClient.POST("/api/v1/plan-versions/{version_id}/import-xfdf/", {
          params: { path: { version_id: versionId } },
          body: file as unknown as string,
          bodySerializer: (body) => body as unknown as BodyInit,
          headers: { "Content-Type": "application/vnd.adobe.xfdf" },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: annotationsQueryKey(versionId) }),
  });
}
