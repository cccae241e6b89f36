import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/client";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useMyTasksOn } from "../api/get-my-tasks";
import { useOpinions } from "../api/get-opinions";
import { RecordedOpinionView } from "./RecordedOpinionView";
import { SessionOpinionsCard } from "./SessionOpinionsCard";

type DossierDetail = components["schemas"]["DossierDetail"];

/**
 * "Avis": per commission session examining the dossier. The commission's side (the API sends
 * it the members) sees every opinion, the rule's proposal, the member's own form and the form
 * to record the commission's opinion; the applicant's side only the recorded opinion. Hidden
 * while no commission examines the dossier.
 */
export function OpinionsPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { id, status } = dossier;
  const reviewing = status === "under_review";
  const opinions = useOpinions(id, { enabled: status !== "draft" });
  const sessions = opinions.data ?? [];
  const commissionSide = sessions.some((session) => session.members.length > 0);
  // A member may give or change their opinion only while the dossier is under review.
  const myTasks = useMyTasksOn(id, { enabled: commissionSide && reviewing });

  if (status === "draft" || (opinions.isSuccess && sessions.length === 0)) return null;
  const recordedOnes = sessions.filter((session) => session.recorded);

  return (
    <section className="card opinions" aria-labelledby={headingId} data-testid="opinions">
      <h2 id={headingId}>{t("opinions.title")}</h2>
      {opinions.isPending && <Loading />}
      {opinions.isError && (
        <ErrorMessage error={opinions.error} onRetry={() => void opinions.refetch()} />
      )}
      {myTasks.isError && (
        <ErrorMessage error={myTasks.error} onRetry={() => void myTasks.refetch()} />
      )}
      {commissionSide &&
        sessions.map((session) => (
          <SessionOpinionsCard
            key={session.session_id}
            dossierId={id}
            session={session}
            reviewing={reviewing}
            myTask={
              reviewing && !session.recorded
                ? myTasks.data?.find((task) => task.session_id === session.session_id)
                : undefined
            }
          />
        ))}
      {opinions.isSuccess && !commissionSide && recordedOnes.length === 0 && (
        <p className="muted">{t("opinions.notYet")}</p>
      )}
      {!commissionSide &&
        recordedOnes.map((session) => (
          <article key={session.session_id} className="opinion-session">
            <h3>{session.commission_name}</h3>
            {session.recorded && (
              <RecordedOpinionView recorded={session.recorded} showRule={false} />
            )}
          </article>
        ))}
    </section>
  );
}
