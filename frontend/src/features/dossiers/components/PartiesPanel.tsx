import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useParties } from "../api/get-parties";
import { AddPartyForm } from "./AddPartyForm";

/** Who acts for the dossier; those who may edit it can give access to someone else. */
export function PartiesPanel({ dossierId, canEdit }: { dossierId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const parties = useParties(dossierId);
  const list = parties.data?.pages.flatMap((page) => page.results) ?? [];

  return (
    <section aria-labelledby="parties-heading" className="panel" data-testid="parties-panel">
      <h2 id="parties-heading">{t("parties.title")}</h2>
      {parties.isPending && <Loading />}
      {parties.isError && (
        <ErrorMessage error={parties.error} onRetry={() => void parties.refetch()} />
      )}
      {parties.isSuccess && list.length === 0 && <p className="empty">{t("parties.empty")}</p>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="parties-table">
            <thead>
              <tr>
                <th scope="col">{t("parties.email")}</th>
                <th scope="col">{t("parties.name")}</th>
                <th scope="col">{t("parties.role")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((party) => (
                <tr key={party.email} data-testid="party-row">
                  <td>{party.email}</td>
                  <td>{party.full_name || t("dossier.none")}</td>
                  <td>{t(`roles.${party.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {parties.hasNextPage && (
        <div className="panel__more">
          <button
            type="button"
            className="button button--secondary"
            disabled={parties.isFetchingNextPage}
            onClick={() => void parties.fetchNextPage()}
          >
            {parties.isFetchingNextPage ? t("app.loading") : t("parties.more")}
          </button>
        </div>
      )}
      {canEdit && <AddPartyForm dossierId={dossierId} />}
    </section>
  );
}
