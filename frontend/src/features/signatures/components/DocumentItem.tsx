import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "@/lib/format";
import { paths } from "@/lib/paths";
import type { SignedDocument } from "../api/query-keys";
import { DocumentStatusBadge } from "./DocumentStatusBadge";
import { SignerList } from "./SignerList";
import { WithdrawDocument } from "./WithdrawDocument";
import { useDocumentWords } from "./words";

type Props = {
  document: SignedDocument;
  /** The desk may withdraw it while it is being signed. */
  canWithdraw: boolean;
};

/** One document in a list: what it is, its state, who signed, the PDF and its verification. */
export function DocumentItem({ document, canWithdraw }: Props) {
  const { t, i18n } = useTranslation();
  const words = useDocumentWords();
  return (
    <article className="signed-document" data-testid="document" aria-label={document.title}>
      <div className="signed-document__header">
        <div>
          <p className="muted small">{words.kind(document.kind)}</p>
          <h3>
            <Link to={paths.document(document.id)}>{document.title}</Link>
          </h3>
        </div>
        <DocumentStatusBadge status={document.status} />
      </div>
      <p className="muted small">
        {document.signed_at
          ? t("signatures.document.fullySigned", {
              date: formatDateTime(document.signed_at, i18n.language),
            })
          : t("signatures.document.createdOn", {
              date: formatDateTime(document.created_at, i18n.language),
            })}
      </p>
      <SignerList document={document} />
      <div className="signed-document__links">
        <a href={document.download_url} className="button button--secondary button--small">
          {t("signatures.document.download")}
        </a>
        <span className="small">
          {t("signatures.document.code")}{" "}
          <Link className="mono" to={paths.verifyCode(document.code)}>
            {document.code}
          </Link>
        </span>
        {canWithdraw && document.status === "signing" && <WithdrawDocument document={document} />}
      </div>
    </article>
  );
}
