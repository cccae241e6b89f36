import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useIdempotentSubmission } from "@/lib/idempotency";
import { activeBookingKey, type Booking } from "./get-active-booking";
import { refreshAfterConflict, refreshSlots } from "./refresh-on-conflict";

/**
 * Books `slot` for the dossier. 409: the slot is full or the dossier already has a booking;
 * 400 with `errors.slot`: the slot is outside the booking window.
 */
export async function createBooking(
  input: { dossier: string; slot: string },
  idempotencyKey: string,
): Promise<Booking> {
  return unwrap(
    await apiClient.POST("/api/v1/bookings/", {
      params: { header: { "Idempotency-Key": idempotencyKey } },
      body: input,
    }),
  );
}

export function useCreateBooking(dossierId: string) {
  const queryClient = useQueryClient();
  const submission = useIdempotentSubmission();
  return useMutation<Booking, Error, { slot: string }>({
    mutationFn: ({ slot }) => {
      const input = { dossier: dossierId, slot };
      return createBooking(input, submission.keyFor(input));
    },
    onSuccess: (booking) => {
      submission.succeeded();
      queryClient.setQueryData(activeBookingKey(dossierId), booking);
      refreshSlots(queryClient, dossierId);
    },
    onError: (error) => refreshAfterConflict(queryClient, dossierId, error),
  });
}
