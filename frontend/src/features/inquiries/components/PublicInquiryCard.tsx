import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import type { PublicInquiry } from "../api/query-keys";
import { ObservationBlock } from "./ObservationBlock";

/** One open inquiry: the project, its period (the closing time first to the eye), notice and documents. */
export function PublicInquiryCard({ inquiry }: { inquiry: PublicInquiry }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const when = (iso: string) => formatDateTime(iso, i18n.language);

  return (
    <article className="card public-inquiry" aria-labelledby={titleId} data-testid="public-inquiry">
      <p className="mono muted">{inquiry.reference}</p>
      <h2 id={titleId}>{inquiry.title}</h2>
      <dl className="details">
        <div>
          <dt>{t("inquiries.public.address")}</dt>
          <dd>{inquiry.address || "—"}</dd>
        </div>
        <div>
          <dt>{t("inquiries.public.period")}</dt>
          <dd>
            <span className="public-inquiry__opens">
              {t("inquiries.public.opened", { date: when(inquiry.opens_at) })}
            </span>{" "}
            <strong className="public-inquiry__closes" data-testid="closes">
              {t("inquiries.public.closes", { date: when(inquiry.closes_at) })}
            </strong>
          </dd>
        </div>
        {inquiry.notice && (
          <div className="details__wide">
            <dt>{t("inquiries.public.notice")}</dt>
            <dd className="prewrap">{inquiry.notice}</dd>
          </div>
        )}
      </dl>
      <h3>{t("inquiries.public.documents")}</h3>
      {inquiry.documents.length === 0 ? (
        <p className="muted">{t("inquiries.public.noDocuments")}</p>
      ) : (
        <ul className="public-inquiry__documents">
          {inquiry.documents.map((document) => (
            <li key={document.download_url}>
              <a href={document.download_url} target="_blank" rel="noopener noreferrer">
                {t("inquiries.public.document", {
                  title: document.title,
                  version: document.version,
                })}
              </a>
              {document.pages !== null && (
                <span className="muted">
                  {" "}
                  ({t("inquiries.public.pages", { count: document.pages })})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <ObservationBlock inquiry={inquiry} />
    </article>
  );
}
