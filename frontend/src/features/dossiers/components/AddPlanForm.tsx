import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { fieldErrorsOf } from "@/lib/api-error";
import { useCreatePlan } from "../api/create-plan";
import { PLAN_KINDS, type PlanKind } from "../api/get-plans";
import { MutationError } from "@/components/MutationError";

export function AddPlanForm({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const createPlan = useCreatePlan(dossierId);
  const [kind, setKind] = useState<PlanKind>("situation");
  const [title, setTitle] = useState("");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (createPlan.isPending) return;
    createPlan.mutate({ kind, title: title.trim() }, { onSuccess: () => setTitle("") });
  };

  const error = createPlan.error;

  return (
    <form className="card form add-plan" onSubmit={onSubmit} noValidate data-testid="add-plan-form">
      <h3>{t("plans.add")}</h3>
      <MutationError error={error} fields={["kind", "title"]} />
      <div className="form__row">
        <Field label={t("plans.kind")} errors={fieldErrorsOf(error, "kind")}>
          <select
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as PlanKind)}
          >
            {PLAN_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`plans.kinds.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("plans.planTitle")} errors={fieldErrorsOf(error, "title")}>
          <input
            name="plan_title"
            required
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={createPlan.isPending}>
          {createPlan.isPending ? t("plans.adding") : t("plans.addSubmit")}
        </button>
      </div>
    </form>
  );
}
