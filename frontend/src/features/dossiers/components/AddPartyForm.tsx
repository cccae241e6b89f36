import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { fieldErrorsOf } from "@/lib/api-error";
import { useAddParty } from "../api/add-party";
import { MutationError } from "@/components/MutationError";

export function AddPartyForm({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const addParty = useAddParty(dossierId);
  const [email, setEmail] = useState("");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (addParty.isPending) return;
    addParty.mutate({ email: email.trim() }, { onSuccess: () => setEmail("") });
  };

  return (
    <form
      className="card form add-party"
      onSubmit={onSubmit}
      noValidate
      data-testid="add-party-form"
    >
      <h3>{t("parties.add")}</h3>
      <MutationError error={addParty.error} fields={["email"]} />
      <div className="form__row">
        <Field
          label={t("parties.addEmail")}
          hint={t("parties.addHint")}
          errors={fieldErrorsOf(addParty.error, "email")}
        >
          <input
            type="email"
            name="party_email"
            autoComplete="off"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={addParty.isPending}>
          {addParty.isPending ? t("parties.adding") : t("parties.addSubmit")}
        </button>
      </div>
      {addParty.isSuccess && (
        <p className="alert alert--info" role="status">
          {t("parties.added", { email: addParty.data.email })}
        </p>
      )}
    </form>
  );
}
