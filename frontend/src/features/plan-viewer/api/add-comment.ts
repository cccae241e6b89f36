import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useIdempotentSubmission } from "@/lib/idempotency";
import { annotationsQueryKey } from "./get-annotations";

export type Comment = components["schemas"]["Comment"];

export function useAddComment(versionId: string, annotationId: string) {
  const queryClient = useQueryClient();
  const submission = useIdempotentSubmission();
  return useMutation<Comment, Error, string>({
    mutationFn: async (body) => {
      const comment = unwrap(
        await apiClient.POST("/api/v1/annotations/{annotation_id}/comments/", {
          params: { path: { annotation_id: annotationId } },
          body: { body },
          headers: { "Idempotency-Key": submission.keyFor({ annotationId, body }) },
        }),
      );
      submission.succeeded();
      return comment;
    },
    // The thread lives in the annotation: the next poll brings it, ask for it now.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: annotationsQueryKey(versionId) }),
  });
}
