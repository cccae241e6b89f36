import { useTranslation } from "react-i18next";
import type { ReviewTask } from "../api/get-my-tasks";
import type { SessionOpinions } from "../api/get-opinions";
import { MemberOpinions } from "./MemberOpinions";
import { MyOpinionForm } from "./MyOpinionForm";
import { RecordedOpinionView } from "./RecordedOpinionView";
import { RecordOpinionForm } from "./RecordOpinionForm";
import { useOpinionLabel } from "./use-opinion-label";

type Props = {
  dossierId: string;
  session: SessionOpinions;
  /** The viewer's own task at this session, when they may give or change their opinion. */
  myTask?: ReviewTask;
  /** The dossier is under review: the commission's opinion can be recorded now. */
  reviewing: boolean;
};

/**
 * One session's opinions as the commission's side sees them: the rule and what it proposes,
 * the member's own form, every member's opinion, then the recorded opinion or the form to
 * record it.
 */
export function SessionOpinionsCard({ dossierId, session, myTask, reviewing }: Props) {
  const { t } = useTranslation();
  const label = useOpinionLabel();
  const { recorded } = session;
  let proposal: string;
  if (session.proposal) proposal = t("opinions.proposal", { value: label(session.proposal) });
  else if (session.waiting_for > 0) {
    proposal = t("opinions.waiting", { count: session.waiting_for });
  } else proposal = t("opinions.noProposal");

  return (
    <article className="opinion-session" data-testid="opinion-session">
      <h3>{session.commission_name}</h3>
      <p className="muted small">{t(`opinions.rule.${session.rule}`)}</p>
      {!recorded && (
        <p className="opinion-session__proposal" data-testid="opinion-proposal">
          {proposal}
        </p>
      )}
      {myTask && <MyOpinionForm dossierId={dossierId} task={myTask} />}
      <MemberOpinions members={session.members} />
      {recorded && <RecordedOpinionView recorded={recorded} showRule />}
      {!recorded && session.can_record && reviewing && (
        <RecordOpinionForm dossierId={dossierId} session={session} />
      )}
    </article>
  );
}
