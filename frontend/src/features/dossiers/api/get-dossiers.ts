import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";

export type Dossier = components["schemas"]["Dossier"];
export type DossierPage = components["schemas"]["PaginatedDossierList"];
export type DossierStatus = components["schemas"]["DossierStatusEnum"];
export type PaymentStatus = components["schemas"]["PaymentStatusEnum"];

export const DOSSIERS_PAGE_SIZE = 20;

export type DossiersQuery = {
  page: number;
  status?: DossierStatus | "";
  /** The desk's view: the dossiers whose fee is paid, or still owed. */
  paymentStatus?: PaymentStatus | "";
  search?: string;
  ordering?: string;
};

export async function getDossiers({
  page,
  status,
  paymentStatus,
  search,
  ordering = "-created_at",
}: DossiersQuery): Promise<DossierPage> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/", {
      params: {
        query: {
          page,
          page_size: DOSSIERS_PAGE_SIZE,
          ordering,
          ...(status ? { status: [status] } : {}),
          ...(paymentStatus ? { payment_status: [paymentStatus] } : {}),
          ...(search ? { search } : {}),
        },
      },
    }),
  );
}

export const dossiersQueryOptions = (query: DossiersQuery) =>
  queryOptions({
    queryKey: [...dossierKeys.list, query],
    queryFn: () => getDossiers(query),
    placeholderData: keepPreviousData,
  });

export function useDossiers(query: DossiersQuery) {
  return useQuery(dossiersQueryOptions(query));
}
