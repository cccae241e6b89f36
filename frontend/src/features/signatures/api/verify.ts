import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type Verification = components["schemas"]["Verification"];
export type Verdict = components["schemas"]["VerdictEnum"];
export type SignatureReport = components["schemas"]["SignatureReport"];
export type PublicDocument = components["schemas"]["PublicDocument"];

/**
 * Checks a PDF's signatures (public: the API ignores any token). 400 `errors.file` when it is
 * not a PDF, 413 when too large. Nothing is kept.
 */
export async function verifyFile(file: File): Promise<Verification> {
  return unwrap(
    await apiClient.POST("/api/v1/verify/", {
      // The schema types the file as a string; it is sent as multipart form data.
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append("file", file);
        return form;
      },
    }),
  );
}

export function useVerifyFile() {
  return useMutation<Verification, Error, File>({ mutationFn: verifyFile });
}

/** A document's public record by its verification code (404 if unknown or withdrawn). */
export async function getPublicDocument(code: string): Promise<PublicDocument> {
  return unwrap(await apiClient.GET("/api/v1/verify/{code}/", { params: { path: { code } } }));
}

export const publicDocumentQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ["signatures", "public", code] as const,
    queryFn: () => getPublicDocument(code),
  });

export function usePublicDocument(code: string) {
  return useQuery(publicDocumentQueryOptions(code));
}
