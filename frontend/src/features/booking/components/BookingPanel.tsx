import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { ApiError } from "@/lib/api-error";
import { useCreateBooking } from "../api/create-booking";
import { useActiveBooking } from "../api/get-active-booking";
import { useRescheduleBooking } from "../api/reschedule-booking";
import { BookingConfirmation } from "./BookingConfirmation";
import { SlotPicker } from "./SlotPicker";

/** A refused choice: 409 means the view was stale (it is refreshed), pick again. */
function ChoiceError({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 409) {
    return (
      <div className="alert alert--error" role="alert" data-testid="slot-conflict">
        <p>{t("booking.slotTaken")}</p>
        {error.body.detail && <p className="muted">{error.body.detail}</p>}
      </div>
    );
  }
  return <MutationError error={error} />;
}

/**
 * The dossier's commission appointment: the week picker while it has none, then the booking
 * with its actions. Moving reopens the picker and sends one reschedule (never cancel + book).
 */
export function BookingPanel({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const booking = useActiveBooking(dossierId);
  const create = useCreateBooking(dossierId);
  const reschedule = useRescheduleBooking(dossierId);
  const [moving, setMoving] = useState(false);

  let body;
  if (booking.isPending) body = <Loading />;
  else if (booking.isError)
    body = <ErrorMessage error={booking.error} onRetry={() => void booking.refetch()} />;
  else if (!booking.data) {
    body = (
      <>
        <p className="muted">{t("booking.intro")}</p>
        <ChoiceError error={create.error} />
        <SlotPicker
          dossierId={dossierId}
          busy={create.isPending}
          onChoose={(slot) => create.mutate({ slot: slot.id })}
        />
      </>
    );
  } else if (moving) {
    const current = booking.data;
    body = (
      <>
        <p>{t("booking.chooseNewSlot")}</p>
        <ChoiceError error={reschedule.error} />
        <SlotPicker
          dossierId={dossierId}
          busy={reschedule.isPending}
          currentSlotId={current.slot.id}
          onChoose={(slot) =>
            reschedule.mutate(
              { bookingId: current.id, slot: slot.id },
              { onSuccess: () => setMoving(false) },
            )
          }
        />
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={reschedule.isPending}
            onClick={() => setMoving(false)}
          >
            {t("booking.keepSlot")}
          </button>
        </div>
      </>
    );
  } else {
    body = (
      <BookingConfirmation
        booking={booking.data}
        dossierId={dossierId}
        moved={reschedule.isSuccess}
        onMove={() => {
          reschedule.reset();
          setMoving(true);
        }}
      />
    );
  }

  return (
    <section className="card booking" aria-labelledby="booking-heading" data-testid="booking">
      <h2 id="booking-heading">{t("booking.title")}</h2>
      {body}
    </section>
  );
}
