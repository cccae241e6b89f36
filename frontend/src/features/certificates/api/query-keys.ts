import type { components } from "@/api/client";

export type CertificateRequest = components["schemas"]["CertificateRequest"];
export type CertificateStatus = CertificateRequest["status"];
export type CertificateLanguage = components["schemas"]["LanguageEnum"];
export type Parcel = components["schemas"]["Parcel"];

export const certificateKeys = {
  /** Every certificate query: a new request, or one becoming ready, may change any list. */
  all: ["certificates"] as const,
  list: ["certificates", "list"] as const,
  detail: (id: string) => ["certificates", "detail", id] as const,
  parcels: (search: string) => ["certificates", "parcels", search] as const,
};

/** While the worker draws and seals it, the request is polled this often (milliseconds). */
export const POLL_MS = 2000;
/** Download links last 5 minutes (URBADESK_DOWNLOAD_URL_TTL_SECONDS): a page left open asks
 * for fresh ones before they lapse. */
export const LINK_REFRESH_MS = 4 * 60_000;

export function isPending(request: Pick<CertificateRequest, "status"> | undefined): boolean {
  return request?.status === "pending";
}
