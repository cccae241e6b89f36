import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type ReviewTask = components["schemas"]["ReviewTask"];

/** The member's upcoming, pending reviews (first 100, session order). */
export async function getReviewTasks(): Promise<ReviewTask[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/review-tasks/", { params: { query: { page_size: 100 } } }),
  );
  return page.results;
}

export const reviewTasksQueryOptions = () =>
  queryOptions({ queryKey: ["review", "tasks"], queryFn: getReviewTasks });

export function useReviewTasks() {
  return useQuery(reviewTasksQueryOptions());
}
