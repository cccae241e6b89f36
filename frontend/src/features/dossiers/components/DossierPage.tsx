import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import { type DossierDetail, useDossier } from "../api/get-dossier";
import { usePlans } from "../api/get-plans";
import { AddPlanForm } from "./AddPlanForm";
import { FollowUpsPanel, ParentPermitLine } from "./FollowUpsPanel";
import { HistoryPanel } from "./HistoryPanel";
import { PartiesPanel } from "./PartiesPanel";
import { PlanCard } from "./PlanCard";
import { ProcedureFormPanel } from "./ProcedureFormPanel";
import { StatusBadge } from "./StatusBadge";
import { SubmitDossier } from "./SubmitDossier";

type Props = {
  /**
   * The commission booking block, shown when the API lets the user book (`can_book`). Given by
   * the app's routes: the booking feature is not imported from here.
   */
  renderBooking?: (dossier: DossierDetail) => ReactNode;
  /**
   * The processing block (requests to the applicant, the desk's lifecycle actions), shown under
   * the details to everyone who sees the dossier; it decides itself what to show from
   * `permissions.actions`. Given by the app's routes, like `renderBooking`.
   */
  renderInstruction?: (dossier: DossierDetail) => ReactNode;
  /**
   * The public inquiry (its periods; the desk opens one and reads the observations), shown after
   * the processing block; it decides itself whether to show (to others than the desk, only once
   * an inquiry exists). Given by the app's routes, like `renderBooking`.
   */
  renderInquiries?: (dossier: DossierDetail) => ReactNode;
  /**
   * The signing authority's decision, shown to everyone under the title once the API sends it
   * (`dossier.decision`). Given by the app's routes, like `renderBooking`.
   */
  renderDecision?: (decision: NonNullable<DossierDetail["decision"]>) => ReactNode;
  /**
   * The legal deadline of the current phase, shown to everyone under the title while one runs
   * (`dossier.deadline`). Given by the app's routes, like `renderBooking`.
   */
  renderDeadline?: (deadline: NonNullable<DossierDetail["deadline"]>) => ReactNode;
  /**
   * The commissions' opinions, shown after the processing block; it decides itself what this
   * user sees (the members' opinions or only the recorded one) and may do.
   */
  renderOpinions?: (dossier: DossierDetail) => ReactNode;
  /**
   * The signed documents (the decision, the authorised plans), shown after the opinions; it
   * decides itself whether to show (once decided) and what this user may do.
   */
  renderDocuments?: (dossier: DossierDetail) => ReactNode;
  /**
   * The fee and its payments (pay online, the return from the provider, receipts, refunds),
   * shown after the procedure's answers; it decides itself whether there is anything to show.
   */
  renderPayments?: (dossier: DossierDetail) => ReactNode;
};

export function DossierPage({
  renderBooking,
  renderInstruction,
  renderInquiries,
  renderDecision,
  renderDeadline,
  renderOpinions,
  renderDocuments,
  renderPayments,
}: Props = {}) {
  const { dossierId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const dossier = useDossier(dossierId);
  const plans = usePlans(dossierId);

  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <ErrorMessage error={dossier.error} />;

  const d = dossier.data;
  // The API says what this user may do with this dossier now; nothing is offered otherwise.
  const { can_edit: canEdit, can_submit: canSubmit, can_book: canBook } = d.permissions;
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
          {d.parent && <ParentPermitLine parent={d.parent} />}
        </div>
        <div className="page__status">
          <StatusBadge status={d.status} />
          {canSubmit && <SubmitDossier dossier={d} />}
        </div>
      </div>

      {d.decision && renderDecision?.(d.decision)}
      {d.deadline && renderDeadline?.(d.deadline)}

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

      {/* Keyed: the answers being edited belong to this dossier. */}
      <ProcedureFormPanel key={`form-${d.id}`} dossier={d} />
      {renderPayments?.(d)}

      {/* Keyed: a follow-up just opened is another dossier on this same route. */}
      <FollowUpsPanel key={`follow-ups-${d.id}`} dossier={d} />
      {renderInstruction?.(d)}
      {renderInquiries?.(d)}
      {renderOpinions?.(d)}
      {renderDocuments?.(d)}
      {canBook && renderBooking?.(d)}

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
