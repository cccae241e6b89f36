import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import { addDays, formatDay, formatTimeInZone, today } from "@/lib/zoned-time";
import type { Commission } from "../api/get-commissions";
import { useSessions } from "../api/get-sessions";
import { SessionStatus } from "./SessionStatus";

/** How far ahead the list looks: a little over the 8 weeks usually generated. */
export const SESSIONS_HORIZON_DAYS = 62;

export function SessionsList({ commission }: { commission: Commission }) {
  const { t, i18n } = useTranslation();
  const from = today(commission.timezone);
  const sessions = useSessions(commission.id, from, addDays(from, SESSIONS_HORIZON_DAYS));
  const language = i18n.language;

  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t("sessions.title")}</h2>
      <p className="muted">{t("sessions.timesIn", { zone: commission.timezone })}</p>
      {sessions.isPending && <Loading />}
      {sessions.isError && <ErrorMessage error={sessions.error} />}
      {sessions.data?.results.length === 0 && <p className="empty">{t("sessions.empty")}</p>}
      {sessions.data && sessions.data.results.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="sessions-table">
            <thead>
              <tr>
                <th scope="col">{t("sessions.date")}</th>
                <th scope="col">{t("sessions.time")}</th>
                <th scope="col">{t("sessions.place")}</th>
                <th scope="col">{t("sessions.status")}</th>
                <th scope="col" className="num">
                  {t("sessions.booked")}
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.results.map((session) => (
                <tr key={session.id} data-testid="session-row" data-session-id={session.id}>
                  <td>
                    <Link to={paths.session(session.id)}>{formatDay(session.date, language)}</Link>
                  </td>
                  <td className="nowrap">
                    {formatTimeInZone(session.starts_at, language, session.timezone)}–
                    {formatTimeInZone(session.ends_at, language, session.timezone)}
                  </td>
                  <td>{session.place || "—"}</td>
                  <td>
                    <SessionStatus status={session.status} />
                  </td>
                  <td className="num">
                    <span className="fill">
                      {t("sessions.bookedValue", {
                        booked: session.booked ?? 0,
                        capacity: session.capacity ?? 0,
                      })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
