import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useCommissions } from "../api/get-commissions";
import { ClosedDays } from "./ClosedDays";
import { CreateCommission } from "./CreateCommission";
import { EditCommission } from "./EditCommission";
import { GenerateSessions } from "./GenerateSessions";
import { MembersPanel } from "./MembersPanel";
import { PlanningRuleForm } from "./PlanningRuleForm";
import { PlanningRules } from "./PlanningRules";
import { RequiredBodies } from "./RequiredBodies";
import { SessionsList } from "./SessionsList";

type Mode = "view" | "create" | "edit";

/**
 * The desk agent's planning: create or change a commission, seat its members, then its rules,
 * session generation and upcoming sessions.
 */
export function AgendaPage() {
  const { t } = useTranslation();
  const commissions = useCommissions();
  const [chosen, setChosen] = useState<string>("");
  const [mode, setMode] = useState<Mode>("view");
  const [notice, setNotice] = useState("");

  if (commissions.isPending) return <Loading />;
  if (commissions.isError) return <ErrorMessage error={commissions.error} />;
  const list = commissions.data;
  const commission = list.find((c) => c.id === chosen) ?? list[0];
  const switchTo = (next: Mode) => {
    setNotice("");
    setMode(next);
  };

  return (
    <section className="page" data-testid="agenda-page">
      <div className="page__header">
        <div>
          <h1>{t("agenda.title")}</h1>
          <p className="muted">{t("agenda.intro")}</p>
        </div>
        {mode !== "create" && (
          <button type="button" className="button" onClick={() => switchTo("create")}>
            {t("agenda.newCommission")}
          </button>
        )}
      </div>
      {mode === "create" && (
        <CreateCommission
          onCancel={() => switchTo("view")}
          onCreated={(created) => {
            setChosen(created.id);
            setMode("view");
            setNotice(t("agenda.created", { name: created.name }));
          }}
        />
      )}
      {notice && (
        <p className="alert alert--ok" role="status">
          {notice}
        </p>
      )}
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
                onChange={(event) => {
                  setChosen(event.target.value);
                  setNotice("");
                  if (mode === "edit") setMode("view");
                }}
              >
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.is_active ? c.name : t("agenda.inactive", { name: c.name })}
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
            {mode !== "edit" && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => switchTo("edit")}
              >
                {t("agenda.editCommission")}
              </button>
            )}
          </div>
          {mode === "edit" && (
            <EditCommission
              key={`edit-${commission.id}`}
              commission={commission}
              onCancel={() => switchTo("view")}
              onSaved={() => {
                setMode("view");
                setNotice(t("agenda.saved"));
              }}
            />
          )}
          <SessionsList commission={commission} />
          <div className="agenda-grid">
            <section className="card" aria-labelledby="rules-heading">
              <h2 id="rules-heading">{t("rules.title")}</h2>
              <PlanningRules commissionId={commission.id} />
              <PlanningRuleForm key={commission.id} commissionId={commission.id} />
            </section>
            <GenerateSessions key={commission.id} commissionId={commission.id} />
          </div>
          <MembersPanel key={`members-${commission.id}`} commission={commission} />
          <div className="agenda-grid agenda-grid--halves">
            <RequiredBodies key={`required-${commission.id}`} commission={commission} />
            <ClosedDays key={`closed-${commission.id}`} commissionId={commission.id} />
          </div>
        </>
      )}
    </section>
  );
}
