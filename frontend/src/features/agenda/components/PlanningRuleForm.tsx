import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import { today, weekdayName } from "@/lib/zoned-time";
import { useCreatePlanningRule } from "../api/create-planning-rule";

const FIELDS = [
  "weekdays",
  "start_time",
  "end_time",
  "slot_minutes",
  "capacity",
  "place",
  "valid_from",
  "valid_until",
] as const;

const ISO_DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Adds a planning rule; the API checks it and answers field errors (400). */
export function PlanningRuleForm({ commissionId }: { commissionId: string }) {
  const { t, i18n } = useTranslation();
  const create = useCreatePlanningRule(commissionId);
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [form, setForm] = useState({
    start_time: "09:00",
    end_time: "12:00",
    slot_minutes: "30",
    capacity: "3",
    place: "",
    valid_from: today(),
    valid_until: "",
  });
  const errors = (field: string) => fieldErrorsOf(create.error, field);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      {
        weekdays,
        start_time: form.start_time,
        end_time: form.end_time,
        slot_minutes: Number(form.slot_minutes),
        capacity: Number(form.capacity),
        place: form.place.trim(),
        valid_from: form.valid_from,
        valid_until: form.valid_until || null,
      },
      { onSuccess: () => setWeekdays([]) },
    );
  };

  return (
    <form className="rule-form" onSubmit={onSubmit} noValidate data-testid="planning-rule-form">
      <fieldset disabled={create.isPending}>
        <legend>{t("rules.add")}</legend>
        <fieldset
          className={errors("weekdays").length ? "weekdays field--invalid" : "weekdays"}
          aria-describedby={errors("weekdays").length ? "rule-weekdays-error" : undefined}
        >
          <legend>{t("rules.weekdays")}</legend>
          {ISO_DAYS.map((day) => (
            <label key={day} className="checkbox">
              <input
                type="checkbox"
                checked={weekdays.includes(day)}
                onChange={(event) =>
                  setWeekdays((current) =>
                    event.target.checked
                      ? [...current, day].sort()
                      : current.filter((d) => d !== day),
                  )
                }
              />
              {weekdayName(day, i18n.language)}
            </label>
          ))}
          {errors("weekdays").length > 0 && (
            <ul id="rule-weekdays-error" className="field__errors">
              {errors("weekdays").map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="form__row">
          <Field label={t("rules.start")} errors={errors("start_time")}>
            <input type="time" value={form.start_time} onChange={set("start_time")} />
          </Field>
          <Field label={t("rules.end")} errors={errors("end_time")}>
            <input type="time" value={form.end_time} onChange={set("end_time")} />
          </Field>
          <Field label={t("rules.slotMinutes")} errors={errors("slot_minutes")}>
            <input
              type="number"
              min={5}
              step={5}
              value={form.slot_minutes}
              onChange={set("slot_minutes")}
            />
          </Field>
          <Field label={t("rules.capacity")} errors={errors("capacity")}>
            <input type="number" min={1} value={form.capacity} onChange={set("capacity")} />
          </Field>
        </div>
        <div className="form__row">
          <Field label={t("rules.place")} errors={errors("place")}>
            <input type="text" value={form.place} onChange={set("place")} />
          </Field>
          <Field label={t("rules.validFromLabel")} errors={errors("valid_from")}>
            <input type="date" value={form.valid_from} onChange={set("valid_from")} />
          </Field>
          <Field
            label={t("rules.validUntilLabel")}
            hint={t("rules.validUntilHint")}
            errors={errors("valid_until")}
          >
            <input type="date" value={form.valid_until} onChange={set("valid_until")} />
          </Field>
        </div>
        <MutationError error={create.error} fields={FIELDS} />
        {create.isSuccess && (
          <p className="alert alert--ok" role="status">
            {t("rules.added")}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button">
            {t("rules.submit")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
