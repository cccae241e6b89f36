import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { fieldErrorsOf } from "@/lib/api-error";
import type { PublicProcedure } from "../api/get-map-config";
import type { CommissionOption } from "../indicators";
import type { IndicatorFilters } from "../query";
import { ClearFiltersButton, CommissionField, ProcedureField } from "./FilterFields";

type Props = {
  filters: IndicatorFilters;
  procedures: readonly PublicProcedure[];
  commissions: readonly CommissionOption[];
  error: unknown;
  onChange: (filters: IndicatorFilters) => void;
};

const MONTH = /^\d{4}-\d{2}$/;

/**
 * A month field. Browsers without a month picker show a text box: what is typed is only applied
 * once it is a whole month (YYYY-MM) or empty, so typing is not undone half-way.
 */
function MonthInput({
  value,
  onCommit,
  ...wiring
}: {
  value: string;
  onCommit: (month: string) => void;
  /** From Field: the id and ARIA attributes. */
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  return (
    <input
      {...wiring}
      key={value}
      type="month"
      defaultValue={value}
      placeholder="YYYY-MM"
      pattern="\d{4}-\d{2}"
      onChange={(event) => {
        const next = event.target.value;
        if (next === "" || MONTH.test(next)) onCommit(next);
      }}
    />
  );
}

export function IndicatorFiltersForm({ filters, procedures, commissions, error, onChange }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<IndicatorFilters>) => onChange({ ...filters, ...change });
  const any = Object.values(filters).some(Boolean);
  return (
    <form
      className="portal-filters"
      role="search"
      aria-label={t("portal.openData.filters")}
      onSubmit={(event) => event.preventDefault()}
    >
      <ProcedureField
        value={filters.procedureType}
        procedures={procedures}
        error={error}
        onChange={(procedureType) => set({ procedureType })}
      />
      <CommissionField
        value={filters.commission}
        commissions={commissions}
        error={error}
        onChange={(commission) => set({ commission })}
      />
      <Field
        label={t("portal.openData.monthFrom")}
        hint={t("portal.openData.monthHint")}
        errors={fieldErrorsOf(error, "month_from")}
      >
        <MonthInput value={filters.monthFrom} onCommit={(monthFrom) => set({ monthFrom })} />
      </Field>
      <Field
        label={t("portal.openData.monthTo")}
        hint={t("portal.openData.monthHint")}
        errors={fieldErrorsOf(error, "month_to")}
      >
        <MonthInput value={filters.monthTo} onCommit={(monthTo) => set({ monthTo })} />
      </Field>
      {any && (
        <ClearFiltersButton
          onClear={() =>
            onChange({ procedureType: "", commission: "", monthFrom: "", monthTo: "" })
          }
        />
      )}
    </form>
  );
}
