import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import {
  DEADLINE_STATES,
  type Deadline,
  isDeadlineState,
  useDeadlines,
} from "../api/get-deadlines";
import { formatDueDate } from "../dates";
import { deadlineTone } from "./DeadlineLine";

/** Days left, how late, or that the clock is stopped; for a table cell. */
function useDaysLeft() {
  const { t } = useTranslation();
  return (deadline: Deadline) => {
    if (deadline.suspended) return t("deadline.page.suspended");
    if (deadline.overdue) return t("deadline.page.late", { count: -deadline.days_left });
    return t("deadline.page.daysLeft", { count: deadline.days_left });
  };
}

/**
 * "Échéances": the dossiers running against a legal deadline, soonest first; at risk (the
 * default), overdue or all, chosen in the URL (`?state=`).
 */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const daysLeft = useDaysLeft();
  const [params, setParams] = useSearchParams();
  const raw = params.get("state");
  const state = isDeadlineState(raw) ? raw : "at_risk";
  const deadlines = useDeadlines(state);
  const rows = deadlines.data?.pages.flatMap((page) => page.results) ?? [];
  const total = deadlines.data?.pages[0]?.count ?? 0;

  return (
    <section className="page" data-testid="deadlines-page">
      <div className="page__header">
        <h1>{t("deadline.page.title")}</h1>
      </div>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t("deadline.page.show")}>
          {DEADLINE_STATES.map((option) => (
            <button
              key={option}
              type="button"
              className="segmented__option"
              aria-pressed={option === state}
              onClick={() => setParams(option === "at_risk" ? {} : { state: option })}
            >
              {t(`deadline.page.states.${option}`)}
            </button>
          ))}
        </div>
      </div>

      {deadlines.isPending && <Loading />}
      {deadlines.isError && (
        <ErrorMessage error={deadlines.error} onRetry={() => void deadlines.refetch()} />
      )}
      {deadlines.isSuccess && rows.length === 0 && (
        <p className="empty">{t(`deadline.page.empty.${state}`)}</p>
      )}
      {rows.length > 0 && (
        <div className="table-wrap" aria-busy={deadlines.isPlaceholderData}>
          <table className="table" data-testid="deadlines-table">
            <thead>
              <tr>
                <th scope="col">{t("deadline.page.columns.reference")}</th>
                <th scope="col">{t("deadline.page.columns.title")}</th>
                <th scope="col">{t("deadline.page.columns.status")}</th>
                <th scope="col">{t("deadline.page.columns.phase")}</th>
                <th scope="col">{t("deadline.page.columns.dueDate")}</th>
                <th scope="col">{t("deadline.page.columns.daysLeft")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ id, reference, title, status, deadline }) => {
                const tone = deadlineTone(deadline);
                return (
                  <tr
                    key={id}
                    className={tone ? `deadline-row deadline-row--${tone}` : "deadline-row"}
                    data-testid="deadline-row"
                    data-tone={tone || "normal"}
                  >
                    <td className="nowrap">
                      <Link className="mono" to={paths.dossier(id)}>
                        {reference}
                      </Link>
                    </td>
                    <td>{title}</td>
                    <td>
                      <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>
                    </td>
                    <td>{t(`deadline.phase.${deadline.phase}`)}</td>
                    <td className="nowrap">{formatDueDate(deadline.due_date, i18n.language)}</td>
                    <td className="nowrap deadline-row__left">
                      {tone && <span className="deadline__flag">{t(`deadline.flag.${tone}`)}</span>}{" "}
                      {daysLeft(deadline)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {deadlines.hasNextPage && (
        <div className="panel__more">
          <span className="muted">{t("deadline.page.shown", { shown: rows.length, total })}</span>{" "}
          <button
            type="button"
            className="button button--secondary"
            disabled={deadlines.isFetchingNextPage}
            onClick={() => void deadlines.fetchNextPage()}
          >
            {deadlines.isFetchingNextPage ? t("app.loading") : t("deadline.page.more")}
          </button>
        </div>
      )}
    </section>
  );
}
