import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { useCancelBooking } from "../api/cancel-booking";

/** "Annuler le rendez-vous", then a confirmation; past the deadline the API's 409 is shown. */
export function CancelBooking({ bookingId, dossierId }: { bookingId: string; dossierId: string }) {
  const { t } = useTranslation();
  const cancel = useCancelBooking(dossierId);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          cancel.reset();
          setConfirming(true);
        }}
      >
        {t("booking.cancel")}
      </button>
    );
  }
  return (
    <div className="card confirm confirm--wide" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{t("booking.cancelConfirmTitle")}</h3>
      <p>{t("booking.cancelConfirmText")}</p>
      <MutationError error={cancel.error} />
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={cancel.isPending}
          autoFocus
          onClick={() => cancel.mutate({ bookingId })}
        >
          {cancel.isPending ? t("booking.cancelling") : t("booking.cancelConfirm")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={cancel.isPending}
          onClick={() => setConfirming(false)}
        >
          {t("booking.keepBooking")}
        </button>
      </div>
    </div>
  );
}
