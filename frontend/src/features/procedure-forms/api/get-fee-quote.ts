import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { FormData } from "../schema";

export type FeeQuote = components["schemas"]["Fee"];

/** How long the answers must stay unchanged before the fee is asked for again. */
export const FEE_QUOTE_DEBOUNCE_MS = 400;

/** What a dossier of procedure `code` with these answers would owe (public: no login needed). */
export async function getFeeQuote(code: string, formData: FormData): Promise<FeeQuote> {
  return unwrap(
    await apiClient.POST("/api/v1/procedure-types/{code}/fee-quote/", {
      params: { path: { code } },
      body: { form_data: formData },
    }),
  );
}

export const feeQuoteQueryOptions = (code: string, formData: FormData) =>
  queryOptions({
    queryKey: ["fee-quote", code, formData],
    queryFn: () => getFeeQuote(code, formData),
    // The old amount stays in view while the new one is computed.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * The fee for the answers as they stand, asked for once they have not changed for a moment.
 * `formData` is compared by content, so a new object with the same answers asks nothing.
 */
export function useFeeQuote(code: string, formData: FormData, { enabled = true } = {}) {
  const key = JSON.stringify(formData);
  const debouncedKey = useDebounced(key, FEE_QUOTE_DEBOUNCE_MS);
  const debounced = JSON.parse(debouncedKey) as FormData;
  const query = useQuery({
    ...feeQuoteQueryOptions(code, debounced),
    enabled: enabled && code !== "",
  });
  return { ...query, isUpdating: query.isFetching || key !== debouncedKey };
}
