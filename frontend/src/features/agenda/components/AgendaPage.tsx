import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useCommissions } from "../api/get-commissions";
import { GenerateSessions } from "./GenerateSessions";
import { PlanningRuleForm } from "./PlanningRuleForm";
import { PlanningRules } from "./PlanningRules";
import { SessionsList } from "./SessionsList";

/** The desk agent's planning: a commission's rules, session generation, upcoming sessions. */
export function AgendaPage() {
  const { t } = useTranslation();
  const commissions = useCommissions();
  const [chosen, setChosen] = useState<string>("");

  if (commissions.isPending) return <Loading />;
  if (commissions.isError) return <ErrorMessage error={commissions.error} />;
  const list = commissions.data;
  const commission = list.find((c) => c.id === chosen) ?? list[0];

  return (
    <section className="page" data-testid="agenda-page">
      <div className="page__header">
        <div>
          <h1>{t("agenda.title")}</h1>
          <p className="muted">{t("agenda.intro")}</p>
        </div>
      </div>
      {!commission ? (
        <p className="empty">{t("agenda.noCommission")}</p>
      ) : (
        <>
          <div className="toolbar">
            <div className="field field--inline">
              <label htmlFor="agenda-commission">{t("agenda.commission")}</label>
              <select
                id="agenda-commission"
                value={commission.id}
                onChange={(event) => setChosen(event.target.value)}
              >
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <p className="muted">
              {t("agenda.commissionFacts", {
                zone: commission.timezone,
                procedures: commission.procedure_types.join(", "),
              })}
            </p>
          </div>
          <SessionsList commission={commission} />
          <div className="agenda-grid">
            <section className="card" aria-labelledby="rules-heading">
              <h2 id="rules-heading">{t("rules.title")}</h2>
              <PlanningRules commissionId={commission.id} />
              <PlanningRuleForm key={commission.id} commissionId={commission.id} />
            </section>
            <GenerateSessions key={commission.id} commissionId={commission.id} />
          </div>
        </>
      )}
    </section>
  );
}
