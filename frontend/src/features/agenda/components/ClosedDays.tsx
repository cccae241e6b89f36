import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { fieldErrorsOf } from "@/lib/api-error";
import { formatDayWithYear } from "@/lib/zoned-time";
import { useAddClosedDay } from "../api/add-closed-day";
import { useClosedDays } from "../api/get-closed-days";

const FIELDS = ["date", "label"] as const;

/** Days the commission does not sit: its own, and the public holidays that close them all. */
export function ClosedDays({ commissionId }: { commissionId: string }) {
  const { t, i18n } = useTranslation();
  const days = useClosedDays(commissionId);
  const add = useAddClosedDay(commissionId);
  const [form, setForm] = useState({ date: "", label: "" });
  const errors = (field: string) => fieldErrorsOf(add.error, field);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(
      { date: form.date, label: form.label.trim() },
      { onSuccess: () => setForm({ date: "", label: "" }) },
    );
  };

  return (
    <section className="card" aria-labelledby="closed-days-heading">
      <h2 id="closed-days-heading">{t("closedDays.title")}</h2>
      <p className="muted">{t("closedDays.intro")}</p>
      {days.isPending && <Loading />}
      {days.isError && <ErrorMessage error={days.error} />}
      {days.data?.length === 0 && <p className="empty">{t("closedDays.empty")}</p>}
      {days.data && days.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="closed-days-table">
            <thead>
              <tr>
                <th scope="col">{t("closedDays.date")}</th>
                <th scope="col">{t("closedDays.label")}</th>
              </tr>
            </thead>
            <tbody>
              {days.data.map((day) => (
                <tr key={day.id}>
                  <td className="nowrap">{formatDayWithYear(day.date, i18n.language)}</td>
                  <td>
                    {day.label}{" "}
                    {day.commission === null && (
                      <span className="badge">{t("closedDays.publicHoliday")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="rule-form" onSubmit={onSubmit} noValidate data-testid="closed-day-form">
        <fieldset disabled={add.isPending}>
          <legend>{t("closedDays.add")}</legend>
          <Field label={t("closedDays.date")} errors={errors("date")}>
            <input
              type="date"
              value={form.date}
              onChange={(event) => setForm({ ...form, date: event.target.value })}
            />
          </Field>
          <Field label={t("closedDays.label")} errors={errors("label")}>
            <input
              type="text"
              value={form.label}
              maxLength={200}
              onChange={(event) => setForm({ ...form, label: event.target.value })}
            />
          </Field>
          <MutationError error={add.error} fields={FIELDS} />
          {add.isSuccess && (
            <p className="alert alert--ok" role="status">
              {t("closedDays.added")}
            </p>
          )}
          <div className="form__actions">
            <button type="submit" className="button">
              {t("closedDays.submit")}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
