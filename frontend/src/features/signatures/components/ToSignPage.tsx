import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import { paths } from "@/lib/paths";
import { useDocumentsToSign } from "../api/get-documents-to-sign";
import { useDocumentWords } from "./words";

/** "À signer": the documents whose next signer is the user, each leading to its page. */
export function ToSignPage() {
  const { t, i18n } = useTranslation();
  const words = useDocumentWords();
  const documents = useDocumentsToSign();
  const list = documents.data?.pages.flatMap((page) => page.results) ?? [];

  return (
    <section className="page" data-testid="to-sign-page">
      <div className="page__header">
        <h1>{t("signatures.toSign.title")}</h1>
      </div>
      <p className="muted">{t("signatures.toSign.intro")}</p>
      {documents.isPending && <Loading />}
      {documents.isError && (
        <ErrorMessage error={documents.error} onRetry={() => void documents.refetch()} />
      )}
      {documents.isSuccess && list.length === 0 && (
        <p className="empty">{t("signatures.toSign.empty")}</p>
      )}
      {list.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="to-sign">
            <thead>
              <tr>
                <th scope="col">{t("signatures.toSign.document")}</th>
                <th scope="col">{t("signatures.toSign.kind")}</th>
                <th scope="col">{t("signatures.toSign.created")}</th>
                <th scope="col">{t("signatures.toSign.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((document) => (
                <tr key={document.id} data-testid="to-sign-row">
                  <td>
                    <Link to={paths.document(document.id)}>{document.title}</Link>
                  </td>
                  <td>{words.kind(document.kind)}</td>
                  <td className="nowrap">{formatDateTime(document.created_at, i18n.language)}</td>
                  <td className="nowrap">
                    {t("signatures.toSign.signed", {
                      count: document.signers.filter((signer) => signer.signed_at).length,
                      total: document.signers.length,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {documents.hasNextPage && (
        <div className="panel__more">
          <button
            type="button"
            className="button button--secondary"
            disabled={documents.isFetchingNextPage}
            onClick={() => void documents.fetchNextPage()}
          >
            {t("signatures.toSign.more")}
          </button>
        </div>
      )}
    </section>
  );
}
