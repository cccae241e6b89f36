import type { QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-error";
import { activeBookingKey } from "./get-active-booking";
import { availableSlotsKey } from "./get-available-slots";

/**
 * A 409 means our view is out of date (the slot filled up, the dossier got booked elsewhere,
 * the deadline passed): fetch the week and the booking again.
 */
export function refreshAfterConflict(queryClient: QueryClient, dossierId: string, error: Error) {
  if (error instanceof ApiError && error.status === 409) {
    void queryClient.invalidateQueries({ queryKey: availableSlotsKey(dossierId) });
    void queryClient.invalidateQueries({ queryKey: activeBookingKey(dossierId) });
  }
}

/** After any successful change, the free places moved. */
export function refreshSlots(queryClient: QueryClient, dossierId: string) {
  void queryClient.invalidateQueries({ queryKey: availableSlotsKey(dossierId) });
}
