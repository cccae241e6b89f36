import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { meQueryOptions } from "@/api/me";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import { useDossier } from "../api/get-dossier";
import { useParties } from "../api/get-parties";
import { usePlans } from "../api/get-plans";
import { canEditDossier, canSubmitDossier } from "../policies";
import { AddPlanForm } from "./AddPlanForm";
import { HistoryPanel } from "./HistoryPanel";
import { PartiesPanel } from "./PartiesPanel";
import { PlanCard } from "./PlanCard";
import { StatusBadge } from "./StatusBadge";
import { SubmitDossier } from "./SubmitDossier";

export function DossierPage() {
  const { dossierId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const dossier = useDossier(dossierId);
  const plans = usePlans(dossierId);
  const me = useQuery(meQueryOptions());
  const parties = useParties(dossierId);

  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <ErrorMessage error={dossier.error} />;

  const d = dossier.data;
  // Until we know who we are and who the parties are, offer no change the API may refuse.
  const partyList = parties.data?.pages.flatMap((page) => page.results) ?? [];
  const canEdit = me.data ? canEditDossier(me.data, partyList, d.status) : false;
  const canSubmit = me.data ? canSubmitDossier(me.data, partyList, d.status) : false;
  const none = t("dossier.none");
  const coordinates =
    d.latitude != null && d.longitude != null ? `${d.latitude}, ${d.longitude}` : none;

  return (
    <section className="page" data-testid="dossier-page">
      <div className="page__header">
        <div>
          <p className="mono muted" data-testid="dossier-reference">
            {d.reference}
          </p>
          <h1>{d.title}</h1>
        </div>
        <div className="page__status">
          <StatusBadge status={d.status} />
          {canSubmit && <SubmitDossier dossierId={dossierId} />}
        </div>
      </div>

      <dl className="card details">
        <div>
          <dt>{t("dossier.procedure")}</dt>
          <dd>
            {d.procedure_type_name} ({d.procedure_type})
          </dd>
        </div>
        <div>
          <dt>{t("dossier.address")}</dt>
          <dd>{d.address || none}</dd>
        </div>
        <div>
          <dt>{t("dossier.coordinates")}</dt>
          <dd>{coordinates}</dd>
        </div>
        <div>
          <dt>{t("dossier.parcelReference")}</dt>
          <dd>{d.parcel_reference || none}</dd>
        </div>
        <div>
          <dt>{t("dossier.created")}</dt>
          <dd>{formatDateTime(d.created_at, i18n.language)}</dd>
        </div>
        {d.submitted_at && (
          <div>
            <dt>{t("dossier.submitted")}</dt>
            <dd>{formatDateTime(d.submitted_at, i18n.language)}</dd>
          </div>
        )}
        <div>
          <dt>{t("dossier.updated")}</dt>
          <dd>{formatDateTime(d.updated_at, i18n.language)}</dd>
        </div>
        {d.description && (
          <div className="details__wide">
            <dt>{t("dossier.description")}</dt>
            <dd className="prewrap">{d.description}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="plans-heading" className="plans">
        <h2 id="plans-heading">{t("plans.title")}</h2>
        {plans.isPending && <Loading />}
        {plans.isError && <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} />}
        {plans.data?.length === 0 && (
          <p className="empty">{canEdit ? t("plans.empty") : t("plans.emptyReadOnly")}</p>
        )}
        {plans.data && plans.data.length > 0 && (
          <ul className="plan-list">
            {plans.data.map((plan) => (
              <li key={plan.id}>
                <PlanCard plan={plan} dossierId={dossierId} editable={canEdit} />
              </li>
            ))}
          </ul>
        )}
        {canEdit && <AddPlanForm dossierId={dossierId} />}
      </section>

      <PartiesPanel dossierId={dossierId} canEdit={canEdit} />
      <HistoryPanel dossierId={dossierId} />
    </section>
  );
}
