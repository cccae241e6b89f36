import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { ApiError } from "@/lib/api-error";
import { UploadFailedError } from "@/lib/xhr-upload";
import { usePlanVersion } from "../api/get-plan-version";
import { ACCEPTED_PLAN_FILES, planMediaType, useUploadPlanFile } from "../api/upload-plan-file";

type Props = { planId: string; planTitle: string; dossierId: string };

export function PlanUploadForm({ planId, planTitle, dossierId }: Props) {
  const { t } = useTranslation();
  const upload = useUploadPlanFile(dossierId);
  const [file, setFile] = useState<File | null>(null);
  const [scale, setScale] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const progressLabelId = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setLocalError(null);
    if (!file) return setLocalError(t("upload.noFile"));
    if (!planMediaType(file)) return setLocalError(t("upload.unsupportedType"));
    const declaredScale = Number.parseInt(scale, 10);
    upload.mutate(
      { planId, file, declaredScale: Number.isFinite(declaredScale) ? declaredScale : null },
      {
        onSuccess: () => {
          setFile(null);
          setScale("");
          setFileInputKey((key) => key + 1);
        },
      },
    );
  };

  const { progress } = upload;
  const percent =
    progress.phase === "idle" || progress.total === 0
      ? 0
      : Math.round((progress.loaded / progress.total) * 100);
  const phaseText =
    progress.phase === "preparing"
      ? t("upload.preparing")
      : progress.phase === "uploading"
        ? t("upload.uploading", { percent })
        : progress.phase === "completing"
          ? t("upload.completing")
          : null;

  const failure = upload.error;
  const fieldErrors = (field: string) =>
    failure instanceof ApiError ? failure.fieldErrors(field) : [];
  const failureText = !failure
    ? null
    : t("upload.failed", {
        reason:
          failure instanceof UploadFailedError
            ? t("upload.storageFailed", { status: failure.status })
            : failure instanceof ApiError
              ? failure.body.detail ||
                Object.values(failure.body.errors ?? {})
                  .flat()
                  .join(" ")
              : failure.message,
      });

  return (
    <form className="upload" onSubmit={onSubmit} noValidate data-testid="plan-upload-form">
      <fieldset disabled={upload.isPending}>
        <legend>{t("upload.legend", { title: planTitle })}</legend>
        <div className="form__row">
          <Field label={t("upload.file")} errors={fieldErrors("filename")}>
            <input
              key={fileInputKey}
              type="file"
              name="file"
              accept={ACCEPTED_PLAN_FILES}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </Field>
          <Field
            label={t("upload.scale")}
            hint={t("upload.scaleHint")}
            errors={fieldErrors("declared_scale")}
          >
            <input
              type="number"
              name="declared_scale"
              min={1}
              step={1}
              inputMode="numeric"
              value={scale}
              onChange={(event) => setScale(event.target.value)}
            />
          </Field>
        </div>
        <button type="submit" className="button">
          {t("upload.submit")}
        </button>
      </fieldset>
      {phaseText && (
        <div className="upload__progress">
          <span id={progressLabelId}>{t("upload.progress")}</span>
          <progress
            aria-labelledby={progressLabelId}
            max={100}
            value={progress.phase === "preparing" ? undefined : percent}
            data-testid="upload-progress"
          />
          <span aria-live="polite">{phaseText}</span>
        </div>
      )}
      {localError && (
        <p className="alert alert--error" role="alert">
          {localError}
        </p>
      )}
      {failureText && (
        <p className="alert alert--error" role="alert">
          {failureText}
        </p>
      )}
      {upload.isSuccess && !upload.isPending && <UploadReceived versionId={upload.data.id} />}
    </form>
  );
}

/** What became of the uploaded file: follows the version's status (polled by its card). */
function UploadReceived({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const version = usePlanVersion(versionId);
  if (!version.data) return null;
  const { number, status } = version.data;
  return (
    <p
      className={status === "rejected" ? "alert alert--error" : "alert alert--info"}
      role="status"
      data-testid="upload-received"
      data-status={status}
    >
      {t(`upload.received.${status}`, { number })}
    </p>
  );
}
