import { useTranslation } from "react-i18next";
import { useVerifyFile } from "../api/verify";
import { VerificationResult } from "./VerificationResult";
import { VerifyUploadForm } from "./VerifyUploadForm";

/** Public, without login: anyone checks a PDF's signatures; nothing is kept. */
export function VerifyPage() {
  const { t } = useTranslation();
  const verify = useVerifyFile();
  return (
    <section className="page page--narrow" data-testid="verify-page">
      <div className="page__header">
        <h1>{t("signatures.verify.title")}</h1>
      </div>
      <p>{t("signatures.verify.intro")}</p>
      <VerifyUploadForm verify={verify} legend={t("signatures.verify.legend")} />
      <div aria-live="polite">
        {verify.data && <VerificationResult verification={verify.data} />}
      </div>
    </section>
  );
}
