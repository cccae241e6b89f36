import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import { useCertificates } from "../api/get-certificates";
import type { CertificateStatus } from "../api/query-keys";
import { CertificateLinks } from "./CertificateLinks";
import { useCertificateWords } from "./words";

const badgeClass = (status: CertificateStatus) =>
  status === "ready" ? "badge badge--ready" : `badge badge--certificate-${status}`;

/** The user's past requests, newest first, each with its links once ready. */
export function CertificateList() {
  const { t, i18n } = useTranslation();
  const words = useCertificateWords();
  const certificates = useCertificates();
  const list = certificates.data?.pages.flatMap((page) => page.results) ?? [];

  return (
    <>
      {certificates.isPending && <Loading />}
      {certificates.isError && (
        <ErrorMessage error={certificates.error} onRetry={() => void certificates.refetch()} />
      )}
      {certificates.isSuccess && list.length === 0 && (
        <p className="empty">{t("certificates.list.empty")}</p>
      )}
      {list.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="certificates">
            <thead>
              <tr>
                <th scope="col">{t("certificates.list.parcel")}</th>
                <th scope="col">{t("certificates.list.language")}</th>
                <th scope="col">{t("certificates.list.requested")}</th>
                <th scope="col">{t("certificates.list.status")}</th>
                <th scope="col">{t("certificates.list.document")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((request) => (
                <tr key={request.id} data-testid="certificate-row">
                  <td>
                    {request.parcel.reference}
                    <br />
                    <span className="muted">{request.parcel.address}</span>
                  </td>
                  <td>{words.language(request.language)}</td>
                  <td className="nowrap">{formatDateTime(request.created_at, i18n.language)}</td>
                  <td>
                    <span className={badgeClass(request.status)}>
                      {words.status(request.status)}
                    </span>
                  </td>
                  <td>
                    <CertificateLinks request={request} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {certificates.hasNextPage && (
        <div className="panel__more">
          <button
            type="button"
            className="button button--secondary"
            disabled={certificates.isFetchingNextPage}
            onClick={() => void certificates.fetchNextPage()}
          >
            {t("certificates.list.more")}
          </button>
        </div>
      )}
    </>
  );
}
