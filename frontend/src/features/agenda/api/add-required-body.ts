import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type RequiredBody, requiredBodiesKey } from "./get-required-bodies";

export type RequiredBodyInput = components["schemas"]["RequiredBodyAddRequest"];

/** The body's occasional members will review every dossier of that procedure type. */
export async function addRequiredBody(
  commissionId: string,
  input: RequiredBodyInput,
): Promise<RequiredBody> {
  return unwrap(
    await apiClient.POST("/api/v1/commissions/{commission_id}/required-bodies/", {
      params: { path: { commission_id: commissionId } },
      body: input,
    }),
  );
}

export function useAddRequiredBody(commissionId: string) {
  const queryClient = useQueryClient();
  return useMutation<RequiredBody, Error, RequiredBodyInput>({
    mutationFn: (input) => addRequiredBody(commissionId, input),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: requiredBodiesKey(commissionId) }),
  });
}
