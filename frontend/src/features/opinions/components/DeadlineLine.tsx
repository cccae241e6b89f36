import { useTranslation } from "react-i18next";
import type { Deadline } from "../api/get-deadlines";
import { formatDueDate } from "../dates";

/** "at-risk", "overdue" or "" (on time, or the clock is stopped): the row or line's marking. */
export function deadlineTone(deadline: Deadline): "overdue" | "at-risk" | "" {
  if (deadline.suspended) return "";
  if (deadline.overdue) return "overdue";
  return deadline.at_risk ? "at-risk" : "";
}

/**
 * The legal deadline of the dossier's current phase, for everyone who sees the dossier: when
 * it falls, how many days are left or how late it is, whether the clock is stopped, and what
 * silence past it means in law.
 */
export function DeadlineLine({ deadline }: { deadline: Deadline }) {
  const { t, i18n } = useTranslation();
  const tone = deadlineTone(deadline);
  const date = formatDueDate(deadline.due_date, i18n.language);
  const phase = t(`deadline.phase.${deadline.phase}`);
  const countdown =
    deadline.days_left > 0
      ? t("deadline.countdown", { count: deadline.days_left })
      : t("deadline.lastDay");

  let sentence: string;
  if (deadline.suspended) sentence = t("deadline.suspended", { phase });
  else if (deadline.overdue) {
    sentence = t("deadline.overdue", { phase, count: -deadline.days_left, date });
  } else sentence = t(`deadline.due.${deadline.phase}`, { date, countdown });

  const silence = deadline.on_silence;
  return (
    <div
      className={tone ? `card deadline deadline--${tone}` : "card deadline"}
      data-testid="deadline"
      data-tone={tone || "normal"}
    >
      <p className="deadline__line">
        {tone && (
          <>
            <span className="deadline__flag">{t(`deadline.flag.${tone}`)}</span>{" "}
          </>
        )}
        {sentence}
      </p>
      {silence && (
        <p className="deadline__silence">
          {deadline.overdue
            ? t(`deadline.silencePast.${silence}`)
            : t(`deadline.silence.${silence}`, { date })}
        </p>
      )}
    </div>
  );
}
