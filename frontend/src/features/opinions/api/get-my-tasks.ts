import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { pageFromLink } from "@/lib/pagination";
import { myTasksKey } from "./query-keys";

export type ReviewTask = components["schemas"]["ReviewTask"];

const PAGE_SIZE = 100;

/**
 * Every review task of the signed-in member, done and past ones included (`?all=true`): the
 * queue itself leaves out a task once its opinion is given. All pages are read.
 */
export async function getMyTasks(): Promise<ReviewTask[]> {
  const tasks: ReviewTask[] = [];
  let page: number | undefined = 1;
  while (page !== undefined) {
    const current: number = page;
    const result = unwrap(
      await apiClient.GET("/api/v1/review-tasks/", {
        params: { query: { all: true, page: current, page_size: PAGE_SIZE } },
      }),
    );
    tasks.push(...result.results);
    const next = pageFromLink(result.next);
    page = next !== undefined && next > current ? next : undefined;
  }
  return tasks;
}

export const myTasksQueryOptions = () =>
  queryOptions({ queryKey: myTasksKey, queryFn: getMyTasks });

/** The member's live tasks on one dossier (one per session it is examined at). */
export function useMyTasksOn(dossierId: string, { enabled = true } = {}) {
  return useQuery({
    ...myTasksQueryOptions(),
    enabled,
    select: (tasks) =>
      tasks.filter((task) => task.dossier === dossierId && task.status !== "cancelled"),
  });
}
