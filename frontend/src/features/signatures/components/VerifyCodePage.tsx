import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { ApiError } from "@/lib/api-error";
import { paths } from "@/lib/paths";
import { usePublicDocument, useVerifyFile } from "../api/verify";
import { PublicRecord } from "./PublicRecord";
import { VerificationResult } from "./VerificationResult";
import { VerifyUploadForm } from "./VerifyUploadForm";

/**
 * Public, without login: where the QR code on every page of a document points. Its record, and
 * a form to compare a file with it: the file is that version only if the API recognises its
 * fingerprint as this record's.
 */
export function VerifyCodePage() {
  const { code = "" } = useParams();
  const { t } = useTranslation();
  const record = usePublicDocument(code);
  const verify = useVerifyFile();

  if (record.isPending) return <Loading />;
  if (record.isError) {
    return (
      <section className="page page--narrow" data-testid="verify-code-page">
        <h1>{t("signatures.verifyCode.title")}</h1>
        {record.error instanceof ApiError && record.error.status === 404 ? (
          <p className="alert alert--error" role="alert">
            {t("signatures.verifyCode.notFound", { code })}
          </p>
        ) : (
          <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
        )}
        <p>
          <Link to={paths.verify}>{t("signatures.verifyCode.checkFile")}</Link>
        </p>
      </section>
    );
  }
  const document = record.data;
  // The API finds a file's document by the file's fingerprint: the same fingerprint as this
  // record's means the very file the record describes.
  const same = verify.data ? verify.data.document?.sha256 === document.sha256 : null;

  return (
    <section className="page page--narrow" data-testid="verify-code-page">
      <div className="page__header">
        <h1>{t("signatures.verifyCode.title")}</h1>
      </div>
      <p>{t("signatures.verifyCode.intro")}</p>
      <PublicRecord document={document} />
      <VerifyUploadForm verify={verify} legend={t("signatures.verifyCode.compare")} />
      <div aria-live="polite">
        {same !== null && (
          <p
            className={same ? "alert alert--ok" : "alert alert--error"}
            data-testid="comparison"
            data-same={same}
          >
            {same ? t("signatures.verifyCode.same") : t("signatures.verifyCode.different")}
          </p>
        )}
        {verify.data && <VerificationResult verification={verify.data} showMatch={!same} />}
      </div>
    </section>
  );
}
