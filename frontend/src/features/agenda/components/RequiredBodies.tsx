import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { fieldErrorsOf } from "@/lib/api-error";
import { useAddRequiredBody } from "../api/add-required-body";
import type { Commission } from "../api/get-commissions";
import { useMembers } from "../api/get-members";
import { useRequiredBodies } from "../api/get-required-bodies";
import { knownBodies } from "../known-bodies";
import { BodyInput } from "./BodyInput";

const FIELDS = ["procedure_type", "body"] as const;

/** Per procedure type, the bodies whose occasional members review each of its dossiers. */
export function RequiredBodies({ commission }: { commission: Commission }) {
  const { t } = useTranslation();
  const required = useRequiredBodies(commission.id);
  const members = useMembers(commission.id);
  const add = useAddRequiredBody(commission.id);
  const [procedure, setProcedure] = useState(commission.procedure_types[0] ?? "");
  const [body, setBody] = useState("");
  const errors = (field: string) => fieldErrorsOf(add.error, field);
  const bodies = knownBodies(
    (members.data ?? []).map((m) => m.body),
    (required.data ?? []).map((r) => r.body),
  );
  // The commission's procedure types may have just been edited.
  const procedureType = commission.procedure_types.includes(procedure)
    ? procedure
    : (commission.procedure_types[0] ?? "");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(
      { procedure_type: procedureType, body: body.trim() },
      { onSuccess: () => setBody("") },
    );
  };

  return (
    <section className="card" aria-labelledby="required-bodies-heading">
      <h2 id="required-bodies-heading">{t("requiredBodies.title")}</h2>
      <p className="muted">{t("requiredBodies.intro")}</p>
      {required.isPending && <Loading />}
      {required.isError && <ErrorMessage error={required.error} />}
      {required.data?.length === 0 && <p className="empty">{t("requiredBodies.empty")}</p>}
      {required.data && required.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="required-bodies-table">
            <thead>
              <tr>
                <th scope="col">{t("requiredBodies.procedure")}</th>
                <th scope="col">{t("requiredBodies.body")}</th>
              </tr>
            </thead>
            <tbody>
              {required.data.map((rule) => (
                <tr key={rule.id}>
                  <td>{rule.procedure_type}</td>
                  <td className="mono">{rule.body}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="rule-form" onSubmit={onSubmit} noValidate data-testid="required-body-form">
        <fieldset disabled={add.isPending}>
          <legend>{t("requiredBodies.add")}</legend>
          <Field label={t("requiredBodies.procedure")} errors={errors("procedure_type")}>
            <select value={procedureType} onChange={(event) => setProcedure(event.target.value)}>
              {commission.procedure_types.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t("requiredBodies.bodySlug")}
            hint={t("members.bodyHint")}
            errors={errors("body")}
          >
            <BodyInput value={body} suggestions={bodies} onChange={setBody} />
          </Field>
          <MutationError error={add.error} fields={FIELDS} />
          {add.isSuccess && (
            <p className="alert alert--ok" role="status">
              {t("requiredBodies.added")}
            </p>
          )}
          <div className="form__actions">
            <button type="submit" className="button">
              {t("requiredBodies.submit")}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
