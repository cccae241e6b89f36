import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CertificateList } from "./CertificateList";
import { CertificateProgress } from "./CertificateProgress";
import { RequestCertificateForm } from "./RequestCertificateForm";

/** "Certificats d'urbanisme": ask for a parcel's certificate, follow it, find past ones. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const [latest, setLatest] = useState<string | null>(null);
  return (
    <section className="page" data-testid="certificates-page">
      <div className="page__header">
        <h1>{t("certificates.title")}</h1>
      </div>
      <p className="muted">{t("certificates.intro")}</p>
      <RequestCertificateForm onRequested={setLatest} />
      {latest && <CertificateProgress key={latest} id={latest} />}
      <h2>{t("certificates.list.title")}</h2>
      <CertificateList />
    </section>
  );
}
