import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useIdempotentSubmission } from "@/lib/idempotency";
import { activeBookingKey, type Booking } from "./get-active-booking";
import { refreshAfterConflict, refreshSlots } from "./refresh-on-conflict";

/** Frees the slot. 409 (its `detail` names the deadline) once the change deadline has passed. */
export async function cancelBooking(bookingId: string, idempotencyKey: string): Promise<Booking> {
  return unwrap(
    await apiClient.POST("/api/v1/bookings/{booking_id}/cancel/", {
      params: { path: { booking_id: bookingId }, header: { "Idempotency-Key": idempotencyKey } },
    }),
  );
}

export function useCancelBooking(dossierId: string) {
  const queryClient = useQueryClient();
  const submission = useIdempotentSubmission();
  return useMutation<Booking, Error, { bookingId: string }>({
    mutationFn: ({ bookingId }) => cancelBooking(bookingId, submission.keyFor({ bookingId })),
    onSuccess: () => {
      submission.succeeded();
      queryClient.setQueryData(activeBookingKey(dossierId), null);
      refreshSlots(queryClient, dossierId);
    },
    onError: (error) => refreshAfterConflict(queryClient, dossierId, error),
  });
}
