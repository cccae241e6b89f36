import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { formatDateTime } from "@/lib/format";
import { useDownloadObservationsPdf } from "../api/download-observations-pdf";
import type { Inquiry } from "../api/query-keys";
import { inquiryPhase } from "../policy";
import { InquiryPhaseBadge } from "./InquiryPhaseBadge";
import { ObservationsList } from "./ObservationsList";

type Props = {
  inquiry: Inquiry;
  /** The dossier's reference, for the PDF's file name. */
  reference: string;
  now: number;
};

/**
 * One inquiry: its period in local time, phase and notice. The API counts the observations for
 * the desk only (null for anyone else), so the count is also what opens their list and PDF.
 */
export function InquiryItem({ inquiry, reference, now }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const listId = useId();
  const [expanded, setExpanded] = useState(false);
  const pdf = useDownloadObservationsPdf(inquiry.id, `observations-${reference}.pdf`);
  const phase = inquiryPhase(inquiry, now);
  const count = inquiry.observations;
  const when = (iso: string) => formatDateTime(iso, i18n.language);

  return (
    <article className="inquiry" aria-labelledby={titleId} data-testid="inquiry">
      <header className="inquiry__header">
        <h3 id={titleId}>
          {t("inquiries.panel.period", {
            opens: when(inquiry.opens_at),
            closes: when(inquiry.closes_at),
          })}
        </h3>
        <InquiryPhaseBadge phase={phase} />
      </header>
      {inquiry.notice && <p className="prewrap">{inquiry.notice}</p>}
      {count !== null && (
        <>
          <p className="muted" data-testid="observation-count">
            {t("inquiries.panel.observations", { count })}
          </p>
          {phase !== "planned" && (
            <div className="inquiry__actions">
              <button
                type="button"
                className="button button--secondary button--small"
                aria-expanded={expanded}
                aria-controls={expanded ? listId : undefined}
                onClick={() => setExpanded((value) => !value)}
              >
                {expanded
                  ? t("inquiries.panel.hideObservations")
                  : t("inquiries.panel.showObservations")}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={pdf.isPending}
                onClick={() => pdf.mutate()}
              >
                {pdf.isPending ? t("inquiries.panel.pdfPending") : t("inquiries.panel.pdf")}
              </button>
            </div>
          )}
          <MutationError error={pdf.error} />
          {expanded && (
            <div id={listId}>
              <ObservationsList inquiryId={inquiry.id} />
            </div>
          )}
        </>
      )}
    </article>
  );
}
