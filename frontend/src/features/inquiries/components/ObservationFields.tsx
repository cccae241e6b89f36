import { useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { ApiError, fieldErrorsOf } from "@/lib/api-error";
import { formatBytes } from "@/lib/format";
import type { ObservationKind, ObservationReceipt } from "../api/query-keys";
import {
  ACCEPTED_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  useSubmitObservation,
} from "../api/submit-observation";
import { useKindLabel } from "./use-kind-label";

const KINDS: readonly ObservationKind[] = ["observation", "objection"];
const MAX_MB = MAX_ATTACHMENT_BYTES / (1024 * 1024);

type Props = {
  inquiryId: string;
  titleId: string;
  onCancel: () => void;
  onSent: (receipt: ObservationReceipt) => void;
};

const sameFile = (a: File, b: File) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * Kind, text and attachments, sent as multipart form data. The limits the API enforces (5 files
 * of 10 MB) are checked here first so a visitor does not upload for nothing; the API's refusal
 * (closed, too large, file refused) still shows in place.
 */
export function ObservationFields({ inquiryId, titleId, onCancel, onSent }: Props) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  const submit = useSubmitObservation(inquiryId);
  const [kind, setKind] = useState<ObservationKind>("observation");
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [checked, setChecked] = useState(false);

  const tooBig = files.filter((file) => file.size > MAX_ATTACHMENT_BYTES);
  const ownFileErrors = [
    ...(files.length > MAX_ATTACHMENTS
      ? [t("inquiries.observe.tooMany", { count: MAX_ATTACHMENTS })]
      : []),
    ...tooBig.map((file) => t("inquiries.observe.fileTooBig", { name: file.name, mb: MAX_MB })),
  ];
  const textErrors = [
    ...(checked && !text.trim() ? [t("inquiries.observe.textRequired")] : []),
    ...fieldErrorsOf(submit.error, "text"),
  ];
  const fileErrors = [...ownFileErrors, ...fieldErrorsOf(submit.error, "files")];

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    // Several picks add up (files from different folders); the same file twice counts once.
    setFiles((current) => [
      ...current,
      ...chosen.filter((file) => !current.some((each) => sameFile(each, file))),
    ]);
    event.target.value = "";
    submit.reset();
  };
  const remove = (file: File) => {
    setFiles((current) => current.filter((each) => each !== file));
    submit.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!text.trim() || ownFileErrors.length > 0) return;
    submit.mutate({ kind, text: text.trim(), files }, { onSuccess: onSent });
  };

  return (
    <form className="observation-form" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <fieldset disabled={submit.isPending}>
        <fieldset className="checks">
          <legend>{t("inquiries.observe.kind")}</legend>
          {KINDS.map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {kindLabel(value)}
            </label>
          ))}
        </fieldset>
        <Field label={t("inquiries.observe.text")} errors={textErrors}>
          <textarea
            name="text"
            rows={6}
            required
            maxLength={20000}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </Field>
        <Field
          label={t("inquiries.observe.files")}
          hint={t("inquiries.observe.filesHint", { count: MAX_ATTACHMENTS, mb: MAX_MB })}
          errors={fileErrors}
        >
          <input
            type="file"
            name="files"
            multiple
            accept={ACCEPTED_ATTACHMENTS}
            onChange={choose}
          />
        </Field>
        {files.length > 0 && (
          <ul className="observation-form__files" aria-label={t("inquiries.observe.chosen")}>
            {files.map((file) => (
              <li key={`${file.name}-${file.size}-${file.lastModified}`} data-testid="chosen-file">
                <span>
                  {file.name}{" "}
                  <span className="muted">({formatBytes(file.size, i18n.language)})</span>
                </span>{" "}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t("inquiries.observe.remove", { name: file.name })}
                  onClick={() => remove(file)}
                >
                  {t("inquiries.observe.removeShort")}
                </button>
              </li>
            ))}
          </ul>
        )}
        <SubmitError error={submit.error} />
        <div className="form__actions">
          <button type="submit" className="button">
            {submit.isPending ? t("inquiries.observe.submitting") : t("inquiries.observe.submit")}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("inquiries.observe.cancel")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** The refusals not tied to a field: the inquiry closed (409), a file too large or refused. */
function SubmitError({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && !error.body.errors?.files) {
    const message =
      error.status === 409
        ? t("inquiries.observe.closed")
        : error.status === 413
          ? t("inquiries.observe.tooLarge")
          : error.status === 422
            ? t("inquiries.observe.refused")
            : null;
    if (message) {
      return (
        <div className="alert alert--error" role="alert">
          <p>{message}</p>
          {error.body.detail && <p>{error.body.detail}</p>}
        </div>
      );
    }
  }
  return <MutationError error={error} fields={["kind", "text", "files"]} />;
}
