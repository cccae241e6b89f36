import { useMutation } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { ObservationKind, ObservationReceipt } from "./query-keys";

export type ObservationInput = { kind: ObservationKind; text: string; files: readonly File[] };

/** What the API takes with an observation: at most 5 attachments of 10 MB, PDF or image. */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_ATTACHMENTS =
  "application/pdf,image/png,image/jpeg,image/tiff,.pdf,.png,.jpg,.jpeg,.tif,.tiff";

/**
 * Sends an observation or objection as multipart form data, with the signed-in user's token (the
 * API client adds it). 401 without a session; 409 outside the inquiry's period; 400
 * `errors.text` / `errors.files`; 413 for a file too large and 422 for a file refused. The API
 * acknowledges it by e-mail; it is never shown publicly.
 */
export async function submitObservation(
  inquiryId: string,
  { kind, text, files }: ObservationInput,
): Promise<ObservationReceipt> {
  return unwrap(
    await apiClient.POST("/api/v1/inquiries/{inquiry_id}/observations/", {
      params: { path: { inquiry_id: inquiryId } },
      // The schema types the files as strings; they are sent as multipart form data.
      body: { kind, text, files: files as unknown as string[] },
      bodySerializer: () => {
        const form = new FormData();
        form.append("kind", kind);
        form.append("text", text);
        for (const file of files) form.append("files", file, file.name);
        return form;
      },
    }),
  );
}

export function useSubmitObservation(inquiryId: string) {
  return useMutation<ObservationReceipt, Error, ObservationInput>({
    mutationFn: (input) => submitObservation(inquiryId, input),
  });
}
