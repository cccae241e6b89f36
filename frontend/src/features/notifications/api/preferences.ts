import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

/** One event's channels besides the application: e-mail (on by default) and SMS (off). */
export type Preference = components["schemas"]["Preference"];

const keys = {
  preferences: ["notifications", "preferences"] as const,
  save: ["notifications", "preferences", "save"] as const,
};

export function usePreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: async () => unwrap(await apiClient.GET("/api/v1/notification-preferences/")),
  });
}

/** The row as it was before this change, to put back if the server refuses it. */
type Rollback = { previous: Preference | undefined };

function replaceRow(list: Preference[] | undefined, row: Preference): Preference[] | undefined {
  return list?.map((each) => (each.event === row.event ? row : each));
}

/**
 * Saves one event's channels. The list shows the change at once; a failure puts that row
 * back as it was (other rows, maybe saving too, are left alone). The answer is the whole
 * list: taken as it is when no other change is on its way, otherwise only for this row.
 */
export function useSetPreference() {
  const queryClient = useQueryClient();
  return useMutation<Preference[], Error, Preference, Rollback>({
    mutationKey: keys.save,
    mutationFn: async (preference) =>
      unwrap(await apiClient.PUT("/api/v1/notification-preferences/", { body: preference })),
    onMutate: async (preference) => {
      await queryClient.cancelQueries({ queryKey: keys.preferences });
      const previous = queryClient
        .getQueryData<Preference[]>(keys.preferences)
        ?.find((each) => each.event === preference.event);
      queryClient.setQueryData<Preference[]>(keys.preferences, (list) =>
        replaceRow(list, preference),
      );
      return { previous };
    },
    onError: (_error, _preference, rollback) => {
      const previous = rollback?.previous;
      if (previous) {
        queryClient.setQueryData<Preference[]>(keys.preferences, (list) =>
          replaceRow(list, previous),
        );
      }
    },
    onSuccess: (list, preference) => {
      // This mutation still counts as pending while its callbacks run.
      if (queryClient.isMutating({ mutationKey: keys.save }) <= 1) {
        queryClient.setQueryData(keys.preferences, list);
        return;
      }
      const saved = list.find((each) => each.event === preference.event);
      if (saved) {
        queryClient.setQueryData<Preference[]>(keys.preferences, (current) =>
          replaceRow(current, saved),
        );
      }
    },
  });
}
