import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useCertificate } from "../api/get-certificate";
import { CertificateLinks } from "./CertificateLinks";

/** The request just made, followed while the worker draws and seals it. */
export function CertificateProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const certificate = useCertificate(id);
  if (certificate.isPending) return <Loading />;
  if (certificate.isError) {
    return <ErrorMessage error={certificate.error} onRetry={() => void certificate.refetch()} />;
  }
  const request = certificate.data;
  const parcel = request.parcel.reference;
  return (
    <div className="panel" data-testid="certificate-progress">
      {request.status === "pending" && (
        <p role="status">{t("certificates.progress.pending", { parcel })}</p>
      )}
      {request.status === "ready" && (
        <>
          <p role="status">{t("certificates.progress.ready", { parcel })}</p>
          <CertificateLinks request={request} />
        </>
      )}
      {request.status === "failed" && (
        <div className="alert alert--error" role="alert">
          <p>{t("certificates.progress.failed", { parcel })}</p>
        </div>
      )}
    </div>
  );
}
