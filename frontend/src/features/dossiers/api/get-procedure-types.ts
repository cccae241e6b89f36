import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type ProcedureType = components["schemas"]["ProcedureType"];

/** Procedure types are a short reference list: one large page holds them all. */
export async function getProcedureTypes(): Promise<ProcedureType[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/procedure-types/", { params: { query: { page_size: 100 } } }),
  );
  return page.results;
}

export const procedureTypesQueryOptions = () =>
  queryOptions({
    queryKey: ["procedure-types"],
    queryFn: getProcedureTypes,
    staleTime: 60 * 60_000,
  });

export function useProcedureTypes() {
  return useQuery(procedureTypesQueryOptions());
}

/** One procedure type with its form, as a dossier of that type is shown and edited. */
export async function getProcedureType(code: string): Promise<ProcedureType> {
  return unwrap(
    await apiClient.GET("/api/v1/procedure-types/{code}/", { params: { path: { code } } }),
  );
}

export const procedureTypeQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ["procedure-types", code],
    queryFn: () => getProcedureType(code),
    staleTime: 60 * 60_000,
  });

export function useProcedureType(code: string, { enabled = true } = {}) {
  return useQuery({ ...procedureTypeQueryOptions(code), enabled: enabled && code !== "" });
}
