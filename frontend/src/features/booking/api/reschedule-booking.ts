import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useIdempotentSubmission } from "@/lib/idempotency";
import { activeBookingKey, type Booking } from "./get-active-booking";
import { refreshAfterConflict, refreshSlots } from "./refresh-on-conflict";

/**
 * Moves the booking to `slot` in one step: the old place is released only if the new one is
 * taken, so the dossier is never left without a slot. Answers the new active booking.
 */
export async function rescheduleBooking(
  bookingId: string,
  slot: string,
  idempotencyKey: string,
): Promise<Booking> {
  return unwrap(
    await apiClient.POST("/api/v1/bookings/{booking_id}/reschedule/", {
      params: { path: { booking_id: bookingId }, header: { "Idempotency-Key": idempotencyKey } },
      body: { slot },
    }),
  );
}

export function useRescheduleBooking(dossierId: string) {
  const queryClient = useQueryClient();
  const submission = useIdempotentSubmission();
  return useMutation<Booking, Error, { bookingId: string; slot: string }>({
    mutationFn: ({ bookingId, slot }) =>
      rescheduleBooking(bookingId, slot, submission.keyFor({ bookingId, slot })),
    onSuccess: (booking) => {
      submission.succeeded();
      queryClient.setQueryData(activeBookingKey(dossierId), booking);
      refreshSlots(queryClient, dossierId);
    },
    onError: (error) => refreshAfterConflict(queryClient, dossierId, error),
  });
}
