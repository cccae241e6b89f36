import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { fieldErrorsOf } from "@/lib/api-error";
import { useReadyVersions } from "../api/get-ready-versions";
import { useOpenInquiry } from "../api/open-inquiry";

const PLACED = ["public_versions", "notice", "closes_at"] as const;

type Props = {
  dossierId: string;
  /** Told once the API opened the inquiry (the form then goes: one runs). */
  onOpened: () => void;
};

/**
 * "Ouvrir l'enquête publique" for the desk: the ready plan versions the public may see, the
 * notice, and the closing time when not the procedure's default. The API's refusal (no inquiry
 * for this procedure, one already running, not the desk) shows in place.
 */
export function OpenInquiryForm({ dossierId, onOpened }: Props) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const titleId = useId();

  if (!expanded) {
    return (
      <div className="inquiries__open">
        <button type="button" className="button" onClick={() => setExpanded(true)}>
          {t("inquiries.open.toggle")}
        </button>
      </div>
    );
  }
  return (
    <div className="inquiries__open">
      <h3 id={titleId}>{t("inquiries.open.title")}</h3>
      <OpenInquiryFields
        dossierId={dossierId}
        titleId={titleId}
        onCancel={() => setExpanded(false)}
        onOpened={onOpened}
      />
    </div>
  );
}

function OpenInquiryFields({
  dossierId,
  titleId,
  onCancel,
  onOpened,
}: Props & { titleId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const versionsErrorId = useId();
  const versions = useReadyVersions(dossierId);
  const open = useOpenInquiry(dossierId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [notice, setNotice] = useState("");
  const [closesAt, setClosesAt] = useState("");
  const versionErrors = fieldErrorsOf(open.error, "public_versions");

  const toggle = (id: string, checked: boolean) =>
    setChosen((current) => (checked ? [...current, id] : current.filter((each) => each !== id)));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // datetime-local is the browser's local time; the API takes an instant.
    const closes = closesAt ? new Date(closesAt) : null;
    open.mutate(
      {
        public_versions: chosen,
        notice: notice.trim(),
        ...(closes && !Number.isNaN(closes.getTime()) ? { closes_at: closes.toISOString() } : {}),
      },
      { onSuccess: onOpened },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <fieldset disabled={open.isPending}>
        <fieldset
          className={
            versionErrors.length ? "checks checks--column field--invalid" : "checks checks--column"
          }
          aria-describedby={versionErrors.length ? versionsErrorId : undefined}
        >
          <legend>{t("inquiries.open.versions")}</legend>
          {versions.isPending && <Loading />}
          {versions.isError && (
            <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />
          )}
          {versions.data?.length === 0 && <p className="muted">{t("inquiries.open.noVersions")}</p>}
          {versions.data?.map((version) => (
            <label key={version.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(version.id)}
                onChange={(event) => toggle(version.id, event.target.checked)}
              />
              {t("inquiries.open.version", { plan: version.planTitle, number: version.number })}
            </label>
          ))}
          {versionErrors.length > 0 && (
            <ul id={versionsErrorId} className="field__errors">
              {versionErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </fieldset>
        <Field
          label={t("inquiries.open.notice")}
          hint={t("inquiries.open.noticeHint")}
          errors={fieldErrorsOf(open.error, "notice")}
        >
          <textarea
            name="notice"
            rows={4}
            maxLength={5000}
            value={notice}
            onChange={(event) => setNotice(event.target.value)}
          />
        </Field>
        <Field
          label={t("inquiries.open.closesAt")}
          hint={t("inquiries.open.closesAtHint")}
          errors={fieldErrorsOf(open.error, "closes_at")}
        >
          <input
            type="datetime-local"
            name="closes_at"
            value={closesAt}
            onChange={(event) => setClosesAt(event.target.value)}
          />
        </Field>
        <MutationError error={open.error} fields={PLACED} />
        <div className="form__actions">
          <button type="submit" className="button">
            {open.isPending ? t("inquiries.open.submitting") : t("inquiries.open.submit")}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("inquiries.open.cancel")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
