import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import { useGenerateSessions } from "../api/generate-sessions";

/** "Générer les séances" for N weeks ahead, then what the API created, removed or kept. */
export function GenerateSessions({ commissionId }: { commissionId: string }) {
  const { t } = useTranslation();
  const generate = useGenerateSessions(commissionId);
  const [weeks, setWeeks] = useState("8");
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    generate.mutate(Number(weeks));
  };
  const report = generate.data;
  return (
    <section className="card" aria-labelledby="generate-heading">
      <h2 id="generate-heading">{t("generate.title")}</h2>
      <p className="muted">{t("generate.intro")}</p>
      <form onSubmit={onSubmit} noValidate data-testid="generate-sessions-form">
        <fieldset disabled={generate.isPending}>
          <Field label={t("generate.weeks")} errors={fieldErrorsOf(generate.error, "weeks")}>
            <input
              type="number"
              min={1}
              max={52}
              value={weeks}
              onChange={(event) => setWeeks(event.target.value)}
            />
          </Field>
          <MutationError error={generate.error} fields={["weeks"]} />
          <div className="form__actions">
            <button type="submit" className="button">
              {generate.isPending ? t("generate.running") : t("generate.submit")}
            </button>
          </div>
        </fieldset>
      </form>
      {report && (
        <div className="alert alert--ok" role="status" data-testid="generation-report">
          <p>
            <strong>{t("generate.report")}</strong>
          </p>
          <ul>
            <li>{t("generate.sessionsCreated", { count: report.sessions_created })}</li>
            <li>{t("generate.slotsCreated", { count: report.slots_created })}</li>
            <li>{t("generate.slotsRemoved", { count: report.slots_removed })}</li>
            <li>{t("generate.slotsKept", { count: report.slots_kept_booked })}</li>
          </ul>
        </div>
      )}
    </section>
  );
}
