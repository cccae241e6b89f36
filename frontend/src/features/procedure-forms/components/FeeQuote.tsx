import { useTranslation } from "react-i18next";
import { formatMoney } from "@/lib/format";
import { useFeeQuote } from "../api/get-fee-quote";
import type { FormData } from "../schema";

type Props = {
  procedureType: string;
  formData: FormData;
  /** The words before the amount; "Frais à payer" by default. */
  label?: string;
};

/** The fee the answers lead to, asked again as they change, with how it is reached. */
export function FeeQuote({ procedureType, formData, label }: Props) {
  const { t, i18n } = useTranslation();
  const quote = useFeeQuote(procedureType, formData);
  const data = quote.data;
  return (
    <div className="card fee-quote" role="status" aria-live="polite" data-testid="fee-quote">
      {data ? (
        <>
          <p>
            <strong>{label ?? t("fees.quoteLabel")}</strong>{" "}
            <span data-testid="fee-amount">
              {Number(data.amount) === 0
                ? t("fees.free")
                : formatMoney(data.amount, data.currency, i18n.language)}
            </span>
            {quote.isUpdating && <span className="muted"> {t("fees.updating")}</span>}
          </p>
          {data.explanation && <p className="muted">{data.explanation}</p>}
        </>
      ) : quote.isError ? (
        <p className="muted">{t("fees.unavailable")}</p>
      ) : (
        <p className="muted">{t("fees.computing")}</p>
      )}
    </div>
  );
}
