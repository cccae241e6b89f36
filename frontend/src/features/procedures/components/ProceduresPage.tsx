import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import { type DeadlineRule, type Procedure, useCatalogue } from "../api/get-catalogue";
import { useFeeRuleText } from "../fee-rule";

const CATEGORIES = ["urban_planning", "economic"] as const;

/** The procedures by category, in the API's order; one the SPA does not know comes last. */
export function groupByCategory(procedures: readonly Procedure[]) {
  const groups = new Map<string, Procedure[]>(CATEGORIES.map((category) => [category, []]));
  for (const procedure of procedures) {
    const category = procedure.category ?? "urban_planning";
    groups.set(category, [...(groups.get(category) ?? []), procedure]);
  }
  return [...groups].filter(([, list]) => list.length > 0);
}

function DeadlineLine({ deadline }: { deadline: DeadlineRule }) {
  const { t } = useTranslation();
  const days =
    deadline.day_kind === "calendar"
      ? t("procedures.daysCalendar", { count: deadline.days })
      : t("procedures.daysWorking", { count: deadline.days });
  const silence =
    deadline.on_silence === "tacit_approval" || deadline.on_silence === "tacit_refusal"
      ? ` (${t(`procedures.onSilence.${deadline.on_silence}`)})`
      : "";
  const phase =
    deadline.phase === "completeness" || deadline.phase === "decision"
      ? t(`procedures.phases.${deadline.phase}`)
      : deadline.phase;
  return (
    <li>
      {t("procedures.deadlineLine", { phase, days })}
      {silence}
    </li>
  );
}

function ProcedureCard({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const feeText = useFeeRuleText();
  const headingId = useId();
  return (
    <article
      className="card procedure"
      aria-labelledby={headingId}
      data-testid="procedure"
      data-code={procedure.code}
    >
      <h3 id={headingId}>
        {procedure.name} <span className="mono muted">({procedure.code})</span>
      </h3>
      {procedure.description && <p className="prewrap">{procedure.description}</p>}
      <dl className="details">
        <div className="details__wide">
          <dt>{t("procedures.documents")}</dt>
          <dd>
            {procedure.checklist.length === 0 ? (
              t("procedures.noDocuments")
            ) : (
              <ul>
                {procedure.checklist.map((item) => (
                  <li key={item.code}>
                    {item.label}
                    {!item.required && ` (${t("procedures.optionalDocument")})`}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("procedures.deadlines")}</dt>
          <dd>
            {procedure.deadlines.length === 0 ? (
              t("procedures.noDeadlines")
            ) : (
              <ul>
                {procedure.deadlines.map((deadline) => (
                  <DeadlineLine key={deadline.phase} deadline={deadline} />
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("procedures.fee")}</dt>
          <dd data-testid="procedure-fee">{feeText(procedure.fee)}</dd>
        </div>
      </dl>
      <Link
        className="button"
        to={paths.newDossierFor(procedure.code)}
        aria-label={t("procedures.fileFor", { name: procedure.name })}
      >
        {t("procedures.file")}
      </Link>
    </article>
  );
}

/** Public: what can be filed, with what, how long it takes and what it costs. */
export function ProceduresPage() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  return (
    <section className="page">
      <h1>{t("procedures.title")}</h1>
      <p className="muted">{t("procedures.intro")}</p>
      {catalogue.isPending && <Loading />}
      {catalogue.isError && (
        <ErrorMessage error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      )}
      {catalogue.data?.length === 0 && <p className="empty">{t("procedures.empty")}</p>}
      {catalogue.data &&
        groupByCategory(catalogue.data).map(([category, procedures]) => (
          <section
            key={category}
            aria-labelledby={`procedures-${category}`}
            className="procedure-group"
            data-testid={`category-${category}`}
          >
            <h2 id={`procedures-${category}`}>
              {category === "urban_planning" || category === "economic"
                ? t(`procedures.categories.${category}`)
                : category}
            </h2>
            <ul className="procedure-list">
              {procedures.map((procedure) => (
                <li key={procedure.code}>
                  <ProcedureCard procedure={procedure} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
