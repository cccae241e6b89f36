import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import { formatTimeInZone } from "@/lib/zoned-time";
import { type AgendaItem, useAgenda } from "../api/get-agenda";
import type { Session } from "../api/get-sessions";
import { useReorderAgenda } from "../api/reorder-agenda";
import { moveItem } from "../reorder";

/** The order of business; ↑/↓ move a dossier and send the whole new order at once. */
export function AgendaTable({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const agenda = useAgenda(session.id);
  const reorder = useReorderAgenda(session.id);

  if (agenda.isPending) return <Loading />;
  if (agenda.isError) return <ErrorMessage error={agenda.error} />;
  // While the new order is on its way, show it.
  const items: AgendaItem[] = reorder.isPending
    ? (reorder.variables
        .map((id) => agenda.data.find((item) => item.booking === id))
        .filter(Boolean) as AgendaItem[])
    : agenda.data;
  const move = (index: number, by: -1 | 1) =>
    reorder.mutate(moveItem(items, index, by).map((item) => item.booking));
  const editable = session.status === "planned" || session.status === "published";

  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("session.agenda")}</h2>
      <MutationError error={reorder.error} />
      {items.length === 0 ? (
        <p className="empty">{t("session.emptyAgenda")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="agenda-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("session.position")}
                </th>
                <th scope="col">{t("session.time")}</th>
                <th scope="col">{t("session.reference")}</th>
                <th scope="col">{t("session.applicant")}</th>
                <th scope="col">{t("session.address")}</th>
                <th scope="col">{t("session.procedure")}</th>
                <th scope="col">{t("session.rapporteur")}</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t("session.order")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <tr key={item.booking} data-testid="agenda-row" data-booking-id={item.booking}>
                  <td className="num">{index + 1}</td>
                  <td className="nowrap">
                    {formatTimeInZone(item.starts_at, i18n.language, session.timezone)}
                  </td>
                  <td className="nowrap">
                    <Link className="mono" to={paths.dossier(item.dossier)}>
                      {item.reference}
                    </Link>
                    <div className="muted small">{item.title}</div>
                  </td>
                  <td>{item.applicant}</td>
                  <td>{item.address || "—"}</td>
                  <td>{item.procedure_type}</td>
                  <td>{item.rapporteur ?? t("session.noRapporteur")}</td>
                  {editable && (
                    <td className="nowrap">
                      <button
                        type="button"
                        className="icon-button"
                        disabled={index === 0 || reorder.isPending}
                        onClick={() => move(index, -1)}
                        aria-label={t("session.moveUp", { reference: item.reference })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        disabled={index === items.length - 1 || reorder.isPending}
                        onClick={() => move(index, 1)}
                        aria-label={t("session.moveDown", { reference: item.reference })}
                      >
                        ↓
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
