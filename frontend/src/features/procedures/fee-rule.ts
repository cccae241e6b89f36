import { useTranslation } from "react-i18next";
import { formatMoney } from "@/lib/format";
import type { FeeRule } from "./api/get-catalogue";

/**
 * A fee rule in words: "500,00 MAD", "5,00 MAD par m² (minimum 500,00 MAD, maximum …)",
 * "1 000,00 MAD + 50,00 MAD par logement". No rule, or a rule that comes to nothing: free.
 */
export function useFeeRuleText() {
  const { t, i18n } = useTranslation();
  return (fee: FeeRule | null): string => {
    if (!fee) return t("procedures.feeFree");
    const money = (amount: string) => formatMoney(amount, fee.currency, i18n.language);
    const fixed = Number(fee.amount) > 0 ? money(fee.amount) : null;
    if (fee.basis === "fixed") return fixed ?? t("procedures.feeFree");
    const rate = money(fee.rate);
    const variable =
      fee.basis === "per_m2"
        ? t("procedures.feePerM2", { rate })
        : t("procedures.feePerDwelling", { rate });
    const text = fixed ? t("procedures.feePlus", { fixed, variable }) : variable;
    const bounds = [
      fee.minimum !== null ? t("procedures.feeMinimum", { amount: money(fee.minimum) }) : null,
      fee.maximum !== null ? t("procedures.feeMaximum", { amount: money(fee.maximum) }) : null,
    ].filter((bound): bound is string => bound !== null);
    return bounds.length ? `${text} (${bounds.join(", ")})` : text;
  };
}
