import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/client";
import { meQueryOptions } from "@/api/me";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useDossierDocuments } from "../api/get-dossier-documents";
import { hasAuthorisedPlans, isDecided, isDossierDesk } from "../policy";
import { DocumentItem } from "./DocumentItem";
import { PrepareButton } from "./PrepareButton";

type DossierDetail = components["schemas"]["DossierDetail"];

/**
 * "Documents signés": the decision and the authorised plans, with their signers, PDF and
 * verification code. The dossier's desk prepares them once the decision is recorded and may
 * withdraw one still being signed. Hidden before the decision.
 */
export function DocumentsPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const decided = isDecided(dossier);
  const me = useQuery(meQueryOptions());
  const documents = useDossierDocuments(dossier.id, { enabled: decided });

  if (!decided) return null;
  const desk = isDossierDesk(me.data, dossier);
  const list = documents.data ?? [];
  // The list leaves out withdrawn documents: one being signed or signed blocks another.
  const has = (kind: string) => list.some((document) => document.kind === kind);

  return (
    <section
      className="card signed-documents"
      aria-labelledby={headingId}
      data-testid="signed-documents"
    >
      <h2 id={headingId}>{t("signatures.panel.title")}</h2>
      {documents.isPending && <Loading />}
      {documents.isError && (
        <ErrorMessage error={documents.error} onRetry={() => void documents.refetch()} />
      )}
      {documents.isSuccess && list.length === 0 && (
        <p className="empty">
          {desk ? t("signatures.panel.empty") : t("signatures.panel.emptyReadOnly")}
        </p>
      )}
      {list.length > 0 && (
        <ul className="signed-documents__list">
          {list.map((document) => (
            <li key={document.id}>
              <DocumentItem document={document} canWithdraw={desk} />
            </li>
          ))}
        </ul>
      )}
      {desk && documents.isSuccess && (
        <div className="signed-documents__actions">
          {!has("decision") && (
            <PrepareButton
              dossierId={dossier.id}
              kind="decision"
              label={t("signatures.panel.prepareDecision")}
              pendingLabel={t("signatures.panel.preparing")}
              hint={t("signatures.panel.prepareDecisionHint")}
            />
          )}
          {hasAuthorisedPlans(dossier) && !has("authorised_plans") && (
            <PrepareButton
              dossierId={dossier.id}
              kind="authorised_plans"
              label={t("signatures.panel.preparePlans")}
              pendingLabel={t("signatures.panel.preparing")}
              hint={t("signatures.panel.preparePlansHint")}
            />
          )}
        </div>
      )}
    </section>
  );
}
