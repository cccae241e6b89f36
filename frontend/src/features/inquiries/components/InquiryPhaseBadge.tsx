import { useTranslation } from "react-i18next";
import type { InquiryPhase } from "../policy";

export function InquiryPhaseBadge({ phase }: { phase: InquiryPhase }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--inquiry-${phase}`} data-phase={phase}>
      {t(`inquiries.phase.${phase}`)}
    </span>
  );
}
