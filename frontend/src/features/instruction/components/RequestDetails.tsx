import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import type { ApplicantRequest } from "../api/get-requests";

/** A requested item as the API sends it: `{code, label}`. */
function itemLabel(item: Record<string, string>): string {
  return item.label ?? item.code ?? "";
}

/** One request to the applicant: what kind, who asked and when, the message, what is missing. */
export function RequestDetails({ request }: { request: ApplicantRequest }) {
  const { t, i18n } = useTranslation();
  return (
    <article
      className="request"
      data-testid={request.answered_at ? "instruction-earlier-request" : "instruction-request"}
      data-kind={request.kind}
    >
      <h3 className="request__kind">{t(`instruction.kind.${request.kind}`)}</h3>
      <p className="muted small">
        {t("instruction.requestedBy", {
          name: request.requested_by,
          date: formatDateTime(request.requested_at, i18n.language),
        })}
        {request.answered_at && (
          <>
            {" · "}
            {t("instruction.answeredAt", {
              date: formatDateTime(request.answered_at, i18n.language),
            })}
          </>
        )}
      </p>
      <p className="prewrap">{request.message}</p>
      {request.missing.length > 0 && (
        <>
          <h4>{t("instruction.missingItems")}</h4>
          <ul data-testid="instruction-missing">
            {request.missing.map((item, index) => (
              <li key={item.code ?? index}>{itemLabel(item)}</li>
            ))}
          </ul>
        </>
      )}
      {request.kind === "changes" && !request.answered_at && (
        <p className="alert alert--info">{t("instruction.changesHint")}</p>
      )}
    </article>
  );
}

/** The answered requests, folded away: the open one is what matters now. */
export function EarlierRequests({ requests }: { requests: ApplicantRequest[] }) {
  const { t } = useTranslation();
  if (requests.length === 0) return null;
  return (
    <details className="request-history" data-testid="instruction-history">
      <summary>{t("instruction.earlier", { n: requests.length })}</summary>
      {requests.map((request) => (
        <RequestDetails key={request.id} request={request} />
      ))}
    </details>
  );
}
