import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { meQueryOptions } from "@/api/me";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatBytes, formatDateTime } from "@/lib/format";
import { paths } from "@/lib/paths";
import { useDocument } from "../api/get-document";
import { useSignDocument } from "../api/sign-document";
import { isMyTurn, nextSigner } from "../policy";
import { DocumentStatusBadge } from "./DocumentStatusBadge";
import { Fingerprint } from "./Fingerprint";
import { SignerList } from "./SignerList";
import { SignForm } from "./SignForm";
import { useDocumentWords } from "./words";

/**
 * One signed document: what it is, who signs in which order, its PDF, fingerprint and public
 * verification link; and, when it is the user's turn, the form to sign it.
 */
export function DocumentPage() {
  const { documentId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const words = useDocumentWords();
  const document = useDocument(documentId);
  const me = useQuery(meQueryOptions());
  const sign = useSignDocument(documentId);

  if (document.isPending) return <Loading />;
  if (document.isError) {
    return <ErrorMessage error={document.error} onRetry={() => void document.refetch()} />;
  }
  const d = document.data;
  const waitingFor = nextSigner(d);
  const myTurn = isMyTurn(d, me.data);

  return (
    <section className="page page--narrow" data-testid="document-page">
      <p>
        {d.dossier ? (
          <Link to={paths.dossier(d.dossier)}>← {t("signatures.document.toDossier")}</Link>
        ) : (
          <Link to={paths.documents}>← {t("signatures.toSign.title")}</Link>
        )}
      </p>
      <div className="page__header">
        <div>
          <p className="muted">{words.kind(d.kind)}</p>
          <h1>{d.title}</h1>
        </div>
        <div className="page__status">
          <DocumentStatusBadge status={d.status} />
        </div>
      </div>

      <dl className="card details">
        <div>
          <dt>{t("signatures.document.created")}</dt>
          <dd>{formatDateTime(d.created_at, i18n.language)}</dd>
        </div>
        {d.signed_at && (
          <div>
            <dt>{t("signatures.document.signedOn")}</dt>
            <dd>{formatDateTime(d.signed_at, i18n.language)}</dd>
          </div>
        )}
        <div>
          <dt>{t("signatures.document.pages")}</dt>
          <dd>{d.pages}</dd>
        </div>
        <div>
          <dt>{t("signatures.document.size")}</dt>
          <dd>{formatBytes(d.size, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t("signatures.document.code")}</dt>
          <dd className="mono">{d.code}</dd>
        </div>
      </dl>

      <section className="card" aria-labelledby="document-signers">
        <h2 id="document-signers">{t("signatures.document.signers")}</h2>
        <SignerList document={d} />
        {waitingFor && !myTurn && (
          <p className="muted">{t("signatures.document.waitingFor", { name: waitingFor.name })}</p>
        )}
      </section>

      <section className="card" aria-labelledby="document-file">
        <h2 id="document-file">{t("signatures.document.file")}</h2>
        <p>
          <a
            href={d.download_url}
            className="button button--secondary"
            target="_blank"
            rel="noopener noreferrer"
          >
            {t("signatures.document.openPdf")}
          </a>
        </p>
        <h3>{t("signatures.document.fingerprint")}</h3>
        <Fingerprint sha256={d.sha256} />
        <h3>{t("signatures.document.verification")}</h3>
        <p>
          <Link to={paths.verifyCode(d.code)} className="break-anywhere">
            {d.verification_url}
          </Link>
        </p>
      </section>

      {myTurn && waitingFor && (
        <SignForm
          document={d}
          seat={waitingFor}
          sign={sign}
          reloading={document.isFetching}
          onReload={() => {
            sign.reset();
            void document.refetch();
          }}
        />
      )}

      <div role="status" aria-live="polite" className="document-page__notice">
        {sign.data && (
          <p className="alert alert--ok">
            {sign.data.status === "signed"
              ? t("signatures.sign.doneAll")
              : t("signatures.sign.done")}
          </p>
        )}
      </div>
    </section>
  );
}
