import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type Me = components["schemas"]["Me"];

export async function getMe(): Promise<Me> {
  return unwrap(await apiClient.GET("/api/v1/auth/me/"));
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: ["auth", "me"], queryFn: getMe, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}
