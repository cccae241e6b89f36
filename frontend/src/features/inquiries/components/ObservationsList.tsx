import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatBytes, formatDateTime } from "@/lib/format";
import { useObservations } from "../api/get-observations";
import type { Observation } from "../api/query-keys";
import { useKindLabel } from "./use-kind-label";

/** The inquiry's observations for the desk, oldest first: author, kind, text, attachments. */
export function ObservationsList({ inquiryId }: { inquiryId: string }) {
  const { t } = useTranslation();
  const observations = useObservations(inquiryId);

  if (observations.isPending) return <Loading />;
  if (observations.isError) {
    return <ErrorMessage error={observations.error} onRetry={() => void observations.refetch()} />;
  }
  if (observations.data.length === 0) {
    return <p className="muted">{t("inquiries.observations.empty")}</p>;
  }
  return (
    <ol className="observations" aria-label={t("inquiries.observations.title")}>
      {observations.data.map((observation) => (
        <li key={observation.id}>
          <ObservationItem observation={observation} />
        </li>
      ))}
    </ol>
  );
}

function ObservationItem({ observation }: { observation: Observation }) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  return (
    <article className="observation" data-testid="observation" data-kind={observation.kind}>
      <p className="observation__head">
        <span className={`badge badge--observation-${observation.kind}`}>
          {kindLabel(observation.kind)}
        </span>{" "}
        <strong>{observation.author_name || observation.author_email}</strong>{" "}
        <a href={`mailto:${observation.author_email}`}>{observation.author_email}</a>{" "}
        <time className="muted" dateTime={observation.created_at}>
          {formatDateTime(observation.created_at, i18n.language)}
        </time>
      </p>
      <p className="prewrap">{observation.text}</p>
      {observation.attachments.length > 0 && (
        <ul className="observation__files" aria-label={t("inquiries.observations.attachments")}>
          {observation.attachments.map((attachment) => (
            <li key={attachment.download_url}>
              <a href={attachment.download_url} target="_blank" rel="noopener noreferrer">
                {attachment.filename}
              </a>{" "}
              <span className="muted">({formatBytes(attachment.size, i18n.language)})</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
