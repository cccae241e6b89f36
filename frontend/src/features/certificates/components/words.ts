import { useTranslation } from "react-i18next";
import type { CertificateLanguage, CertificateStatus } from "../api/query-keys";

/** The words for a request's status and language, in the interface's language. */
export function useCertificateWords() {
  const { t } = useTranslation();
  return {
    status: (status: CertificateStatus): string =>
      ({
        pending: t("certificates.status.pending"),
        ready: t("certificates.status.ready"),
        failed: t("certificates.status.failed"),
      })[status],
    language: (language: CertificateLanguage): string =>
      language === "en" ? t("header.languages.en") : t("header.languages.fr"),
  };
}
