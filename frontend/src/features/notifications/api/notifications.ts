import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type Notification = components["schemas"]["Notification"];

/** The bell asks this often how many notifications are unread (one counting query). */
export const UNREAD_POLL_MS = 30_000;

const keys = {
  unread: ["notifications", "unread"] as const,
  list: ["notifications", "list"] as const,
};

export function useUnreadCount() {
  return useQuery({
    queryKey: keys.unread,
    queryFn: async () => unwrap(await apiClient.GET("/api/v1/notifications/unread-count/")).unread,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: keys.list,
    enabled,
    queryFn: async () =>
      unwrap(
        await apiClient.GET("/api/v1/notifications/", { params: { query: { page_size: 20 } } }),
      ).results,
  });
}

/** Marks the given notifications read, or all when `ids` is omitted. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation<number, Error, string[] | undefined>({
    mutationFn: async (ids) =>
      unwrap(await apiClient.POST("/api/v1/notifications/read/", { body: ids ? { ids } : {} }))
        .unread,
    onSuccess: (unread) => {
      queryClient.setQueryData(keys.unread, unread);
      return queryClient.invalidateQueries({ queryKey: keys.list });
    },
  });
}
