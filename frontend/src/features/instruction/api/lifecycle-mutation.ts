import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useIdempotentSubmission } from "@/lib/idempotency";
import { type DossierDetail, refreshAfterAction, refreshAfterConflict } from "./query-keys";

/**
 * The mutation every lifecycle action shares: one `Idempotency-Key` per logical submission
 * (a retry of the same input replays the first answer), then the dossier and what hangs on its
 * status are refreshed. `send` is the action's fetcher.
 */
export function useLifecycleMutation<TInput>(
  dossierId: string,
  send: (input: TInput, idempotencyKey: string) => Promise<DossierDetail>,
) {
  const queryClient = useQueryClient();
  const submission = useIdempotentSubmission();
  return useMutation<DossierDetail, Error, TInput>({
    mutationFn: (input) => send(input, submission.keyFor(input ?? null)),
    onSuccess: (dossier) => {
      submission.succeeded();
      refreshAfterAction(queryClient, dossierId, dossier);
    },
    onError: (error) => refreshAfterConflict(queryClient, dossierId, error),
  });
}
