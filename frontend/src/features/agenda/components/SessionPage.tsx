import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import { formatDayWithYear, formatTimeInZone, zoneLabel } from "@/lib/zoned-time";
import { useDownloadAgendaPdf } from "../api/download-agenda-pdf";
import { useAgenda } from "../api/get-agenda";
import { usePublishSession } from "../api/publish-session";
import { useSession } from "../api/get-session";
import type { Session } from "../api/get-sessions";
import { AgendaTable } from "./AgendaTable";
import { SessionStatus } from "./SessionStatus";

type Props = {
  /**
   * Who sat and the minutes, under the agenda. Given by the app's routes: the signatures
   * feature is not imported from here.
   */
  renderMinutes?: (session: Session) => ReactNode;
};

/** One sitting: its agenda (reorderable), publication and the PDF for the members. */
export function SessionPage({ renderMinutes }: Props = {}) {
  const { sessionId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const session = useSession(sessionId);
  const publish = usePublishSession(sessionId);
  const agenda = useAgenda(sessionId);
  // Dossiers whose legal deadline passes before this session: the desk is told before publishing.
  const late = (agenda.data ?? []).filter((item) => item.past_deadline);
  const tacit = late.filter((item) => item.on_silence);
  const pdf = useDownloadAgendaPdf();

  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorMessage error={session.error} />;
  const s = session.data;
  const time = (iso: string) => formatTimeInZone(iso, i18n.language, s.timezone);

  return (
    <section className="page" data-testid="session-page">
      <p>
        <Link to={paths.agenda}>← {t("session.back")}</Link>
      </p>
      <div className="page__header">
        <div>
          <p className="muted">{s.commission_name}</p>
          <h1>{t("session.title", { date: formatDayWithYear(s.date, i18n.language) })}</h1>
          <p className="muted">
            {t("session.facts", {
              from: time(s.starts_at),
              to: time(s.ends_at),
              zone: zoneLabel(s.timezone),
              place: s.place || "—",
            })}
          </p>
        </div>
        <div className="page__status">
          <SessionStatus status={s.status} />
          <span className="muted">
            {t("session.fill", { booked: s.booked ?? 0, capacity: s.capacity ?? 0 })}
          </span>
        </div>
      </div>
      <div className="toolbar toolbar--actions">
        {s.status === "planned" && (
          <button
            type="button"
            className="button"
            disabled={publish.isPending}
            onClick={() => publish.mutate()}
          >
            {t("session.publish")}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={pdf.isPending}
          onClick={() => pdf.mutate(s)}
        >
          {t("session.pdf")}
        </button>
      </div>
      {s.status === "planned" && late.length > 0 && (
        <div className="alert alert--error" role="alert" data-testid="deadline-warning">
          <p>
            {t("session.pastDeadline", {
              count: late.length,
              references: late.map((i) => i.reference).join(", "),
            })}
          </p>
          {tacit.length > 0 && (
            <p>
              {t("session.tacitWarning", {
                references: tacit
                  .map(
                    (i) =>
                      `${i.reference} (${t(`session.onSilence.${i.on_silence as "tacit_approval" | "tacit_refusal"}`)})`,
                  )
                  .join(", "),
              })}
            </p>
          )}
        </div>
      )}
      <MutationError error={publish.error} />
      <MutationError error={pdf.error} />
      {publish.isSuccess && (
        <p className="alert alert--ok" role="status">
          {t("session.published")}
        </p>
      )}
      <AgendaTable session={s} />
      {renderMinutes?.(s)}
    </section>
  );
}
