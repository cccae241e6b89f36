import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { procedureName } from "../api/get-map-config";
import type { ProjectFeature } from "../api/get-projects";
import { formatDay } from "../format";

type Props = {
  projects: readonly ProjectFeature[];
  selected: string | null;
  /** Centre the map on this project. */
  onShow: (reference: string) => void;
  busy: boolean;
};

const rowId = (reference: string) => `project-${reference.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/** The projects the map shows, as a table: the accessible way through them. */
export function ProjectsTable({ projects, selected, onShow, busy }: Props) {
  const { t, i18n } = useTranslation();

  // A marker clicked on the map brings its row into view.
  useEffect(() => {
    if (selected) document.getElementById(rowId(selected))?.scrollIntoView?.({ block: "nearest" });
  }, [selected]);

  return (
    <div className="table-wrap portal-projects" aria-busy={busy}>
      <table className="table" data-testid="projects-table">
        <caption className="visually-hidden">{t("portal.map.listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("portal.map.columns.reference")}</th>
            <th scope="col">{t("portal.map.columns.procedure")}</th>
            <th scope="col">{t("portal.map.columns.decidedAt")}</th>
            <th scope="col">{t("portal.map.columns.address")}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map(({ geometry, properties }) => {
            const { reference } = properties;
            const placed = geometry !== null;
            return (
              <tr
                key={reference}
                id={rowId(reference)}
                className={placed ? "portal-projects__row" : undefined}
                aria-current={reference === selected ? "true" : undefined}
                data-testid="project-row"
                onClick={placed ? () => onShow(reference) : undefined}
              >
                <td className="nowrap">
                  {placed ? (
                    <button
                      type="button"
                      className="link-button mono"
                      title={t("portal.map.showOnMap", { reference })}
                      onClick={(event) => {
                        event.stopPropagation();
                        onShow(reference);
                      }}
                    >
                      {reference}
                    </button>
                  ) : (
                    <span className="mono">{reference}</span>
                  )}
                </td>
                <td>
                  {procedureName(
                    {
                      name_fr: properties.procedure_name_fr,
                      name_en: properties.procedure_name_en,
                    },
                    i18n.language,
                  )}
                </td>
                <td className="nowrap">
                  {formatDay(properties.decided_at, i18n.language)}
                  {properties.decision === "granted_with_conditions" && (
                    <span className="muted small portal-projects__conditions">
                      {" "}
                      {t("portal.map.withConditions")}
                    </span>
                  )}
                </td>
                <td>{properties.address}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
