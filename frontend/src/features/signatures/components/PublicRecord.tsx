import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import type { PublicDocument } from "../api/verify";
import { DocumentStatusBadge } from "./DocumentStatusBadge";
import { Fingerprint } from "./Fingerprint";
import { useDocumentWords } from "./words";

/** A document's public record: what it is, who signed in which capacity and when, its fingerprint. */
export function PublicRecord({ document }: { document: PublicDocument }) {
  const { t, i18n } = useTranslation();
  const words = useDocumentWords();
  const headingId = useId();
  return (
    <section className="card public-record" aria-labelledby={headingId} data-testid="public-record">
      <div className="signed-document__header">
        <div>
          <p className="muted small">{words.kind(document.kind)}</p>
          <h2 id={headingId}>{document.title}</h2>
        </div>
        <DocumentStatusBadge status={document.status} />
      </div>
      <dl className="details">
        <div>
          <dt>{t("signatures.document.code")}</dt>
          <dd className="mono">{document.code}</dd>
        </div>
        <div>
          <dt>{t("signatures.document.created")}</dt>
          <dd>{formatDateTime(document.created_at, i18n.language)}</dd>
        </div>
        {document.signed_at && (
          <div>
            <dt>{t("signatures.document.signedOn")}</dt>
            <dd>{formatDateTime(document.signed_at, i18n.language)}</dd>
          </div>
        )}
        <div>
          <dt>{t("signatures.document.pages")}</dt>
          <dd>{document.pages}</dd>
        </div>
      </dl>
      <h3>{t("signatures.document.signers")}</h3>
      <ol className="signers">
        {document.signers.map((signer, index) => (
          <li
            key={index}
            className={signer.signed_at ? "signer signer--signed" : "signer"}
            data-testid="signer"
          >
            <span className="signer__who">
              <strong>{signer.name}</strong> <span className="muted">— {signer.role}</span>
            </span>
            <span className="signer__state">
              {signer.signed_at ? (
                <>
                  <span aria-hidden="true">✓ </span>
                  {t("signatures.document.signedAt", {
                    date: formatDateTime(signer.signed_at, i18n.language),
                  })}
                </>
              ) : (
                <span className="muted">{t("signatures.document.waiting")}</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <h3>{t("signatures.document.fingerprint")}</h3>
      <Fingerprint sha256={document.sha256} />
    </section>
  );
}
