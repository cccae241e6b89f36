import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";

/** The member's private iCalendar subscription address. */
export async function getCalendarFeed(): Promise<string> {
  return unwrap(await apiClient.GET("/api/v1/calendar-feed/")).url;
}

export const calendarFeedQueryOptions = () =>
  queryOptions({ queryKey: ["review", "calendar-feed"], queryFn: getCalendarFeed });

export function useCalendarFeed() {
  return useQuery(calendarFeedQueryOptions());
}
