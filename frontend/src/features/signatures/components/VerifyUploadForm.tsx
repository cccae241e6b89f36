import type { UseMutationResult } from "@tanstack/react-query";
import { useState, type DragEvent, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import type { Verification } from "../api/verify";

type Props = {
  /** Owned by the page, which shows its result. */
  verify: UseMutationResult<Verification, Error, File>;
  legend: string;
};

/** Choose (or drop) a PDF and send it to be checked; the API's refusal is shown in place. */
export function VerifyUploadForm({ verify, legend }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [dragging, setDragging] = useState(false);
  const errors = [
    ...(missing ? [t("signatures.verify.noFile")] : []),
    ...fieldErrorsOf(verify.error, "file"),
  ];

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setMissing(false);
    verify.reset();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setMissing(true);
    verify.mutate(file);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };

  return (
    <form className="verify-form" onSubmit={onSubmit} noValidate data-testid="verify-form">
      <fieldset disabled={verify.isPending}>
        <legend>{legend}</legend>
        <div
          className={dragging ? "drop-zone drop-zone--active" : "drop-zone"}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Field
            label={t("signatures.verify.file")}
            hint={t("signatures.verify.fileHint")}
            errors={errors}
          >
            <input
              type="file"
              name="file"
              accept="application/pdf,.pdf"
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
            />
          </Field>
          {file && (
            <p className="small" data-testid="chosen-file">
              {t("signatures.verify.chosen", { name: file.name })}
            </p>
          )}
        </div>
        <MutationError error={verify.error} fields={["file"]} />
        <div className="form__actions">
          <button type="submit" className="button">
            {verify.isPending ? t("signatures.verify.pending") : t("signatures.verify.submit")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
