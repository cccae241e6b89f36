import { useMutation } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { saveFile } from "@/lib/save-file";

/** The observations as a PDF; served only with the Bearer token, so fetched and saved as a file. */
export async function getObservationsPdf(inquiryId: string): Promise<Blob> {
  return unwrap(
    await apiClient.GET("/api/v1/inquiries/{inquiry_id}/observations.pdf", {
      params: { path: { inquiry_id: inquiryId } },
      parseAs: "blob",
    }),
  );
}

export function useDownloadObservationsPdf(inquiryId: string, filename: string) {
  return useMutation<void, Error, void>({
    mutationFn: async () => saveFile(await getObservationsPdf(inquiryId), filename),
  });
}
