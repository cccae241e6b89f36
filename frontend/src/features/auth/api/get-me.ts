import { useQuery } from "@tanstack/react-query";
import { meQueryOptions } from "@/api/me";

export { getMe, meQueryOptions, type Me } from "@/api/me";

export function useMe() {
  return useQuery(meQueryOptions());
}
