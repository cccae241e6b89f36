import { useTranslation } from "react-i18next";
import type { Plan } from "../api/get-plans";
import { PlanUploadForm } from "./PlanUploadForm";
import { PlanVersionItem } from "./PlanVersionItem";

type Props = {
  plan: Plan;
  dossierId: string;
  /** False once the dossier is submitted (or for readers who are not parties): no upload form. */
  editable: boolean;
};

export function PlanCard({ plan, dossierId, editable }: Props) {
  const { t } = useTranslation();
  const versions = [...plan.versions].sort((a, b) => b.number - a.number);
  return (
    <article
      className="card plan"
      data-testid="plan-card"
      data-plan-id={plan.id}
      aria-labelledby={`plan-${plan.id}-title`}
    >
      <header className="plan__header">
        <h3 id={`plan-${plan.id}-title`}>{plan.title}</h3>
        <span className="badge">{t(`plans.kinds.${plan.kind}`)}</span>
      </header>
      <h4>{t("versions.title")}</h4>
      {versions.length === 0 ? (
        <p className="muted">{t("plans.noVersions")}</p>
      ) : (
        <ul className="version-list">
          {versions.map((version) => (
            <li key={version.id}>
              <PlanVersionItem versionId={version.id} />
            </li>
          ))}
        </ul>
      )}
      {editable && <PlanUploadForm planId={plan.id} planTitle={plan.title} dossierId={dossierId} />}
    </article>
  );
}
