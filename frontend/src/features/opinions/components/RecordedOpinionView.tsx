import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import type { RecordedOpinion } from "../api/get-opinions";
import { useOpinionLabel } from "./use-opinion-label";

/**
 * The commission's recorded opinion. `showRule`: the commission's side also learns whether it
 * departs from what the rule proposed.
 */
export function RecordedOpinionView({
  recorded,
  showRule,
}: {
  recorded: RecordedOpinion;
  showRule: boolean;
}) {
  const { t, i18n } = useTranslation();
  const label = useOpinionLabel();
  const departs = showRule && recorded.proposed !== recorded.value;
  return (
    <div className="recorded-opinion" data-testid="recorded-opinion" data-value={recorded.value}>
      <p className="recorded-opinion__value">
        {t("opinions.recorded.value", { value: label(recorded.value) })}
      </p>
      {recorded.reasons && (
        <p className="prewrap">
          <strong>{t("opinions.recorded.reasons")}</strong> {recorded.reasons}
        </p>
      )}
      {recorded.conditions && (
        <p className="prewrap">
          <strong>{t("opinions.recorded.conditions")}</strong> {recorded.conditions}
        </p>
      )}
      {departs && (
        <p className="muted small">
          {recorded.proposed
            ? t("opinions.recorded.departs", { value: label(recorded.proposed) })
            : t("opinions.recorded.noProposal")}
        </p>
      )}
      <p className="muted small">
        {t("opinions.recorded.by", {
          name: recorded.recorded_by,
          date: formatDateTime(recorded.recorded_at, i18n.language),
        })}
      </p>
    </div>
  );
}
