import { useTranslation } from "react-i18next";
import { ErrorMessage } from "@/components/QueryState";
import { MIN_SEARCH, useParcelSearch } from "../api/search-parcels";
import type { Parcel } from "../api/query-keys";

type Props = {
  search: string;
  chosen: Parcel | null;
  onChoose: (parcel: Parcel) => void;
};

/** The parcels matching what the user typed, one to pick. */
export function ParcelChoice({ search, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const parcels = useParcelSearch(search);
  if (search.trim().length < MIN_SEARCH) return null;
  if (parcels.isError) {
    return <ErrorMessage error={parcels.error} onRetry={() => void parcels.refetch()} />;
  }
  const found = parcels.data?.results ?? [];
  if (parcels.isSuccess && found.length === 0) {
    return <p className="empty">{t("certificates.search.none")}</p>;
  }
  return (
    <fieldset className="checks checks--column" data-testid="parcel-choice">
      <legend>{t("certificates.search.results")}</legend>
      {found.map((parcel) => (
        <label key={parcel.id} className="checkbox">
          <input
            type="radio"
            name="parcel"
            checked={chosen?.id === parcel.id}
            onChange={() => onChoose(parcel)}
          />
          {t("certificates.search.parcel", {
            reference: parcel.reference,
            address: parcel.address || "—",
            authority: parcel.authority,
          })}
        </label>
      ))}
    </fieldset>
  );
}
