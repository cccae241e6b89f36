import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { useNow } from "@/lib/use-now";
import { formatDateTimeInZone, formatTimeInZone, zoneLabel } from "@/lib/zoned-time";
import { useDownloadBookingCalendar } from "../api/download-booking-calendar";
import type { Booking } from "../api/get-active-booking";
import { CancelBooking } from "./CancelBooking";

type Props = {
  booking: Booking;
  dossierId: string;
  /** The booking was just moved here. */
  moved?: boolean;
  onMove: () => void;
};

/** The booked slot: when and where (in the commission's zone), until when it can change. */
export function BookingConfirmation({ booking, dossierId, moved, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const calendar = useDownloadBookingCalendar();
  const now = useNow();
  const { slot } = booking;
  const zone = slot.timezone;
  const deadline = formatDateTimeInZone(booking.change_deadline, i18n.language, zone);
  // Past the deadline the API refuses moves and cancellations: do not offer them.
  const locked = new Date(booking.change_deadline).getTime() <= now;
  return (
    <div data-testid="booking-confirmation" data-slot-id={slot.id} data-session-id={slot.session}>
      <p className="alert alert--ok" role="status">
        {moved ? t("booking.movedTo") : t("booking.confirmed")}
      </p>
      <dl className="details booking__details">
        <div>
          <dt>{t("booking.when")}</dt>
          <dd data-testid="booking-when">
            {t("booking.whenValue", {
              date: formatDateTimeInZone(slot.starts_at, i18n.language, zone),
              end: formatTimeInZone(slot.ends_at, i18n.language, zone),
            })}{" "}
            <span className="muted" title={zone}>
              ({t("booking.zoneTime", { zone: zoneLabel(zone) })})
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("booking.place")}</dt>
          <dd>{slot.place || t("dossier.none")}</dd>
        </div>
        <div>
          <dt>{t("booking.commission")}</dt>
          <dd>{slot.commission_name}</dd>
        </div>
        <div>
          <dt>{t("booking.deadline")}</dt>
          <dd data-testid="booking-deadline">{deadline}</dd>
        </div>
      </dl>
      {locked && (
        <p className="alert alert--info" data-testid="booking-locked">
          {t("booking.locked", { deadline })}
        </p>
      )}
      <MutationError error={calendar.error} />
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={calendar.isPending}
          onClick={() => calendar.mutate(booking)}
        >
          {t("booking.addToCalendar")}
        </button>
        {!locked && (
          <>
            <button type="button" className="button button--secondary" onClick={onMove}>
              {t("booking.move")}
            </button>
            <CancelBooking bookingId={booking.id} dossierId={dossierId} />
          </>
        )}
      </div>
    </div>
  );
}
