import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "@/lib/paths";
import type { CertificateRequest } from "../api/query-keys";

/** Once ready: the sealed PDF (a short-lived link) and its public verification page. */
export function CertificateLinks({ request }: { request: CertificateRequest }) {
  const { t } = useTranslation();
  if (request.status !== "ready" || !request.download_url || !request.code) return null;
  return (
    <span className="certificate-links">
      <a className="button button--secondary" href={request.download_url} download>
        {t("certificates.download")}
      </a>{" "}
      <Link to={paths.verifyCode(request.code)}>{t("certificates.verify")}</Link>
    </span>
  );
}
