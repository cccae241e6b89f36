import { queryOptions } from "@tanstack/react-query";
import { unwrap } from "@/lib/api-error";
import { apiClient, type components } from "./client";

export type Me = components["schemas"]["Me"];

/**
 * The signed-in account. Shared by features (the header shows it, the dossier page decides
 * what its user may do); features keep their own hooks around these options.
 */
export async function getMe(): Promise<Me> {
  return unwrap(await apiClient.GET("/api/v1/auth/me/"));
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: ["auth", "me"], queryFn: getMe, staleTime: 5 * 60_000 });
