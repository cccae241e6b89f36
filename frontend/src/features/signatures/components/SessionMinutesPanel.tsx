import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { meQueryOptions } from "@/api/me";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import { type Seat, useAttendance, useSaveAttendance } from "../api/attendance";
import { usePrepareMinutes, useSessionMinutes } from "../api/session-minutes";
import { useSessionSignerCandidates } from "../api/signer-candidates";
import { isDeskRole } from "../policy";
import { AttendanceForm } from "./AttendanceForm";
import { DocumentStatusBadge } from "./DocumentStatusBadge";
import { PrepareForm } from "./PrepareForm";
import { SignerList } from "./SignerList";
import { WithdrawDocument } from "./WithdrawDocument";

/**
 * "Présences et procès-verbal" on a session's page: the desk records who sat, then draws up the
 * minutes, signed by members who sat (the chair then the secretary unless it chooses others);
 * once drawn up, the minutes and their signers, with a link to their page.
 */
export function SessionMinutesPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const me = useQuery(meQueryOptions());
  const attendance = useAttendance(sessionId);
  const minutes = useSessionMinutes(sessionId);
  const prepare = usePrepareMinutes(sessionId);
  const save = useSaveAttendance(sessionId);
  // Only the boxes the desk changed since the last save; the others show the API's record.
  const [changed, setChanged] = useState<Record<string, boolean>>({});
  const desk = isDeskRole(me.data?.role);
  const seats = attendance.data ?? [];
  const present = (seat: Seat) => changed[seat.member] ?? seat.present === true;
  const dirty = seats.some((seat) => present(seat) !== (seat.present === true));
  const recorded = seats.some((seat) => seat.present !== null);
  const presentCount = seats.filter((seat) => seat.present === true).length;
  // Who may sign follows the saved attendance: nothing to choose before it is saved.
  const ready = recorded && !dirty;
  const candidates = useSessionSignerCandidates(sessionId, { enabled: desk && ready });

  return (
    <section
      className="card session-minutes"
      aria-labelledby={headingId}
      data-testid="session-minutes"
    >
      <h2 id={headingId}>{t("signatures.minutes.title")}</h2>
      {desk && <p className="muted">{t("signatures.minutes.intro")}</p>}

      {attendance.isPending && <Loading />}
      {attendance.isError && (
        <ErrorMessage error={attendance.error} onRetry={() => void attendance.refetch()} />
      )}
      {attendance.isSuccess && (
        <>
          <p data-testid="attendance-summary">
            {recorded
              ? t("signatures.minutes.recorded", { count: presentCount, total: seats.length })
              : t("signatures.minutes.notRecorded")}
          </p>
          {seats.length === 0 ? (
            <p className="empty">{t("signatures.minutes.noMembers")}</p>
          ) : (
            <AttendanceForm
              seats={seats}
              editable={desk}
              present={present}
              dirty={dirty}
              onToggle={(member, checked) => {
                save.reset();
                setChanged((previous) => ({ ...previous, [member]: checked }));
              }}
              onSave={(ids) => save.mutate(ids, { onSuccess: () => setChanged({}) })}
              save={save}
            />
          )}
        </>
      )}

      <h3>{t("signatures.minutes.document")}</h3>
      {minutes.isPending && <Loading />}
      {minutes.isError && (
        <ErrorMessage error={minutes.error} onRetry={() => void minutes.refetch()} />
      )}
      {minutes.isSuccess && minutes.data && (
        <article className="signed-document" data-testid="minutes-document">
          <div className="signed-document__header">
            <p>
              <Link to={paths.document(minutes.data.id)}>{minutes.data.title}</Link>
            </p>
            <DocumentStatusBadge status={minutes.data.status} />
          </div>
          <SignerList document={minutes.data} />
          {desk && minutes.data.status === "signing" && (
            <WithdrawDocument document={minutes.data} />
          )}
        </article>
      )}
      {minutes.isSuccess && !minutes.data && (
        <>
          <p className="muted">{t("signatures.minutes.none")}</p>
          {desk && (
            <div data-testid="prepare-minutes">
              {ready ? (
                <PrepareForm
                  candidates={candidates}
                  prepare={prepare}
                  label={t("signatures.minutes.prepare")}
                  pendingLabel={t("signatures.minutes.preparing")}
                />
              ) : (
                <>
                  <p className="muted small">{t("signatures.minutes.attendanceFirst")}</p>
                  <button type="button" className="button" disabled>
                    {t("signatures.minutes.prepare")}
                  </button>
                </>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
