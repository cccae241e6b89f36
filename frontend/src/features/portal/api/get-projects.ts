import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type Bbox, PROJECTS_PAGE_SIZE, type ProjectFilters, projectsQuery } from "../query";

export type ProjectCollection = components["schemas"]["ProjectCollection"];
export type ProjectFeature = components["schemas"]["ProjectFeature"];

/** The first page of the authorised projects inside `bbox` (newest decision first); public. */
export async function getProjects(filters: ProjectFilters, bbox: Bbox): Promise<ProjectCollection> {
  return unwrap(
    await apiClient.GET("/api/v1/public/projects/", {
      params: { query: { ...projectsQuery(filters, bbox), page_size: PROJECTS_PAGE_SIZE } },
    }),
  );
}

export const projectsQueryOptions = (filters: ProjectFilters, bbox: Bbox | null) =>
  queryOptions({
    queryKey: ["portal", "projects", filters, bbox] as const,
    queryFn: () => getProjects(filters, bbox!),
    // Nothing to ask before the map has said what it shows.
    enabled: bbox !== null,
    // Panning keeps the markers on screen until the next answer arrives.
    placeholderData: keepPreviousData,
  });

export function useProjects(filters: ProjectFilters, bbox: Bbox | null) {
  return useQuery(projectsQueryOptions(filters, bbox));
}
