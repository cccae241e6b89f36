import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "@/components/QueryState";
import { MutationError } from "@/components/MutationError";
import { downloadAnnotatedPdf, downloadXfdf, useImportXfdf } from "../api/files";
import type { PlanVersion } from "../api/get-version";

type Props = { version: PlanVersion; canImport: boolean };

/** The annotated PDF for anyone, XFDF out and in for the commission's side. */
export function PlanFiles({ version, canImport }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const importXfdf = useImportXfdf(version.id);
  const input = useRef<HTMLInputElement>(null);
  const base = version.original_filename.replace(/\.[^.]+$/, "");

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="viewer__files">
      <button
        type="button"
        disabled={busy}
        onClick={() => run(() => downloadAnnotatedPdf(version.id, `${base}-annotations.pdf`))}
        data-testid="download-annotated"
      >
        {busy ? t("viewer.selection.downloading") : t("viewer.selection.download")}
      </button>
      {canImport && (
        <>
          <button
            type="button"
            disabled={busy}
            onClick={() => run(() => downloadXfdf(version.id, `${base}.xfdf`))}
          >
            {t("viewer.selection.exportXfdf")}
          </button>
          <label className="button button--secondary">
            {t("viewer.selection.importXfdf")}
            <input
              ref={input}
              type="file"
              accept=".xfdf,application/vnd.adobe.xfdf,application/xml"
              className="visually-hidden"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file)
                  importXfdf.mutate(file, {
                    onSettled: () => input.current && (input.current.value = ""),
                  });
              }}
            />
          </label>
        </>
      )}
      {importXfdf.data && (
        <p role="status">
          {t("viewer.selection.imported", {
            count: importXfdf.data.created.length,
            replies: importXfdf.data.replies,
            skipped: importXfdf.data.skipped,
          })}
        </p>
      )}
      <MutationError error={importXfdf.error} />
      {error != null && <ErrorMessage error={error} />}
    </div>
  );
}
