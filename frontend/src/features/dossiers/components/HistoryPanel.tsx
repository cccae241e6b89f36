import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import { type AuditEvent, useHistory } from "../api/get-history";

/** The actions the history names in words; any other is shown as its code. */
const KNOWN_ACTIONS = [
  "dossier.created",
  "dossier.updated",
  "dossier.submitted",
  "dossier.party_added",
  "dossier.start_check",
  "dossier.checklist_checked",
  "dossier.request_complements",
  "dossier.declare_complete",
  "dossier.request_changes",
  "dossier.resubmit",
  "dossier.opinion_given",
  "dossier.record_opinion",
  "dossier.decide",
  "dossier.close",
  "dossier.dispatched",
  "plan.created",
  "plan_version.created",
  "plan_version.ready",
  "plan_version.rejected",
  "upload.created",
  "upload.completed",
] as const;

type KnownAction = (typeof KNOWN_ACTIONS)[number];

function isKnownAction(action: string): action is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action);
}

/** The audit log's actor for work done by the platform itself (analysis, expiry…). */
const SYSTEM_ACTOR = "system";

/** A short human hint from the event's `changes.after` (plan title, file name, person, reason). */
function changeHint(changes: unknown): string | null {
  if (!changes || typeof changes !== "object" || !("after" in changes)) return null;
  const after = changes.after;
  if (!after || typeof after !== "object") return null;
  for (const key of ["title", "filename", "user", "reason"]) {
    const value: unknown = (after as Record<string, unknown>)[key];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

function HistoryItem({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const label = isKnownAction(event.action) ? t(`history.actions.${event.action}`) : event.action;
  const actor = event.actor === SYSTEM_ACTOR ? t("history.system") : event.actor;
  const hint = changeHint(event.changes);
  return (
    <li className="history__item" data-testid="history-item" data-action={event.action}>
      <time className="history__time muted" dateTime={event.occurred_at}>
        {formatDateTime(event.occurred_at, i18n.language)}
      </time>
      <span className="history__what">
        <strong>{label}</strong>
        {hint && <span className="muted"> · {hint}</span>}
      </span>
      <span className="history__who muted">{actor}</span>
    </li>
  );
}

export function HistoryPanel({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const history = useHistory(dossierId);
  // Pages are offsets into a list that grows at its head: drop an event seen on two pages.
  const events = [
    ...new Map(
      (history.data?.pages.flatMap((page) => page.results) ?? []).map((event) => [
        event.seq,
        event,
      ]),
    ).values(),
  ];

  return (
    <section aria-labelledby="history-heading" className="panel" data-testid="history-panel">
      <h2 id="history-heading">{t("history.title")}</h2>
      {history.isPending && <Loading />}
      {history.isError && (
        <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />
      )}
      {history.isSuccess && events.length === 0 && <p className="empty">{t("history.empty")}</p>}
      {events.length > 0 && (
        <ol className="card history">
          {events.map((event) => (
            <HistoryItem key={event.seq} event={event} />
          ))}
        </ol>
      )}
      {history.hasNextPage && (
        <div className="panel__more">
          <button
            type="button"
            className="button button--secondary"
            disabled={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {history.isFetchingNextPage ? t("app.loading") : t("history.more")}
          </button>
        </div>
      )}
    </section>
  );
}
