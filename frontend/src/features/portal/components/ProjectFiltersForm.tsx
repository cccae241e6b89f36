import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { fieldErrorsOf } from "@/lib/api-error";
import { procedureName, type PublicCommission, type PublicProcedure } from "../api/get-map-config";
import type { ProjectFilters } from "../query";

type Props = {
  filters: ProjectFilters;
  procedures: readonly PublicProcedure[];
  /** From the map's configuration; without any, there is no commission filter. */
  commissions: readonly PublicCommission[];
  /** The projects' last error: its field messages go next to the fields. */
  error: unknown;
  onChange: (filters: ProjectFilters) => void;
};

/** Procedure, commission and decision dates; each change applies at once, to the map and the list. */
export function ProjectFiltersForm({ filters, procedures, commissions, error, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const set = (change: Partial<ProjectFilters>) => onChange({ ...filters, ...change });
  const known = commissions.some((commission) => commission.id === filters.commission);
  const any = Boolean(
    filters.procedureType || filters.commission || filters.decidedAfter || filters.decidedBefore,
  );
  return (
    <form
      className="portal-filters"
      role="search"
      aria-label={t("portal.map.filters")}
      onSubmit={(event) => event.preventDefault()}
    >
      <Field label={t("portal.filters.procedure")} errors={fieldErrorsOf(error, "procedure_type")}>
        <select
          value={filters.procedureType}
          onChange={(event) => set({ procedureType: event.target.value })}
        >
          <option value="">{t("portal.filters.allProcedures")}</option>
          {procedures.map((procedure) => (
            <option key={procedure.code} value={procedure.code}>
              {procedureName(procedure, i18n.language)}
            </option>
          ))}
        </select>
      </Field>
      {commissions.length > 0 && (
        <Field label={t("portal.filters.commission")} errors={fieldErrorsOf(error, "commission")}>
          <select
            value={filters.commission}
            onChange={(event) => set({ commission: event.target.value })}
          >
            <option value="">{t("portal.filters.allCommissions")}</option>
            {!known && filters.commission && (
              <option value={filters.commission}>{filters.commission}</option>
            )}
            {commissions.map((commission) => (
              <option key={commission.id} value={commission.id}>
                {commission.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t("portal.map.decidedAfter")} errors={fieldErrorsOf(error, "decided_after")}>
        <input
          type="date"
          value={filters.decidedAfter}
          onChange={(event) => set({ decidedAfter: event.target.value })}
        />
      </Field>
      <Field label={t("portal.map.decidedBefore")} errors={fieldErrorsOf(error, "decided_before")}>
        <input
          type="date"
          value={filters.decidedBefore}
          onChange={(event) => set({ decidedBefore: event.target.value })}
        />
      </Field>
      {any && (
        <button
          type="button"
          className="button button--secondary portal-filters__clear"
          onClick={() =>
            onChange({ procedureType: "", commission: "", decidedAfter: "", decidedBefore: "" })
          }
        >
          {t("portal.filters.clear")}
        </button>
      )}
    </form>
  );
}
