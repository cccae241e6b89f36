import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import { formatDateTimeInZone } from "@/lib/zoned-time";
import { useReviewTasks } from "../api/get-review-tasks";
import { CalendarFeed } from "./CalendarFeed";

/** A commission member's dossiers to examine before their sessions, and their calendar feed. */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const tasks = useReviewTasks();

  return (
    <section className="page" data-testid="review-queue">
      <div className="page__header">
        <h1>{t("reviews.title")}</h1>
      </div>
      <section className="review-tasks" aria-labelledby="review-tasks-heading">
        <h2 id="review-tasks-heading" className="visually-hidden">
          {t("reviews.title")}
        </h2>
        {tasks.isPending && <Loading />}
        {tasks.isError && <ErrorMessage error={tasks.error} onRetry={() => void tasks.refetch()} />}
        {tasks.data?.length === 0 && <p className="empty">{t("reviews.empty")}</p>}
        {tasks.data && tasks.data.length > 0 && (
          <div className="table-wrap">
            <table className="table" data-testid="review-tasks">
              <thead>
                <tr>
                  <th scope="col">{t("reviews.session")}</th>
                  <th scope="col">{t("reviews.commission")}</th>
                  <th scope="col">{t("reviews.reference")}</th>
                  <th scope="col">{t("reviews.dossierTitle")}</th>
                  <th scope="col">{t("reviews.address")}</th>
                  <th scope="col">{t("reviews.procedure")}</th>
                  <th scope="col">{t("reviews.opinion")}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.data.map((task) => (
                  <tr key={task.id} data-testid="review-task">
                    <td className="nowrap">
                      {/* The commission's zone, as on its agenda and convocations. */}
                      {formatDateTimeInZone(task.session_starts_at, i18n.language, task.timezone)}
                    </td>
                    <td>{task.commission_name}</td>
                    <td className="nowrap">
                      <Link className="mono" to={paths.dossier(task.dossier)}>
                        {task.dossier_reference}
                      </Link>
                    </td>
                    <td>{task.dossier_title}</td>
                    <td>{task.dossier_address || "—"}</td>
                    <td>{task.procedure_type}</td>
                    <td className="nowrap">
                      {/* The opinion form is on the dossier page (features/opinions). */}
                      <Link to={`${paths.dossier(task.dossier)}#my-opinion`}>
                        {task.opinion ? t("reviews.changeOpinion") : t("reviews.giveOpinion")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CalendarFeed />
    </section>
  );
}
