import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { historyQueryKey } from "./get-history";
import { type Party, partiesQueryOptions } from "./get-parties";

export type AddPartyInput = components["schemas"]["PartyAddRequest"];

/** Gives an existing account access; adding someone who already is a party changes nothing. */
export async function addParty(dossierId: string, input: AddPartyInput): Promise<Party> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/parties/", {
      params: { path: { dossier_id: dossierId } },
      body: input,
    }),
  );
}

export function useAddParty(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation<Party, Error, AddPartyInput>({
    mutationFn: (input) => addParty(dossierId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: historyQueryKey(dossierId) });
      return queryClient.invalidateQueries({ queryKey: partiesQueryOptions(dossierId).queryKey });
    },
  });
}
