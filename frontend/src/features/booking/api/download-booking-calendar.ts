import { useMutation } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { saveFile } from "@/lib/save-file";
import type { Booking } from "./get-active-booking";

/**
 * The booking as an .ics file. The API serves it only with the Bearer token, so it is fetched
 * through the API client (token, refresh) and handed to the browser as a file.
 */
export async function getBookingCalendar(bookingId: string): Promise<Blob> {
  return unwrap(
    await apiClient.GET("/api/v1/bookings/{booking_id}/calendar.ics", {
      params: { path: { booking_id: bookingId } },
      parseAs: "blob",
    }),
  );
}

export function useDownloadBookingCalendar() {
  return useMutation<void, Error, Booking>({
    mutationFn: async (booking) => {
      const blob = await getBookingCalendar(booking.id);
      saveFile(blob, `urbadesk-${booking.dossier_reference}.ics`);
    },
  });
}
