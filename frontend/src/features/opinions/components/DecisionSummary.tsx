import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/client";
import { formatDateTime } from "@/lib/format";

type Decision = components["schemas"]["Decision"];

/** The signing authority's decision, for everyone who sees the dossier, at the top of it. */
export function DecisionSummary({ decision }: { decision: Decision }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <section
      className={`card decision decision--${decision.value}`}
      aria-labelledby={headingId}
      data-testid="decision"
    >
      <h2 id={headingId}>{t("opinions.decision.title")}</h2>
      <p className="decision__value" data-value={decision.value}>
        {t(`opinions.decision.values.${decision.value}`)}
      </p>
      <p className="prewrap">{decision.text}</p>
      <p className="muted small">
        {t("opinions.decision.by", {
          name: decision.decided_by,
          date: formatDateTime(decision.decided_at, i18n.language),
        })}
      </p>
    </section>
  );
}
