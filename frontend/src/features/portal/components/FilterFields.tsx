import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { fieldErrorsOf } from "@/lib/api-error";
import { procedureName, type PublicProcedure } from "../api/get-map-config";

/** The procedure filter both portal pages share: "" for all, else a procedure's code. */
export function ProcedureField({
  value,
  procedures,
  error,
  onChange,
}: {
  value: string;
  procedures: readonly PublicProcedure[];
  error: unknown;
  onChange: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Field label={t("portal.filters.procedure")} errors={fieldErrorsOf(error, "procedure_type")}>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t("portal.filters.allProcedures")}</option>
        {procedures.map((procedure) => (
          <option key={procedure.code} value={procedure.code}>
            {procedureName(procedure, i18n.language)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * The commission filter both portal pages share: "" for all, else a commission's id. An id from
 * the page's URL that is not in the list still shows (as itself), so the select tells the truth.
 */
export function CommissionField({
  value,
  commissions,
  error,
  onChange,
}: {
  value: string;
  commissions: readonly { id: string; name: string }[];
  error: unknown;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const known = commissions.some((commission) => commission.id === value);
  return (
    <Field label={t("portal.filters.commission")} errors={fieldErrorsOf(error, "commission")}>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t("portal.filters.allCommissions")}</option>
        {!known && value && <option value={value}>{value}</option>}
        {commissions.map((commission) => (
          <option key={commission.id} value={commission.id}>
            {commission.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** "Clear the filters", shown by both portal pages while any filter is set. */
export function ClearFiltersButton({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button--secondary portal-filters__clear"
      onClick={onClear}
    >
      {t("portal.filters.clear")}
    </button>
  );
}
