import type { Inquiry } from "./api/query-keys";

/** Where an inquiry stands: announced but not open yet, open to observations, or over. */
export type InquiryPhase = "planned" | "open" | "closed";

/**
 * The inquiry's phase at `now` (ms). The API's `is_open` was true when it was read; the dates
 * carry it forward while the page stays open (an inquiry opens or closes without a refetch).
 * The server's clock still decides what it accepts.
 */
export function inquiryPhase(
  inquiry: Pick<Inquiry, "opens_at" | "closes_at" | "is_open">,
  now: number,
): InquiryPhase {
  if (now >= Date.parse(inquiry.closes_at)) return "closed";
  if (!inquiry.is_open && now < Date.parse(inquiry.opens_at)) return "planned";
  return "open";
}

/** An inquiry planned or open blocks another one on the same dossier. */
export function hasRunningInquiry(inquiries: readonly Inquiry[], now: number): boolean {
  return inquiries.some((inquiry) => inquiryPhase(inquiry, now) !== "closed");
}

/** Newest first: the current inquiry leads, the past ones follow. */
export function newestFirst(inquiries: readonly Inquiry[]): Inquiry[] {
  return [...inquiries].sort((a, b) => Date.parse(b.opens_at) - Date.parse(a.opens_at));
}
