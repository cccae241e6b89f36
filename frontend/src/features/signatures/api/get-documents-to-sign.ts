import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { pageFromLink } from "@/lib/pagination";
import { documentKeys } from "./query-keys";

export type DocumentPage = components["schemas"]["PaginatedDocumentList"];

export const TO_SIGN_PAGE_SIZE = 50;

/** One page of the documents whose next signer is the user. */
export async function getDocumentsToSign(page = 1): Promise<DocumentPage> {
  return unwrap(
    await apiClient.GET("/api/v1/documents/", {
      params: { query: { to_sign: true, page, page_size: TO_SIGN_PAGE_SIZE } },
    }),
  );
}

export const documentsToSignQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: documentKeys.toSign,
    queryFn: ({ pageParam }) => getDocumentsToSign(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => pageFromLink(last.next),
  });

export function useDocumentsToSign() {
  return useInfiniteQuery(documentsToSignQueryOptions());
}
