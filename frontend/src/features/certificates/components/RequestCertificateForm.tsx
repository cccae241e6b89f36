import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import type { CertificateLanguage, Parcel } from "../api/query-keys";
import { useRequestCertificate } from "../api/request-certificate";
import { ParcelChoice } from "./ParcelChoice";

const PLACED = ["parcel", "language"] as const;

/**
 * Find a parcel by its reference or address, choose the language, ask. A reference typed in full
 * may be sent without picking it from the list; the API says when no parcel has it.
 */
export function RequestCertificateForm({ onRequested }: { onRequested: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const ask = useRequestCertificate();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<Parcel | null>(null);
  const [language, setLanguage] = useState<CertificateLanguage>(
    i18n.language.startsWith("en") ? "en" : "fr",
  );
  const parcel = chosen?.reference ?? search.trim();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    ask.mutate({ parcel, language }, { onSuccess: (request) => onRequested(request.id) });
  };

  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t("certificates.form.title")}</h2>
      <fieldset disabled={ask.isPending}>
        <Field
          label={t("certificates.search.label")}
          hint={t("certificates.search.hint")}
          errors={fieldErrorsOf(ask.error, "parcel")}
        >
          <input
            type="search"
            name="search"
            maxLength={100}
            autoComplete="off"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setChosen(null);
            }}
          />
        </Field>
        <ParcelChoice search={search} chosen={chosen} onChoose={setChosen} />
        <Field
          label={t("certificates.form.language")}
          errors={fieldErrorsOf(ask.error, "language")}
        >
          <select
            name="language"
            value={language}
            onChange={(event) => setLanguage(event.target.value as CertificateLanguage)}
          >
            <option value="fr">{t("header.languages.fr")}</option>
            <option value="en">{t("header.languages.en")}</option>
          </select>
        </Field>
        <MutationError error={ask.error} fields={PLACED} />
        <button type="submit" className="button" disabled={!parcel}>
          {ask.isPending ? t("certificates.form.sending") : t("certificates.form.submit")}
        </button>
      </fieldset>
    </form>
  );
}
