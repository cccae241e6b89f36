import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { fieldErrorsOf } from "@/lib/api-error";
import type { PublicCommission, PublicProcedure } from "../api/get-map-config";
import type { ProjectFilters } from "../query";
import { ClearFiltersButton, CommissionField, ProcedureField } from "./FilterFields";

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
  const { t } = useTranslation();
  const set = (change: Partial<ProjectFilters>) => onChange({ ...filters, ...change });
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
      <ProcedureField
        value={filters.procedureType}
        procedures={procedures}
        error={error}
        onChange={(procedureType) => set({ procedureType })}
      />
      {commissions.length > 0 && (
        <CommissionField
          value={filters.commission}
          commissions={commissions}
          error={error}
          onChange={(commission) => set({ commission })}
        />
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
        <ClearFiltersButton
          onClear={() =>
            onChange({ procedureType: "", commission: "", decidedAfter: "", decidedBefore: "" })
          }
        />
      )}
    </form>
  );
}
