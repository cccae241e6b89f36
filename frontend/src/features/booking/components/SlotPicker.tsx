import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "@/components/QueryState";
import {
  addDays,
  dayInZone,
  formatDay,
  formatTimeInZone,
  mondayOf,
  zoneLabel,
  type DayKey,
} from "@/lib/zoned-time";
import { type Slot, useAvailableSlots } from "../api/get-available-slots";
import { weekColumns } from "../week";

type Props = {
  dossierId: string;
  onChoose: (slot: Slot) => void;
  /** A choice is being sent: the buttons wait. */
  busy?: boolean;
  /** The slot already held (when moving): shown, not offered. */
  currentSlotId?: string;
  /** The week to open first; by default the current week. */
  initialMonday?: DayKey;
};

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A week of free commission slots, Monday to Sunday, in the commission's time zone. */
export function SlotPicker({ dossierId, onChoose, busy, currentSlotId, initialMonday }: Props) {
  const { t, i18n } = useTranslation();
  const [monday, setMonday] = useState<DayKey>(
    () => initialMonday ?? mondayOf(dayInZone(new Date(), browserZone())),
  );
  // One day's margin each side: the API's days are UTC days, ours the commission's.
  const slots = useAvailableSlots(dossierId, addDays(monday, -1), addDays(monday, 8));
  const columns = weekColumns(slots.data ?? [], monday);
  const timeZone = slots.data?.[0]?.timezone;
  const empty = slots.isSuccess && columns.every((column) => column.slots.length === 0);
  const lastDay = addDays(monday, 6);

  return (
    <div className="slot-picker" data-testid="slot-picker">
      <div className="slot-picker__nav">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setMonday(addDays(monday, -7))}
        >
          <span aria-hidden="true">← </span>
          {t("booking.previousWeek")}
        </button>
        <p className="slot-picker__range" aria-live="polite" data-testid="slot-picker-week">
          {t("booking.weekOf", {
            from: formatDay(monday, i18n.language),
            to: formatDay(lastDay, i18n.language),
          })}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setMonday(addDays(monday, 7))}
        >
          {t("booking.nextWeek")}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
      {timeZone && (
        <p className="muted slot-picker__zone" data-testid="slot-picker-zone">
          {t("booking.timesIn", { zone: zoneLabel(timeZone), timeZone })}
        </p>
      )}
      {slots.isError && <ErrorMessage error={slots.error} onRetry={() => void slots.refetch()} />}
      {slots.isPending && (
        <p className="muted" role="status">
          {t("app.loading")}
        </p>
      )}
      <div className="slot-week" aria-busy={slots.isFetching || busy || undefined}>
        {columns.map((column) => (
          <section
            key={column.day}
            className="slot-day"
            aria-label={formatDay(column.day, i18n.language)}
            data-testid="slot-day"
          >
            <h4 className="slot-day__name">{formatDay(column.day, i18n.language, "short")}</h4>
            {column.slots.length === 0 ? (
              <p className="slot-day__none" aria-hidden="true">
                —
              </p>
            ) : (
              <ul className="slot-day__slots">
                {column.slots.map((slot) => {
                  const time = formatTimeInZone(slot.starts_at, i18n.language, slot.timezone);
                  const current = slot.id === currentSlotId;
                  return (
                    <li key={slot.id}>
                      <button
                        type="button"
                        className={[
                          "slot",
                          current ? "slot--current" : "",
                          slot.within_deadline === false ? "slot--late" : "",
                        ]
                          .filter(Boolean)
                          .join(" ")}
                        disabled={busy || current}
                        onClick={() => onChoose(slot)}
                        data-testid="slot"
                        data-slot-id={slot.id}
                        data-starts-at={slot.starts_at}
                        aria-label={t("booking.slotLabel", {
                          day: formatDay(column.day, i18n.language),
                          time,
                          count: slot.remaining,
                        })}
                      >
                        <span className="slot__time">{time}</span>
                        <span className="slot__places">
                          {current
                            ? t("booking.currentSlot")
                            : t("booking.places", { count: slot.remaining })}
                        </span>
                        {slot.within_deadline === true && (
                          <span className="slot__deadline" data-testid="slot-within-deadline">
                            {t("booking.withinDeadline")}
                          </span>
                        )}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        ))}
      </div>
      {empty && (
        <p className="empty" data-testid="slot-picker-empty">
          {t("booking.noSlots")}
        </p>
      )}
    </div>
  );
}
